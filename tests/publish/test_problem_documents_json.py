"""The JSON of a problem (``docgen check --json``, ``docgen build --json``,
``CheckReport.to_dict()``) names the document kinds it concerns, ``documents``, so a
programme team can sort warnings by document: an OVERLAY warning's are the documents its
clause is in; a problem no rule stamped (every document, or none known) gives []. The key
was missing, though the Word stage and the interview read it from every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import cli
from docgen.results import OVERLAY_RULE

from .overlay_posts import HR, foi_overlay

#: a rule the HR post does not break: acknowledged, it is warned of as no longer applying,
#: a warning of the answer file's that concerns no document
NOT_BROKEN = "GP001"


@pytest.fixture
def overlaid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The HR post naming a folder with an out-of-date overlay of the agreement's FOI
    clause, and acknowledging a rule it does not break."""
    monkeypatch.chdir(tmp_path)
    foi_overlay(tmp_path / "overlay")
    text = HR.read_text("utf-8")
    assert "acknowledge:\n" in text and f"rule: {NOT_BROKEN}\n" not in text
    text = text.replace("acknowledge:\n", f"acknowledge:\n  - rule: {NOT_BROKEN}\n"
                        "    reason: Agreed by both partners.\n", 1)
    post = tmp_path / "post.yaml"
    post.write_text(text + "clauses:\n  - overlay\n", "utf-8")
    return post


def _documents(problems: list[dict]) -> dict[str, list[str]]:
    """Each problem's documents, by its rule (the stale acknowledgement by its message)."""
    return {p["rule"] or p["message"].split()[0]: p["documents"] for p in problems}


def test_every_json_door_gives_each_problem_its_documents(overlaid: Path) -> None:
    [checked] = json.loads(CliRunner().invoke(cli, ["check", "--json", str(overlaid)]).output)
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", str(overlaid),
                                                  "--out", "out"]).output)
    report = docgen.check(overlaid).to_dict()
    for problems in (checked["problems"], built["problems"], report["warnings"]):
        said = _documents(problems)
        assert said[OVERLAY_RULE] == ["agreement"]  # the documents its clause is in
        assert said["GP014"] == ["agreement"]  # a rule's, as the rule stamps them
        assert said[NOT_BROKEN] == []  # "acknowledged but no longer applies": none
        assert all(isinstance(p["documents"], list) for p in problems)


def test_an_error_no_rule_stamped_gives_none(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text("utf-8").replace("salary: 92000", "salary: -1", 1), "utf-8")
    [checked] = json.loads(CliRunner().invoke(cli, ["check", "--json", str(post)]).output)
    assert [(p["key"], p["documents"]) for p in checked["problems"]] == [
        ("payment.salary", [])]
