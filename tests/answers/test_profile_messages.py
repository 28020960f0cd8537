"""A profile's mistakes are said in the answer file's words (the same helper, the same
example), and an empty profile says what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.answers.profile_files import check_profile
from docgen.answers.profiles import load_post

ROOT = Path(__file__).resolve().parents[2]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(path: str) -> list[str]:
    return [p.message for p in check_profile(Path(path))]


def test_a_policy_value_reads_as_in_an_answer_file(workspace: Path) -> None:
    _edit(workspace / "organisations" / "eastwick.yaml", "notice_months: 6",
          "notice_months: nine")
    assert _messages("organisations/eastwick.yaml") == [
        "must be a whole number (found 'nine'); write it as notice_months: 6"]


def test_the_format_line_says_what_to_write(workspace: Path) -> None:
    _edit(workspace / "organisations" / "eastwick.yaml", "docgen_organisation: 1",
          "docgen_organisation: 2")
    assert _messages("organisations/eastwick.yaml") == [
        "must be 1 (found 2); write docgen_organisation: 1 as the first line"]


def test_an_empty_profile_says_what_to_write(workspace: Path) -> None:
    (workspace / "organisations" / "westmere.yaml").write_text("", encoding="utf-8")
    [message] = _messages("organisations/westmere.yaml")
    assert message.startswith("the organisation profile is empty; write the organisation's "
                              "facts, starting with docgen_organisation: 1, e.g. ")
    assert "name: The Mayor and Burgesses of the London Borough of Eastwick" in message
    with pytest.raises(Exception) as raised:  # the same words from the post that uses it
        load_post("post.yaml")
    assert "the organisation profile is empty" in str(raised.value)


def test_an_empty_file_in_organisations_is_checked_as_a_profile(workspace: Path) -> None:
    from docgen.api import check_files
    (workspace / "organisations" / "westmere.yaml").write_text("", encoding="utf-8")
    [post] = check_files(["organisations/westmere.yaml"]).posts
    assert [str(p) for p in post.errors][0].startswith(
        "organisations/westmere.yaml:1: (top level): the organisation profile is empty")
