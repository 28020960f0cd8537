"""How a cell reads when what it holds and what it shows may differ: percent formats,
bare fractions in a percent column, hidden rows. Pure: no files, no openpyxl.

Each gives the value to use and, where the person may have meant something else, a
warning at the cell (the row is still read: hiding is not deleting, and a format is
not a value).
"""

from __future__ import annotations

import re
from typing import Any

from docgen.errors import KeyPath, Problem
from docgen.intake.book import CellRef, Row, cell_problem
from docgen.intake.table import REFERENCE, Column, is_percent, load_table, node_at
from docgen.intake.typed import excel_number

#: a row whose Base file is empty while other rows name one
#: (:func:`docgen.intake.rows.with_slip`)
NO_BASE_FILE = "BASE_FILE"
#: the rules of these warnings: each is about one cell, so it is shown at that cell in
#: full, never grouped with the same warning on other rows
CELL_NOTES = frozenset({"PERCENT_FORMAT", "PERCENT_FRACTION", "HIDDEN", "LINE_BREAK",
                        NO_BASE_FILE})
#: a line break typed in a cell (Alt+Enter is \n; \r\n from a paste; the characters Word
#: pastes for one), with the spaces around it
LINE_BREAK = re.compile(r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]*[\n\r\x0b\x0c\x85\u2028\u2029]\s*")
#: a column's ``breaks``: what a line break becomes in text of one line
JOINS = {"space": " ", "comma": ", "}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def shown_number(value: Any) -> Any:
    """A number as a percent-formatted cell shows it before its % sign: 0.05 is 5."""
    if not _is_number(value):
        return value
    exact = excel_number(value) * 100
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def percent_key(path: KeyPath) -> bool:
    """True when an answer at ``path`` is a percentage (a percent column's key, or the
    model's Percent there: ``payment.cost_shares.<party>`` as much as ``premium_percent``),
    so an "Other answers" value for it may be read as its cell shows it."""
    table = load_table()
    paths = {c.path for c in table.posts if c.kind == "percent"}
    return tuple(path) in paths or is_percent(node_at(tuple(str(p) for p in path)))


def as_shown(book: str, row: Row, heading: str, raw: Any, percent: bool,
             reference: str = "") -> tuple[Any, Problem | None]:
    """``raw`` (a cell's stored value) as the answer to read, and a warning when a percent
    format shows it ×100 in a column that is not a percentage (format painter on a Salary
    cell shows 920 as 92000 %): there the number is read as stored."""
    if heading not in row.times100 or not _is_number(raw):
        return raw, None
    if percent:
        shown = shown_number(raw)
        if shown <= 100 or raw > 100:
            return shown, None
        return shown, cell_problem(  # 15 typed where the cell multiplies: it shows 1500%
            book, (row.sheet, row.ref(heading), heading),
            f"the cell shows {shown}%, more than 100%; if you meant {raw:g}%, type {raw:g}% "
            "(with the % sign)", reference, severity="error", rule="PERCENT_OVER")
    shown = shown_number(raw)
    return raw, cell_problem(
        book, (row.sheet, row.ref(heading), heading),
        f"the cell is formatted as a percentage (it shows {shown}%), but {heading} is not a "
        f"percentage; it is read as the number stored, {raw}. Give the cell a number format "
        f"(Home > Number Format > General) so it shows {raw}, as it is read",
        reference, severity="warning", rule="PERCENT_FORMAT")


def fraction_warning(book: str, row: Row, heading: str, value: Any, raw: Any,
                     reference: str) -> Problem | None:
    """A percentage below 1 read from a percent column, whatever the cell's format: 0.6 in a
    General cell, 0.15 in a cell of an older workbook's format (which only printed a % sign,
    where Excel may have stored "15%" typed as 0.15), or 0.6% in a percent cell. It is read
    as written (0.6 %, as an apprenticeship levy of 0.5 is), but the person may have meant
    60 %, and the money in the agreement depends on it. ``value`` is the number read;
    ``raw`` the cell ("0.6%" typed as text says it is a percentage)."""
    if not _is_number(value) or not 0 < value < 1 or \
            (isinstance(raw, str) and raw.strip().endswith("%")):
        return None
    meant = f"{value * 100:g}"
    return cell_problem(
        book, (row.sheet, row.ref(heading), heading),
        f"{value} is read as {value} %; if you meant {meant} %, write {meant} (or type "
        f"{meant}%, with the % sign). If {value} % is right (an apprenticeship levy is 0.5 %), "
        "leave it as it is",
        reference, (), severity="warning", rule="PERCENT_FRACTION")


def split_fractions(book: str, data: dict[str, Any], cell: CellRef | None, raw: Any,
                    reference: str) -> Problem | None:
    """A time split in percent whose every share is below 1 (``eastwick: 0.6; westmere:
    0.4``, typed as fractions): the shares are read as written, and add up to 1 %, which
    the checks refuse; this says at the cell what was likely meant (60 and 40), as
    :func:`fraction_warning` does for a percent column. Shares typed with a % sign are
    taken as meant."""
    split = data.get("time_split")
    if cell is None or not isinstance(split, dict) or split.get("unit", "percent") != "percent":
        return None
    shares = split.get("shares")
    if not isinstance(shares, dict) or not shares or "%" in str(raw) or not all(
            _is_number(v) and 0 < v < 1 for v in shares.values()):
        return None
    meant = {k: f"{excel_number(v) * 100:f}".rstrip("0").rstrip(".") for k, v in shares.items()}
    read = " and ".join(f"{v:g} %" for v in shares.values())
    return cell_problem(
        book, cell, f"the shares are read as {read} of the post's time; did you mean "
        f"{' and '.join(meant.values())}? Write "
        f"{'; '.join(f'{k}: {v}' for k, v in meant.items())} (shares of a time split in "
        "percent add up to 100)", reference, ("time_split", "shares"), severity="warning",
        rule="PERCENT_FRACTION")


def one_line(book: str, row: Row, column: Column, raw: Any, reference: str = ""
             ) -> tuple[Any, Problem | None]:
    """``raw`` as one line when the column's text is one line in the documents (a job title,
    a name, an address), and a warning at the cell: a line break typed with Alt+Enter
    would otherwise be a hard line break inside a title or a party's name, and Excel shows
    the cell wrapped, so nobody sees it. An address's lines are joined with ", " (a comma
    typed at a line's end is kept once); other text's with a space."""
    if not column.breaks or not isinstance(raw, str) or not LINE_BREAK.search(raw.strip()):
        return raw, None
    join = JOINS[column.breaks]
    lines = [line.strip() for line in LINE_BREAK.split(raw.strip())]
    text = join.join(line.rstrip(",") if join == ", " else line for line in lines if line)
    shown = text if len(text) <= 80 else text[:77] + "..."
    how = "its lines are joined with commas" if join == ", " else "each line break is a space"
    return text, cell_problem(
        book, (row.sheet, row.ref(column.heading), column.heading),
        f"the cell holds a line break (Alt+Enter), but {column.heading} is printed on one "
        f"line: {how}, '{shown}'. Take the line breaks out of the cell to clear this "
        "warning", reference, severity="warning", rule="LINE_BREAK")


def hidden_row(book: str, row: Row, what: str, reference: str = "") -> Problem:
    """A hidden row is read like the others (hiding is not deleting); say so at its cell."""
    first = row.ref(REFERENCE) if REFERENCE in row.cells else next(
        (cell for cell, _ in row.cells.values()), f"A{row.number}")
    return cell_problem(book, (row.sheet, first, REFERENCE if REFERENCE in row.cells else ""),
                        f"row {row.number} is hidden; it was read "
                        f"like the others (delete the row to leave {what} out)", reference,
                        severity="warning", rule="HIDDEN")


__all__ = ["as_shown", "fraction_warning", "hidden_row", "one_line", "percent_key",
           "shown_number"]
