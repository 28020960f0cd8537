"""A lock file's name is never a file of docgen's: ``docgen intake new '~$posts.xlsx'`` (or
``.~lock.posts.xlsx#``) wrote a workbook every door then took for Excel's or LibreOffice's
lock file beside posts.xlsx; it is refused, saying why, and nothing is written. And
LibreOffice's lock file of an answer file (``.~lock.post.yaml#``), named to check, build
or the library, was told to rename itself ``.yaml``: it is said to be the lock file of
post.yaml, as a workbook's is (one rule: docgen/intake/lockfiles.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

import docgen
from docgen.api import check_files, workbooks
from docgen.cli import cli
from docgen.errors import DocgenError

LOCKED = ("this is LibreOffice's lock file for post.yaml, there while post.yaml is open in "
          "LibreOffice (by Jo Bloggs), not an answer file; name the answer file itself, e.g. "
          "docgen check post.yaml")


@pytest.mark.parametrize("name", ["~$posts.xlsx", ".~lock.posts.xlsx#"])
@pytest.mark.parametrize("command", [["intake", "new"], ["intake", "write", "posts"]])
def test_a_workbook_is_not_given_a_lock_files_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "posts" / "post.yaml")
    result = CliRunner().invoke(cli, [*command, name])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    program = "Excel" if name.startswith("~$") else "LibreOffice"
    assert f"{name} is the name {program} gives the lock file it keeps beside posts.xlsx" \
        in said, said
    assert "e.g. posts.xlsx" in said and "Traceback" not in said
    assert not (tmp_path / name).exists()


@pytest.fixture
def lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An answer file open in LibreOffice, and the lock file it keeps beside it."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES[0], tmp_path / "post.yaml")
    path = tmp_path / ".~lock.post.yaml#"
    path.write_bytes(b"Jo Bloggs,officer,host,07.12.2026 09:05,file:///home/officer/lo;")
    return path


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_libreoffices_lock_file_of_an_answer_file_is_said_to_be_one(
        lock: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, lock.name])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    # the example names the command run (build said "docgen check")
    assert LOCKED.replace("docgen check", f"docgen {command[0]}") in said, said
    assert "rename it" not in said and not Path("out").exists()


def test_the_library_says_so_too(lock: Path) -> None:
    for report, command in ((check_files([lock.name]), "check"),
                            (docgen.build([lock.name], "out"), "build")):
        [post] = report.posts
        assert [p.message for p in post.problems] == [
            LOCKED.replace("docgen check", f"docgen {command}")]
    assert [p["message"] for p in docgen.check(lock.name).to_dict()["errors"]] == [LOCKED]
    assert not Path("out").exists()


@pytest.mark.parametrize("name", ["~$posts.xlsx", ".~lock.posts.xlsx#"])
def test_the_library_makes_no_workbook_with_a_lock_files_name(tmp_path: Path, name: str) -> None:
    """docgen.api.workbooks.new_workbook and write_workbook refuse the name as the command
    line does (only the command line refused it: a reviewer's find)."""
    (tmp_path / "answers").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "answers")
    for make in (lambda: workbooks.new_workbook(tmp_path / name),
                 lambda: workbooks.write_workbook(tmp_path / "answers", tmp_path / name)):
        with pytest.raises(DocgenError, match="lock file"):
            make()
        assert not (tmp_path / name).exists()
