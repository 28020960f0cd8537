"""Public API, programme workbooks: one row per post in an .xlsx (``docgen intake`` and
``docgen check|build posts.xlsx``).

Import this module only to use a workbook: it loads the intake (and, when a workbook is
opened, openpyxl), which a build of answer files never needs. Whether a path names a
workbook is asked of :func:`docgen.api.is_workbook`, which loads none of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.api.files import save
from docgen.errors import DocgenError, Problem
from docgen.intake import folder as _folder
from docgen.intake import run as _run
from docgen.intake.folder import ReadResult as ReadResult
from docgen.intake.guard import MAX_WORKBOOK_BYTES, WorkbookError
from docgen.intake.guard import check_workbook as _guard
from docgen.intake.lockfiles import lock_name_problem as lock_name_problem
from docgen.intake.notes import CELL_NOTES as CELL_NOTES
from docgen.intake.rows import Intake as Intake
from docgen.intake.rows import profile_ids
from docgen.intake.run import row_source as row_source
from docgen.intake.sheets import workbook_bytes
from docgen.intake.sheets_read import MAX_CELLS
from docgen.intake.table import MAX_ROWS, POSTS
from docgen.intake.writing import Sheets
from docgen.ooxml.spreadsheet import SheetTooBig, scan_sheet, sheet_parts
from docgen.results import BuildReport, PostResult

# kept here for callers that took them from this module (their home: docgen.shellwords)
from docgen.shellwords import make_folder_command as make_folder_command
from docgen.shellwords import shell_path as shell_path

__all__ = ["CELL_NOTES", "BookChecked", "Intake", "ReadResult", "RowChecked", "Unread",
           "book_checked", "build_workbook",
           "check_workbook", "lock_name_problem", "make_folder_command", "new_workbook",
           "read_workbook", "row_source", "rows_checked", "shell_path", "workbooks_in",
           "write_workbook"]

#: what a workbook in a folder is called (the name ``docgen intake new`` requires)
WORKBOOK_SUFFIX = ".xlsx"


@dataclass(frozen=True)
class RowChecked:
    """One post of a workbook as :func:`check_workbook` says it, in numbers: for a page
    that lists a workbook's posts without saying their problems one by one."""

    row: int  # the Posts sheet's row
    reference: str  # "" when its Reference cell gives none docgen can use
    errors: int
    warnings: int
    #: its errors kept the good-practice rules from running: its warnings are not known yet
    rules_pending: bool


def new_workbook(path: str | os.PathLike[str]) -> None:
    """Write an empty programme workbook (drop-downs and help on every column) to
    ``path``, replacing any file there; the organisation profiles of its workspace are
    listed by id on its Organisations sheet."""
    target = Path(path)
    _not_a_lock_name(target)
    save(target, workbook_bytes(Sheets(), profile_ids(target)))


def _not_a_lock_name(path: Path) -> None:
    """A new workbook never takes a lock file's name (:func:`lock_name_problem`), whichever
    door makes it: the command line says it before anything else, the library raises."""
    if (lock := lock_name_problem(path)) is not None:
        raise DocgenError(lock)


def check_workbook(path: str | os.PathLike[str]) -> tuple[Intake, BuildReport]:
    """Every row of the workbook checked (its shape and the rules); nothing written. The
    :class:`Intake` holds the rows and the workbook's own problems (:data:`CELL_NOTES`
    names the rules that are notes about one cell), the report one post per row."""
    return _run.check_workbook(Path(path))


def build_workbook(path: str | os.PathLike[str], out: str | os.PathLike[str],
                   progress: Callable[[PostResult], None] | None = None, **options: Any
                   ) -> tuple[Intake, BuildReport]:
    """Build the documents of every row without errors into ``out`` (the options of
    :func:`docgen.api.build`); the other rows are failed posts with their cells."""
    return _run.build_workbook(Path(path), Path(out), progress=progress, **options)


def read_workbook(path: str | os.PathLike[str], into: str | os.PathLike[str],
                  force: bool = False) -> ReadResult:
    """Write or update one answer file in ``into`` per row without errors. A file edited
    by hand is kept (and said so) unless ``force``: then it is kept aside and replaced."""
    return _folder.read_into(Path(path), Path(into), force)


def write_workbook(folder: str | os.PathLike[str], path: str | os.PathLike[str]
                   ) -> tuple[int, list[Problem]]:
    """Every answer file in ``folder`` as one workbook at ``path``: the number of posts,
    and the problems that left files out (none: a problem that would lose a post, a file
    that cannot be read among them, writes nothing and raises :class:`DocgenError`
    saying what to fix)."""
    _not_a_lock_name(Path(path))
    return _folder.write_from(Path(folder), Path(path))


def workbooks_in(folder: str | os.PathLike[str]) -> list[Path]:
    """The programme workbooks directly in ``folder`` (``.xlsx``, in any case), sorted by
    name: not the lock file Excel or LibreOffice keeps beside one that is open, not a link,
    not a sheet saved as text; none when ``folder`` is not a folder."""
    where = Path(folder)
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir()
                  if p.name.lower().endswith(WORKBOOK_SUFFIX) and lock_name_problem(p) is None
                  and not p.is_symlink() and p.is_file())


def rows_checked(path: str | os.PathLike[str]) -> tuple[list[RowChecked], int]:
    """Each post of the workbook checked (:func:`check_workbook`), as numbers, and how many
    errors the workbook has of its own (a sheet or column it lacks); raises
    :class:`DocgenError` for a workbook docgen cannot read."""
    intake, report = check_workbook(path)
    return list(_rows(intake, report)), sum(p.severity == "error" for p in intake.problems)


def _rows(intake: Intake, report: BuildReport) -> tuple[RowChecked, ...]:
    return tuple(RowChecked(row=post.row.number, reference=said.reference,
                            errors=len(said.errors), warnings=len(said.warnings),
                            rules_pending=said.rules_pending)
                 for post, said in zip(intake.posts, report.posts, strict=True))


class Unread:
    """Why :func:`book_checked` lists no posts of a workbook, each a plain reason a page
    can say (the command line's check says the same file's problem in full)."""

    # the ways the intake's guard refuses a file (WorkbookError.kind); one over the size
    # docgen reads is not even opened
    TOO_LARGE, OLD_EXCEL, NOT_XLSX = (WorkbookError.TOO_LARGE, WorkbookError.OLD_EXCEL,
                                      WorkbookError.NOT_XLSX)
    NOT_PROGRAMME = "not_programme"  # a real .xlsx with no Posts sheet: some other sheet
    TOO_MANY_POSTS = "too_many_posts"  # more posts than the caller checks (``posts`` says)
    LAYOUT = "layout"  # a Posts sheet docgen refuses: merged cells, a heading missing, …
    NOT_OPENED = "not_opened"  # the file could not be opened (permissions, gone meanwhile)


@dataclass(frozen=True)
class BookChecked:
    """A workbook's posts checked, as numbers (:func:`book_checked`); or, in ``unread``,
    why they are not."""

    rows: tuple[RowChecked, ...] = ()
    errors: int = 0  # the workbook's own errors, outside its rows
    unread: str = ""  # an :class:`Unread` reason; "" when the rows were checked
    posts: int = 0  # the rows holding values below the headings (said when too many)
    #: the other files the check read (base files, organisation profiles): a copy kept of
    #: this result holds while they and the workbook are unchanged
    read: tuple[Path, ...] = ()


def _posts_in(path: Path, max_posts: int) -> BookChecked:
    """How many posts the workbook holds, streamed from its Posts sheet before any cell is
    read; or why it cannot be read at all. Never opens a file over the size docgen reads."""
    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        return BookChecked(unread=Unread.TOO_LARGE)
    with path.open("rb") as file:  # (it may have grown since: the guard says so)
        data = file.read(MAX_WORKBOOK_BYTES + 1)
    try:
        _guard(path.name, data)  # its size, not an .xls, a zip, a workbook, no macros
        parts = sheet_parts(data)
    except WorkbookError as refused:
        return BookChecked(unread=refused.kind or Unread.NOT_XLSX)
    except Exception:  # noqa: BLE001 - a damaged zip or XML raises many kinds
        return BookChecked(unread=Unread.NOT_XLSX)
    if POSTS not in parts:
        return BookChecked(unread=Unread.NOT_PROGRAMME)
    try:
        posts = max(scan_sheet(data, parts[POSTS], MAX_ROWS + 1, MAX_CELLS).rows - 1, 0)
    except SheetTooBig as big:
        return BookChecked(unread=Unread.TOO_MANY_POSTS, posts=max(big.rows - 1, 0))
    except Exception:  # noqa: BLE001 - as above
        return BookChecked(unread=Unread.LAYOUT)
    return BookChecked(unread=Unread.TOO_MANY_POSTS, posts=posts) if posts > max_posts \
        else BookChecked(posts=posts)


def book_checked(path: str | os.PathLike[str], max_posts: int = MAX_ROWS) -> BookChecked:
    """The workbook's posts checked as :func:`rows_checked` checks them, and the files
    the check read; never raises for a workbook docgen cannot read, but says why
    (:class:`Unread`). A workbook of more than ``max_posts`` posts is counted, not checked
    (at about 40 ms a post, a large one takes minutes)."""
    where = Path(path)
    try:
        counted = _posts_in(where, max_posts)
        if counted.unread:
            return counted
        intake, report = check_workbook(where)
    except WorkbookError:
        return BookChecked(unread=Unread.LAYOUT)
    except (DocgenError, OSError):
        return BookChecked(unread=Unread.NOT_OPENED)
    return BookChecked(rows=_rows(intake, report),
                       errors=sum(p.severity == "error" for p in intake.problems),
                       posts=counted.posts, read=(*intake.bases, *intake.profiles))
