"""Workbook bytes → plain rows, with openpyxl in read-only (streaming) mode.

Only the sheets docgen reads are opened, and each is first streamed once by
``ooxml.spreadsheet.scan_sheet`` (where its values end, hidden rows, merged ranges,
formulas without a result), so a sheet's size is bounded before any cell is built
and a stray formatted cell far below the data is not a row. A sheet whose name is
close to one docgen reads is refused (did you mean?): its facts would otherwise
silently be left out of the documents. So is a column whose heading is close to one the
sheet lacks ("Annual salary" with no Salary column) when its values can be that column's
("£52,000"); one whose values cannot ("RAG status" holding Red, Amber, Green, with no
Status column) is the team's own, named in a warning.
"""

from __future__ import annotations

import difflib
import io
import re
from typing import Any, NoReturn

from docgen.errors import Problem
from docgen.intake import xl
from docgen.intake.book import NO_RESULT, Book, FormulaError, Row, cell_problem, sheet_ref
from docgen.intake.cells import CellError, from_cell, unreadable
from docgen.intake.guard import WorkbookError, check_workbook
from docgen.intake.merged import Merged, column_number, losing, widened_headings
from docgen.intake.table import MAX_ROWS, POSTS, README, REFERENCE, Column, load_table
from docgen.intake.typed import folded
from docgen.ooxml.spreadsheet import (
    SheetScan,
    SheetTooBig,
    scan_sheet,
    sheet_parts,
    with_only_sheets,
)

LISTS = "Lists"  # the template's hidden sheet of drop-down values
#: columns read from one sheet at most (Posts has about 30; room for notes beside them)
MAX_COLUMNS = 200
MAX_CELLS = (MAX_ROWS + 1) * 60


def sheet_names() -> list[str]:
    table = load_table()
    return [POSTS, table.organisations.name, *(s.name for s in table.sheets), table.other.name]


def headings() -> dict[str, list[str]]:
    table = load_table()
    out = {POSTS: [c.heading for c in table.posts],
           table.organisations.name: [c.heading for c in table.organisations.columns]}
    for sheet in (*table.sheets, table.other):
        out[sheet.name] = [REFERENCE, *(c.heading for c in sheet.columns)]
    return out


def columns(title: str) -> dict[str, Column]:
    """The columns docgen reads on a sheet, by heading (a sheet's Reference is text)."""
    table = load_table()
    if title == POSTS:
        return {c.heading: c for c in table.posts}
    if title == table.organisations.name:
        return {c.heading: c for c in table.organisations.columns}
    sheet = next((x for x in (*table.sheets, table.other) if x.name == title), None)
    return {} if sheet is None else {REFERENCE: Column(REFERENCE, "reference"),
                                     **{c.heading: c for c in sheet.columns}}


def _not_its(column: Column, value: object) -> str | None:
    """Why ``value`` cannot be a value of ``column`` (read as :func:`from_cell` reads it),
    or None when it can be (a formula's error or missing result could be anything)."""
    if unreadable(value) is not None:
        return None
    try:
        from_cell(column, value)
    except CellError as exc:
        return str(exc)
    return None


#: a number format's quoted text, ``\x`` escapes and ``[...]`` sections (compiled as the
#: module loads, so the command's table of compiled patterns keeps it)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def percent_sign(number_format: str) -> str:
    """``"times100"`` when a number format shows a number as a percentage (Excel stores 5 %
    as 0.05 and shows it ×100), ``"literal"`` when it only prints a % sign (the template's
    ``0.##" %"``: 5 is stored as 5), else ``""``. Quoted text, ``\\x`` escapes and
    ``[...]`` sections (colours, conditions) never multiply."""
    if "%" not in number_format:
        return ""
    bare = _QUOTED.sub("", number_format)
    return "times100" if "%" in bare else "literal"


def _close(name: str, options: list[str]) -> str | None:
    """The sheet (or heading) docgen reads that ``name`` most likely is (case and spacing
    aside)."""
    by_fold = {folded(o): o for o in options}
    close = difflib.get_close_matches(folded(name), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


def _sheets_to_read(name: str, parts: dict[str, str], problems: list[Problem]) -> list[str]:
    """The sheets docgen reads that the workbook has; a sheet that looks like one it lacks
    is refused, any other sheet docgen does not read is named in a warning."""
    known = sheet_names()
    missing = [s for s in known if s not in parts]
    found = ", ".join(f"'{s}'" for s in parts)
    for title in parts:
        if title in known or title in (README, LISTS):
            continue
        near = _close(title, missing)
        if near is not None:  # the sheet docgen would read is not there: this must be it
            raise WorkbookError(
                f"{sheet_ref(name, title, 'A1')}: docgen does not read a sheet named "
                f"'{title}'; did you mean '{near}'? Rename the sheet to '{near}' (its rows "
                "would otherwise be left out of the documents). Nothing was read")
        near = _close(title, known)
        hint = (f"did you mean '{near}'? Move its rows there" if near else
                f"it reads {', '.join(known)}. Fine for notes or lookups; otherwise move its "
                "rows to the sheet docgen reads")
        problems.append(cell_problem(name, (title, "A1", ""), (
            f"docgen does not read the sheet '{title}', so nothing on it reaches the "
            f"documents; {hint}"), severity="warning", rule="SHEET"))
    if POSTS not in parts:
        raise WorkbookError(f"{name}: there is no sheet named '{POSTS}'; docgen reads one row "
                            f"per post from it. The sheets are {found}: rename the sheet of "
                            f"posts to '{POSTS}' (or start from docgen intake new posts.xlsx)")
    return [s for s in known if s in parts]


def _scan(name: str, title: str, data: bytes, part: str) -> SheetScan:
    try:
        scan = scan_sheet(data, part, MAX_ROWS + 1, MAX_CELLS)
    except SheetTooBig as big:
        what = "posts" if title == POSTS else "rows"
        if big.rows <= MAX_ROWS:  # the cells ran out first: the rows were not too many
            raise WorkbookError(f"{name}: the {title} sheet holds more than {MAX_CELLS:,} "
                                f"cells with values (in {big.rows:,} rows), more than docgen "
                                "reads from one sheet; delete the rows and columns that hold "
                                "no answers, or split the programme into several "
                                "workbooks") from None
        raise WorkbookError(f"{name}!{title}!A{MAX_ROWS + 2}: the {title} sheet holds values "
                            f"in more than {MAX_ROWS:,} rows below its headings; docgen reads "
                            f"at most {MAX_ROWS:,} {what} from one sheet. Split the programme "
                            "into several workbooks (or, if the rows from "
                            f"{MAX_ROWS + 2:,} down hold no {what}, clear them)") from None
    if scan.last_col > MAX_COLUMNS:
        raise WorkbookError(f"{name}: the {title} sheet has values in {scan.last_col:,} "
                            f"columns; docgen reads at most {MAX_COLUMNS}. Delete the columns "
                            "after the last heading docgen reads")
    return scan


def _value(cell: Any, coordinate: str, scan: SheetScan) -> object:
    if coordinate in scan.no_result:
        return NO_RESULT  # reading the cell says so, for its post
    if getattr(cell, "data_type", None) == "e":
        return FormulaError(str(cell.value))
    value = cell.value  # as stored: reading.py reads a percent format ×100 where it is meant
    return None if isinstance(value, str) and not value.strip() else value


def _headings(book: Book, title: str, header: tuple[Any, ...], problems: list[Problem]
              ) -> tuple[list[str], list[str], dict[str, str]]:
    """Row 1's headings, each one docgen reads as docgen spells it ("Job Title" is read as
    "Job title"); the column letters; and each other heading that looks like one the sheet
    lacks ("Salary (£)" where there is no "Salary"), with the heading it must be."""
    known = headings().get(title, [])
    by_fold = {folded(h): h for h in known}
    typed = [str(c.value).strip() if c.value is not None else "" for c in header]
    heads = [h if h in known else by_fold.get(folded(h), h) if h else "" for h in typed]
    letters = [xl.get_column_letter(i) for i in range(1, len(heads) + 1)]
    missing = [h for h in known if h not in heads]
    near: dict[str, str] = {}
    for letter, head in zip(letters, heads, strict=True):
        if head and head not in known:
            if (close := _close(head, missing)) is not None:
                near[head] = close  # its warning, or refusal, once its values are read
                continue
            problems.append(_own_column(book, title, letter, head))
    return heads, letters, near


def _own_column(book: Book, title: str, letter: str, head: str, why: str = "") -> Problem:
    """A column docgen does not read, named at its heading; ``why``: why it is not the
    docgen column its heading looks like. A column of the team's own is fine (the README
    says so), so the words say what happens to it, and how to make it docgen's if meant."""
    near = _close(head, headings().get(title, []))
    meant = (f"docgen's '{near}' column, use that heading" if near else
             "one of docgen's, give it the heading")
    return cell_problem(book.name, (title, f"{letter}1", head),
                        f"docgen does not read a column headed '{head}'; "
                        + (why or "a column of your own is fine, and is kept out of the "
                           f"documents; if it was meant to be {meant} docgen intake new "
                           "writes"), severity="warning", rule="COLUMN")


def _looks_like(near: dict[str, str], title: str) -> dict[str, Column]:
    """Each heading that looks like one the sheet lacks, with the column it looks like."""
    known = columns(title)
    return {head: known[docgen] for head, docgen in near.items() if docgen in known}


#: kinds of column whose values come from a closed set (choices, yes/no, partners): a
#: value outside it shows a column is the team's own ("RAG status" holding Red). Any other
#: value can be a renamed column's typed loosely ("78k pa" under "Annual salary"), so a
#: column like one of those is always taken as renamed
CLOSED_KINDS = frozenset({"choice", "bool", "party", "parties", "party_map", "party_records"})


def _renamed(book: Book, title: str, letter: str, head: str, near: str, number: int,
             unread: tuple[str, str] | None = None) -> NoReturn:
    """A renamed column that holds values: read without it, every post would silently take
    the base file's value or none, so nothing is read."""
    loose = (f" Its values must also be written as docgen reads them ({unread[0]}: "
             f"{unread[1]})." if unread else "")
    raise WorkbookError(f"{sheet_ref(book.name, title, f'{letter}1')}: docgen does not read a "
                        f"column headed '{head}'; did you mean '{near}'? Rename the heading to "
                        f"'{near}' (its values, from row {number}, would otherwise be left out "
                        "of the documents); if the column is your own, give it a heading unlike "
                        f"docgen's.{loose} Nothing was read")


def _not_renamed(book: Book, title: str, letter: str, head: str, near: Column,
                 example: tuple[str, str]) -> Problem:
    """A column of the team's own whose heading looks like ``near``'s but whose values
    cannot be ``near``'s ("RAG status" holding Red, Amber, Green): named, never read."""
    what = {"choice": f"a {near.heading.lower()}", "party_map": near.heading.lower()}.get(
        near.kind, f"{near.heading.lower()} values")
    where, why = example
    return _own_column(book, title, letter, head, (
        f"it is not read as docgen's '{near.heading}' column either, as its values are not "
        f"{what} ({where}: {why}). If it is meant to be that column, rename the heading to "
        f"'{near.heading}' and write its values as docgen reads them"))


def _widened(book: Book, title: str, span: Merged, heads: list[str], cell: str) -> None:
    """A heading merged over a column that holds values: those values belong to no
    heading, so they would be left out; nothing is read."""
    head = heads[span.first_col - 1]
    raise WorkbookError(f"{sheet_ref(book.name, title, span.first_cell)}: the heading '{head}' "
                        f"is merged across {span.ref}, and {cell} under it holds a value that "
                        "no heading names; unmerge the heading (Home > Merge & Center) and give "
                        "that column its own heading, or move its values into the "
                        f"'{head}' column. Nothing was read")


def _read_sheet(book: Book, ws: Any, scan: SheetScan, problems: list[Problem]) -> None:
    width = max(scan.last_col, 1)
    rows = ws.iter_rows(min_row=1, max_row=max(scan.last_row, 1), max_col=width)
    heads, letters, near = _headings(book, ws.title, next(rows, ()), problems)
    looks_like = _looks_like(near, ws.title)
    first: dict[str, int] = {}  # such a column → the first row it holds a value in
    not_its: dict[str, tuple[str, str]] = {}  # → its first value that cannot be the column's
    known = set(headings().get(ws.title, []))
    _same_heading_twice(book.name, ws.title, letters, heads, known)
    read = {i for i, head in enumerate(heads, start=1) if head in known}
    if bad := losing(scan.merged, read):
        where = sheet_ref(book.name, ws.title, bad[0].first_cell)
        raise WorkbookError(f"{where}: cells {', '.join(m.ref for m in bad[:5])} are merged; "
                            "unmerge them (Home > Merge & Center) and give each row its own "
                            "value. Nothing was read")
    widened = widened_headings(scan.merged, read)
    book.headings[ws.title] = heads
    out = []
    unheaded: dict[str, str] = {}  # column letter → its first cell with a value
    for number, cells in enumerate(rows, start=2):
        values: dict[str, tuple[str, Any]] = {}
        percent: dict[str, str] = {}
        for letter, cell, head in zip(letters, cells, heads, strict=False):
            where = f"{letter}{number}"
            value = _value(cell, where, scan)  # read once: a sheet may have 5,000 rows
            if head in near and value is not None:
                first.setdefault(head, number)
                like = looks_like.get(head)
                why = _not_its(like, value) if like is not None else None
                # a value of the column it looks like, or any value of a column of money,
                # numbers, dates or text (typed loosely): renamed, not the team's
                if why is None or like is not None and like.kind not in CLOSED_KINDS:
                    _renamed(book, ws.title, letter, head, near[head], first[head],
                             None if why is None else (where, why))
                not_its.setdefault(head, (where, why))
            if (span := widened.get(column_number(letter))) is not None and value is not None:
                _widened(book, ws.title, span, heads, where)
            if not head and letter not in unheaded and value is not None:
                unheaded[letter] = where
            if head and head in known:
                values[head] = (where, value)
                sign = percent_sign((getattr(cell, "number_format", None) or "General") or "")
                if sign:
                    percent[head] = sign
        if all(v is None for _, v in values.values()):
            continue
        out.append(Row(ws.title, number, values, number in scan.hidden, frozenset(percent),
                       frozenset(h for h, sign in percent.items() if sign == "times100")))
    book.sheets[ws.title] = out
    if out and getattr(ws, "sheet_state", "visible") != "visible":  # hidden or very hidden
        problems.append(cell_problem(book.name, (ws.title, "A1", ""), (
            f"the sheet '{ws.title}' is hidden; docgen reads it like the others (hiding is not "
            "deleting): unhide it (right-click a sheet tab > Unhide) to see what the "
            "documents take, or delete its rows to leave them out"),
            severity="warning", rule="HIDDEN"))
    problems += [_not_renamed(book, ws.title, letter, head, looks_like[head], not_its[head])
                 if head in not_its else _own_column(book, ws.title, letter, head)
                 for letter, head in zip(letters, heads, strict=False) if head in near]
    problems += [cell_problem(book.name, (ws.title, f"{letter}1", ""), (
        f"column {letter} ({head}) is hidden; docgen reads it like the others (hiding is not "
        "deleting): unhide it to see what the documents take, or clear its values to leave "
        "them out"), severity="warning", rule="HIDDEN")
        for letter, head in zip(letters, heads, strict=False)
        if head in known and column_number(letter) in scan.hidden_cols
        and any(row.value(head) is not None for row in out)]
    problems += [cell_problem(book.name, (ws.title, f"{letter}1", ""), (
        f"column {letter} holds values (the first in {first}) but no heading in row 1, so "
        "docgen reads none of them; give it the heading docgen intake new writes for what it "
        "holds (e.g. Grade), or a heading of your own if it is your notes"),
        severity="warning", rule="COLUMN") for letter, first in unheaded.items()]


def _same_heading_twice(name: str, title: str, letters: list[str], heads: list[str],
                        known: set[str]) -> None:
    """Two columns of a sheet with one heading docgen reads: only one of them could be
    read, and which one is no choice of the person's, so nothing is read."""
    first: dict[str, str] = {}
    twice: list[tuple[str, str, str]] = []  # (heading, first column, this column)
    for letter, head in zip(letters, heads, strict=True):
        if head in known and head in first:
            twice.append((head, first[head], f"{letter}1"))
        first.setdefault(head, f"{letter}1")
    if twice:
        pairs = "; ".join(f"'{h}' is the heading of both {a} and {b}" for h, a, b in twice)
        raise WorkbookError(f"{sheet_ref(name, title, twice[0][2])}: {pairs}; docgen reads "
                            "one column per heading. Delete one of the two columns (or move "
                            "its values into the other). Nothing was read")


def read_workbook(name: str, data: bytes) -> tuple[Book, list[Problem]]:
    """The workbook's rows by sheet, and problems with the workbook as a whole. Raises
    :class:`WorkbookError` for a file that is not a readable .xlsx, a sheet too large,
    merged cells or a sheet that looks misnamed."""
    check_workbook(name, data)
    book, problems = Book(name), list[Problem]()
    try:
        parts = sheet_parts(data)
        book.titles = list(parts)
        titles = _sheets_to_read(name, parts, problems)
        scans = {t: _scan(name, t, data, parts[t]) for t in titles}
        wanted = with_only_sheets(data, {parts[t] for t in titles})
        wb = xl.load_workbook(io.BytesIO(wanted), read_only=True, data_only=True)
        try:
            for title in titles:
                _read_sheet(book, wb[title], scans[title], problems)
        finally:
            wb.close()
    except WorkbookError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl and lxml raise many kinds for a damaged file
        raise WorkbookError(f"{name}: the workbook cannot be read ({type(exc).__name__}: "
                            f"{exc}); open it in Excel and save it again as .xlsx") from None
    if REFERENCE not in book.headings.get(POSTS, []):
        raise WorkbookError(f"{name}: the {POSTS} sheet has no '{REFERENCE}' heading in row 1; "
                            "keep the headings docgen intake new writes")
    return book, problems
