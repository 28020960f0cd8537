"""A final post's open warnings are counted by one test (docgen/final_open.py) for the
command line (the pipeline calls open_at_final) and the interview (before_final.open_warnings,
its adapter, as the web may not import the pipeline): the same problems give the same
warnings in both, and the answers still to give are named by the same codes."""

from __future__ import annotations

import itertools

import pytest

pytest.importorskip("starlette")

from docgen import final_open  # noqa: E402
from docgen.errors import Problem, Severity  # noqa: E402
from docgen.web import before_final  # noqa: E402

GAP = ("postholder",)
SEVERITIES: tuple[Severity, ...] = ("warning", "error")


def _problems() -> list[Problem]:
    """Every kind of problem the two counts tell apart."""
    out: list[Problem] = []
    for severity, rule, path, acknowledged, documents in itertools.product(
            SEVERITIES, ("GP031", "TBC", ""),
            (("payment", "salary"), ("status",), GAP), (None, "Agreed"),
            ((), ("contract",), ("agreement", "job_spec"))):
        out.append(Problem(f"{severity} {rule} {path}", path, severity=severity, rule=rule,
                           acknowledged=acknowledged, documents=documents))
    return out


@pytest.mark.parametrize("made", [("agreement", "contract", "job_spec"),
                                  ("agreement", "job_spec"), ("contract",)])
def test_the_command_line_and_the_interview_count_the_same(made: tuple[str, ...]) -> None:
    problems = _problems()
    gap = Problem("the appointee", GAP, code=final_open.GAP_FINAL)
    said = final_open.open_at_final(problems, made, [GAP])
    assert before_final.open_warnings(problems, made, [gap]) == said
    assert said and all(p.severity == "warning" for p in said)


def test_the_answers_still_to_give_are_named_by_one_list_of_codes() -> None:
    assert final_open.GAP_FINAL in final_open.STILL_TO_GIVE
    errors = [Problem("x", ("a",), code=code) for code in final_open.STILL_TO_GIVE]
    assert before_final.still_to_give(errors) == errors[:1]  # one a question
