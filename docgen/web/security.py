"""Safe by default: request size limits, cross-site request refusal, CSRF tokens, headers.

Forms carry a token that must equal the ``docgen_csrf`` cookie (double submit);
every POST is also refused when the browser says it came from another site
(``Sec-Fetch-Site`` / ``Origin``). The API takes no cookie, so it relies on the
Origin check: other programs send no Origin, browsers on other sites do.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docgen.api.interview import MAX_ANSWER_BYTES

CSRF_COOKIE = "docgen_csrf"
CSRF_FIELD = "csrf_token"
MAX_BODY = MAX_ANSWER_BYTES + 64_000  # an answer file as the CLI allows it, plus form overhead
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make Origin "null"
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
     b"form-action 'self'; frame-ancestors 'none'"),
]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def _bare(name: str) -> str:
    """A host name or address as compared: lower case, no brackets, no port."""
    name = name.strip().lower()
    if name.startswith("["):
        return name[1:].split("]", 1)[0]
    return name.rsplit(":", 1)[0] if name.count(":") == 1 else name


def host_names(host: str, allow: tuple[str, ...] = ()) -> list[str]:
    """The names a request may address this server by: the loopback names, ``host`` itself,
    and for a wildcard (0.0.0.0, ::) this computer's own names and addresses; plus
    ``allow`` (``--allow-host``). Anything else is refused (DNS rebinding)."""
    names = {*LOOPBACK_NAMES, _bare(host), *(_bare(a) for a in allow)}
    if _bare(host) in ("0.0.0.0", "::"):
        own = {socket.gethostname(), socket.getfqdn()}
        for name in list(own):
            with contextlib.suppress(OSError):
                names.update(str(i[4][0]) for i in socket.getaddrinfo(name, None))
        names.update(own)
    elif not is_loopback(host):
        with contextlib.suppress(OSError):
            names.add(socket.getfqdn(_bare(host)))
    return sorted(n.lower() for n in names if n and n not in WILDCARDS)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_ok(cookie: str | None, posted: str | None) -> bool:
    if not cookie or not posted:
        return False
    return hmac.compare_digest(cookie, posted)


def _header(scope: Scope, name: bytes) -> str | None:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


def cross_site(scope: Scope, names: frozenset[str] = frozenset()) -> bool:
    """True when a browser tells us the request was made by a page on another site, or
    (``names`` given) by a page whose host is not one of this server's names."""
    if _header(scope, b"sec-fetch-site") in ("cross-site", "same-site"):
        return True
    origin = _header(scope, b"origin")
    if origin is None:
        return False
    host = _header(scope, b"host") or ""
    netloc = urlsplit(origin).netloc
    if origin == "null" or netloc != host:
        return True
    return bool(names) and _bare(netloc) not in names


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: refuse oversized bodies and cross-site POSTs; add safety headers."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY,
                 names: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.max_body = max_body
        self.names = names  # off loopback: an Origin must name one of these hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD", "POST"):
            await _plain(send, 405, "docgen serve answers GET and POST only")
            return
        if scope["method"] == "POST" and cross_site(scope, self.names):
            await _plain(send, 403, "refused: this request came from another web site. "
                         "Use the docgen pages themselves, or call the API without an "
                         "Origin header")
            return
        length = _header(scope, b"content-length")
        if length is not None and (not (length.isascii() and length.isdigit())  # not "²"
                                   or int(length) > self.max_body):
            await _plain(send, 413, f"refused: the request is larger than {self.max_body:,} "
                         "bytes (answer files are limited to 1 MB)")
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLarge()
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, limited, with_headers)
        except TooLarge:
            if not started:  # the app's error page normally answers; never send twice
                await _plain(send, 413, TooLarge.TEXT)
        except ClientDisconnect:
            return  # the client went away mid-upload: nobody to answer, nothing to log


class TooLarge(HTTPException):
    """A streamed (chunked) request body passed the limit: the app's error page shows 413."""

    TEXT = "refused: the request body is too large (answer files are limited to 1 MB)"

    def __init__(self) -> None:
        super().__init__(413, self.TEXT)
