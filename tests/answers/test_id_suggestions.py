"""A misspelt or capitalised party id is told what was meant (a tester's findings: the
conflicts' decider 'steering_grop' was given the parties but no "did you mean", and a
share keyed 'Eastwick' only that an id is lower case)."""

from __future__ import annotations

from pathlib import Path

import yaml

import docgen

HR = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


def _said(change: str, to: str) -> list[str]:
    text = HR.read_text(encoding="utf-8")
    assert change in text, change
    return [f"{p.key}: {p.message}" for p in docgen.check(
        yaml.safe_load(text.replace(change, to, 1))).errors]


def test_a_word_allowed_beside_the_ids_is_suggested_when_misspelt() -> None:
    said = _said("decided_by: steering_group", "decided_by: steering_grop")
    assert any("'steering_grop' is not a party id (or 'steering_group') of this file; did "
               "you mean 'steering_group'?" in s for s in said), said


def test_a_capitalised_id_is_told_how_to_write_it() -> None:
    said = _said("shares: {eastwick: 60, westmere: 40}", "shares: {Eastwick: 60, westmere: 40}")
    assert any("(found 'Eastwick'); write it as eastwick" in s for s in said), said
    for typed in ("'Royal Westmere'", "West-mere"):  # the partner meant, never a new id
        said = _said("shares: {eastwick: 60, westmere: 40}",
                     f"shares: {{{typed}: 40, eastwick: 60}}")
        assert any("; write it as westmere" in s for s in said), said


def test_a_new_partners_id_is_written_from_what_was_typed() -> None:
    said = _said("  - id: westmere", "  - id: Royal Westmere")
    assert any("; write it as royal_westmere" in s for s in said), said


def test_no_suggestion_where_no_id_is_meant() -> None:
    said = _said("shares: {eastwick: 60, westmere: 40}", "shares: {'60%': 60, westmere: 40}")
    assert said and not any("write it as" in s for s in said), said
