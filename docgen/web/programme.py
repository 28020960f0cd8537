"""The programme page (``/programme``): each partner's posts, total time and total annual
cost across the answer files in the folder, as a table and a server-rendered SVG bar
chart, filtered by partner and status with plain GET links (no JavaScript); and the posts
of each programme workbook in the folder, by row, with whether each has problems (the
workbook is put right in Excel: the interview edits answer files only).

Checking a workbook's posts takes about 40 ms a post (5,000 posts: minutes), and the page
checked every workbook on every visit, so any spreadsheet left in the folder (a budget,
thirty copies of one programme) made every visit slow. Now the page is worked out on a
worker thread, and a visit checks at most :data:`POSTS_PER_VISIT` posts not checked before
and looks at the first :data:`BOOKS_SHOWN` workbooks; a workbook of more posts than that is
counted, not checked. A check is kept (:data:`KEPT` of them) by the workbook's path, size
and time and the organisation profiles beside it, and holds while the other files it read
(base files, profiles) keep their size and time. What else a check reads (a clause folder)
is read again when one of those changes, or the server starts again."""

from __future__ import annotations

import textwrap
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from docgen.api.interview import PROFILE_FOLDER, chosen, money, partner_totals, programme_rows
from docgen.api.workbooks import BookChecked, RowChecked, Unread, book_checked, workbooks_in
from docgen.kept import Kept
from docgen.web.checked import files_state
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


#: posts checked in one visit that were not checked before (about 40 ms each: some
#: seconds at most, on a worker thread, so other people's pages do not wait)
POSTS_PER_VISIT = 200
#: workbooks looked at in one visit (in name order), the rest only counted
BOOKS_SHOWN = 10
#: workbooks' checks kept at once
KEPT = 64

_KEPT: Kept[tuple[Any, ...], tuple[tuple[Any, ...], BookChecked]] = Kept(KEPT)
_CHECKING = threading.Lock()

#: what the page says of a workbook whose posts are not listed, by :class:`Unread` reason
#: (plain words: what is wrong and what to do, never a message, file path or command)
UNREAD_SAID = {
    Unread.TOO_LARGE: "This file is far larger than a programme workbook, so it is not "
                      "opened. If it is the programme workbook, delete any large pictures "
                      "in it and save it again.",
    Unread.OLD_EXCEL: "This is an old-style Excel file (.xls), or one protected by a "
                      "password, so its posts cannot be read. Open it in Excel, remove any "
                      "password, and save it as an Excel Workbook (.xlsx).",
    Unread.NOT_XLSX: "This file is not saved as an Excel workbook (.xlsx), or it is "
                     "damaged, so its posts cannot be read. Open it in Excel and save it "
                     "as an Excel Workbook (.xlsx), without macros.",
    Unread.LAYOUT: "This workbook could not be read as a programme workbook: a sheet, a "
                   "heading or some cells are not laid out as in the programme workbook "
                   "(for example cells merged, or the Reference heading missing). Ask "
                   "whoever keeps the workbook to check its layout.",
    Unread.NOT_OPENED: "This workbook could not be opened. It may have been moved, or "
                       "you may not have permission to open it.",
}


def _book_state(path: Path) -> tuple[Any, ...]:
    """The workbook's path, size and time, and those of the organisation profiles beside
    it (a profile added or changed can change its rows' problems)."""
    try:
        profiles = sorted((path.parent / PROFILE_FOLDER).iterdir())
    except OSError:
        profiles = []
    return (str(path), files_state([path]), files_state(profiles))


def _kept(key: tuple[Any, ...]) -> BookChecked | None:
    """The check kept for ``key``, while the files it read are as they were."""
    held = _KEPT.get(key)
    if held is None or files_state(list(held[1].read)) != held[0]:
        return None
    return held[1]


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _problems(row: RowChecked) -> str:
    """A workbook row's problems as the start page counts a post's: "2 to fix", "1 warning"."""
    said = [f"{row.errors} to fix"] if row.errors else []
    if row.rules_pending:
        said.append("other checks wait until these are fixed")
    elif row.warnings:
        said.append(_count(row.warnings, "warning", "warnings"))
    return ", ".join(said) or "None"


def _view(name: str, book: BookChecked | None) -> dict[str, Any]:
    """What the page shows of one workbook (None: not checked in this visit)."""
    view: dict[str, Any] = {"name": name, "said": "", "other": False, "rows": [], "errors": 0}
    if book is None:
        view["said"] = ("Its posts are not checked yet: this page checks up to "
                        f"{POSTS_PER_VISIT} posts each time it is opened. Open the page "
                        "again to see them.")
    elif book.unread == Unread.NOT_PROGRAMME:
        view["other"] = True
    elif book.unread == Unread.TOO_MANY_POSTS:
        view["said"] = (f"This workbook has {_count(book.posts, 'post', 'posts')}, more "
                        f"than this page checks (up to {POSTS_PER_VISIT} in a workbook), so "
                        "its posts are not listed here.")
    elif book.unread:
        view["said"] = UNREAD_SAID[book.unread]
    else:
        view["errors"] = book.errors
        view["rows"] = [{"row": r.row, "reference": r.reference or "No reference yet",
                         "problems": _problems(r), "ok": not r.errors} for r in book.rows]
    return view


def _checked(path: Path, key: tuple[Any, ...], budget: int) -> tuple[BookChecked | None, int]:
    """The workbook checked (None: it does not fit what is left of this visit, and waits for
    the next) and the posts checked for it. One check at a time: a visit meanwhile waits,
    then takes the check kept, not making it again (and two visits never take both cores)."""
    with _CHECKING:
        if (book := _kept(key)) is not None:
            return book, 0
        book = book_checked(path, max_posts=budget)
        if book.unread == Unread.TOO_MANY_POSTS and book.posts <= POSTS_PER_VISIT:
            return None, 0
        _KEPT.put(key, (files_state(list(book.read)), book))
        return book, len(book.rows)


def workbooks(folder: Path) -> dict[str, Any]:
    """The page's workbooks (run on a worker thread: a check can take seconds): each of the
    first :data:`BOOKS_SHOWN` with its posts, or why they are not listed; the spreadsheets
    that are no programme workbook (no Posts sheet), by name; and how many were left out."""
    paths = workbooks_in(folder)
    budget = POSTS_PER_VISIT
    books: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for path in paths[:BOOKS_SHOWN]:
        key = _book_state(path)
        book = _kept(key)
        if book is None and budget > 0:
            book, checked = _checked(path, key, budget)
            budget -= checked
        view = _view(path.name, book)
        (others if view["other"] else books).append(view)
    return {"workbooks": books, "other_sheets": [o["name"] for o in others],
            "books_left_out": max(len(paths) - BOOKS_SHOWN, 0), "books_shown": BOOKS_SHOWN}


def _shown(folder: Path, partner: str, status: str) -> dict[str, Any]:
    """The page's totals and workbooks: on a worker thread (:func:`programme`), as each
    answer file and workbook is read and checked."""
    rows = programme_rows(folder)
    everyone = partner_totals(rows)
    by_id = [t.key for t in everyone if t.party_id == partner]  # older links: ?partner=<id>
    if partner not in {t.key for t in everyone}:
        partner = by_id[0] if len(by_id) == 1 else ""
    status = status if status in ("draft", "final") else ""
    totals = partner_totals(chosen(rows, partner, status))
    if partner:
        totals = [t for t in totals if t.key == partner]
    return {
        "totals": [{"name": t.name, "id": t.party_id, "posts": t.posts,
                    "time": f"{t.time.normalize():f}", "annual": money(t.annual),
                    "references": ", ".join(t.references)} for t in totals],
        "chart": _chart(totals), "partners": [(t.key, t.name) for t in everyone],
        "partner": partner, "status": status, "count": len(chosen(rows, partner, status)),
        **workbooks(folder)}


async def programme(request: Request) -> Response:
    """The page, worked out on a worker thread so no other request waits for it."""
    shown = await run_in_threadpool(
        _shown, request.app.state.folder, request.query_params.get("partner", ""),
        request.query_params.get("status", ""))
    return page(request, "programme.html", shown)
