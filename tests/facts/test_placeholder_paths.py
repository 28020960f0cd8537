"""Each gap a final post still shows is an error at the question that fills it, the key
path given with the gap's words by ``facts.people.placeholders`` (never found again from
the words: reworded, a gap fell back to the status), the return post's grade when only
the grade is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

import docgen
import docgen.facts.people as people

ROOT = Path(__file__).resolve().parents[2]


def _final(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml((ROOT / "docgen" / "data" / "examples"
                                      / "shared-head-of-hr.yaml").read_text("utf-8"))
    data["status"] = "final"
    for key, value in changes.items():
        section, _, name = key.partition("__")
        if value is None:
            (data[section].pop(name) if name else data.pop(section))
        else:
            data[section][name] = value
    return data


def _gaps(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [p.path for p in docgen.check(data).errors if p.code == "gap_final"]


def test_a_recruits_gap_is_at_the_postholder() -> None:
    assert _gaps(_final(postholder=None)) == [("postholder",)]


def test_the_return_posts_gap_is_at_what_is_missing() -> None:
    assert _gaps(_final(exit__reversion_post=None, exit__reversion_grade=None)) == [
        ("exit", "reversion_post")]
    assert _gaps(_final(exit__reversion_grade=None)) == [("exit", "reversion_grade")]
    assert _gaps(_final(exit__reversion_post=None)) == [("exit", "reversion_post")]


def test_a_reworded_gap_keeps_its_question(monkeypatch: pytest.MonkeyPatch) -> None:
    said = people.words()
    monkeypatch.setattr(people, "words", lambda: {
        **said, "drafting_notes.postholder": "The appointee, reworded",
        "drafting_notes.reversion": "The post returned to, reworded"})
    data = _final(postholder=None)
    found = [p for p in docgen.check(data).errors if p.code == "gap_final"]
    assert [p.path for p in found] == [("postholder",)]
    assert found[0].message.startswith("The appointee, reworded must be given")
    assert _gaps(_final(exit__reversion_grade=None)) == [("exit", "reversion_grade")]
