"""Drafts on disk: kept across restarts, never where builds look (saving under a lock, two
servers at once: test_drafts_concurrent.py)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.publish.batch import find_answer_files  # noqa: E402
from docgen.web import drafts  # noqa: E402
from docgen.web.fields import STEPS  # noqa: E402
from docgen.web.store import DRAFTS_DIR, DraftStore  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docgen" / "data" / "examples"
NAME = "shared-head-of-hr.yaml"


def _later(web: Interview, slug: str, **changes: str):  # noqa: ANN202
    return web.submit(slug, action="later", **changes)


def test_save_and_come_back_later_survives_a_restart(folder):
    web = Interview(folder)
    web.open(NAME)
    response = _later(web, "payment", payment__salary="95,000")
    assert response.url.path == "/" and "kept as a draft" in response.text
    draft_id = web.base.rsplit("/", 1)[1]
    assert (folder / DRAFTS_DIR / f"{draft_id}.json").is_file()
    assert b"95000" not in (folder / NAME).read_bytes()  # the post itself is untouched

    again = Interview(folder)  # a new server on the same folder
    start = again.client.get("/").text
    assert f"/edit/{draft_id}/tasks" in start and f"Changes to {NAME}, not saved yet" in start
    assert again.client.get(f"/edit/{draft_id}/tasks").status_code == 200
    again.base = f"http://testserver/edit/{draft_id}"
    assert again.form("payment")["payment.salary"] == ["95000"]
    assert again.save(NAME).status_code == 200
    assert docgen.load(folder / NAME).payment.salary == 95000
    assert not (folder / DRAFTS_DIR / f"{draft_id}.json").exists()  # saved: nothing kept


def test_every_step_offers_save_and_come_back_later(folder):
    web = Interview(folder)
    web.open(NAME)

    for step in STEPS:
        assert "Save and come back later" in web.client.get(f"{web.base}/{step.slug}").text


def test_a_draft_can_be_deleted(folder):
    web = Interview(folder)
    web.open(NAME)
    _later(web, "post", post__title="Shared Head of People")
    draft_id = web.base.rsplit("/", 1)[1]
    start = lxml.html.fromstring(web.client.get("/").text)
    link = start.xpath("//a[starts-with(normalize-space(.), 'Delete draft')]/@href")
    assert link == [f"/drafts/{draft_id}/delete"]  # a link to "Are you sure?", no form
    asked = web.client.get(link[0])
    said = " ".join(lxml.html.fromstring(asked.text).text_content().split())
    assert asked.status_code == 200 and "Are you sure you want to delete the draft " \
        "EWK-WSM-HR-01: Shared Head of People?" in said
    assert "You cannot undo this" in said and "The post saved in the folder is not " \
        "deleted" in said
    page = lxml.html.fromstring(asked.text)
    assert page.xpath("//a[@id='cancel-delete']/@href") == ["/#drafts"]
    assert "govuk-button--warning" in page.xpath("//button[@id='confirm-delete']/@class")[0]
    one_click = web.client.post(f"/drafts/{draft_id}/delete", data={"csrf_token": web.token})
    assert one_click.url.path == f"/drafts/{draft_id}/delete"  # asked, not deleted
    assert list((folder / DRAFTS_DIR).glob("*.json"))
    gone = web.client.post(f"/drafts/{draft_id}/delete", data={"csrf_token": web.token,
                                                               "confirm": "yes"})
    assert gone.status_code == 200 and "The draft was deleted" in gone.text
    assert not list((folder / DRAFTS_DIR).glob("*.json"))
    assert web.client.get(f"/edit/{draft_id}/tasks").status_code == 404
    assert web.client.get(f"/drafts/{draft_id}/delete").status_code == 404
    refused = web.client.post(f"/drafts/{draft_id}/delete", data={"confirm": "yes"})
    assert refused.status_code == 403  # no token, no deleting


def test_builds_never_see_drafts_or_check_copies(folder):
    """The drafts folder is a dot folder, which discovery skips; checks and previews of a file
    that extends a base are made in memory, so nothing is written beside the posts."""
    (folder / ".docgen-draft-stale.yaml").write_text("docgen: 1\n")  # left by an old server
    base = folder / "_partners.yaml"
    text = (EXAMPLES / NAME).read_text(encoding="utf-8")
    parties = re.search(r"(?ms)^parties:.*?(?=^\S)", text).group()
    base.write_text("docgen: 1\n" + parties, encoding="utf-8")
    (folder / "child.yaml").write_text(text.replace(parties, "").replace(
        "docgen: 1\n", "docgen: 1\nextends: _partners.yaml\n", 1), encoding="utf-8")
    web = Interview(folder)
    assert not (folder / ".docgen-draft-stale.yaml").exists()  # cleaned on start
    web.open("child.yaml")
    seen: list[list[str]] = []
    real_check = docgen.check

    def spying(source, **kw):  # noqa: ANN001, ANN202
        seen.append(sorted(p.name for p in folder.iterdir()))
        return real_check(source, **kw)

    mp = pytest.MonkeyPatch()
    mp.setattr(docgen, "check", spying)
    try:
        _later(web, "post", post__title="Shared Head of People")
        assert web.client.get(f"{web.base}/check").status_code == 200
        assert web.client.get(f"{web.base}/preview/agreement").status_code == 200
    finally:
        mp.undo()
    assert seen and all(not n.startswith(".docgen-draft-") for names in seen for n in names)
    (folder / DRAFTS_DIR / "stray.yaml").write_text(text, encoding="utf-8")
    found, _ = find_answer_files([folder])
    assert sorted(p.name for p in found) == ["child.yaml", NAME]
    assert list((folder / DRAFTS_DIR).glob("*.json"))  # the draft is there, and not built


def test_an_error_page_keeps_the_draft_and_links_back(folder, monkeypatch):
    web = Interview(folder)
    web.open(NAME)
    web.submit("payment", payment__salary="99000")
    draft_id = web.base.rsplit("/", 1)[1]

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("boom")

    monkeypatch.setattr(docgen, "render", broken)
    page = web.client.get(f"{web.base}/preview/contract")
    assert page.status_code == 500 and "Traceback" not in page.text
    assert f'href="/edit/{draft_id}/check"' in page.text and "nothing you typed" in page.text
    assert (folder / DRAFTS_DIR / f"{draft_id}.json").is_file()
    live = web.client.get(f"/edit/{draft_id}/payment")
    assert 'value="99000"' in live.text


def test_a_save_writes_the_drafts_yaml_out_once(folder, monkeypatch):
    """Writing a draft's YAML out takes about 10 ms; keeping a draft did it twice (once to
    see whether it holds changes, once for the record on disk)."""
    store = DraftStore(folder)
    draft = store.open(NAME)
    draft.doc["payment"]["salary"] = 96000
    calls: list[int] = []
    real = drafts.dump

    def counted(doc):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(doc)

    monkeypatch.setattr(drafts, "dump", counted)
    store.persist(draft)
    assert len(calls) == 1
    record = (folder / DRAFTS_DIR / f"{draft.id}.json").read_text(encoding="utf-8")
    assert "96000" in record
