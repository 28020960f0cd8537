"""Opening a post whose file changed after a draft of it was given changes (not saved)
told the officer of that older draft only the first time: the second open reused the
clean draft of the file as it is now and said nothing, so the older unsaved changes were
listed on the start page alone. Every open of the post now says so, on the page it opens
on, and only there: the notice is not repeated on the pages after."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402

NAME = "shared-head-of-hr.yaml"
SAID = f"You also have a draft of {NAME} with changes not saved yet."


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _id(web: Interview) -> str:
    return web.base.rsplit("/", 1)[1]


def test_a_reused_draft_still_tells_of_older_unsaved_changes(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    older = _id(web)
    web.submit("about", jurisdiction="scotland")  # changes not saved
    path = folder / NAME
    path.write_text(path.read_text().replace("Morgan Ellis", "Morgan Ellis-Jones"))

    first = web.open(NAME)  # a new draft of the file as it is now, told of the older one
    clean = _id(web)
    assert clean != older and SAID in _text(first)
    assert SAID not in _text(web.client.get(f"{web.base}/check").text)  # said once

    again = web.open(NAME)  # the clean draft reused: still told, with the link
    assert _id(web) == clean
    assert SAID in _text(again), _text(again)[:1500]
    assert lxml.html.fromstring(again).xpath(
        "//a[text()='Open your draft with changes not saved']/@href") == [
        f"/edit/{older}/check"]
    for slug in ("check", "about", "payment"):  # and not on every page after
        assert SAID not in _text(web.client.get(f"{web.base}/{slug}").text), slug


def test_a_reused_draft_with_no_older_changes_says_nothing(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    first = _id(web)
    shown = web.open(NAME)
    assert _id(web) == first and "not saved yet" not in _text(shown)
