"""`docgen build` in a folder with no inputs/ (a first run after installing): the error says
what to name and how to start an answer file, with usage's exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli


@pytest.mark.parametrize("command", [["build"], ["check"], ["build", "nothing.yaml"]])
def test_nothing_to_build_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2, result.output
    assert "no answer file or folder at" in result.output
    assert "docgen new post.yaml" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_missing_workbook_is_said_alike_by_build_and_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build said "no answer file or folder at 'missing.xlsx' … (docgen build post.yaml)",
    check "no workbook at 'missing.xlsx'": the same words now, exit 2."""
    monkeypatch.chdir(tmp_path)
    for command in ("build", "check"):
        result = CliRunner().invoke(cli, [command, "missing.xlsx"])
        assert result.exit_code == 2, result.output
        assert result.output.splitlines()[-1] == "Error: no workbook at 'missing.xlsx'", \
            (command, result.output)


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_missing_answer_file_names_the_command_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """One home for the words (docgen.publish.discover.no_answer_path), each command's own
    example in them."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [command, "nothere.yaml"])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        "Error: no answer file or folder at 'nothere.yaml'; name an answer file or a folder "
        f"of them (docgen {command} post.yaml), or start one with docgen new post.yaml")
