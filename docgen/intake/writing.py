"""Answer-file data → workbook rows (``docgen intake write``). Pure: no files, no openpyxl.

Each value goes to its column or sheet when reading it back gives the same value;
anything else (a type the column does not hold, a key no column covers) goes to the
"Other answers" sheet, written as in an answer file, so write → read loses nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from docgen.answers.starter import scalar
from docgen.intake.cells import NO_CELL, to_cell
from docgen.intake.other import ACKNOWLEDGE, acknowledgement_cells
from docgen.intake.partner_entries import id_words, run_on
from docgen.intake.table import REFERENCE, Column, Sheet, load_table

Values = dict[str, Any]  # heading → cell value


@dataclass
class Sheets:
    """The rows of every sheet, by sheet name, ready for the workbook."""

    rows: dict[str, list[Values]] = field(default_factory=dict)

    def add(self, sheet: str, values: Values) -> None:
        self.rows.setdefault(sheet, []).append(values)


def _take(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data  # None once a step is missing or not a mapping
    for part in path[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    return node.get(path[-1], NO_CELL) if isinstance(node, dict) else NO_CELL


def _drop(data: dict[str, Any], path: tuple[str, ...]) -> None:
    """Remove ``path``, and the mappings it leaves empty."""
    trail = [data]
    for part in path[:-1]:
        trail.append(trail[-1][part])
    trail[-1].pop(path[-1])
    for depth in range(len(path) - 1, 0, -1):
        if trail[depth] == {}:
            trail[depth - 1].pop(path[depth - 1])


def _fields(columns: tuple[Column, ...], item: Any) -> Values | None:
    """An item (a party, a criterion) as one row, or None unless every field fits."""
    if not isinstance(item, dict):
        return None
    rest = copy.deepcopy(item)
    row: Values = {}
    for col in columns:
        value = _take(rest, col.path)
        if value is NO_CELL:
            continue
        cell = to_cell(col, value)
        if cell is NO_CELL:
            return None
        row[col.heading] = cell
        _drop(rest, col.path)
    return row if not rest else None


def _parties(data: dict[str, Any], orgs: dict[str, Values], sheet: Sheet) -> str | None:
    """The Partners cell, each party written out in full going to the Organisations
    sheet; None when the parties cannot be written so (they go to Other answers)."""
    parties = data.get("parties")
    if not isinstance(parties, list):
        return None
    if all(isinstance(p, str) for p in parties):
        return ", ".join(parties)  # by id: organisation profiles give the rest
    fitted = [_fields(sheet.columns, p) for p in parties]
    rows = [r for r in fitted if r is not None]
    if len(rows) < len(fitted) or any(not r.get("Id") or len(r) < len(sheet.columns)
                                      for r in rows):
        return None  # a party completed from its profile (- id: x, signatory: ...)
    for r in rows:
        if r["Id"] in orgs and orgs[r["Id"]] != r:
            return None  # the same id with other details: this post keeps its own
    for r in rows:
        orgs.setdefault(r["Id"], r)
    return ", ".join(r["Id"] for r in rows)


def _sheet_items(data: dict[str, Any], sheet: Sheet, reference: str) -> list[Values] | None:
    value = _take(data, sheet.path)
    if value is NO_CELL:
        return []
    rows: list[Values] = []
    if sheet.shape == "groups":
        group_col, item_col = sheet.columns
        if not isinstance(value, dict) or not value:
            return None
        for group, items in value.items():
            if not isinstance(items, list) or not items or to_cell(group_col, group) is NO_CELL:
                return None
            for item in items:
                cell = to_cell(item_col, item)
                if cell is NO_CELL:
                    return None
                rows.append({REFERENCE: reference, group_col.heading: group,
                             item_col.heading: cell})
        return rows
    if not isinstance(value, list) or not value:
        return None
    for item in value:
        row = _fields(sheet.columns, item)
        if row is None or not row:
            return None
        rows.append({REFERENCE: reference, **row})
    return rows


def _leaves(data: Any, path: tuple[str, ...]) -> list[tuple[str, Any]]:
    if isinstance(data, dict) and data and all(
            isinstance(k, str) and "." not in k and k for k in data):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*path, k))]
    return [(".".join(path), data)]


def plain(data: Any) -> Any:
    """Decimals (as docgen's YAML loader gives numbers) as the int or float a cell holds."""
    if isinstance(data, Decimal):
        return int(data) if data == data.to_integral_value() else float(data)
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


def _party_ids(data: dict[str, Any]) -> list[str] | None:
    """The post's partners' ids, or None when the answers do not list them (a base file
    or the profiles give them)."""
    parties = data.get("parties")
    if not isinstance(parties, list):
        return None
    return [str(p.get("id")) if isinstance(p, dict) else str(p) for p in parties]


def _runs_on(col: Column, cell: Any, ids: list[str] | None) -> bool:
    """Whether the reader would refuse a per-partner cell as one partner's entry run on
    into the next: "eastwick: Town Hall, Westmere: Annex" in a post with a partner
    westmere (with its partners not known, any word before a colon is taken for one).
    The value goes to Other answers instead, where it reads back as it is."""
    if col.kind not in ("party_map", "party_records") or not isinstance(cell, str):
        return False
    return run_on(cell, id_words(cell) if ids is None else ids) is not None


def write_posts(posts: list[dict[str, Any]]) -> Sheets:
    """Every post's answers as workbook rows (the posts in the order given)."""
    table = load_table()
    out = Sheets()
    # an id some post gives alone (its profile gives the rest) is an id-only row, so a
    # post writing that party out in full keeps its own parties (on Other answers)
    orgs: dict[str, Values] = {pid: {"Id": pid} for answers in posts
                               if isinstance(answers.get("parties"), list)
                               for pid in answers["parties"] if isinstance(pid, str)}
    for answers in posts:
        data = plain(copy.deepcopy(answers))
        if data.get("docgen") == 1:
            data.pop("docgen")
        reference = str(data.get("reference", ""))
        row: Values = {}
        ids = _party_ids(data)
        partners = _parties(data, orgs, table.organisations)
        if partners is not None:
            row["Partners"] = partners
            data.pop("parties")
        for col in table.posts:
            if col.kind == "parties":
                continue
            value = _take(data, col.path)
            cell = NO_CELL if value is NO_CELL else to_cell(col, value)
            if cell is not NO_CELL and not _runs_on(col, cell, ids):
                row[col.heading] = cell
                _drop(data, col.path)
        out.add("Posts", row)
        for sheet in table.sheets:
            items = _sheet_items(data, sheet, reference)
            if items:
                for item in items:
                    out.add(sheet.name, item)
                _drop(data, sheet.path)
        for key, value in (leaf for k, v in data.items() for leaf in _leaves(v, (k,))):
            rows = acknowledgement_cells(value) if key == ACKNOWLEDGE else None
            for text in rows or [scalar(value)]:  # a warning accepted: one row each
                out.add(table.other.name, {REFERENCE: reference, "Answer": key,
                                           "Value": text})
    for values in orgs.values():
        out.add(table.organisations.name, values)
    return out
