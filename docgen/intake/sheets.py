"""Workbook bytes ↔ plain rows, with openpyxl (through ``xl``, loaded only when a workbook is
read or written): the only module of intake that knows Excel.

Reading refuses what would be read wrongly (merged cells, formulas without a saved
result, more rows than a programme has) and notes hidden rows; writing gives every
column its format, drop-down and input message from the model, freezes the headings
and stores text that starts with = + - @ as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

import yaml

from docgen.errors import Problem
from docgen.intake import xl
from docgen.intake.book import NO_RESULT, Book, Row, cell_problem, sheet_ref
from docgen.intake.guard import WorkbookError, check_workbook
from docgen.intake.table import (
    MAX_ROWS,
    POSTS,
    README,
    REFERENCE,
    TABLE_FILE,
    Column,
    load_table,
    prompt,
)
from docgen.intake.writing import Sheets
from docgen.ooxml.packages import fixed_core_times
from docgen.ooxml.spreadsheet import has_formulas

MONEY_FORMAT = '"£"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = '0.##" %"'
NUMBER_FORMATS = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "date_tbc": DATE_FORMAT,
                  "percent": PERCENT_FORMAT}
LISTS = "Lists"
FIXED_TIME = "2000-01-01T00:00:00Z"
FORMATTED_ROWS = 200  # empty rows below the posts that get formats and drop-downs


def _sheet_names() -> list[str]:
    table = load_table()
    return [POSTS, table.organisations.name, *(s.name for s in table.sheets), table.other.name]


def _headings() -> dict[str, list[str]]:
    table = load_table()
    out = {POSTS: [c.heading for c in table.posts],
           table.organisations.name: [c.heading for c in table.organisations.columns]}
    for sheet in (*table.sheets, table.other):
        out[sheet.name] = [REFERENCE, *(c.heading for c in sheet.columns)]
    return out


# --- reading -------------------------------------------------------------------------------

def percent_sign(number_format: str) -> str:
    """``"times100"`` when a number format shows a number as a percentage (Excel stores 5 %
    as 0.05 and shows it ×100), ``"literal"`` when it only prints a % sign (the template's
    ``0.##" %"``: 5 is stored as 5), else ``""``. Quoted text, ``\\x`` escapes and
    ``[...]`` sections (colours, conditions) never multiply."""
    if "%" not in number_format:
        return ""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "times100" if "%" in bare else "literal"


def shown_number(value: object, number_format: str) -> object:
    """A number as the cell shows it before its % sign: 0.05 in a percent cell is 5."""
    if percent_sign(number_format) != "times100" or isinstance(value, bool) or \
            not isinstance(value, int | float):
        return value
    exact = Decimal(repr(value)) * 100
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _formula_cells(data: bytes) -> set[tuple[str, str]]:
    """(sheet, cell) of every formula, found only when the workbook holds any."""
    if not has_formulas(data):
        return set()
    wb = xl.load_workbook(io.BytesIO(data), data_only=False)
    return {(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows()
            for c in row if c.data_type == "f"}


def _read_sheet(book: Book, ws: xl.Worksheet, formulas: set[tuple[str, str]],
                problems: list[Problem]) -> None:
    merged = [str(r) for r in ws.merged_cells.ranges]
    if merged:
        where = sheet_ref(book.name, ws.title, merged[0].split(":")[0])
        raise WorkbookError(f"{where}: cells {', '.join(merged[:5])} are merged; unmerge them "
                            "(Home > Merge & Center) and give each row its own value. Nothing "
                            "was read")
    if ws.max_row > MAX_ROWS + 1:
        raise WorkbookError(f"{book.name}: the {ws.title} sheet has {ws.max_row - 1:,} rows; "
                            f"docgen reads at most {MAX_ROWS:,} posts from one workbook. Split "
                            "the programme into several workbooks")
    rows = ws.iter_rows(values_only=False)
    header = next(rows, ())
    heads = [str(c.value).strip() if c.value is not None else "" for c in header]
    known = set(_headings().get(ws.title, []))
    for c, head in zip(header, heads, strict=True):
        if head and head not in known:
            problems.append(cell_problem(book.name, (ws.title, c.coordinate, head),
                                         f"docgen does not read a column headed '{head}'; "
                                         "use the headings docgen intake new writes",
                                         severity="warning", rule="COLUMN"))
    _same_heading_twice(book.name, ws.title, header, heads, known)
    book.headings[ws.title] = heads
    out = []
    for number, cells in enumerate(rows, start=2):  # iter_rows starts at row 1, the headings
        values: dict[str, tuple[str, Any]] = {}
        percent: set[str] = set()
        for c, head in zip(cells, heads, strict=False):
            value: object = shown_number(c.value, c.number_format)
            if (ws.title, c.coordinate) in formulas and value is None:
                value = NO_RESULT  # reading the cell says so, for its post
            if isinstance(value, str) and not value.strip():
                value = None
            if head and head in known:
                values[head] = (c.coordinate, value)
                if percent_sign(c.number_format):
                    percent.add(head)
        if not cells or all(v is None for _, v in values.values()):
            continue
        out.append(Row(ws.title, number, values, bool(ws.row_dimensions[number].hidden),
                       frozenset(percent)))
    book.sheets[ws.title] = out


def _same_heading_twice(name: str, title: str, header: Any, heads: list[str],
                        known: set[str]) -> None:
    """Two columns of a sheet with one heading docgen reads: only one of them could be
    read, and which one is no choice of the person's, so nothing is read."""
    first: dict[str, str] = {}
    twice: list[tuple[str, str, str]] = []  # (heading, first column, this column)
    for c, head in zip(header, heads, strict=True):
        if head in known and head in first:
            twice.append((head, first[head], c.coordinate))
        first.setdefault(head, c.coordinate)
    if twice:
        pairs = "; ".join(f"'{h}' is the heading of both {a} and {b}" for h, a, b in twice)
        raise WorkbookError(f"{sheet_ref(name, title, twice[0][2])}: {pairs}; docgen reads "
                            "one column per heading. Delete one of the two columns (or move "
                            "its values into the other). Nothing was read")


def read_workbook(name: str, data: bytes) -> tuple[Book, list[Problem]]:
    """The workbook's rows by sheet, and problems with the workbook as a whole (merged
    cells, formulas without a result). Raises :class:`WorkbookError` for a file that is
    not a readable .xlsx."""
    check_workbook(name, data)
    try:
        formulas = _formula_cells(data)
        wb = xl.load_workbook(io.BytesIO(data), data_only=True)
    except WorkbookError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise WorkbookError(f"{name}: the workbook cannot be read ({type(exc).__name__}: "
                            f"{exc}); open it in Excel and save it again as .xlsx") from None
    book, problems = Book(name), list[Problem]()
    if POSTS not in wb.sheetnames:
        raise WorkbookError(f"{name}: there is no sheet named '{POSTS}'; docgen reads one row "
                            "per post from it. Write a new workbook with: docgen intake new "
                            "posts.xlsx")
    for title in _sheet_names():
        if title in wb.sheetnames:
            _read_sheet(book, wb[title], formulas, problems)
    if REFERENCE not in book.headings.get(POSTS, []):
        raise WorkbookError(f"{name}: the {POSTS} sheet has no '{REFERENCE}' heading in row 1; "
                            "keep the headings docgen intake new writes")
    return book, problems


# --- writing -------------------------------------------------------------------------------

def _set(ws: xl.Worksheet, row: int, col: int, value: Any, column: Column | None) -> None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=…" is text, never a formula (nor "+", "-", "@")
        if value[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True
    kind = column.kind if column else "text"
    if kind == "money":
        cell.number_format = MONEY_FORMAT
    elif kind in ("date", "date_tbc") or isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT
    elif kind == "percent":
        cell.number_format = PERCENT_FORMAT


class _Lists:
    """A hidden sheet of the drop-down lists (a list in the validation itself is limited
    to 255 characters)."""

    def __init__(self, wb: xl.Workbook) -> None:
        self.ws = wb.create_sheet(LISTS)
        self.ws.sheet_state = "hidden"
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_of(self, values: tuple[str, ...]) -> str:
        if values not in self.ranges:
            col = len(self.ranges) + 1
            for i, v in enumerate(values, start=1):
                self.ws.cell(row=i, column=col, value=v).data_type = "s"
            letter = xl.get_column_letter(col)
            self.ranges[values] = f"{LISTS}!${letter}$1:${letter}${len(values)}"
        return self.ranges[values]


def _validation(column: Column, lists: _Lists, org_range: str) -> xl.DataValidation | None:
    title, text = prompt(column)
    kind, dv = column.kind, None
    if kind == "choice" and column.choices:
        dv = xl.DataValidation("list", formula1=lists.range_of(tuple(column.choices)))
        dv.error = f"Choose one of: {', '.join(column.choices)}"[:255]
    elif kind == "bool":
        dv = xl.DataValidation("list", formula1='"yes,no"')
        dv.error = "Choose yes or no"
    elif kind == "party" and org_range:
        dv = xl.DataValidation("list", formula1=org_range)
        dv.errorStyle = "warning"
        dv.error = "Choose an organisation id from the Organisations sheet"
    elif kind in ("money", "percent", "number"):
        high = "100" if kind == "percent" else "100000000"
        dv = xl.DataValidation("decimal", operator="between", formula1="0", formula2=high)
        dv.error = f"Write a plain number between 0 and {high}, e.g. {column.meta('example')}"
    elif kind == "int":
        dv = xl.DataValidation("whole", operator="between", formula1="0", formula2="3650")
        dv.error = f"Write a whole number, e.g. {column.meta('example')}"
    elif kind == "date":
        dv = xl.DataValidation("date", operator="greaterThan", formula1="1")
        dv.error = "Write a date, e.g. 2027-04-01"
    if dv is None:
        dv = xl.DataValidation(allow_blank=True)  # an input message only
    dv.allow_blank = True
    dv.promptTitle, dv.prompt, dv.showInputMessage = title, text, True
    dv.errorTitle, dv.showErrorMessage = "Not a value docgen can use", bool(dv.error)
    return dv


def _fill(ws: xl.Worksheet, columns: list[Column], rows: list[dict[str, Any]], lists: _Lists,
          org_range: str, freeze: str) -> None:
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=col.heading)
        cell.font = xl.Font(bold=True)
        cell.alignment = xl.Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[xl.get_column_letter(i)].width = col.width
    for r, values in enumerate(rows, start=2):
        for i, col in enumerate(columns, start=1):
            if values.get(col.heading) is not None:
                _set(ws, r, i, values[col.heading], col)
    last = len(rows) + 1 + FORMATTED_ROWS
    for i, col in enumerate(columns, start=1):
        shown = NUMBER_FORMATS.get(col.kind)
        if shown:
            for r in range(len(rows) + 2, last + 1):
                ws.cell(row=r, column=i).number_format = shown  # typed in later: shown right
        dv = _validation(col, lists, org_range)
        if dv is not None:
            letter = xl.get_column_letter(i)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    ws.freeze_panes = freeze


def _readme(ws: xl.Worksheet) -> None:
    raw = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8"))
    ws.column_dimensions["A"].width = 110
    for i, text in enumerate(raw["readme"], start=1):
        cell = ws.cell(row=i, column=1, value=text or None)
        cell.alignment = xl.Alignment(wrap_text=True, vertical="top")
        if text and not text[0].isdigit() and len(text) < 30:
            cell.font = xl.Font(bold=True)
    ws.cell(row=1, column=1).font = xl.Font(bold=True, size=14)


def workbook_bytes(sheets: Sheets, profiles: Mapping[str, str] | None = None) -> bytes:
    """The programme workbook: Read me, Posts, Organisations, the repeating-fact sheets and
    Other answers; the same bytes for the same rows. ``profiles``: organisation ids with a
    profile in the workspace, listed on the Organisations sheet by id alone."""
    table = load_table()
    wb = xl.Workbook()
    # a new Workbook always has one plain worksheet; the stubs allow None and chartsheets
    readme = cast(xl.Worksheet, wb.active)
    _readme(readme)
    readme.title = README
    lists = _Lists(wb)
    org = table.organisations
    org_rows = list(sheets.rows.get(org.name, []))
    have = {r.get("Id") for r in org_rows}
    profiles = profiles or {}
    org_rows += [{"Id": pid} for pid in profiles if pid not in have]
    org_range = f"{org.name}!$A$2:$A${len(org_rows) + 1 + FORMATTED_ROWS}"
    posts = wb.create_sheet(POSTS, 1)
    _fill(posts, list(table.posts), sheets.rows.get(POSTS, []), lists, org_range, "B2")
    orgs = wb.create_sheet(org.name)
    _fill(orgs, list(org.columns), org_rows, lists, "", "B2")
    for r, values in enumerate(org_rows, start=2):  # say where a profiled id's details are
        if values.get("Id") in profiles and len(values) == 1:
            orgs.cell(row=r, column=1).comment = xl.Comment(
                f"{profiles[values['Id']]}: its details and standing policy come from its "
                "organisation profile; leave the other cells of this row empty", "docgen")
    ref = Column(REFERENCE, "reference", width=16)
    for sheet in (*table.sheets, table.other):
        _fill(wb.create_sheet(sheet.name), [ref, *sheet.columns],
              sheets.rows.get(sheet.name, []), lists, org_range, "B2")
    wb.move_sheet(LISTS, offset=len(wb.sheetnames))
    wb.properties.creator = "docgen"
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_core_times(buf.getvalue(), FIXED_TIME)  # the same bytes for the same rows
