"""`docgen build|check <folder>` on a folder with no answer files said so under click's
"Usage:" banner, exit 2, as if the command were mistyped. The folder was named rightly and
holds nothing to do: a data problem, as for a workbook with no posts (test_empty_workbook.py),
so exit 1 with the error and its fix, and no Usage banner. A path that does not exist stays
a usage error (exit 2, test_nothing_to_build.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli


@pytest.mark.parametrize("command", [["build", "--out", "o"], ["check"], ["check", "--json"]])
def test_an_empty_folder_is_an_error_with_its_fix_and_no_usage_banner(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    result = CliRunner().invoke(cli, [*command, "posts"])
    assert result.exit_code == 1, result.output
    assert "Usage:" not in result.output and "--help" not in result.output, result.output
    assert result.output.splitlines()[-1] == (
        "Error: no answer files in posts: an answer file is a .yaml or .yml file that starts "
        "with `docgen: 1` (`docgen new post.yaml` starts one)"), result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts"]  # nothing written
