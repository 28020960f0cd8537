"""Review D1: one wrong employer is one error. A post whose parties come from profiles takes
its standing policy from its employer's profile; an employer naming no party (a typo) took
none, so nine answers the profile gives were reported "required here but missing" before
the real error. Only the employer's error is said now, first; an answer the (known)
employer's profile does not give says so, naming the profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.answers.profiles import load_post
from docgen.answers.validation import validate
from docgen.cli import cli
from docgen.errors import AnswerFileError, ProfileHint


def _problems(post: Path) -> list:
    with pytest.raises(AnswerFileError) as caught:
        validate(load_post(post))
    return caught.value.problems


def _employer(workspace: Path, employer: str) -> Path:
    post = workspace / "post.yaml"
    text = post.read_text(encoding="utf-8")
    assert "\nemployer: eastwick\n" in text
    post.write_text(text.replace("\nemployer: eastwick\n", f"\nemployer: {employer}\n"),
                    encoding="utf-8")
    return post


def test_a_mistyped_employer_is_the_one_error(workspace: Path) -> None:
    post = _employer(workspace, "eastwik")
    problems = _problems(post)
    assert [(p.key, p.message) for p in problems] == [
        ("employer", "'eastwik' is not a party id of this file; did you mean 'eastwick'?")]
    result = CliRunner().invoke(cli, ["check", "--json", "post.yaml"])
    assert result.exit_code == 1, result.output
    [record] = json.loads(result.output)
    assert [p["key"] for p in record["problems"]] == ["employer"]


def test_a_real_gap_is_still_said_after_the_employer(workspace: Path) -> None:
    """Only the answers the employer's profile would give are left out: a job title the
    post leaves out is still an error, after the employer's."""
    post = _employer(workspace, "eastwik")
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("  title: Shared Head of Procurement\n", ""), "utf-8")
    assert [p.key for p in _problems(post)] == ["employer", "post.title"]


def test_a_gap_the_employers_profile_leaves_names_the_profile(workspace: Path) -> None:
    """Westmere's profile gives no expenses policy (Eastwick's did): the error says where
    to give it."""
    post = _employer(workspace, "westmere")
    problems = {p.key: p for p in _problems(post)}
    assert "payment.invoicing" not in problems  # Westmere's profile gives it
    expenses = problems["payment.expenses"]
    assert expenses.file == post and expenses.line  # the post's own line
    assert expenses.message.endswith(
        "; the employer's organisation profile, organisations/westmere.yaml, gives no "
        "expenses policy either: give it in this post, or add it to that profile (under "
        "policy: payment:)")
    assert "organisations/westmere.yaml, gives no confidentiality policy" in \
        problems["confidentiality"].message
    assert "gives no" not in problems.get("post.title", expenses).message.split("either")[1]


def test_the_profile_hint_is_carried_on_the_problem_as_data(workspace: Path) -> None:
    """The hint is data on the problem, set where the rule makes it, so a reader that
    rewords the error (a workbook's row) keeps it without parsing the message; a problem
    with no hint carries none."""
    post = _employer(workspace, "westmere")
    problems = {p.key: p for p in _problems(post)}
    hint = problems["payment.expenses"].profile_hint
    assert hint == ProfileHint("organisations/westmere.yaml", "expenses", "policy: payment:")
    assert problems["payment.expenses"].message.endswith(hint.said("this post"))
    assert problems["confidentiality"].profile_hint == ProfileHint(
        "organisations/westmere.yaml", "confidentiality", "policy:")
    assert all(p.profile_hint is None for p in problems.values()
               if "policy either" not in p.message)
