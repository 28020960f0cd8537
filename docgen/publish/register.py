"""The programme register: one row per post in the output folder, as CSV and as Excel.

A programme manager sorts, filters and sums the whole programme: who shares
what, who employs, the split, each party's annual cost, dates, status, and
which warnings were accepted and why. So money and shares are numbers (with a
£ or % format in Excel), dates are dates, and each party of each post is a row
of its own on a second sheet ("Parties"; ``register-parties.csv`` beside the
CSV), which a pivot table or SUMIF can total per organisation.

Rows come from every post's manifest in the output folder, so building one post
never drops the others. CSV files are UTF-8 with a byte-order mark, so Excel
on Windows shows "£" rather than "Â£".
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.answers.folder_names import REGISTER_CSV, REGISTER_XLSX
from docgen.clauses.cachefolder import chosen_cache_folder, code_hash, read_entry, write_entry
from docgen.publish.files import atomic_write, sha256, write_if_changed
from docgen.publish.register_files import (
    Manifests,
    keep_edited,
    kept_aside,
    kept_notice,
    read_record,
    write_record,
)
from docgen.publish.register_partners import parties_note, partner_rows, partners_note, stands
from docgen.publish.register_rows import collect_rows as collect_rows  # its home now
from docgen.publish.register_values import guarded, party_values, plain_share, post_values
from docgen.publish.versions import installed_version

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from docgen.results import Notice

MONEY_FORMAT = '"£"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
PENNY = Decimal("0.01")
#: a fixed time in the workbook's properties keeps its bytes the same for the same rows
CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
MAX_WIDTH = 60
#: a character of Calibri 11, the default font, in pixels: column widths are in characters
DIGIT_PIXELS = 7
EMU_PER_CM, EMU_PER_PIXEL = 360_000, 9_525  # the chart's size, given in cm, is in pixels
REGISTER_SHEET = "Register"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text, money, date, int, percent, bool


POST_COLUMNS = [
    Column("reference", "Reference"), Column("title", "Post"), Column("employer", "Employer"),
    Column("party_names", "Parties"), Column("split", "Time split"),
    Column("cost_base", "Cost base", "money"), Column("start_date", "Start date", "date"),
    Column("next_review", "Next review", "date"), Column("status", "Status"),
    Column("build", "Last build"), Column("warnings", "Warnings", "int"),
    Column("acknowledged", "Acknowledged"), Column("why", "Why it failed"),
]
PARTY_COLUMNS = [
    Column("reference", "Reference"), Column("party", "Party"), Column("party_id", "Party id"),
    Column("employer", "Employer", "bool"), Column("time_percent", "Time %", "percent"),
    Column("time_text", "Time"), Column("annual", "Annual cost", "money"),
    Column("per_invoice", "Per invoice", "money"),
]
PARTIES_SHEET = "Parties"
PARTNERS_SHEET = "Partners"
#: the Partners sheet totals the posts whose documents stand (never the figures of answers
#: that failed, which no document has): its headings say so, and so does the note under
#: the table (:func:`partners_note`)
PARTNER_COLUMNS = [
    Column("party", "Partner"), Column("party_id", "Id"), Column("posts", "Posts built", "int"),
    Column("time", "Total time (full-time posts built)", "number"),
    Column("annual", "Total annual cost (posts built)", "money"),
    Column("references", "References"),
]
PARTIES_CSV = "register-parties.csv"


def write_register(out: Path, failed: list[dict[str, Any]] | None = None, *,
                   notes: list[str] | None = None,
                   notices: list[Notice] | None = None,
                   manifests: Manifests | None = None) -> tuple[Path, Path]:
    """Write ``register.csv`` (+ ``register-parties.csv``) and ``register.xlsx`` atomically,
    each only when its bytes differ (the workbook's, known without making it from the
    command line's memo: :func:`_workbook_entry`). A file a person edited since docgen
    wrote it is kept aside first (:mod:`docgen.publish.register_files`); ``notes`` gets a
    line for each, and ``notices`` a :class:`~docgen.results.Notice`. ``manifests``: the
    post folders' manifests, if already read
    (:func:`~docgen.publish.register_files.post_manifests`)."""
    rows = collect_rows(out, failed, manifests)
    posts = [post_values(r) for r in rows]
    parties = [p for r in rows if stands(r) for p in party_values(r)]  # figures that stand
    partners = partner_rows(rows)
    csv_path, xlsx_path = out / REGISTER_CSV, out / REGISTER_XLSX
    record, kept_copies = read_record(out), []
    for path, text in ((csv_path, _csv(POST_COLUMNS, posts)),
                       (out / PARTIES_CSV, _csv(PARTY_COLUMNS, parties))):
        kept_copies.append(keep_edited(out, path.name, text, record))
        write_if_changed(path, text)
        record[path.name] = sha256(text)
    entry = _workbook_entry(posts, parties, partners)
    kept = read_entry(entry) if entry is not None else None
    same = False  # already these rows' workbook, byte for byte
    with contextlib.suppress(OSError):
        same = kept is not None and sha256(xlsx_path.read_bytes()).encode("ascii") == kept
    if same and kept is not None:
        record[xlsx_path.name] = kept.decode("ascii")
    else:
        data = workbook_bytes(posts, parties, partners)
        kept_copies.append(keep_edited(out, xlsx_path.name, data, record))
        atomic_write(xlsx_path, data)
        record[xlsx_path.name] = sha256(data)
        if entry is not None:
            write_entry(entry, sha256(data).encode("ascii"))
    write_record(out, record)
    if notes is not None:
        notes += [kept_aside(copy) for copy in kept_copies if copy]
    if notices is not None:
        notices += [kept_notice(out, copy) for copy in kept_copies if copy]
    return csv_path, xlsx_path


def _workbook_entry(posts: list[dict[str, Any]], parties: list[dict[str, Any]],
                    partners: list[dict[str, Any]]) -> Path | None:
    """Where the command line keeps the hash of the workbook these rows make, or None
    (no cache folder: the library's ``build``).

    Making the workbook means loading XlsxWriter (15-20 ms) and writing three sheets; in
    a one-post build that is a tenth of the run, and most rebuilds leave the register's
    rows as they were. The workbook is a pure function of its rows, this module and
    XlsxWriter's version, so the key hashes those; the file in the folder is kept only
    when its own bytes have the hash recorded (a deleted, damaged or edited workbook is
    written again).
    """
    folder = chosen_cache_folder()
    if folder is None or _CODE is None:
        return None
    try:
        rows = json.dumps([posts, parties, partners], default=repr, sort_keys=True,
                          ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):
        return None
    writer = installed_version("XlsxWriter")  # read without importing it
    key = hashlib.sha256(f"{_CODE}\0{writer}\0".encode() + rows).hexdigest()
    return folder / f"__docgen_register_1_{key}"


#: the source of this module and of the Partners note's as loaded (None: no source to
#: hash, so no memo)
_CODE = code_hash(sys.modules[__name__], sys.modules[stands.__module__])


def _csv_text(value: Any, kind: str) -> Any:
    """Numbers unformatted, dates ISO, yes/no; text guarded against formula injection."""
    if value is None:
        return ""
    if kind == "bool":
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(plain_share(value) if kind == "percent" else value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return guarded(value) if isinstance(value, str) else value


def _csv(columns: list[Column], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([c.label for c in columns])
    writer.writerows([[_csv_text(r.get(c.key), c.kind) for c in columns] for r in rows])
    return buf.getvalue().encode("utf-8-sig")


def _cell(ws: Worksheet, r: int, c: int, value: Any, fmt: Format | None) -> None:
    """One typed cell. Text always goes through ``write_string``: "=1+1" from an answer
    file stays text, never a formula (nor a number or a link)."""
    if value is None or value == "":
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)  # a figure typed in later takes the format
    elif isinstance(value, str):
        ws.write_string(r, c, value, fmt)
    elif isinstance(value, dt.date):
        day = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        ws.write_datetime(r, c, day, fmt)
    elif isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        ws.write_number(r, c, float(value), fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def _fill(ws: Worksheet, formats: dict[str, Format], columns: list[Column],
          rows: list[dict[str, Any]]) -> list[int]:
    """Header in bold, frozen, with filters; typed cells with formats; widths to fit (in
    characters, returned)."""
    for i, col in enumerate(columns):
        ws.write_string(0, i, col.label, formats["bold"])
    widths = [len(c.label) + 3 for c in columns]  # room for the filter button
    for r, row in enumerate(rows, start=1):
        for i, col in enumerate(columns):
            value = row.get(col.key)
            fmt = None
            if col.kind == "percent" and value is not None:
                value = value / 100
            elif col.kind == "bool":
                value = "yes" if value else "no"  # Excel shows TRUE/FALSE, LibreOffice 1/0
            if col.kind == "money":
                fmt = formats["money"]
                shown = len(f"£{value:,.2f}") if value is not None else 0
            elif col.kind == "percent" and value is not None:
                whole = (value * 100) % 1 == 0
                fmt = formats["percent" if whole else "percent2"]
                shown = 7
            elif col.kind == "date":
                fmt = formats["date"]
                shown = 10
            else:
                shown = len(str(value)) if value is not None else 0
            _cell(ws, r, i, value, fmt)
            widths[i] = max(widths[i], shown + 2)
    for i, width in enumerate(widths):
        # in pixels, so the file holds the width itself (Excel's own dialog shows it less
        # the cell padding), as openpyxl wrote it before; ``set_column`` would add the padding
        ws.set_column_pixels(i, i, min(width, MAX_WIDTH) * DIGIT_PIXELS)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(1, len(rows) + 1) - 1, len(columns) - 1)
    return [min(width, MAX_WIDTH) for width in widths]


def _note(ws: Worksheet, fmt: Format, row: int, columns: int, widths: list[int],
          text: str) -> None:
    """A note across a table's columns, wrapped, below it (outside its filter and sort)."""
    lines = -(-len(text) // max(1, sum(widths[:columns]) - 2))  # a character of Calibri 11
    ws.merge_range(row, 0, row, columns - 1, text, fmt)
    ws.set_row(row, 15 * lines + 3)


def _pixels(cm: float) -> int:
    return round(cm * EMU_PER_CM / EMU_PER_PIXEL)


def _partners_chart(wb: Workbook, ws: Worksheet, count: int) -> None:
    """A bar chart of each partner's total annual cost, beside the table."""
    chart = wb.add_chart({"type": "bar"})
    if chart is None:  # XlsxWriter's answer to a chart type it does not know
        raise RuntimeError("XlsxWriter made no bar chart")
    sheet = PARTNERS_SHEET
    annual = next(i for i, c in enumerate(PARTNER_COLUMNS) if c.key == "annual")
    chart.add_series({"name": [sheet, 0, annual], "categories": [sheet, 1, 0, count, 0],
                      "values": [sheet, 1, annual, count, annual]})
    chart.set_title({"name": "Total annual cost by partner"})
    # a bar chart's value axis is its horizontal (x) axis
    chart.set_x_axis({"name": "£ a year", "num_format": MONEY_FORMAT})
    chart.set_legend({"none": True})
    chart.set_size({"width": _pixels(18), "height": _pixels(max(6, 1.2 * count + 3))})
    # moves with the cells but keeps its size when the table is filtered or sorted
    ws.insert_chart("H2", chart, {"object_position": 2})


def workbook_bytes(posts: list[dict[str, Any]], parties: list[dict[str, Any]],
                   partners: list[dict[str, Any]] | None = None) -> bytes:
    """The register as .xlsx (sheets "Register", "Parties" and "Partners", with a chart and
    a note of what its totals count: :func:`partners_note`),
    the same bytes for the same rows (a fixed created time; XlsxWriter dates every zip
    member 1980-01-01). Written with XlsxWriter, which loads in a quarter of openpyxl's
    time and writes faster; openpyxl still reads workbooks (the intake,
    :func:`docgen.publish.register_read.read_register`)."""
    import xlsxwriter  # loaded only when a register is written: ``docgen check`` never does

    buf = io.BytesIO()
    # every string is written with write_string anyway; these keep ``write`` from guessing
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    wb.set_properties({"author": "docgen", "created": CREATED})
    formats = {"bold": wb.add_format({"bold": True}),
               "money": wb.add_format({"num_format": MONEY_FORMAT}),
               "date": wb.add_format({"num_format": DATE_FORMAT}),
               "percent": wb.add_format({"num_format": "0%"}),
               "percent2": wb.add_format({"num_format": "0.00%"}),
               "note": wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})}
    _fill(wb.add_worksheet(REGISTER_SHEET), formats, POST_COLUMNS, posts)
    sheet = wb.add_worksheet(PARTIES_SHEET)
    widths = _fill(sheet, formats, PARTY_COLUMNS, parties)
    if note := parties_note(posts):  # a failed post: whose figures the sheet lists, or not
        _note(sheet, formats["note"], len(parties) + 2, len(PARTY_COLUMNS), widths, note)
    if partners or not all(stands(p) for p in posts):  # a note of who is left out
        summary = wb.add_worksheet(PARTNERS_SHEET)
        widths = _fill(summary, formats, PARTNER_COLUMNS, partners or [])
        _note(summary, formats["note"], len(partners or []) + 2, len(PARTNER_COLUMNS), widths,
              partners_note(posts))
        if partners:
            _partners_chart(wb, summary, len(partners))
    wb.close()
    return buf.getvalue()
