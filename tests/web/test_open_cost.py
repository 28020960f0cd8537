"""Opening a post cost more with every earlier open of it: each open after the file changed
left a draft in memory with no changes, opened from an older version of the file, and
every later open wrote out each such draft as YAML again (about 10 ms each, up to 200
drafts) to learn it held nothing unsaved. Two servers taking turns to open and save one
post: an open took 0.05 s at the start and 0.18 s after 11 turns. Such a draft is now set
aside when an open finds it: never reused, never listed, its tab still working."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen.web.drafts  # noqa: E402

from .helpers import Interview  # noqa: E402

NAME = "shared-head-of-hr.yaml"


def _open(web: Interview) -> str:
    """Open the post as "Posts in this folder" does (only the open: not the page after)."""
    opened = web.client.get(f"/open/{NAME}", follow_redirects=False)
    assert opened.status_code in (302, 303, 307), opened.text
    web.base = "http://testserver" + opened.headers["location"].rsplit("/", 1)[0]
    return web.base.rsplit("/", 1)[1]


def _change_and_save(web: Interview, salary: int) -> None:
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    draft.doc["payment"]["salary"] = salary  # as the payment page would
    assert web.save(NAME).status_code == 200


def test_an_open_costs_the_same_however_often_the_post_was_opened(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two servers take turns to open the post, change it and save it; the YAML written
    out during each open does not grow with the turns (it grew by one draft a turn)."""
    dumps = [0]
    dump = docgen.web.drafts.dump

    def counted(doc):  # noqa: ANN001, ANN202
        dumps[0] += 1
        return dump(doc)

    monkeypatch.setattr(docgen.web.drafts, "dump", counted)
    a, b = Interview(folder), Interview(folder)
    during: list[int] = []
    for turn in range(12):
        for web in (a, b):
            dumps[0] = 0
            _open(web)
            if web is a:
                during.append(dumps[0])
            _change_and_save(web, 60000 + 1000 * (web is b) + turn)
    assert max(during) <= 2 and during[-1] <= during[2], during


def test_a_draft_set_aside_still_works_in_its_tab_and_its_changes_are_never_hidden(
        folder: Path) -> None:
    """The draft an open set aside (no changes, the file changed since) still opens in the
    tab showing it; changed there, it is listed under Your drafts and the next open of the
    post that starts a new draft links to it, as before."""
    web, other = Interview(folder), Interview(folder)
    first = _open(web)
    _open(other)
    _change_and_save(other, 61000)
    assert _open(web) != first  # the file changed: a new draft, the first one set aside
    web.base = f"http://testserver/edit/{first}"  # the first draft's tab
    assert web.client.get(f"{web.base}/payment").status_code == 200
    assert web.submit("about", jurisdiction="scotland").status_code == 200
    assert f"/edit/{first}" in web.client.get("/").text  # under Your drafts
    _open(other)
    _change_and_save(other, 62000)  # the second draft is now from an older file too
    shown = web.open(NAME)
    assert web.base.rsplit("/", 1)[1] != first
    said = " ".join(lxml.html.fromstring(shown).text_content().split())
    assert f"You also have a draft of {NAME} with changes not saved yet." in said
    assert lxml.html.fromstring(shown).xpath(
        "//a[text()='Open your draft with changes not saved']/@href") == [
        f"/edit/{first}/check"]
