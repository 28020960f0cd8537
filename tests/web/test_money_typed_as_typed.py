"""Money refused at its question is said with the figures the officer typed, read from the
answer the form kept as typed, never out of docgen's message: the browser's words once
came from a pattern over the message's "(found '£104.250')" and "after the point
(104.250)", so a message reworded on the command line would have lost the hint."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.errors import Problem  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402
from docgen.web.money_typed import money_typed  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

REWORDED = "reworded: see payment.salary (found 'nothing like it')"
SALARY = ("payment", "salary")


def _salary(typed: str) -> tuple[dict[str, Any], Problem]:
    data = copy.deepcopy(yaml.safe_load((EXAMPLES / "shared-head-of-hr.yaml")
                                        .read_text("utf-8")))
    data["payment"]["salary"] = typed
    found = [p for p in docgen.check(data).errors if p.path == SALARY]
    assert len(found) == 1, found
    return data, found[0]


def _said(data: dict[str, Any], problem: Problem) -> str:
    return problem_text(problem.message, problem.path, party_names(data), problem.severity,
                        code=problem.code, rule=problem.rule, fix=problem.fix, answers=data)


@pytest.mark.parametrize(("typed", "said"), [
    ("£104.250", "Enter the salary as £104,250 or 104250 \u2014 a dot marks pence, never "
                 "thousands"),
    ("104.250", "Enter the salary as £104,250 or 104250 \u2014 a dot marks pence, never "
                "thousands"),  # docgen's pence check ("has 3 figures after the point")
    ("1.250.000,50", "Enter the salary as £1,250,000.50 or 1250000.50 \u2014 a dot marks "
                     "pence, never thousands"),
    ("104.2501", "Enter the salary with no more than 2 figures of pence after the dot, for "
                 "example £104,250.50 or 104250.50")])
def test_the_figures_are_what_was_typed_whatever_the_message_says(typed: str,
                                                                   said: str) -> None:
    data, problem = _salary(typed)
    assert _said(data, problem) == f"Payment: {said}"
    reworded = dataclasses.replace(problem, message=REWORDED)
    assert _said(data, reworded) == f"Payment: {said}"  # the message is never read


def test_only_money_typed_as_no_reader_reads_it_has_these_words() -> None:
    assert money_typed("£52,000", "the salary") is None
    assert money_typed(104.25, "the salary") is None  # a number: read, not typed text
    assert money_typed(None, "the salary") is None  # no answer given
