"""A workbook as plain values (no openpyxl here), and problems that name a cell. Pure.

An answer a row gives nowhere is said here in the workbook's terms (:func:`missing_in_row`):
the answer checker says "'salary' is required here but missing; add it, e.g. salary:
92000 (docgen schema --markdown ...)", right for an answer file and no help to someone
with a spreadsheet. Here the same problem names the column heading as the sheet spells
it and the row's cell, or the sheet to use; a column the Posts sheet lacks altogether is
said once for the sheet (:func:`said_once`), each row naming it briefly.

Rows of the other sheets (Responsibilities, Other answers, …) whose reference is no post's
are said once per sheet and reference, naming the rows (``Responsibilities rows 107-129``;
:class:`Orphans`), not once a row: a deleted Posts row leaves many. Rows whose reference is
a Posts row's that cannot be used (``EWK/WSM/M08``, not a safe file name) belong to that
post: they are not unknown, and the post's own error says how many there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from docgen.answers.starter import scalar

# the answer checker's code for a key required but not given (docgen.errors.MISSING), read by
# the intake's readers from here
from docgen.errors import MISSING as MISSING
from docgen.errors import KeyPath, Problem
from docgen.facts.formatting import join_words
from docgen.intake.table import POSTS, REFERENCE, Column, load_table, node_at


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


# compiled as the module loads, so the command's table of compiled patterns keeps them
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_EXAMPLE = re.compile(r"[,;:(]?\s*\be\.g\.")


def sheet_ref(book: str, sheet: str, cell: str) -> str:
    """``posts.xlsx!Posts!F7``; a sheet name with spaces is quoted, as Excel does."""
    name = sheet if _WORD.fullmatch(sheet) else "'" + sheet.replace("'", "''") + "'"
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


#: a row's problem for a Posts column the sheet does not have (said once by said_once)
MISSING_COLUMN = "missing_column"


def _heading_row(book: str) -> str:
    return sheet_ref(book, POSTS, "1:1")


def cell_example(column: Column) -> str:
    """What a filled cell of ``column`` looks like (as typed, never YAML)."""
    example, choices = column.meta("example"), column.choices
    if column.kind == "parties":
        return "eastwick, westmere"
    if column.kind == "party":
        return "eastwick"
    if column.kind in ("party_map", "party_records"):
        return ("eastwick: 60; westmere: 40" if column.value == "number"
                else "eastwick: first; westmere: second")
    if column.kind == "bool":
        return "yes"
    if choices:
        return choices[0] if len(choices) == 1 else f"{choices[0]} (one of {', '.join(choices)})"
    if example is not None and not isinstance(example, dict | list):
        return str(example)
    return {"date": "2026-04-01", "date_tbc": "2026-04-01", "money": "92000"}.get(
        column.kind, "…")


def _what(path: KeyPath, brief: bool = False) -> str:
    """The answer's title and (unless ``brief``) its meaning from the model's first
    sentence: "Review (Trial and review dates)". The meaning stops before its own "e.g.":
    each message gives the column's example after it, and two read as a contradiction."""
    node = node_at(tuple(str(p) for p in path))
    title = str(node.get("title") or path[-1])
    meaning = _SENTENCE_END.split(str(node.get("description") or ""))[0].rstrip(".")
    meaning = _EXAMPLE.split(meaning)[0].rstrip(" ,;:(")
    return f"{title} ({meaning})" if meaning and not brief else title


def _first_leaf(value: Any, key: tuple[str, ...]) -> tuple[str, str] | None:
    """The first answer inside a model example, as an Other answers row: (key, value), the
    value as ``intake write`` writes the Value cell (YAML on one line, as in an answer file:
    ``[{days: 10, level: Line managers}]``, never Python's ``[{'days': 10, ...}]``)."""
    if isinstance(value, dict) and value:
        name, inner = next(iter(value.items()))
        return _first_leaf(inner, (*key, str(name)))
    return (".".join(key), scalar(value)) if value is not None else None


def _other_answers(book: str, ref: str, reference: str, path: KeyPath,
                   severity: Any, base: str | None = None) -> CellProblem:
    """A key no column gives: the Other answers sheet (or a sheet of its items), or a
    Base file (``base``: the one the row names, to add it to)."""
    table = load_table()
    key = tuple(str(p) for p in path)
    sheets = [s.name for s in table.sheets
              if s.path[:len(key)] == key or key[:len(s.path)] == s.path]
    examples = node_at(key).get("examples") or [None]
    leaf = _first_leaf(examples[0], key) or (".".join(key), "…")
    other = table.other
    answer, value = (c.heading for c in other.columns)
    row = (f"a row with {REFERENCE} {reference or '(the post’s reference)'}, {answer} "
           f"{leaf[0]}, {value} {leaf[1]}")
    where = (f"the {' and '.join(repr(s) for s in sheets)} sheet{'s' if len(sheets) > 1 else ''}"
             f" (one row per item, with the post's {REFERENCE}), or " if sheets else "")
    return cell_problem(book, (POSTS, ref, REFERENCE),
                        f"this post gives no {_what(key)}; give it in {where}the "
                        f"'{other.name}' sheet ({row}), or "
                        + (f"add it to its Base file, {base}" if base else
                           "name a Base file that gives it"),
                        reference, path, severity=severity, code=MISSING)


def missing_in_row(book: str, cells: dict[str, tuple[str, Any]], number: int, reference: str,
                   problem: Problem, columns_only: bool = False,
                   base: str | None = None) -> CellProblem | None:
    """``problem`` (the checker's "required but missing") said at the row: the empty cell
    of its Posts column, the columns that give its parts, the column the sheet lacks, or
    (unless ``columns_only``) the sheet to give it in. ``cells``: the row's heading → (cell,
    value); ``number``: its row number. The checker's hint that the employer's profile
    gives no policy for it either is kept (the team may expect the profile to give it).
    ``base``: the row's Base file, which the key may be added to instead."""
    said = _missing_in_row(book, cells, number, reference, problem, columns_only, base)
    hint = problem.profile_hint
    if said is None or hint is None:
        return said
    return replace(said, message=said.message + hint.said("this workbook"))


def _missing_in_row(book: str, cells: dict[str, tuple[str, Any]], number: int, reference: str,
                    problem: Problem, columns_only: bool,
                    base: str | None = None) -> CellProblem | None:
    key = tuple(str(p) for p in problem.path)
    if not key:
        return None
    kw: dict[str, Any] = {"severity": problem.severity, "code": MISSING}
    ref_cell = cells.get(REFERENCE, (f"A{number}", None))[0]
    columns = [c for c in load_table().posts if c.path[:len(key)] == key]
    present = [c for c in columns if c.heading in cells]
    if columns and columns[0].path == key and not present:
        heading = columns[0].heading
        kw["code"] = MISSING_COLUMN
        return cell_problem(book, (POSTS, ref_cell, REFERENCE),
                            f"gives no {heading}: the {POSTS} sheet has no '{heading}' "
                            f"column; add the column (said once for the sheet, at "
                            f"{_heading_row(book)}), or name a Base file that gives it",
                            reference, problem.path, **kw)
    if present:
        first = present[0]
        cell = cells[first.heading][0]
        if first.path == key:
            return cell_problem(book, (POSTS, cell, first.heading),
                                f"the {first.heading} cell of row {number} is empty; give "
                                f"the {_what(key)}, e.g. {cell_example(first)}", reference,
                                problem.path, **kw)
        names = ", ".join(c.heading for c in present)
        return cell_problem(book, (POSTS, cell, first.heading),
                            f"this post gives no {_what(key)}: fill in row {number}'s "
                            f"{names} cell{'s' if len(present) > 1 else ''}, e.g. "
                            f"{first.heading}: {cell_example(first)}", reference,
                            problem.path, **kw)
    if columns_only:
        return None
    return _other_answers(book, ref_cell, reference, problem.path, problem.severity, base)


def said_once(book: str, rows: list[tuple[int, list[Problem]]]) -> list[Problem]:
    """One problem for the workbook per Posts column its rows need and the sheet lacks
    (each row's problem names the column briefly): the heading as the sheet spells it,
    the rows that need it, and what to add, with an example. ``rows``: each row's number
    and problems."""
    needed: dict[KeyPath, list[int]] = {}
    for number, problems in rows:
        if any(p.code == MISSING_COLUMN and p.severity == "error" for p in problems):
            for p in problems:
                if p.code == MISSING_COLUMN and number not in needed.get(tuple(p.path), []):
                    needed.setdefault(tuple(p.path), []).append(number)
    out: list[Problem] = []
    for path, numbers in needed.items():
        column = next(c for c in load_table().posts if c.path == path)
        many = len(numbers) != 1
        shown = ", ".join(map(str, numbers[:5])) + (
            f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
        out.append(CellProblem(
            message=f"the {POSTS} sheet has no '{column.heading}' column, which "
                    f"{len(numbers)} row{'s' if many else ''} need{'' if many else 's'} "
                    f"(row{'s' if many else ''} {shown}); add a column headed "
                    f"'{column.heading}' to row 1 of the {POSTS} sheet and give each post's "
                    f"{_what(path, brief=True).lower()} in it, e.g. {cell_example(column)} "
                    "(or give it in each such row's Base file)",
            path=path, cell=_heading_row(book), label=column.heading, code=MISSING_COLUMN))
    return out


def row_span(numbers: list[int]) -> str:
    """``rows 107-129``, ``rows 5, 9-11 and 14``, ``row 3``: the rows, runs joined."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return f"row{'s' if len(numbers) > 1 else ''} {join_words(parts)}"


@dataclass
class Orphans:
    """The other sheets' rows whose reference names no usable post, by sheet and reference."""

    rows: dict[tuple[str, str], list[Row]] = field(default_factory=dict)

    def add(self, row: Row, key: str) -> None:
        self.rows.setdefault((row.sheet, key), []).append(row)

    def problems(self, book: str, unusable: set[str]) -> list[Problem]:
        """One problem per sheet and reference no post has, at its first row's Reference
        cell; the rows of a post whose reference cannot be used (``unusable``, casefolded)
        are left to that post's own error (:meth:`belonging`)."""
        said: list[Problem] = []
        for (sheet, key), rows in self.rows.items():
            if key.casefold() in unusable:
                continue
            first = rows[0]
            these = "these rows belong" if len(rows) > 1 else "this row belongs"
            said.append(cell_problem(book, (first.sheet, first.ref(REFERENCE), REFERENCE),
                                     f"no post in the {POSTS} sheet has the reference '{key}' "
                                     f"({sheet} {row_span([r.number for r in rows])}); give "
                                     f"the reference of the post {these} to"))
        return said

    def belonging(self, key: str) -> str:
        """``; 23 rows on other sheets (Responsibilities rows 107-129) have this reference
        too: change them with it``, or nothing when no row has ``key``."""
        found = [(sheet, rows) for (sheet, k), rows in self.rows.items()
                 if k.casefold() == key.casefold()]
        count = sum(len(rows) for _, rows in found)
        if not count:
            return ""
        where = "; ".join(f"{sheet} {row_span([r.number for r in rows])}" for sheet, rows in found)
        one = count == 1
        return (f"; {count} row{'' if one else 's'} on other sheets ({where}) "
                f"belong{'s' if one else ''} to this post and {'has' if one else 'have'} "
                f"this reference too: change {'it' if one else 'them'} with it")


def with_rows(problem: Problem, note: str) -> Problem:
    """A post's reference error with the note of the other sheets' rows that have it."""
    if not note or not isinstance(problem, CellProblem):
        return problem
    return replace(problem, message=problem.message + note)
