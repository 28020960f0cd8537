"""Opening a saved post while a draft of it holds changes not saved yet started a second
copy, from the file, with no word of the changes; saving that copy and then the draft said
the post "was changed by someone else since you opened it" (HR walkthrough, item 2). The
officer is now taken to their draft, told its changes are not saved, and offered to start
again from the saved file by deleting it; the start page says which posts have changes
not saved. A draft opened before the file last changed is not reused (it cannot be saved
over the file): the post opens as saved, with a link to that draft."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402

NAME = "shared-head-of-hr.yaml"


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _id(web: Interview) -> str:
    return web.base.rsplit("/", 1)[1]


def _law(web: Interview) -> str:
    return lxml.html.fromstring(web.client.get(f"{web.base}/about").text).xpath(
        "//input[@name='jurisdiction'][@checked]/@value")[0]


def test_opening_a_post_goes_to_its_draft_with_changes_not_saved(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    first = _id(web)
    web.submit("about", jurisdiction="scotland")  # not saved into the file

    home = web.client.get("/").text
    assert "You have changes to this post not saved yet: carry on with them" in _text(home)
    assert lxml.html.fromstring(home).xpath("//a[text()='carry on with them']/@href") == [
        f"/edit/{first}/check"]

    shown = web.open(NAME)  # "Posts in this folder": the same post
    assert _id(web) == first and _law(web) == "scotland"
    said = _text(shown)
    assert f"You have changes to {NAME} that are not saved yet." in said
    assert "To start again from the saved file instead, delete this draft" in said
    assert lxml.html.fromstring(shown).xpath(
        "//a[text()='Delete this draft and start again from the saved file']/@href") == [
        f"/drafts/{first}/delete"]

    again = Interview(folder)  # after a restart, from the drafts kept on disk
    again.open(NAME)
    assert _id(again) == first and _law(again) == "scotland"

    saved = web.save(NAME)  # no second copy to make this "changed by someone else"
    assert saved.status_code == 200 and f"Saved as {NAME}" in saved.text
    assert "jurisdiction: scotland" in (folder / NAME).read_text()


def test_starting_again_from_the_saved_file(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    first = _id(web)
    web.submit("about", jurisdiction="scotland")
    gone = web.client.post(f"/drafts/{first}/delete", data={"csrf_token": web.token,
                                                             "confirm": "yes"})
    assert gone.status_code == 200
    shown = web.open(NAME)
    assert _id(web) != first and _law(web) == "england_and_wales"
    assert "not saved yet" not in shown


def test_a_draft_opened_before_the_file_changed_is_linked_not_reused(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    first = _id(web)
    web.submit("about", jurisdiction="scotland")
    path = folder / NAME
    path.write_text(path.read_text().replace("Morgan Ellis", "Morgan Ellis-Jones"))
    shown = web.open(NAME)
    assert _id(web) != first and _law(web) == "england_and_wales"
    said = _text(shown)
    assert f"You also have a draft of {NAME} with changes not saved yet." in said
    assert lxml.html.fromstring(shown).xpath(
        "//a[text()='Open your draft with changes not saved']/@href") == [
        f"/edit/{first}/check"]


def test_a_post_opened_twice_without_changes_is_one_draft(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    first = _id(web)
    shown = web.open(NAME)
    assert _id(web) == first and "not saved yet" not in shown
