"""Naming LibreOffice's lock file in a workbook's place (``docgen check
'.~lock.posts.xlsx#'``) says what it is, whose workbook and who has it open, as naming
Excel's (``~$posts.xlsx``) did: before, check and build read it as an answer file ("an
answer file's name ends .yaml or .yml ... rename it, for example to .~lock.posts.yaml")
and intake read as a workbook that is no Excel workbook. Both programs' lock files are
told apart by one rule (``docgen/answers/lock_names.py``), read by every door."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run, write_programme

import docgen.api
from docgen.answers.lock_names import locked_book
from docgen.intake import is_workbook

#: LibreOffice's lock file as it writes it: full name, login name, host, time, profile
LIBREOFFICE_LOCK = b"Jo Bloggs,officer,host,07.12.2026 09:05,file:///home/officer/.config/lo;"
#: Excel's, as it writes it: a length byte, the name, spaces
EXCEL_LOCK = bytes([11]) + b"Officer Jo" + b" " + b" " * 42 + b"\0\0"

COMMANDS = ("check", "build", "intake read")


def _args(command: str, lock: Path, tmp_path: Path) -> list[str]:
    """The command given the lock file, writing (were it to write) under ``tmp_path``."""
    more = {"check": [], "build": ["--out", str(tmp_path / "out")],
            "intake read": ["--into", str(tmp_path / "posts")]}[command]
    return [*command.split(), str(lock), *more]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_says_libreoffices_lock_file_is_one(tmp_path: Path, command: str) -> None:
    write_programme(tmp_path, 1)
    lock = tmp_path / ".~lock.posts.xlsx#"
    lock.write_bytes(LIBREOFFICE_LOCK)
    code, text = run(*_args(command, lock, tmp_path))
    text = " ".join(text.split())
    assert code == 1, text
    assert (".~lock.posts.xlsx#: this is LibreOffice's lock file for posts.xlsx, there while "
            "posts.xlsx is open in LibreOffice (by Jo Bloggs), not a workbook; name the "
            "workbook itself, e.g. docgen check") in text, text
    assert "posts.xlsx" in text.rsplit("docgen check", 1)[1]
    assert "answer file" not in text and "not an Excel workbook" not in text
    assert not (tmp_path / "out").exists() and not (tmp_path / "posts").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_excels_lock_file_is_said_in_the_same_words(tmp_path: Path, command: str) -> None:
    write_programme(tmp_path, 1)
    lock = tmp_path / "~$posts.xlsx"
    lock.write_bytes(EXCEL_LOCK)
    code, text = run(*_args(command, lock, tmp_path))
    text = " ".join(text.split())
    assert code == 1, text
    assert ("~$posts.xlsx: this is Excel's lock file for posts.xlsx, there while posts.xlsx "
            "is open in Excel (by Officer Jo), not a workbook; name the workbook itself") in text


def test_a_lock_file_naming_nobody_and_one_in_another_folder(tmp_path: Path) -> None:
    """A lock file that names nobody (empty, or bytes that are no name) is still said to
    be one, without "(by ...)"; the workbook to name instead keeps the lock file's folder."""
    folder = tmp_path / "programme"
    folder.mkdir()
    write_programme(folder, 1)
    lock = folder / ".~lock.posts.xlsx#"
    for content in (b"", b",,,"):
        lock.write_bytes(content)
        code, text = run("check", str(lock))
        text = " ".join(text.split())
        assert code == 1
        assert "this is LibreOffice's lock file for posts.xlsx, there while posts.xlsx is " \
               "open in LibreOffice, not a workbook" in text, text
        assert f"docgen check {folder / 'posts.xlsx'}" in text


def test_the_library_says_it_too(tmp_path: Path) -> None:
    """``docgen.api.check_files`` and ``build`` given the lock file: a failed post saying
    what it is (never "a programme workbook is not an answer file; build its rows with
    docgen build .~lock.posts.xlsx#")."""
    write_programme(tmp_path, 1)
    lock = tmp_path / ".~lock.posts.xlsx#"
    lock.write_bytes(LIBREOFFICE_LOCK)
    for report in (docgen.api.check_files([lock]),
                   docgen.api.build([lock], tmp_path / "out")):
        [post] = report.posts
        assert post.status == "failed"
        [problem] = post.problems
        assert problem.message.startswith("this is LibreOffice's lock file for posts.xlsx")
        assert "(by Jo Bloggs)" in problem.message
    assert not (tmp_path / "out").exists()


def test_which_names_are_lock_files() -> None:
    assert is_workbook(".~lock.posts.xlsx#") and is_workbook("sub/.~lock.My Posts.XLSX#")
    assert is_workbook("~$posts.xlsx")
    # another file LibreOffice has open is not a workbook: its lock file is not sent there
    assert not is_workbook(".~lock.post.yaml#") and not is_workbook(".~lock.#")
    assert locked_book(".~lock.posts.xlsx#")[1] == "posts.xlsx"  # type: ignore[index]
    assert locked_book("~$posts.xlsx")[1] == "posts.xlsx"  # type: ignore[index]
    assert locked_book("posts.xlsx") is None and locked_book("~$") is None
    assert locked_book(".~lock.posts.xlsx") is None  # no closing '#': not LibreOffice's
