"""The README's exit codes: 2 for a usage error said before anything is written (a path
that does not exist, a file docgen will not overwrite without --force, a command this
computer cannot run without an extra), as ``docgen new`` on a file that exists and
``build --format md`` without pandoc already were; each told in one line, no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from docgen.cli import cli


def test_serve_a_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    missing = tmp_path / "nonexist"
    result = CliRunner().invoke(cli, ["serve", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"{missing} is not a folder" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_serve_without_the_serve_extra_is_refused_as_build_without_pandoc_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn: ImportError
    result = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "docgen serve needs the serve extra" in result.output


def test_compare_without_the_redline_extra_is_refused_before_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "python_redlines", None)
    out = tmp_path / "redlines"
    result = CliRunner().invoke(cli, ["compare", str(EXAMPLES[0]), str(EXAMPLES[1]),
                                      "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "needs python-redlines (the redline extra)" in result.output
    assert not out.exists()


def test_schema_out_on_a_file_of_ones_own_is_refused_as_new_refuses(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text("{}\n")
    result = CliRunner().invoke(cli, ["schema", "--out", str(mine)])
    assert result.exit_code == 2, result.output
    assert "add --force to replace it" in result.output
    assert mine.read_text() == "{}\n"
    existing = tmp_path / "post.yaml"
    existing.write_text("docgen: 1\n")
    assert CliRunner().invoke(cli, ["new", str(existing), "--no-ask"]).exit_code == 2
