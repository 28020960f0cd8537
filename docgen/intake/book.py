"""A workbook as plain values (no openpyxl here), and problems that name a cell. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docgen.errors import KeyPath, Problem


class NoResult:
    """A formula cell with no saved result (never calculated): there is no value to read."""

    def __repr__(self) -> str:
        return "<formula without a saved result>"


NO_RESULT = NoResult()


@dataclass(frozen=True)
class FormulaError:
    """A cell whose saved value is an Excel error (#N/A from a lookup that found nothing,
    #REF!, #VALUE!, ...): there is no value to read, and its code is not text."""

    code: str

    def __str__(self) -> str:
        return self.code
#: (sheet, cell such as "F7", the column heading)
CellRef = tuple[str, str, str]


@dataclass(frozen=True)
class Row:
    """One row of a sheet below its heading row: heading → (cell, value)."""

    sheet: str
    number: int
    cells: dict[str, tuple[str, Any]]
    hidden: bool = False
    #: headings whose cell shows a % sign (a percent format, or the template's " %"): a
    #: number there is what the person sees, never an ambiguous fraction
    shows_percent: frozenset[str] = frozenset()
    #: headings whose cell's format shows the stored number ×100 (0.05 shows as 5%): the
    #: values here are as stored; ``notes.as_shown`` reads them as shown where that is meant
    times100: frozenset[str] = frozenset()

    def value(self, heading: str) -> Any:
        return self.cells.get(heading, ("", None))[1]

    def ref(self, heading: str) -> str:
        return self.cells.get(heading, (f"A{self.number}", None))[0]


@dataclass
class Book:
    """Every sheet's rows (headings as written in row 1)."""

    name: str  # the file name used in messages: posts.xlsx
    sheets: dict[str, list[Row]] = field(default_factory=dict)
    headings: dict[str, list[str]] = field(default_factory=dict)
    #: every sheet of the workbook, read or not, in its order: a message about a sheet docgen
    #: needs and did not find names those there are
    titles: list[str] = field(default_factory=list)

    def rows(self, sheet: str) -> list[Row]:
        return self.sheets.get(sheet, [])


def sheet_ref(book: str, sheet: str, cell: str) -> str:
    """``posts.xlsx!Posts!F7``; a sheet name with spaces is quoted, as Excel does."""
    name = sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{book}!{name}!{cell}"


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem that names the workbook cell to change, in the command line's words:
    ``posts.xlsx!Posts!F7 (salary, post EWK-07): write money as a number, e.g. 78000``."""

    cell: str = ""
    label: str = ""

    @property
    def location(self) -> str:
        return self.cell

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        if self.acknowledged:  # the answers accept it, with the reason they give
            prefix = f"{self.severity} (acknowledged): "
        label = f" ({self.label})" if self.label else ""
        return f"{self.cell}{label}: {prefix}{self.message}"


def cell_problem(book: str, ref: CellRef, message: str, reference: str = "",
                 path: KeyPath = (), keep_case: bool = False, **kw: Any) -> CellProblem:
    """A problem at a cell, labelled with its column heading (in lower case, read as part
    of the sentence, unless ``keep_case``: a label that quotes a heading as the sheet
    spells it) and the post."""
    sheet, cell, heading = ref
    label = ", ".join(x for x in (heading if keep_case else heading.lower(),
                                  f"post {reference}" if reference else "") if x)
    return CellProblem(message=message, path=path, cell=sheet_ref(book, sheet, cell),
                       label=label, **kw)


def nearest(cells: dict[KeyPath, CellRef], path: KeyPath) -> CellRef | None:
    """The cell that wrote ``path`` or its nearest written ancestor."""
    probe = tuple(path)
    while probe:
        if probe in cells:
            return cells[probe]
        probe = probe[:-1]
    return None
