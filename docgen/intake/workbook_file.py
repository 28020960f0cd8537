"""A programme workbook read from disk, and the lock file beside it that says it is open.

Excel keeps ``~$posts.xlsx`` beside a workbook it has open (the user's name in its first
bytes: a length byte, then the name), LibreOffice ``.~lock.posts.xlsx#`` (CSV text, the
user's full name, then their login name, ...). docgen reads the version last saved, so a
workbook being edited is built without the edits not yet saved: said in a warning, never
an error (a lock left behind by a crash is common). At most :data:`LOCK_BYTES` of a lock
file are read, and one that cannot be read or decoded still gives the warning, unnamed.
Naming the lock file itself (``docgen check '~$posts.xlsx'``) says what it is.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.errors import AnswerFileError, Problem
from docgen.intake.book import Book, CellProblem
from docgen.intake.guard import MAX_WORKBOOK_BYTES, TOO_LARGE_FIX, WorkbookError
from docgen.intake.sheets_read import read_workbook
from docgen.shellwords import shell_path

EXCEL_LOCK = "~$"
LIBREOFFICE_LOCK = (".~lock.", "#")
#: a lock file holds a name and a few fields: more is never read
LOCK_BYTES = 512
#: the longest user name Excel keeps in its lock file's first bytes
EXCEL_NAME_BYTES = 53


def _head(path: Path) -> bytes | None:
    """The first bytes of a lock file, or None when there is none (or it cannot be read)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as f:
            return f.read(LOCK_BYTES)
    except OSError:
        return b""  # there, but unreadable: still a sign the workbook is open


def _printable(text: str) -> str | None:
    name = "".join(c for c in text if c.isprintable()).strip()
    return name[:80] or None


def excel_owner(head: bytes) -> str | None:
    """Who has the workbook open, from Excel's lock file: a length byte, then the name."""
    size = head[0] if head else 0
    if not 0 < size <= EXCEL_NAME_BYTES or len(head) < 1 + size:
        return None
    return _printable(head[1:1 + size].decode("cp1252", errors="replace"))


def libreoffice_owner(head: bytes) -> str | None:
    """Who has the workbook open, from LibreOffice's lock file: its full name, else its
    login name (``,officer,host,07.12.2026 09:05,file:///...;``)."""
    fields = head.decode("utf-8", errors="replace").split(",")
    return next((n for f in fields[:2] if (n := _printable(f))), None)


def open_elsewhere(path: Path) -> list[Problem]:
    """A warning for each program that has ``path`` open (its lock file beside it)."""
    said: list[Problem] = []
    for program, lock, owner in (
            ("Excel", path.with_name(EXCEL_LOCK + path.name), excel_owner),
            ("LibreOffice", path.with_name(path.name.join(LIBREOFFICE_LOCK)), libreoffice_owner)):
        head = _head(lock)
        if head is None:
            continue
        who = owner(head)
        by = f" (by {who})" if who else ""
        said.append(CellProblem(
            message=f"{path.name} is open in {program}{by}: docgen reads the version last "
                    f"saved; save it first (if it is not open, {program} left {lock.name} "
                    "behind: delete it)",
            cell=path.name, severity="warning", rule="OPEN"))
    return said


def _lock_of(path: Path) -> str | None:
    """What a workbook's lock file named in its place is, and what to name instead."""
    if not path.name.startswith(EXCEL_LOCK) or len(path.name) <= len(EXCEL_LOCK):
        return None
    book = path.with_name(path.name[len(EXCEL_LOCK):])
    head = _head(path)
    who = excel_owner(head) if head else None
    return (f"{path.name}: this is Excel's lock file for {book.name}, there while "
            f"{book.name} is open in Excel{f' (by {who})' if who else ''}, not a workbook; "
            f"name the workbook itself, e.g. docgen check {shell_path(book)}")


def load_workbook_file(path: Path) -> tuple[Book, list[Problem]]:
    """The workbook's rows, and problems with the workbook as a whole (one open in Excel
    or LibreOffice among them); :class:`WorkbookError` when it cannot be read at all."""
    if (lock := _lock_of(path)) is not None:
        raise WorkbookError(lock)
    try:
        data = read_bounded(path, MAX_WORKBOOK_BYTES, what="programme workbooks",
                            fix=TOO_LARGE_FIX)
    except AnswerFileError as exc:
        raise WorkbookError(f"{path}: {exc.problems[0].message}") from None
    book, problems = read_workbook(path.name, data)
    return book, [*open_elsewhere(path), *problems]
