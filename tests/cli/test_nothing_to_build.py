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
