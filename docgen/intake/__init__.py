"""Programme intake: a workbook with one row per post, read into answer files and back.

``table`` and ``mapping`` are pure (cell values ↔ answer-file data, driven by the
column table in ``columns.yaml``); ``sheets`` turns workbook bytes into cell values
and back (openpyxl, which ``xl`` imports only when a workbook is used), ``guard``
bounds what is opened; ``folder`` and ``run`` are the shell that reads and writes
files and builds.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.answer_names import SPREADSHEET_SUFFIXES
from docgen.answers.lock_names import locked_book
from docgen.intake.lockfiles import lock_problem
from docgen.shellwords import shell_path

#: a sheet saved as text: no programme workbook (one sheet, no formats), and no answer file
#: either, so read as one it would fail with a YAML error that says nothing useful
SHEET_TEXT_SUFFIXES = (".csv", ".tsv")
#: another program's spreadsheet: what it is, and how to save it as an .xlsx in that program
OTHER_SPREADSHEETS = {
    ".ods": ("an OpenDocument spreadsheet (.ods)",
             "in LibreOffice Calc use File > Save As > Excel 2007-365 (.xlsx)"),
    ".fods": ("an OpenDocument spreadsheet (.fods)",
              "in LibreOffice Calc use File > Save As > Excel 2007-365 (.xlsx)"),
    ".numbers": ("an Apple Numbers spreadsheet (.numbers)",
                 "in Numbers use File > Export To > Excel, then Save (.xlsx)"),
    ".xlsb": ("an Excel binary workbook (.xlsb)",
              "in Excel use File > Save As > Excel Workbook (.xlsx)"),
}
#: what names a programme workbook rather than an answer file (here, not in ``run``: the
#: command line asks it of every path, and a build of answer files need not load intake);
#: a sheet saved as text, or another program's spreadsheet, goes the workbook's way, to be
#: refused saying what to do (never "rename it to .yaml", the answer file's advice)
WORKBOOK_SUFFIXES = SPREADSHEET_SUFFIXES


def is_workbook(path: str | Path) -> bool:
    """Whether ``path`` names a workbook (or a sheet saved as text), or the lock file Excel
    or LibreOffice keeps beside one (``~$posts.xlsx``, ``.~lock.posts.xlsx#``): that goes
    the workbook's way too, to be told what it is (:mod:`docgen.intake.lockfiles`), never
    read as an answer file."""
    if str(path).lower().endswith(WORKBOOK_SUFFIXES):
        return True
    found = locked_book(Path(path).name)
    return found is not None and found[1].lower().endswith(WORKBOOK_SUFFIXES)


def not_answers_problem(path: str | Path) -> str | None:
    """Why a workbook (or a sheet saved as text) named where answer files are expected, as
    to the library's ``build`` and ``check_files``, is not built, and what to do; None for
    any other file. (The command line builds a workbook itself: ``docgen build posts.xlsx``.)"""
    if is_workbook(path) and (lock := lock_problem(path)) is not None:
        return lock
    if (why := sheet_text_problem(path)) is not None:
        return why
    if not is_workbook(path):
        return None
    name = Path(path).name  # the message is the file's own: its folder is said beside it
    return (f"a programme workbook is not an answer file; build its rows with docgen build "
            f"{shell_path(name)}, or write them out as answer files with docgen intake read "
            f"{shell_path(name)} and build those")


def saved_as_xlsx(suffix: str) -> str:
    """What another program's spreadsheet (``.ods``) is, and how to save it as an .xlsx."""
    what, how = OTHER_SPREADSHEETS[suffix]
    return (f"this is {what}, and docgen reads Excel workbooks (.xlsx): {how}, and give "
            "docgen the .xlsx")


def sheet_text_problem(path: str | Path) -> str | None:
    """Why ``path`` (a .csv, or another program's spreadsheet such as an .ods) cannot be
    read as a programme workbook, and what to do; None for any other file. Said by
    ``check``, ``build``, ``intake read`` and the API alike (each names the file its own
    way)."""
    suffix = Path(path).suffix.lower()
    if suffix in OTHER_SPREADSHEETS:
        return saved_as_xlsx(suffix)
    if suffix not in SHEET_TEXT_SUFFIXES:
        return None
    return (f"a {suffix} file is not a programme workbook (it holds one "
            "sheet as plain text, without the Organisations and other sheets); open it in a "
            "spreadsheet program and save it as an Excel Workbook (.xlsx), or make a "
            "workbook with docgen intake new posts.xlsx (from answer files: docgen intake "
            "write inputs/ posts.xlsx)")
