"""The programme register: one row per post, as CSV and as an Excel workbook.

A programme manager sees the whole programme at once: who shares what, who
employs, the split, each party's annual cost, dates, status and warnings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from . import ooxml
from .writing import atomic_write

COLUMNS = [
    ("reference", "Reference"), ("title", "Post"), ("parties", "Parties"),
    ("employer", "Employer"), ("split", "Time split"), ("annual_cost", "Annual cost per party"),
    ("cost_base", "Cost base"), ("start_date", "Start date"), ("next_review", "Next review"),
    ("status", "Status"), ("build", "Build"), ("warnings", "Warnings"),
]


def _rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    ordered = sorted(rows, key=lambda r: (r.get("reference") or "~", r.get("source", "")))
    return [[r.get(key, r.get("source", "") if key == "title" else "") for key, _ in COLUMNS]
            for r in ordered]


def write_register(out: Path, rows: list[dict[str, Any]]) -> tuple[Path, Path]:
    """Write ``register.csv`` and ``register.xlsx`` into ``out`` (atomically)."""
    body = _rows(rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([label for _, label in COLUMNS])
    writer.writerows(body)
    csv_path, xlsx_path = out / "register.csv", out / "register.xlsx"
    atomic_write(csv_path, buf.getvalue().encode("utf-8"))
    atomic_write(xlsx_path, _xlsx(body))
    return csv_path, xlsx_path


def _xlsx(body: list[list[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append([label for _, label in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in body:
        ws.append(row)
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJKL", (18, 36, 50, 30, 30, 40, 14, 12, 12, 8, 9, 9),
                          strict=True):
        ws.column_dimensions[col].width = width
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    # re-pack with fixed timestamps so an unchanged programme gives identical bytes
    return ooxml.write_zip([(i.filename, d) for i, d in ooxml.read_zip(buf.getvalue())])
