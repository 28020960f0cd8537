"""What a row takes where it leaves an answer out, when its Base file or its employer's
organisation profile gives that answer.

A cell written ``tbc`` where docgen takes none is told to fill it in or, for an answer
that may be left out, to leave the cell blank (:data:`~docgen.intake.cells.LEAVE_BLANK`;
on Other answers, to delete the row: :data:`~docgen.intake.other.DELETE_ROW`), and what
blank means in the answer file's words: "for an open-ended arrangement". A row that
extends a Base file giving that answer, or whose employer's profile gives it, takes that
value when the cell is blank, not what an answer file without them would; so the advice
names the value and the file it comes from. A cell docgen needs is offered the same way
out (it was told only to fill it in).
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from docgen.answers.forms import value_taken
from docgen.answers.notknown import is_not_known
from docgen.errors import (
    NOT_KNOWN_NEEDED,
    NOT_KNOWN_OPTIONAL,
    AnswerFileError,
    DocgenError,
    KeyPath,
    Problem,
)
from docgen.intake.book import CellProblem, sheet_ref
from docgen.intake.cells import LEAVE_BLANK
from docgen.intake.completed import Reading, complete
from docgen.intake.other import DELETE_ROW
from docgen.intake.reading import PostRow
from docgen.intake.table import POSTS, load_table

#: a key the completed row does not give
_ABSENT = object()


def _without(data: dict[Any, Any], path: KeyPath) -> dict[Any, Any]:
    """``data`` without ``path``, and without the mappings that leaves empty (a row whose
    only ``payment.vat`` answer is left out gives no ``payment.vat`` at all, so the
    profile's whole ``vat`` applies, as it would to the row with that row deleted)."""
    if not path or not isinstance(data.get(path[0]), dict) and len(path) > 1:
        return data
    out = dict(data)
    if len(path) == 1:
        out.pop(path[0], None)
    else:
        inner = _without(out[path[0]], path[1:])
        if inner:
            out[path[0]] = inner
        else:
            out.pop(path[0])
    return out


def _at(data: Any, path: KeyPath) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return _ABSENT
        data = data[key]
    return data


def _named(file: Path, folder: Path) -> str:
    """A base file or profile as the workbook's folder names it (both are kept inside it)."""
    with contextlib.suppress(ValueError, OSError):
        return file.resolve().relative_to(folder.resolve()).as_posix()
    return file.as_posix()


def taken_instead(intake: Reading, post: PostRow, path: KeyPath) -> str | None:
    """What the row takes at ``path`` with its own cell for it blank, and from where
    ("2029-03-31 from its Base file, _partners.yaml (line 12)"); None when neither its Base
    file nor a profile gives it (blank means what the answer file's words say)."""
    stand_in = replace(post, data=_without(post.data, path), cells=dict(post.cells),
                       problems=[])
    try:
        located = complete(intake, stand_in)
    except (AnswerFileError, DocgenError, OSError):
        return None  # the row's own error, said as it is
    value, where = _at(located.data, path), located.lines.get(tuple(path))
    if value is _ABSENT or where is None or is_not_known(value):
        return None
    file, line = where
    profile = next((pid for pid, (used, _) in located.profiles.items()
                    if used.resolve() == file.resolve()), None)
    whose = "its Base file" if profile is None else f"{profile}'s profile"
    shown = value_taken(value)  # as the answer file's check names it
    return f"{shown} from {whose}, {_named(file, intake.path.parent)} (line {line})"


def _on_posts(intake: Reading, post: PostRow, problem: CellProblem) -> bool | None:
    """Whether ``problem`` is at the Posts cell (True) or the Other answers row (False)
    that wrote exactly its key; None when it is neither (a key inside a value the row
    wrote, or a base file's)."""
    path, book = tuple(problem.path), intake.book.name
    ref = post.cells.get(path)
    if ref is not None and problem.cell == sheet_ref(book, ref[0], ref[1]):
        return ref[0] == POSTS
    column = next((c for c in load_table().posts if c.path == path), None)
    if column is not None and problem.cell == sheet_ref(book, POSTS,
                                                        post.row.ref(column.heading)):
        return True  # a Posts cell that could not be read records no key
    return None


def blank_named(intake: Reading, post: PostRow, problems: list[Problem]) -> list[Problem]:
    """``problems`` (the row's, at its cells) with each ``tbc`` where docgen takes none told
    what leaving its cell blank (or deleting its Other answers row) would really give,
    when the row's Base file or its employer's profile gives that answer."""
    said = []
    for p in problems:
        sheet = _on_posts(intake, post, p) if isinstance(p, CellProblem) and p.code in (
            NOT_KNOWN_OPTIONAL, NOT_KNOWN_NEEDED) else None
        way = LEAVE_BLANK if sheet else DELETE_ROW
        instead = None if sheet is None else taken_instead(intake, post, tuple(p.path))
        if instead is None:
            said.append(p)
        elif p.code == NOT_KNOWN_OPTIONAL and f", {way}" in p.message:
            said.append(replace(p, message=f"{p.message[:p.message.rindex(f', {way}')]}, "
                                           f"{way} to take {instead}"))
        else:  # docgen needs it: the Base file or profile gives it
            said.append(replace(p, message=f"{p.message}, {way} to take {instead}"))
    return said
