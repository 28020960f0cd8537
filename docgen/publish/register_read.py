"""Reading a programme register back: the CSV or the workbook docgen wrote, with real types.

Kept apart from the writing (:mod:`docgen.publish.register`), which a build needs and
this does not: reading an .xlsx loads openpyxl.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from docgen.publish.register import (
    PARTIES_CSV,
    PARTIES_SHEET,
    PARTY_COLUMNS,
    PENNY,
    POST_COLUMNS,
    Column,
)
from docgen.publish.register_values import date_or_none, decimal_or_none, plain_share, unguarded


def _typed(value: Any, kind: str) -> Any:
    """A cell as written by docgen (xlsx value or CSV text) back to its Python type."""
    if value is None or value == "":
        return "" if kind == "text" else None
    if kind == "money":
        d = decimal_or_none(value if not isinstance(value, float) else repr(value))
        return d.quantize(PENNY) if d is not None else None
    if kind == "percent":
        if isinstance(value, int | float):  # Excel holds 60% as 0.6
            return plain_share(Decimal(repr(value)) * 100)
        d = decimal_or_none(value)
        return plain_share(d) if d is not None else None
    if kind == "date":
        return date_or_none(value)
    if kind == "int":
        return int(value) if str(value).lstrip("-").isdigit() else value
    if kind == "bool":
        return value if isinstance(value, bool) else str(value).strip().lower() in (
            "yes", "true", "1")
    return value if isinstance(value, str) else str(value)


def _rows(table: list[list[Any]], columns: list[Column]) -> list[dict[str, Any]]:
    if not table:
        return []
    by_label = {c.label: c for c in columns}
    heads = [by_label.get(str(h), Column(str(h), str(h))) for h in table[0]]
    return [{c.key: _typed(v, c.kind) for c, v in zip(heads, raw, strict=False)}
            for raw in table[1:] if any(v not in (None, "") for v in raw)]


def _read_csv(path: Path) -> list[list[Any]]:
    """The CSV's cells, each text as it was before the formula guard (a ' before "=")."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [[unguarded(cell) for cell in row] for row in csv.reader(fh)]


def read_register(path: Path) -> list[dict[str, Any]]:
    """Rows of a register written by docgen, keyed by column id, with real types.

    Money is :class:`~decimal.Decimal` (pence exact), ``time_percent`` a Decimal
    (60 for 60%), dates :class:`datetime.date`, ``warnings`` an int. Each row's
    ``parties`` lists its party rows (from the "Parties" sheet, or
    ``register-parties.csv`` beside the CSV) when they are there.
    """
    parties: list[dict[str, Any]] = []
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                  for ws in wb.worksheets}
        wb.close()
        posts = _rows(next(iter(sheets.values()), []), POST_COLUMNS)
        parties = _rows(sheets.get(PARTIES_SHEET, []), PARTY_COLUMNS)
    else:
        posts = _rows(_read_csv(path), POST_COLUMNS)
        sibling = path.with_name(PARTIES_CSV)
        if sibling.is_file():
            parties = _rows(_read_csv(sibling), PARTY_COLUMNS)
    for row in posts:
        row["parties"] = [p for p in parties if p.get("reference") == row.get("reference")]
    return posts
