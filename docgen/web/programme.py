"""The programme page (``/programme``): each partner's posts, total time and total annual
cost across the answer files in the folder, as a table and a server-rendered SVG bar
chart, filtered by partner and status with plain GET links (no JavaScript); and the posts
of each programme workbook in the folder, by row, with whether each has problems (the
workbook is put right in Excel: the interview edits answer files only)."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from docgen.api.interview import chosen, money, partner_totals, programme_rows
from docgen.api.workbooks import RowChecked, rows_checked, workbooks_in
from docgen.errors import DocgenError
from docgen.web.pages import page

#: the chart's width (it fits a 375 px phone at full size, and shrinks with its viewBox on a
#: narrower one), the longest bar, and the characters of a partner's name on one line (the
#: name wraps onto more lines above its bar, never cut off)
CHART_WIDTH, BAR_WIDTH, LINE_CHARS, LINE = 340, 210, 32, 20


def _chart(totals: list[Any]) -> dict[str, Any]:
    """Bars scaled to the largest total, each under its partner's name (wrapped) and with
    its amount as text after it."""
    top = max((t.annual for t in totals), default=Decimal(0)) or Decimal(1)
    bars, y = [], 0
    for t in totals:
        lines = textwrap.wrap(t.name, LINE_CHARS) or [""]
        names = [{"text": text, "y": y + LINE * (i + 1) - 4} for i, text in enumerate(lines)]
        top_of_bar = y + LINE * len(lines)
        width = int(BAR_WIDTH * t.annual / top)
        bars.append({"name": t.name, "lines": names, "amount": money(t.annual),
                     "y": top_of_bar, "width": width, "amount_x": width + 8})
        y = top_of_bar + 22 + 14
    return {"bars": bars, "height": max(y, 1), "width": CHART_WIDTH}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _problems(row: RowChecked) -> str:
    """A workbook row's problems as the start page counts a post's: "2 to fix", "1 warning"."""
    said = [f"{row.errors} to fix"] if row.errors else []
    if row.rules_pending:
        said.append("other checks wait until these are fixed")
    elif row.warnings:
        said.append(_count(row.warnings, "warning", "warnings"))
    return ", ".join(said) or "None"


def _workbooks(folder: Any) -> list[dict[str, Any]]:
    """Each workbook in ``folder``: its name, and its rows or why they cannot be shown."""
    books = []
    for path in workbooks_in(folder):
        try:
            rows, errors = rows_checked(path)
        except (DocgenError, OSError):  # what is wrong is said by the command line's check
            books.append({"name": path.name, "unread": True, "rows": [], "errors": 0})
            continue
        books.append({"name": path.name, "unread": False, "errors": errors, "rows": [
            {"row": r.row, "reference": r.reference or "No reference yet",
             "problems": _problems(r), "ok": not r.errors} for r in rows]})
    return books


async def programme(request: Request) -> Response:
    rows = programme_rows(request.app.state.folder)
    everyone = partner_totals(rows)
    partner = request.query_params.get("partner", "")
    status = request.query_params.get("status", "")
    by_id = [t.key for t in everyone if t.party_id == partner]  # older links: ?partner=<id>
    if partner not in {t.key for t in everyone}:
        partner = by_id[0] if len(by_id) == 1 else ""
    status = status if status in ("draft", "final") else ""
    totals = partner_totals(chosen(rows, partner, status))
    if partner:
        totals = [t for t in totals if t.key == partner]
    return page(request, "programme.html", {
        "totals": [{"name": t.name, "id": t.party_id, "posts": t.posts,
                    "time": f"{t.time.normalize():f}", "annual": money(t.annual),
                    "references": ", ".join(t.references)} for t in totals],
        "chart": _chart(totals), "partners": [(t.key, t.name) for t in everyone],
        "partner": partner, "status": status, "count": len(chosen(rows, partner, status)),
        "workbooks": _workbooks(request.app.state.folder)})
