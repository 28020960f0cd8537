"""A row some of whose cells could not be read, still checked for its other errors.

A row with an error of its own (a date that is not a date, an unknown Other answers name)
is never built from, but its other answers are checked in the same run, so that one
pass of the workbook says every mistake: only the problems that cannot follow from the
unread cells are said, and a cell the model requires is given two stand-in values in
turn, so the rest of its section is checked too. Apart from :mod:`docgen.intake.rows`
(which reads each row and merges its base file) because it is this one question: what
may be said of a row while some of its answers are unknown.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from typing import Any

from docgen.answers.yamlfile import Located
from docgen.errors import MISSING, AnswerFileError, DocgenError, Problem
from docgen.intake import other
from docgen.intake.cells import place
from docgen.intake.reading import PostRow
from docgen.intake.table import load_table
from docgen.pipeline import check_located

#: answers others depend on: a row whose cell for one could not be read is not checked
#: further (each of its parties' checks, the employer's, the base file's would follow)
_LEADING = (("parties",), ("employer",), ("extends",), ("reference",))


def _overlaps(path: tuple[Any, ...], paths: list[tuple[Any, ...]]) -> bool:
    return any(path[:len(u)] == u or u[:len(path)] == path for u in paths)


def unread_answers(post: PostRow) -> list[tuple[Any, ...]] | None:
    """The answers a row with errors could not give (each error's key, and the key a
    misspelt Other answers name meant), so that its other answers are still checked and
    their errors said in the same run; None when the row cannot be checked at all (an
    error at no key, or at one that others lean on: the parties, the employer)."""
    unread: list[tuple[Any, ...]] = []
    for p in post.problems:
        if p.severity != "error":
            continue
        if not p.path or _overlaps(tuple(p.path), list(_LEADING)):
            return None
        unread += [tuple(p.path), tuple(other.meant_key(tuple(p.path)))]
    return unread


def follows_on(problem: Problem, unread: list[tuple[Any, ...]]) -> bool:
    """Whether a check's problem of a row with unread answers may only follow from them
    (at an unread key, inside or around it, or at no key), or is a warning, which the
    unread values may change: said once the cells are put right."""
    path = tuple(problem.path)
    return problem.severity != "error" or not path or _overlaps(path, unread)


_STAND_IN_KINDS = ("number", "int", "money", "percent", "date", "date_tbc", "text", "bool")


def _stand_ins(gaps: list[tuple[Any, ...]]) -> list[tuple[tuple[str, ...], Any, Any]]:
    """Two values for each Posts cell that could not be read and that the model requires:
    with neither, the checks of the rest of its section never run (Notice months said,
    End date not), so the row is checked with each in turn, and only the problems that are
    the same with both are said (one that follows from the stand-in differs, or is not
    found with the other)."""
    pairs: list[tuple[tuple[str, ...], Any, Any]] = []
    for col in load_table().posts:
        example = col.meta("example")
        if col.path not in gaps or col.kind not in _STAND_IN_KINDS or example is None:
            continue
        if col.kind == "bool":
            pairs.append((col.path, True, False))
        elif col.kind.startswith("date"):
            day = dt.date.fromisoformat(str(example))
            pairs.append((col.path, day, day + dt.timedelta(days=1)))
        elif isinstance(example, int | float):
            pairs.append((col.path, example, example + 1))
        else:
            pairs.append((col.path, str(example), f"{example} (2)"))
    return pairs


def problems_of(located: Located) -> list[Problem]:
    """What checking ``located`` finds, errors that stop it or not (the row checks of
    :func:`docgen.intake.rows.as_named` ask it too)."""
    try:
        return check_located(located).problems
    except AnswerFileError as exc:
        return exc.problems
    except DocgenError as exc:
        return [Problem(str(exc))]


def other_errors(located: Located, unread: list[tuple[Any, ...]]) -> list[Problem]:
    """A row's errors beside those of the cells it could not read (``unread``), none that
    only follow from them: checked as it is, and with stand-ins for the unread cells the
    model requires (see :func:`_stand_ins`)."""
    found = problems_of(located)
    said = [p for p in found if not follows_on(p, unread)]
    gaps = [tuple(p.path) for p in found if p.code == MISSING and tuple(p.path) in unread]
    stand = _stand_ins(gaps)
    if not stand:
        return said
    runs = []
    for i in (1, 2):
        data = copy.deepcopy(located.data)
        for pair in stand:
            place(data, pair[0], pair[i])
        runs.append({(tuple(p.path), p.message): p for p in problems_of(replace(located, data=data))
                     if not follows_on(p, unread)})
    seen = {(tuple(p.path), p.message) for p in said}
    return said + [p for key, p in runs[0].items() if key in runs[1] and key not in seen]
