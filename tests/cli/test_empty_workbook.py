"""`docgen check/build posts.xlsx` (and `intake read`) on a workbook with no posts (just made
by `docgen intake new`): said plainly as an error, exit 1 (a data problem, not a usage one:
no "Usage:" banner); nothing written."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.api.workbooks import make_folder_command, shell_path
from docgen.cli import cli


@pytest.mark.parametrize("command", [["check"], ["check", "--json"], ["build", "--out", "o"],
                                     ["intake", "read"]])
def test_an_empty_workbook_says_so_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["intake", "new", "posts.xlsx"]).exit_code == 0
    result = runner.invoke(cli, [*command, "posts.xlsx"])
    assert result.exit_code == 1, result.output
    assert "Usage:" not in result.output
    assert ("error: the workbook has no posts: fill in a row of the Posts sheet (one post per "
            "row, from row 2), then docgen check posts.xlsx") in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts.xlsx"]  # nothing written


def test_a_workbook_name_with_a_space_is_quoted_in_the_commands_suggested(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``docgen check my posts.xlsx``, pasted, names two files: each command given is quoted
    for the shell, and works as pasted (POSIX here: shlex)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(cli, ["intake", "new", "my posts.xlsx"])
    assert made.exit_code == 0, made.output
    assert made.output == ("wrote my posts.xlsx; fill in one row per post, then: docgen check "
                           "'my posts.xlsx'\n")
    result = runner.invoke(cli, ["check", "my posts.xlsx"])
    assert result.exit_code == 1, result.output
    suggested = result.output.split("then docgen ")[1].strip()
    assert suggested == "check 'my posts.xlsx'", result.output
    again = runner.invoke(cli, shlex.split(suggested))  # as pasted: the same workbook
    assert again.output == result.output


def test_a_path_is_quoted_for_windows_with_double_quotes() -> None:
    """cmd and PowerShell take no single quotes: a path with a space is in double quotes
    there, a plain one as it is."""
    assert shell_path("my posts.xlsx", windows=True) == '"my posts.xlsx"'
    assert shell_path("posts.xlsx", windows=True) == "posts.xlsx"


def test_the_folder_to_make_is_suggested_in_the_shells_own_form() -> None:
    """cmd's mkdir makes the folders above (``mkdir -p`` there would also make one named
    ``-p``); POSIX shells need ``-p``."""
    assert make_folder_command("a b/c", windows=True) == 'mkdir "a b/c"'
    assert make_folder_command("a b/c", windows=False) == "mkdir -p 'a b/c'"
