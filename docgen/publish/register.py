"""The programme register: one row per post in the output folder, as CSV and as Excel.

A programme manager sees the whole programme at once: who shares what, who
employs, the split, each party's annual cost, dates, status and warnings. Rows
come from every post's manifest in the output folder, so building one post
never drops the others from the register. The workbook is written directly
as SpreadsheetML (openpyxl's import alone costs a quarter of a second, which
matters for a one-post build).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docgen.ooxml import wordml
from docgen.publish.files import MANIFEST, atomic_write

COLUMNS = [
    ("reference", "Reference"), ("title", "Post"), ("parties", "Parties"),
    ("employer", "Employer"), ("split", "Time split"), ("annual_cost", "Annual cost per party"),
    ("cost_base", "Cost base"), ("start_date", "Start date"), ("next_review", "Next review"),
    ("status", "Status"), ("build", "Last build"), ("warnings", "Warnings"),
]
WIDTHS = (18, 36, 50, 30, 30, 40, 14, 12, 12, 8, 10, 9)


def collect_rows(out: Path, failed: list[dict[str, Any]] | None = None) -> list[list[Any]]:
    """A row for every post with a manifest in ``out``, plus this run's failures."""
    rows: list[dict[str, Any]] = []
    for manifest in sorted(out.glob(f"*/{MANIFEST}")):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            row = data.get("register") if isinstance(data, dict) else None
        except (OSError, ValueError):
            continue
        if row:
            rows.append(row)
    # this run's failures replace the older manifest rows of the same post
    failing = {f.get("reference") for f in failed or [] if f.get("reference")}
    rows = [r for r in rows if r.get("reference") not in failing] + list(failed or [])
    rows.sort(key=lambda r: (r.get("reference") or "~", r.get("source", "")))
    return [[r.get(key, "") if key != "title" else r.get("title") or r.get("source", "")
             for key, _ in COLUMNS] for r in rows]


def write_register(out: Path, failed: list[dict[str, Any]] | None = None) -> tuple[Path, Path]:
    """Write ``register.csv`` and ``register.xlsx`` into ``out`` (atomically)."""
    body = collect_rows(out, failed)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([label for _, label in COLUMNS])
    writer.writerows([[_cell(v) for v in row] for row in body])
    csv_path, xlsx_path = out / "register.csv", out / "register.xlsx"
    atomic_write(csv_path, buf.getvalue().encode("utf-8"))
    atomic_write(xlsx_path, xlsx([[label for _, label in COLUMNS], *body]))
    return csv_path, xlsx_path


def _cell(value: Any) -> Any:
    """Keep spreadsheet programs from running a value as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _col(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def xlsx(rows: list[list[Any]]) -> bytes:
    """A one-sheet workbook: bold frozen header row, numbers as numbers, text inline."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xml_head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref, style = f"{_col(c)}{r}", ' s="1"' if r == 1 else ""
            if isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                text = escape(str(value))
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">'
                             f"{text}</t></is></c>")
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(WIDTHS, start=1))
    sheet = (f"{xml_head}<worksheet {ns}><sheetViews><sheetView workbookViewId=\"0\">"
             '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
             f"</sheetView></sheetViews><cols>{cols}</cols><sheetData>{''.join(sheet_rows)}"
             "</sheetData></worksheet>")
    members = [
        ("[Content_Types].xml", f'{xml_head}<Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="rels" ContentType="application/'
         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
         'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
         'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
         'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="'
         '/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'spreadsheetml.styles+xml"/></Types>'),
        ("_rels/.rels", f'{xml_head}<Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
         'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", f'{xml_head}<workbook {ns} xmlns:r="{rel_ns}"><sheets>'
         '<sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", f'{xml_head}<Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
         f'{rel_ns}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
         f'Type="{rel_ns}/styles" Target="styles.xml"/></Relationships>'),
        ("xl/styles.xml", f'{xml_head}<styleSheet {ns}><fonts count="2"><font><sz val="11"/>'
         '<name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>'
         '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
         '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border/>'
         '</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/>'
         '<xf fontId="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
         'xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    return wordml.write_zip([(name, text.encode("utf-8")) for name, text in members])


def read_register(path: Path) -> list[dict[str, Any]]:
    """Rows of a register written by docgen, keyed by column id, with dates and counts typed."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # optional at import: 0.25 s, needed only here

        sheet = load_workbook(path, read_only=True).worksheets[0]
        table = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            table = list(csv.reader(fh))
    if not table:
        return []
    labels = {label: key for key, label in COLUMNS}
    keys = [labels.get(h, h) for h in table[0]]
    rows = []
    for raw in table[1:]:
        row = dict(zip(keys, raw, strict=False))
        for key in ("start_date", "next_review"):
            if isinstance(row.get(key), str) and row[key]:
                row[key] = dt.date.fromisoformat(row[key])
        if str(row.get("warnings", "")).isdigit():
            row["warnings"] = int(row["warnings"])
        rows.append(row)
    return rows
