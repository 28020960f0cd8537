"""A draft written out as YAML again, unchanged, is not written out again (docgen/web/
yamltext.py ``dump``): the text kept is the document's, and any change to a value, its
style or a comment writes the document out afresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from ruamel.yaml.scalarstring import DoubleQuotedScalarString  # noqa: E402

from docgen.web import yamltext  # noqa: E402
from docgen.web.yamltext import dump, parse  # noqa: E402

POST = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Each document ruamel really wrote out."""
    calls: list[Any] = []
    real = yamltext._written
    monkeypatch.setattr(yamltext, "_written", lambda doc: calls.append(doc) or real(doc))
    yamltext._WRITTEN.clear()
    return calls


def test_an_unchanged_draft_is_written_out_once(written: list[Any]) -> None:
    doc = parse(POST.read_text(encoding="utf-8"), keep=False)
    first = dump(doc)
    assert [dump(doc) for _ in range(3)] == [first] * 3  # ruamel changes the document as
    assert len(written) == 1  # it writes: the text is kept for the document after it too
    again = parse(POST.read_text(encoding="utf-8"), keep=False)  # the same file read again
    assert dump(again) == first and len(written) == 1
    assert first == yamltext._written(parse(POST.read_text(encoding="utf-8"), keep=False))


def test_a_changed_value_style_or_comment_is_written_out_afresh(written: list[Any]) -> None:
    doc = parse(POST.read_text(encoding="utf-8"), keep=False)
    first = dump(doc)
    doc["post"]["title"] = "Shared Head of People"
    assert "title: Shared Head of People\n" in dump(doc)
    doc["post"]["title"] = DoubleQuotedScalarString("Shared Head of People")
    assert 'title: "Shared Head of People"\n' in dump(doc)
    doc["post"].yaml_set_comment_before_after_key("title", before="The post's name")
    assert "# The post's name\n" in dump(doc)
    assert len(written) == 4 and first != dump(doc)
    fresh = parse(dump(doc), keep=False)
    assert yamltext._written(fresh) == dump(doc)  # what was kept is what ruamel writes


def test_how_a_date_time_was_written_is_kept(written: list[Any]) -> None:
    """A datetime pickles without the way ruamel read it ("T" or a space, its zone): two
    date-times equal but written apart stay apart, read again or written out."""
    yamltext._READ.clear()
    with_t, with_space = "at: 2027-04-01T09:00:00+01:00\n", "at: 2027-04-01 09:00:00+01:00\n"
    assert dump(parse(with_t)) == with_t and dump(parse(with_space)) == with_space
    assert dump(parse(with_t)) == with_t  # a kept reading, handed out again
    assert len(written) == 2
