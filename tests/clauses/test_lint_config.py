"""A clause folder's ``lint.yaml`` is a user's file: read with the clause files' bounds, and
what is wrong with it reported at its line with the right form, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

#: a clause using a capitalised word no definition covers
CLAUSE = """id: zz.approval
title: Approval
version: 1
documents: [agreement]
order: 160
text: |
  The Host Authority approves the first sub-clause.
"""


def write_files(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(CLAUSE)
    return folder


def lint(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, " ".join(result.output.split())


def test_proper_nouns_listed_in_lint_yaml_are_not_undefined_terms(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "lib")
    code, out = lint(folder)
    assert code == 1 and "'Authority' is capitalised but not a defined term" in out
    (folder / "lint.yaml").write_text("proper_nouns: [Authority]\n")
    assert lint(folder) == (0, "clause library OK")


@pytest.mark.parametrize("text", ["", "# proper_nouns: [Authority]\n\n", "proper_nouns:\n"])
def test_an_empty_lint_yaml_adds_nothing_and_is_no_fault(tmp_path: Path, text: str) -> None:
    folder = write_files(tmp_path / "lib")
    (folder / "lint.yaml").write_text(text)
    code, out = lint(folder)
    assert code == 1 and out.count("problem(s)") == 1 and "1 problem(s)" in out, out
    assert "'Authority' is capitalised but not a defined term" in out


@pytest.mark.parametrize(("text", "line", "says"), [
    ("proper_nouns: [Authority\nfoo: \"x\n", 1, "a list opened with '[' on this line is never "
     "closed; add ']' at its end, or, if the [ is part of the text, put the value in quotes: "
     "proper_nouns: \"[Authority\""),
    ("- Authority\n", None, "a lint.yaml file must be a mapping"),
    ("Authority\n", 1, "a lint.yaml file must be a mapping of keys to values;"),
    ("proper_nouns: Authority\n", None, "proper_nouns must be a list of words"),
    ("proper_nouns: [[Authority]]\n", None, "proper_nouns must be a list of words"),
    ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", None, "lint.yaml files are limited"),
])
def test_a_bad_lint_yaml_is_reported_at_its_line_with_the_right_form(
        tmp_path: Path, text: str, line: int | None, says: str) -> None:
    folder = write_files(tmp_path / "lib")
    (folder / "lint.yaml").write_text(text)
    code, out = lint(folder)
    where = f"{folder / 'lint.yaml'}" + (f":{line}" if line else "")
    assert code == 1, out
    assert f"{where}: " in out and says in out, out
    assert "write it as proper_nouns: [Eastwick, Westmere, Unison]" in out
    assert "docgen: 1" not in out  # an answer file's first line, not a lint.yaml's
    # a string is not a list of its letters: the term is still undefined
    assert "'Authority' is capitalised but not a defined term" in out
