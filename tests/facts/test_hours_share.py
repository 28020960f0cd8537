"""A party's share of exactly one hour a week reads "1 hour a week", in the facts and in the
documents (it read "1 hours a week"); other shares keep their plural."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from yaml_text import load_yaml

from docgen import load, render
from docgen.facts.derive import derive

HR = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


def _hours(westmere: str, eastwick: str) -> dict:
    data = load_yaml(HR.read_text("utf-8"))
    data["time_split"] = {"unit": "hours_per_week",
                          "shares": {"westmere": westmere, "eastwick": eastwick}}
    return data


def test_one_hour_a_week_is_singular_in_the_facts_and_the_agreement() -> None:
    data = _hours("36", "1")
    facts = derive(load(data))
    assert {p.id: p.time_text for p in facts.parties} == {
        "westmere": "36 hours a week", "eastwick": "1 hour a week"}
    result = render(data, documents=["agreement"])
    body = "\n".join(p.text for p in docx.Document(
        io.BytesIO(result.documents["agreement"])).paragraphs)
    assert "1 hour a week" in body and "1 hours" not in body


def test_other_shares_keep_the_plural() -> None:
    facts = derive(load(_hours("35.5", "1.5")))
    assert {p.id: p.time_text for p in facts.parties} == {
        "westmere": "35.5 hours a week", "eastwick": "1.5 hours a week"}
