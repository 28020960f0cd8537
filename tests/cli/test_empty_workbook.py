"""`docgen check/build posts.xlsx` on a workbook with no posts (just made by `docgen intake
new`): said plainly, with usage's exit status, as an empty folder is; nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli


@pytest.mark.parametrize("command", [["check"], ["check", "--json"], ["build", "--out", "o"]])
def test_an_empty_workbook_says_so_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["intake", "new", "posts.xlsx"]).exit_code == 0
    result = runner.invoke(cli, [*command, "posts.xlsx"])
    assert result.exit_code == 2, result.output
    assert ("Error: the workbook has no posts: fill in a row of the Posts sheet (one post per "
            "row, from row 2), then docgen check posts.xlsx") in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts.xlsx"]  # nothing written
