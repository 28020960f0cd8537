"""Workbook rows → answer-file data, one post per "Posts" row. Pure: no files, no openpyxl.

Every value remembers the cell it came from, so a problem the model or the rules
find later (by key path) is reported at that cell. A row with errors gives no
answers; the other rows are unaffected.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.answers.folder_names import reference_problem
from docgen.errors import NOT_KNOWN_NEEDED, NOT_KNOWN_OPTIONAL, KeyLines, KeyPath, Problem
from docgen.intake import other
from docgen.intake.book import (
    MISSING,
    Book,
    CellProblem,
    CellRef,
    Orphans,
    Row,
    cell_problem,
    missing_in_row,
    nearest,
    sheet_ref,
    with_rows,
)
from docgen.intake.cells import CellError, from_cell, place, unreadable
from docgen.intake.notes import (
    as_shown,
    fraction_warning,
    hidden_row,
    one_line,
    percent_key,
    split_fractions,
)
from docgen.intake.organisations import (
    Organisations,
    id_meant,
    missing_sheet,
    parties_of,
    read_organisations,
)
from docgen.intake.other_values import from_other_cell, parse_value
from docgen.intake.table import POSTS, REFERENCE, Sheet, load_table, on_a_sheet, ordered

#: the codes a cell's problem keeps for a later step that rewords it (a ``tbc`` a row's
#: Base file or profile answers: left_blank.py); others are said by the message alone
_REWORDED = (NOT_KNOWN_NEEDED, NOT_KNOWN_OPTIONAL)


@dataclass
class PostRow:
    """One post read from the workbook: its answers and the cell behind each key path."""

    reference: str
    row: Row
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[KeyPath, CellRef] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def _posts_row(book: Book, row: Row, orgs: Organisations) -> PostRow:
    table = load_table()
    raw_reference = row.value(REFERENCE)
    reference = "" if unreadable(raw_reference) else str(raw_reference or "").strip()
    post = PostRow(reference, row, {"docgen": 1})
    for col in table.posts:
        raw, note = as_shown(book.name, row, col.heading, row.value(col.heading),
                             col.kind == "percent", reference)
        ref = (row.sheet, row.ref(col.heading), col.heading)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if note and note.severity == "error":  # a percentage over 100%: said at the cell,
            post.problems.append(replace(note, path=col.path))  # not read
            continue
        post.problems += [note] if note else []
        raw, note = one_line(book.name, row, col, raw, reference)
        post.problems += [note] if note else []
        try:
            if col.kind == "parties":
                parties, cells = parties_of(from_cell(col, raw), ref, orgs)
                post.data["parties"] = parties
                post.cells.update(cells)
            else:
                place(post.data, col.path, value := from_cell(col, raw))
                if col.kind == "percent" and (warn := fraction_warning(
                        book.name, row, col.heading, value, raw, reference)):
                    post.problems.append(warn)
            post.cells[col.path] = ref
        except CellError as exc:  # an organisation's name for its id: the id meant
            post.problems.append(cell_problem(book.name, ref, str(exc) + id_meant(
                str(exc), orgs), reference, col.path, code=exc.code))
    if row.hidden:
        post.problems.append(hidden_row(book.name, row, "the post", reference))
    return post


def _sheet_rows(book: Book, sheet: Sheet, posts: dict[str, PostRow], orphans: Orphans) -> None:
    for row in book.rows(sheet.name):
        key = str(row.value(REFERENCE) or "").strip()
        post = posts.get(key.casefold())
        values = [row.value(c.heading) for c in sheet.columns]
        if all(v is None for v in values):
            continue
        if post is None:  # said once per sheet and reference, after every sheet is read
            orphans.add(row, key)
            continue
        if row.hidden:
            post.problems.append(hidden_row(book.name, row, "this row", post.reference))
        try:
            if sheet.shape == "groups":
                _group_row(book, sheet, row, post)
            elif sheet.shape == "records":
                _record_row(book, sheet, row, post)
            else:
                _other_row(book, row, post)
        except CellError as exc:
            post.problems.append(cell_problem(book.name, (row.sheet, row.ref(REFERENCE),
                                                          REFERENCE), str(exc), post.reference,
                                              sheet.path))


def _get(data: dict[str, Any], path: KeyPath, default: Any) -> Any:
    node: Any = data  # nested mappings, each made when first needed
    for part in path[:-1]:
        node = node.setdefault(part, {})
    return node.setdefault(path[-1], default)


def _group_row(book: Book, sheet: Sheet, row: Row, post: PostRow) -> None:
    group_col, item_col = sheet.columns
    group, item = row.value(group_col.heading), row.value(item_col.heading)
    ref = (row.sheet, row.ref(item_col.heading), item_col.heading)
    gref = (row.sheet, row.ref(group_col.heading), group_col.heading)
    if group is None or item is None:
        missing = group_col if group is None else item_col
        raise CellError(f"give both {group_col.heading.lower()} (shared or an organisation id) "
                        f"and the {item_col.heading.lower()}; {missing.heading} is empty")
    try:
        name = from_cell(group_col, group)
    except CellError as exc:
        post.problems.append(cell_problem(book.name, gref, str(exc), post.reference,
                                          sheet.path))
        return
    items = _get(post.data, sheet.path, {}).setdefault(name, [])
    items.append(from_cell(item_col, item))
    post.cells[(*sheet.path, name)] = gref
    post.cells[(*sheet.path, name, len(items) - 1)] = ref


def _record_row(book: Book, sheet: Sheet, row: Row, post: PostRow) -> None:
    items = _get(post.data, sheet.path, [])
    record: dict[str, Any] = {}
    index = len(items)
    post.cells[(*sheet.path, index)] = (row.sheet, row.ref(sheet.columns[0].heading),
                                        sheet.columns[0].heading)
    for col in sheet.columns:
        raw, note = as_shown(book.name, row, col.heading, row.value(col.heading),
                             col.kind == "percent", post.reference)
        ref = (row.sheet, row.ref(col.heading), col.heading)
        post.cells[(*sheet.path, index, *col.path)] = ref
        post.problems += [note] if note and raw is not None else []
        if raw is None or note and note.severity == "error":
            continue  # nothing, or a percentage over 100%: said at the cell, not read
        raw, note = one_line(book.name, row, col, raw, post.reference)
        post.problems += [note] if note else []
        try:
            place(record, col.path, value := from_cell(col, raw))
            if col.kind == "percent" and (warn := fraction_warning(
                    book.name, row, col.heading, value, raw, post.reference)):
                post.problems.append(warn)
        except CellError as exc:
            post.problems.append(cell_problem(book.name, ref, str(exc), post.reference,
                                              (*sheet.path, index, *col.path)))
    items.append(record)


def _other_row(book: Book, row: Row, post: PostRow) -> None:
    key_col, value_col = load_table().other.columns
    key = str(row.value(key_col.heading) or "").strip()
    path = other.typed_key(tuple(key.split(".")))  # Time_Split.Flexibility as spelt
    ref = (row.sheet, row.ref(value_col.heading), ".".join(path) or value_col.heading)
    key_ref = (row.sheet, row.ref(key_col.heading), key_col.heading)
    if not key or not all(path):
        post.problems.append(cell_problem(
            book.name, key_ref,
            "give the answer's key, e.g. confidentiality.foi_consultation_days", post.reference))
        return
    raw, note = as_shown(book.name, row, value_col.heading, row.value(value_col.heading),
                         percent_key(path), post.reference)
    post.problems += [note] if note else []
    unknown = other.unknown_key(path)
    try:  # a value that cannot be read is reported at its own cell, not the row's first
        if (why := unreadable(raw)) is not None:
            raise CellError(why)
        if path == (other.ACKNOWLEDGE,):  # one warning accepted a row: "GP014: the reason"
            _acknowledge(post, other.acknowledgements(raw), ref)
            return
        value = other.typed_value(path, raw) if isinstance(raw, str) else None
        if value is None:
            value = parse_value(raw) if isinstance(raw, str) else from_other_cell(raw)
    except CellError as exc:
        post.problems.append(cell_problem(book.name, ref, str(exc), post.reference, path))
        if unknown is not None:  # said too: the value never got
            post.problems.append(cell_problem(  # as far as the check that names the key
                book.name, key_ref, unknown, post.reference, path))
        return
    if unknown is not None:  # the key is what is wrong: its Answer cell, not the value's
        post.problems.append(cell_problem(book.name, key_ref, unknown, post.reference, path))
        return
    twice = _given_twice(book.name, post, path)
    if twice:
        post.problems.append(cell_problem(book.name, ref, twice, post.reference, path))
        return
    place(post.data, path, value)
    post.cells[path] = ref


def _acknowledge(post: PostRow, items: list[Any], ref: CellRef) -> None:
    """Warnings accepted on one row, after those of the rows above."""
    have = post.data.setdefault(other.ACKNOWLEDGE, [])
    post.cells.setdefault((other.ACKNOWLEDGE,), ref)
    for item in items:
        post.cells[(other.ACKNOWLEDGE, len(have))] = ref
        have.append(item)


def _given_twice(book: str, post: PostRow, path: KeyPath) -> str | None:
    """Why an "Other answers" row may not set ``path``: another cell of the post sets it
    already (another row, or a column of the Posts sheet), or a key inside or around it.
    An answer file may not repeat a key either: one of the two values would silently win."""
    first = next((cell for key, cell in post.cells.items()
                  if key[:len(path)] == path or path[:len(key)] == key), None)
    if first is None:
        return None
    sheet, cell, heading = first
    where, key = sheet_ref(book, sheet, cell), ".".join(map(str, path))
    if sheet == load_table().other.name:
        return (f"{key} is also given in {where}; give each key once for a post (delete "
                "one of the two rows)")
    return (f"{key} is also given in {where} (the {heading} column); give it in one place: "
            "empty that cell, or delete this row")


def read_book(book: Book, profiles: dict[str, tuple[str, ...]] | None = None
              ) -> tuple[list[PostRow], list[Problem], Organisations]:
    """Every post row of ``book`` (each with its own problems), problems of the book
    itself (a sheet row for no post, two rows with one reference) and its Organisations
    sheet (for the parties a Base file names by id)."""
    table = load_table()
    problems: list[Problem] = []
    orgs = read_organisations(book, problems, profiles)
    rows = [r for r in book.rows(POSTS) if any(v is not None for _, v in r.cells.values())]
    posts = [_posts_row(book, r, orgs) for r in rows]
    by_ref: dict[str, PostRow] = {}
    unusable: dict[str, PostRow] = {}  # by a reference that cannot name a post (casefolded)
    for post in posts:
        ref = (POSTS, post.row.ref(REFERENCE), REFERENCE)
        if not post.reference:
            if any(p.path == ("reference",) for p in post.problems):
                continue  # the Reference cell's own problem says it (a formula, ...)
            post.problems.append(cell_problem(book.name, ref, "give the post a reference, "
                                              "e.g. EWK-HR-07 (letters, digits, '.', '_', '-')"))
            continue
        # the row is kept as <reference>.yaml: a path or device name must never get that far
        if (bad := reference_problem(post.reference)) is not None:
            post.problems.append(cell_problem(book.name, ref, bad, post.reference,
                                              ("reference",)))
            unusable.setdefault(post.reference.casefold(), post)
            continue
        first = by_ref.get(post.reference.casefold())
        if first is not None:
            for one, other in ((post, first), (first, post)):
                one.problems.append(cell_problem(
                    book.name, (POSTS, one.row.ref(REFERENCE), REFERENCE),
                    f"reference '{one.reference}' is also in row {other.row.number}; give "
                    "each post its own reference", one.reference))
            continue
        by_ref[post.reference.casefold()] = post
    if (missing := missing_sheet(book, orgs)) is not None:
        problems.insert(0, missing)
    orphans = Orphans()
    for sheet in (*table.sheets, table.other):
        _sheet_rows(book, sheet, by_ref, orphans)
    problems += orphans.problems(book.name, set(unusable))
    for key, post in unusable.items():  # its rows on other sheets: said with its error
        post.problems = [with_rows(p, orphans.belonging(key)) if p.path == ("reference",)
                         else p for p in post.problems]
    for post in posts:
        cell = post.cells.get(("time_split", "shares"))  # fractions typed: 60 and 40 meant?
        raw = post.row.value(cell[2]) if cell and cell[0] == POSTS else None
        if warn := split_fractions(book.name, post.data, cell, raw, post.reference):
            post.problems.append(warn)
        post.data = ordered(post.data)
    return posts, problems, orgs


def _written_in_base(lines: KeyLines, path: KeyPath) -> tuple[Path, int] | None:
    """Where ``path`` (or its nearest written ancestor) stands in the row's base file or a
    profile; None when only the file as a whole (line 1, no key) could be named."""
    probe = tuple(path)
    while probe:
        if probe in lines:
            return lines[probe]
        probe = probe[:-1]
    return None


def _posts_column(post: PostRow, path: KeyPath) -> CellRef | None:
    """The cell of the post's row where ``path`` is typed: its Posts column, when the
    workbook has one."""
    for col in load_table().posts:
        if col.path == tuple(path) and col.heading in post.row.cells:
            return POSTS, post.row.ref(col.heading), col.heading
    return None


def _where_to_give(path: KeyPath) -> str:
    """The label of a problem with a key the row gives nowhere: the key, and the Posts
    column that would give it when the sheet has none, its heading as the sheet spells
    it ("the Posts sheet has no 'Post-holder address' column"), so the team knows where
    to type it."""
    key = ".".join(map(str, path))
    column = next((c.heading for c in load_table().posts if c.path == tuple(path)), None)
    return (f"{key}; the {POSTS} sheet has no '{column}' column" if column
            else key or REFERENCE.lower())


def _missing(book: str, post: PostRow, problem: Problem,
             columns_only: bool = False) -> CellProblem | None:
    base = post.data.get("extends")
    said = missing_in_row(book, post.row.cells, post.row.number, post.reference, problem,
                          columns_only, base if isinstance(base, str) else None)
    return replace(said, rule=problem.rule, acknowledged=problem.acknowledged) if said else None


def _worded(post: PostRow, problem: Problem, sheet: str) -> str:
    return other.worded(problem.message, tuple(map(str, problem.path)), sheet, post.row,
                        open_to_accept=not problem.acknowledged and other.accepts(problem),
                        partners_at=other.partners_at(post.cells, post.data))


def at_cell(book: str, post: PostRow, problem: Problem, own: Path | None = None,
            lines: KeyLines | None = None) -> Problem:
    """``problem`` (found by key path in the post's answers) moved to the cell that wrote
    it; a key that came from a base file (or a profile) keeps that file's line.

    ``own``: the row's own answers as a file (a build's), whose lines mean nothing to the
    person with the workbook; ``lines``: where the row's base file and profiles wrote each
    key. With them, ``check`` and ``build`` name one place: a key missing altogether is at
    the row (never the base file's line 1), a key written in the base file at its line."""
    if isinstance(problem, CellProblem):
        return problem
    ref = nearest(post.cells, problem.path)
    missing = problem.code == MISSING
    if ref is None and lines is not None and tuple(problem.path) not in lines:
        if missing and (said := _missing(book, post, problem, columns_only=True)):
            return said  # the Posts column that would give it: its empty cell, or none
        ref = _posts_column(post, problem.path)  # given nowhere: where the row would give it
    if ref is None:
        whole = lines.get(()) if lines else None  # the base file as a whole, no key
        from_row = problem.file is None or problem.file == own or (
            whole is not None and (problem.file, problem.line) == whole)
        if missing and lines is not None and tuple(problem.path) not in lines and \
                on_a_sheet(problem.path) and (said := _missing(book, post, problem)):
            return said  # rows of a sheet (Objectives) the row has not: its sheet, not the base
        if not from_row and problem.file is not None and problem.line is not None:
            return problem  # a base file's or profile's own: its line says where
        written = _written_in_base(lines or {}, problem.path)
        if written is not None:
            return replace(problem, file=written[0], line=written[1])
        if missing and (said := _missing(book, post, problem)):
            return said  # in the workbook's terms: a column, a sheet, the row
        ref = (POSTS, post.row.ref(REFERENCE), _where_to_give(problem.path))
        return cell_problem(book, ref, _worded(post, problem, POSTS), post.reference,
                            problem.path,
                            keep_case=True, severity=problem.severity, rule=problem.rule,
                            acknowledged=problem.acknowledged)
    return cell_problem(book, ref, _worded(post, problem, ref[0]), post.reference, problem.path,
                        severity=problem.severity, rule=problem.rule,
                        acknowledged=problem.acknowledged, code=problem.code if problem.code
                        in _REWORDED else "")
