"""A Content-Length of "²" (the byte 0xB2, read as Latin-1) passes ``str.isdigit`` but not
``int()``: the interview's guard raised instead of refusing the request."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from asgi_call import run_apart  # noqa: E402

from docgen.web.security import Guard  # noqa: E402


def _status(length: bytes) -> int:
    sent: list[dict] = []

    async def app(scope, receive, send):  # never reached for a refused request
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [
        (b"content-length", length), (b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 8000), "scheme": "http", "query_string": b""}
    run_apart(lambda: Guard(app, max_body=100)(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


@pytest.mark.parametrize("length", [b"\xb2", b"1\xb2", b"999"])
def test_a_length_that_is_not_a_plain_number_or_too_large_is_refused(length: bytes) -> None:
    assert _status(length) == 413


def test_a_small_plain_length_goes_through() -> None:
    assert _status(b"10") == 200
