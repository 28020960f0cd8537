"""A programme workbook read from disk, and the lock file beside it that says it is open.

Excel keeps ``~$posts.xlsx`` beside a workbook it has open, LibreOffice
``.~lock.posts.xlsx#`` (their names: :mod:`docgen.answers.lock_names`; who has the workbook
open: :mod:`docgen.intake.lockfiles`). docgen reads the version last saved, so a workbook
being edited is built without the edits not yet saved: said in a warning, never an error (a
lock left behind by a crash is common). A lock file that cannot be read or decoded still
gives the warning, unnamed. Naming the lock file itself (``docgen check '~$posts.xlsx'``,
``docgen check '.~lock.posts.xlsx#'``) says what it is.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.answers.lock_names import PROGRAMS
from docgen.errors import AnswerFileError, Problem
from docgen.intake.book import Book, CellProblem
from docgen.intake.guard import MAX_WORKBOOK_BYTES, TOO_LARGE_FIX, WorkbookError
from docgen.intake.lockfiles import (
    LOCK_BYTES,
    excel_owner,
    libreoffice_owner,
    lock_problem,
    owner_in,
    read_head,
)
from docgen.intake.sheets_read import read_workbook


def open_elsewhere(path: Path) -> list[Problem]:
    """A warning for each program that has ``path`` open (its lock file beside it)."""
    said: list[Problem] = []
    for program in PROGRAMS:
        lock = path.with_name(program.lock_name(path.name))
        head = read_head(lock)
        if head is None:
            continue
        who = owner_in(program, head) if head else None
        by = f" (by {who})" if who else ""
        said.append(CellProblem(
            message=f"{path.name} is open in {program.name}{by}: docgen reads the version "
                    f"last saved; save it first (if it is not open, {program.name} left "
                    f"{lock.name} behind: delete it)",
            cell=path.name, severity="warning", rule="OPEN"))
    return said


def load_workbook_file(path: Path) -> tuple[Book, list[Problem]]:
    """The workbook's rows, and problems with the workbook as a whole (one open in Excel
    or LibreOffice among them); :class:`WorkbookError` when it cannot be read at all."""
    if (lock := lock_problem(path)) is not None:
        raise WorkbookError(f"{path.name}: {lock}")
    try:
        data = read_bounded(path, MAX_WORKBOOK_BYTES, what="programme workbooks",
                            fix=TOO_LARGE_FIX)
    except AnswerFileError as exc:
        raise WorkbookError(f"{path}: {exc.problems[0].message}") from None
    book, problems = read_workbook(path.name, data)
    return book, [*open_elsewhere(path), *problems]


#: the lock files' readers too, imported from here before they moved to ``lockfiles``
__all__ = ["LOCK_BYTES", "excel_owner", "libreoffice_owner", "load_workbook_file",
           "open_elsewhere"]
