"""A final post with open warnings or placeholders is refused (rule FINAL) with how many
are open, and the instruction as data: the command line reads 'set status: draft', the
browser names the question and its choice, never 'set whether this is … : draft'."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

import docgen
from docgen.errors import Problem

EXAMPLE: dict[str, Any] = load_yaml(
    (Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
     / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))


def _final(**change: Any) -> tuple[Problem, dict[str, Any]]:
    data = copy.deepcopy(EXAMPLE)
    data.update(status="final", **change)
    [final] = [p for p in docgen.check(data).errors if p.rule == "FINAL"]
    return final, data


#: the Head of HR example's acknowledged warnings, open again (GP014 on the agreement)
OPEN = ("the documents are marked final but 1 unacknowledged warning is still open; resolve "
        "or acknowledge the warning (docgen check lists them), or set status: draft")


def test_the_message_counts_what_is_open_and_says_how_to_put_it_right() -> None:
    final, _ = _final(acknowledge=[])
    assert final.message == OPEN
    assert final.code == "final_open"
    assert final.fix is not None and final.fix.said == "set status: draft"
    assert final.fix.ways == (((("status",), "draft"),),)


def test_placeholders_are_counted_too() -> None:
    data = copy.deepcopy(EXAMPLE)
    data.pop("postholder")
    data["exit"].pop("reversion_post", None)
    final, _ = _final(postholder=None, exit=data["exit"])
    assert final.message == (  # no post-holder named: GP045 open as well; GP029 (the
        # final status's own warning, naming the placeholder) is that placeholder, counted
        # once, as the browser counts it
        "the documents are marked final but 1 unacknowledged warning and 1 placeholder are "
        "still open; resolve or acknowledge the warning and fill in the placeholder (docgen "
        "check lists them), or set status: draft")


def test_the_placeholders_own_warning_is_not_counted_again() -> None:
    """A recruit's post with every other warning accepted: the one placeholder alone (its
    own warning, GP029, is not a second thing open)."""
    data = copy.deepcopy(EXAMPLE)
    data["exit"].pop("reversion_post", None)
    accepted = [*data["acknowledge"], {"rule": "GP045", "reason": "The grade is agreed."}]
    final, data = _final(postholder=None, exit=data["exit"], acknowledge=accepted)
    found = docgen.check(data)
    assert [w.rule for w in found.warnings if not w.acknowledged] == ["GP029"]
    assert final.message.startswith("the documents are marked final but 1 placeholder is "
                                    "still open; fill in the placeholder"), final.message


def test_the_browser_names_the_question_and_the_choice() -> None:
    pytest.importorskip("starlette")
    from docgen.web.checking import live
    from docgen.web.messages import problem_text
    from docgen.web.views import party_names
    _, data = _final(acknowledge=[])
    [final] = [p for p in live(data).errors if p.path == ("status",)]  # counted by the web
    said = problem_text(final.message, final.path, party_names(data), final.severity,
                        code=final.code, rule=final.rule, fix=final.fix)
    assert said == (  # the page's name first; the interface's own words ("accept")
        "About the arrangement: The post cannot be final yet: 1 warning is not accepted or "
        "put right. Accept or put right each warning, or choose ‘Draft’"), said
    assert ": draft" not in said and "status" not in said.lower(), said
