"""Plain rows → workbook bytes, with openpyxl (through ``xl``, loaded only when a workbook is
written); ``sheets_read`` is the way back. The two are the only modules of intake that know
Excel.

Writing gives every column its format, drop-down and input message from the model,
freezes the headings and stores text that starts with = + - @ as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from docgen.answers.safeyaml import load_plain
from docgen.intake import xl
from docgen.intake.sheets_read import LISTS
from docgen.intake.table import (
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

MONEY_FORMAT = '"£"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
#: a real percent format: 13.9 % is stored as 0.139 and read back ×100, as Excel stores
#: "13.9%" typed in any cell, so what a cell holds never depends on how it was typed
PERCENT_FORMAT = "0.0##%"
#: the format of older workbooks, which only printed a % sign (13.9 stored as 13.9); still
#: read as it shows, and a number below 1 in it is warned about (it may be 15% typed)
OLD_PERCENT_FORMAT = '0.##" %"'
NUMBER_FORMATS = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "date_tbc": DATE_FORMAT,
                  "percent": PERCENT_FORMAT}
FIXED_TIME = "2000-01-01T00:00:00Z"
FORMATTED_ROWS = 200  # empty rows below the posts that get formats and drop-downs


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
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.value = float(Decimal(str(value)) / 100)  # 13.9 % is 0.139, shown 13.9%


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
    elif kind == "percent":  # the cell holds 0.139 for 13.9%
        dv = xl.DataValidation("decimal", operator="between", formula1="0", formula2="1")
        dv.error = (f"Write a percentage between 0% and 100% with its % sign, e.g. "
                    f"{column.meta('example')}%")
    elif kind in ("money", "number"):
        dv = xl.DataValidation("decimal", operator="between", formula1="0",
                               formula2="100000000")
        dv.error = f"Write a plain number between 0 and 100000000, e.g. {column.meta('example')}"
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
    raw = load_plain(TABLE_FILE.read_text(encoding="utf-8"))
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
