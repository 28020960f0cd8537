"""Three YAML mistakes a newcomer makes, each said at the line where it is, with the right
form: a list opened with '[' and never closed (YAML gave up lines later, "did not find
expected ',' or ']' (while parsing a flow sequence)"), a value holding ': ' and a key moved
out of its section (both "mapping values are not allowed in this context")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen import load
from docgen.errors import AnswerFileError, Problem

HR = (Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml").read_text(
    "utf-8")


def _problem(tmp_path: Path, old: str, new: str) -> tuple[Problem, list[str]]:
    assert old in HR
    text = HR.replace(old, new, 1)
    post = tmp_path / "post.yaml"
    post.write_text(text, "utf-8")
    with pytest.raises(AnswerFileError) as caught:
        load(post)
    (problem,) = caught.value.problems
    return problem, text.splitlines()


def test_an_unclosed_bracket_is_named_where_it_opens(tmp_path: Path) -> None:
    problem, rows = _problem(tmp_path, "reference: EWK-WSM-HR-01", "reference: [EWK-WSM-HR-01")
    assert rows[problem.line - 1] == "reference: [EWK-WSM-HR-01"
    assert problem.message == (
        "a list opened with '[' on this line is never closed; add ']' at its end, or, if the "
        "[ is part of the text, put the value in quotes: reference: \"[EWK-WSM-HR-01\"")


def test_a_value_holding_a_colon_is_told_to_be_quoted(tmp_path: Path) -> None:
    problem, rows = _problem(tmp_path, "  title: Shared Head of Human Resources",
                             "  title: Head of HR: shared")
    assert rows[problem.line - 1] == "  title: Head of HR: shared"
    assert problem.message == ("the value of 'title' holds ': ', which YAML reads as another "
                               "key; put the value in quotes: title: \"Head of HR: shared\"")
    fixed = HR.replace("  title: Shared Head of Human Resources",
                       '  title: "Head of HR: shared"', 1)
    assert yaml.safe_load(fixed)["post"]["title"] == "Head of HR: shared"


def test_a_key_moved_out_of_its_section_names_both_lines(tmp_path: Path) -> None:
    problem, rows = _problem(tmp_path, "  grade: Chief Officer Grade 3",
                             "grade: Chief Officer Grade 3")
    assert rows[problem.line - 1] == "grade: Chief Officer Grade 3"
    assert problem.message.startswith(
        f"line {problem.line + 1} is indented deeper than 'grade:' on line {problem.line}, "
        "which has a value of its own; indent the two lines alike")


def test_a_comment_after_the_value_stays_a_comment_in_the_advice(tmp_path: Path) -> None:
    problem, _ = _problem(tmp_path, "  title: Shared Head of Human Resources",
                          "  title: Head of HR: shared  # agreed in May")
    advice = problem.message.split("put the value in quotes: ", 1)[1]
    assert advice == 'title: "Head of HR: shared"  # agreed in May'
    assert yaml.safe_load(advice) == {"title": "Head of HR: shared"}


def test_a_comment_after_a_tab_stays_a_comment_too(tmp_path: Path) -> None:
    problem, _ = _problem(tmp_path, "  title: Shared Head of Human Resources",
                          "  title: Head of HR: shared\t# agreed in May")
    advice = problem.message.split("put the value in quotes: ", 1)[1]
    assert advice == 'title: "Head of HR: shared"  # agreed in May'


@pytest.mark.parametrize(("new", "above"), [
    ("grade: Chief Officer Grade 3", "grade"),  # moved left out of its section
    ("   grade: Chief Officer Grade 3", "title"),  # pushed right by one space
])
def test_a_key_out_of_line_among_comments_names_both_lines(tmp_path: Path, new: str,
                                                           above: str) -> None:
    """A CLI tester's finding: in a starter file, comments stand between the keys, and the
    same mistake reached the parser as a block that does not end ("did not find expected
    key"), said as YAML's own words at a line after it."""
    commented = HR.replace("  grade: Chief Officer Grade 3",
                           "  # Grade: optional pay grade\n  grade: Chief Officer Grade 3", 1)
    commented = commented.replace("  pay_range:", "  # Pay range: optional\n  pay_range:", 1)
    post = tmp_path / "post.yaml"
    post.write_text(commented.replace("  grade: Chief Officer Grade 3", new, 1), "utf-8")
    with pytest.raises(AnswerFileError) as caught:
        load(post)
    (problem,) = caught.value.problems
    rows = post.read_text("utf-8").splitlines()
    assert rows[problem.line - 1].strip().startswith(f"{above}:"), (problem.line, problem)
    assert "is indented deeper than" in problem.message, problem.message
    assert "not valid YAML" not in problem.message
