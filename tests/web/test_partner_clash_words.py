"""Two partners with one abbreviation or one short name are told so in problem_words.yaml's
words (its ``partner_clash`` section, beside ``partner_id``), not in a Python string: an
editor changes them without Python, and a misspelt ``{name}`` is refused naming the file and
the key. Each of the three sentences: both partners named, the value alone, neither."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.errors import DocgenError  # noqa: E402
from docgen.web import nouns  # noqa: E402
from docgen.web.messages import clash  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

DOC = {"parties": [{"id": "eastwick", "name": "Eastwick Council", "short_name": "Eastwick"},
                   {"id": "westmere", "name": "Westmere Council", "short_name": "Eastwick"}]}
EDITS = (("short_name: short name", "short_name: name for short"),
         ("named: \"{partner} and {other} have the same {what} ‘{value}’; give each its own\"",
          "named: \"{partner} shares its {what} ‘{value}’ with {other}\""),
         ("shown: \"Two partners have the same {what} ‘{value}’; give each its own\"",
          "shown: \"Two partners share the {what} ‘{value}’\""),
         ("unnamed: Two partners have the same {what}; give each its own",
          "unnamed: Two partners share a {what}"))


def test_the_shipped_words() -> None:
    names = party_names(DOC)
    assert clash(("parties", 1, "short_name"), names, "same_short_name") == \
        "Westmere Council and Eastwick Council have the same short name ‘Eastwick’; give " \
        "each its own"
    assert clash(("parties", 1, "id"), names, "same_party_id") == \
        "Two partners have the same abbreviation ‘westmere’; give each its own"
    assert clash(("parties",), names, "same_party_id") == \
        "Two partners have the same abbreviation; give each its own"
    assert clash(("parties", 1, "id"), names, "missing") is None


def test_the_words_are_data_an_editor_changes(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    edited = tmp_path / "problem_words.yaml"
    shutil.copy(nouns.SHIPPED, edited)
    text = edited.read_text("utf-8")
    for before, after in EDITS:
        assert before in text, before
        text = text.replace(before, after)
    edited.write_text(text, "utf-8")
    monkeypatch.setattr(nouns, "PHRASES", edited)
    names = party_names(DOC)
    assert clash(("parties", 1, "short_name"), names, "same_short_name") == \
        "Westmere Council shares its name for short ‘Eastwick’ with Eastwick Council"
    assert clash(("parties", 1, "id"), names, "same_party_id") == \
        "Two partners share the abbreviation ‘westmere’"
    assert clash(("parties",), names, "same_party_id") == "Two partners share a abbreviation"
    edited.write_text(text.replace("share a {what}", "share a {wot}"), "utf-8")
    with pytest.raises(DocgenError, match=r"problem_words\.yaml: partner_clash\.unnamed "
                                          r"must use \{what\}"):
        clash(("parties",), names, "same_party_id")
