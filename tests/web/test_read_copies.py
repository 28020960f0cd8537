"""A round-trip document read before is handed out as a copy (docgen.web.yamltext.parse): the
copy must write out, and take an edit, exactly as a fresh reading does, and no draft's
edit may reach the kept reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("ruamel.yaml")

from docgen.web import yamltext  # noqa: E402
from docgen.web.yamltext import dump, parse  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.joinpath("inputs").glob("*.yaml"),
                *ROOT.joinpath("tests", "data", "legal").glob("*.yaml")])


def _edit(doc) -> None:  # type: ignore[no-untyped-def]
    """What the interview does to a draft: a value changed, a commented key removed, a
    row added and one taken out, a new section."""
    doc["reference"] = "EDITED-01"
    doc["post"]["title"] = "Edited title"
    first = next(iter(doc["exit"]))
    del doc["exit"][first]
    doc["parties"].append({"id": "extra", "name": "Extra Council"})
    del doc["parties"][0]
    doc["new_section"] = {"a": 1}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_copy_writes_out_and_takes_edits_as_a_fresh_reading(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    yamltext._READ.clear()
    first = parse(text)
    copied = parse(text)
    fresh = yamltext._parse(text)
    assert text in yamltext._READ and copied is not first
    assert dump(copied) == dump(fresh) == text
    _edit(copied)
    _edit(fresh)
    assert dump(copied) == dump(fresh)
    assert dump(parse(text)) == text  # the edit did not reach the kept reading


def test_texts_with_anchors_or_aliases_are_read_each_time() -> None:
    text = "docgen: 1\nreference: EWK-01\nbase: &b\n  a: 1\nuse:\n  <<: *b\n"
    yamltext._READ.clear()
    assert dump(parse(text)) == text
    assert not yamltext._READ


def test_a_drafts_unsaved_words_are_not_kept_in_memory(tmp_path: Path) -> None:
    """A draft read back from the drafts folder (after a restart, for the start page) holds
    words not saved to any post: its reading is not kept beside the posts' and examples',
    so a deleted draft leaves nothing of them in the server's memory."""
    web = Interview.opened(tmp_path, "shared-head-of-hr.yaml")
    assert web.submit("exit", exit__notice_months="9").status_code in (200, 303)
    [record] = (web.client.app.app.state.store.home).glob("*.json")  # type: ignore[attr-defined]
    text = json.loads(record.read_text(encoding="utf-8"))["text"]
    assert "notice_months: 9" in text
    yamltext._READ.clear()
    again = Interview(tmp_path)  # a restart: the start page reads the draft back from disk
    assert "Changes to shared-head-of-hr.yaml, not saved yet" in again.client.get("/").text
    assert text not in yamltext._READ
