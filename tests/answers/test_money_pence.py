"""Money written with three figures after the point ("salary: 104.250", a thousands
separator typed the continental way) is refused, never read as £104.25: pydantic's two
decimal places count 104.250 as 104.25, and the contract paid a salary of £104.25."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docgen
from docgen.answers.yamlfile import load_answer_text
from docgen.errors import AnswerFileError
from docgen.pipeline import check_located

HR = (Path(docgen.__file__).parent / "data" / "examples" / "shared-head-of-hr.yaml").read_text(
    encoding="utf-8")


def _with_salary(value: str) -> str:
    text, n = re.subn(r"(\n  salary: )[0-9]+", rf"\g<1>{value}", HR)
    assert n == 1
    return text


@pytest.mark.parametrize(("typed", "meant"), [("104.250", "104250"), ("78.000", "78000"),
                                              ("52.0000", "52"), ("92000.000", "92000")])
def test_three_figures_after_the_point_are_refused_with_what_to_write(typed: str,
                                                                       meant: str) -> None:
    text = _with_salary(typed)
    with pytest.raises(AnswerFileError) as caught:
        check_located(load_answer_text(text, "post.yaml"))
    [problem] = caught.value.problems
    line = next(i for i, row in enumerate(text.splitlines(), 1) if f"salary: {typed}" in row)
    assert (problem.line, ".".join(map(str, problem.path))) == (line, "payment.salary")
    assert "a point marks pence, never thousands" in problem.message
    assert f"write {meant}" in problem.message
    # never a reading a thousand times too large: 92000.000 is £92,000 (found in review:
    # the first wording told the user to write 92000000)
    assert f"write {meant}000" not in problem.message


@pytest.mark.parametrize("typed", ["104.25", "104250", "1.5", "104.20"])
def test_pounds_and_pence_are_read_as_written(typed: str) -> None:
    answers = check_located(load_answer_text(_with_salary(typed), "post.yaml")).answers
    assert str(answers.payment.salary) == typed
