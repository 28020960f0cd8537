"""The Organisations sheet: each organisation's standing facts once, by id, and the
parties of a post that names them. Pure: no files, no openpyxl.

An id is read as the Posts sheet reads the ids that name it (``North`` is north), so a
capital typed on one sheet and not the other never breaks every post that names it.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from docgen.errors import KeyPath, Problem
from docgen.intake.book import Book, CellProblem, CellRef, Row, cell_problem, sheet_ref
from docgen.intake.cells import CellError, from_cell, organisation_id, place
from docgen.intake.notes import as_shown, hidden_row, one_line
from docgen.intake.table import load_table
from docgen.intake.typed import folded


@dataclass
class Organisations:
    """The Organisations sheet as read: each id → (its party mapping, the row it came
    from), and the Id cells that could not be read (a post naming one is told where)."""

    by_id: dict[str, tuple[dict[str, Any], Row]] = field(default_factory=dict)
    unread: list[tuple[str, str]] = field(default_factory=list)  # (cell, as typed)
    #: the workbook has an Organisations sheet (even an empty one)
    has_sheet: bool = True
    #: ids the posts named that neither the sheet nor a profile gives → the first cell
    wanted: dict[str, str] = field(default_factory=dict)
    #: the organisation profiles beside the workbook: id → its names (legal, short)
    profiles: dict[str, tuple[str, ...]] = field(default_factory=dict)

#: the column of the Organisations sheet that gives the id
ID = ("id",)


def _party_of_row(book: Book, row: Row, problems: list[Problem], orgs: Organisations
                  ) -> dict[str, Any]:
    """One row's party mapping; a cell that cannot be read is reported at that cell."""
    sheet = load_table().organisations
    party: dict[str, Any] = {}
    for col in sheet.columns:
        raw, warn = as_shown(book.name, row, col.heading, row.value(col.heading),
                             col.kind == "percent")
        if raw is None or col.path == ID and not str(raw).strip():
            continue
        problems += [warn] if warn else []
        raw, warn = one_line(book.name, row, col, raw)
        problems += [warn] if warn else []
        try:
            value = organisation_id(raw) if col.path == ID else from_cell(col, raw)
            place(party, col.path, value)
        except CellError as exc:
            if col.path == ID:
                orgs.unread.append((row.ref(col.heading), str(raw).strip()))
            problems.append(cell_problem(book.name, (row.sheet, row.ref(col.heading),
                                                     col.heading), str(exc)))
    return party


def read_organisations(book: Book, problems: list[Problem],
                       profiles: dict[str, tuple[str, ...]] | None = None) -> Organisations:
    """Every organisation of the sheet by id (read as Posts reads ids: ``North`` is
    north); a row's problems (no id, an id given twice, a hidden row) go to ``problems``.
    ``profiles``: the organisation profiles beside the workbook, id → its names."""
    name = load_table().organisations.name
    orgs = Organisations(has_sheet=name in book.headings, profiles=dict(profiles or {}))
    found = orgs.by_id
    for row in book.rows(name):
        party = _party_of_row(book, row, problems, orgs)
        pid = party.get("id")
        id_cell = (row.sheet, row.ref("Id"), "Id")
        if not pid and party and not str(row.value("Id") or "").strip():
            problems.append(cell_problem(book.name, id_cell,
                                         "the organisation has details but no id; give it a "
                                         "short id in lower case (e.g. eastwick) and name it "
                                         "by that id in Partners"))
        if pid in found:
            problems.append(cell_problem(book.name, id_cell,
                                         f"organisation '{pid}' is given twice (first in row "
                                         f"{found[pid][1].number}); keep one row per id"))
        elif pid:
            found[pid] = (party, row)
        if row.hidden:
            problems.append(hidden_row(book.name, row, "the organisation"))
    return orgs


def parties_of(ids: list[str], ref: CellRef, orgs: Organisations
               ) -> tuple[list[Any], dict[KeyPath, CellRef]]:
    """A post's parties for the ids its Partners cell (``ref``) names, and the cell behind
    each key path (a party's details are at its Organisations row); raises
    :class:`CellError` for an id the workbook and the profiles do not give."""
    sheet = load_table().organisations
    profiles = orgs.profiles
    parties: list[Any] = []
    cells: dict[KeyPath, CellRef] = {}
    found = orgs.by_id
    for i, pid in enumerate(ids):
        if (given := _sheet_party(pid, i, orgs)) is not None:
            parties.append(given[0])
            cells[("parties", i)] = ref
            cells.update(given[1])
        elif pid in profiles:
            parties.append(pid)  # an organisation profile gives the rest
            cells[("parties", i)] = ref
        elif pid in found:
            raise CellError(f"organisation '{pid}' has only an id on the {sheet.name} sheet; "
                            f"fill in its details there (or give it a profile, organisations/"
                            f"{pid}.yaml)")
        else:
            known = (f"; the organisation profiles beside the workbook are: "
                     f"{', '.join(sorted(profiles))}" if profiles else "")
            if not orgs.has_sheet:  # the cause is the sheet: said once, for the workbook
                lacking = [p for p in ids if p not in profiles]
                for one in lacking:
                    orgs.wanted.setdefault(one, sheet_ref("", ref[0], ref[1]).lstrip("!"))
                raise CellError(f"there is no organisation {' or '.join(map(repr, lacking))}: "
                                f"the workbook has no {sheet.name} sheet{known}")
            if orgs.unread:  # the row may be there, under an id that could not be read
                unread = ", ".join(f"'{text}' ({sheet.name}!{cell})"
                                   for cell, text in orgs.unread[:3])
                raise CellError(f"there is no organisation '{pid}'; the {sheet.name} sheet "
                                f"has an id that cannot be read, {unread}: if that row is "
                                f"{pid}, write its id as {pid}; otherwise add a row for it "
                                f"(or check the spelling){known}")
            raise CellError(f"there is no organisation '{pid}'; add a row for it to the "
                            f"{sheet.name} sheet (or check the spelling){known}")
    return parties, cells


def from_the_sheet(parties: list[Any], orgs: Organisations
                   ) -> tuple[list[Any], dict[KeyPath, CellRef]] | None:
    """A Base file's parties given by id (``[ashby, brookfield]``) completed from the
    Organisations sheet, as the ids of a Partners cell are: each id the sheet gives in
    full is its row's mapping (the cell behind each key, as :func:`parties_of` gives
    them), any other is left for its organisation profile; None when the sheet gives none."""
    out: list[Any] = []
    cells: dict[KeyPath, CellRef] = {}
    for i, entry in enumerate(parties):
        pid = entry if isinstance(entry, str) else (
            entry.get("id") if isinstance(entry, dict) and set(entry) == {"id"} else None)
        given = _sheet_party(pid, i, orgs) if isinstance(pid, str) else None
        if given is None:
            out.append(entry)
            continue
        out.append(copy.deepcopy(given[0]))
        cells.update(given[1])
    return (out, cells) if cells else None


def _sheet_party(pid: str, i: int, orgs: Organisations
                 ) -> tuple[Any, dict[KeyPath, CellRef]] | None:
    """The party the Organisations sheet gives in full for ``pid`` (more than its id), as
    ``parties[i]``, and the cell behind each of its keys; None when the sheet does not."""
    found = orgs.by_id.get(pid)
    if found is None or len(found[0]) <= 1:
        return None
    party, row = found
    return party, {("parties", i, *col.path): (row.sheet, row.ref(col.heading), col.heading)
                   for col in load_table().organisations.columns}


def missing_sheet(book: Book, orgs: Organisations) -> Problem | None:
    """One error for the workbook when its posts name organisations and it has no
    Organisations sheet (renamed, or deleted): every such post fails, and without this
    each would say only that its organisation is missing, never why."""
    if orgs.has_sheet or not orgs.wanted:
        return None
    name = load_table().organisations.name
    ids = list(orgs.wanted)
    named = ", ".join(f"{pid} ({cell})" for pid, cell in list(orgs.wanted.items())[:3])
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    found = ", ".join(f"'{t}'" for t in book.titles) or "none"
    return CellProblem(
        message=f"there is no sheet named '{name}', but the posts name organisations by id "
                f"that it would list: {named}{more}. The sheets are {found}: rename the sheet "
                f"that lists the organisations to '{name}' (one row per id: Id, Legal name, "
                f"Short name, ...; docgen intake new posts.xlsx writes one), or give each a "
                "profile (organisations/<id>.yaml beside the workbook)", cell=book.name)


#: docgen's message for a name given where an id goes (compiled as the module loads)
_NOT_AN_ID = re.compile(r"'(.*)' is not an organisation id")


def id_meant(message: str, orgs: Organisations) -> str:
    """What to add to "'Harbridge City Council' is not an organisation id": the id of the
    organisation the Organisations sheet or a profile beside the workbook gives that name
    (legal or short name), or whose id or name it is closest to; empty when none is."""
    typed = _NOT_AN_ID.match(message)
    if typed is None:
        return ""
    text = folded(typed.group(1))
    sheet = load_table().organisations.name
    given: dict[str, tuple[str, str, tuple[Any, ...]]] = {
        pid: (str(party.get("name") or ""), f"on the {sheet} sheet",
              (pid, party.get("name"), party.get("short_name")))
        for pid, (party, _) in orgs.by_id.items()}
    for pid, own in orgs.profiles.items():  # the sheet's row, unless it gives no name
        if pid not in given or not given[pid][0]:
            given[pid] = (own[0] if own else "", "in its organisation profile", (pid, *own))
    names = {folded(str(value)): pid for pid, (_, _, values) in given.items()
             for value in values if value}
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.75)
    meant = names.get(text) or (names[close[0]] if close else None)
    if meant is None:
        return ""
    name, where, _ = given[meant]
    return f"; did you mean {meant}? It is the id of {name or meant} {where}: type the id"
