"""A partner typed in on its own page (an organisation with no profile in the folder) whose
details are not all given yet. Where docgen says there is no profile for it ("Enter the
partner's legal name, address, ... (there is no profile ...)"), though the officer gave the
legal name and is filling in the rest on this page, the page says instead which of its
questions are still to answer, each at its own question; the list of partners says once
for each such partner that its details are still to give (:func:`detail_missing`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from docgen.errors import MISSING, Problem
from docgen.web.fields import STEP_BY_SLUG, is_optional
from docgen.web.forms import get

GROUP = STEP_BY_SLUG["partners"].questions[0]
#: the code of "no organisation profile for this id" (docgen/answers/profiles.py)
NO_PROFILE = "profile_missing"


def _typed_in(parties: list[Any], at: object) -> int | None:
    """``at`` when partner ``at`` is written out on its page (a mapping with a legal name),
    not given by the id of a profile; else None."""
    if isinstance(at, int) and 0 <= at < len(parties) and isinstance(parties[at], dict) \
            and parties[at].get("name"):
        return at
    return None


def still_to_answer(problems: list[Problem], parties: list[Any]) -> list[Problem]:
    """``problems`` with "no profile" for a partner typed in on its page replaced by a
    "missing" problem at each of its questions that needs an answer and has none."""
    out: list[Problem] = []
    for p in problems:
        at = _typed_in(parties, p.path[1]) if len(p.path) == 2 and p.path[0] == "parties" \
            else None
        if p.code != NO_PROFILE or at is None:
            out.append(p)
            continue
        for q in GROUP.fields:
            if not is_optional(q, ("parties", 0)) and get(parties[at], q.path) in (None, ""):
                out.append(dataclasses.replace(p, path=("parties", at, *q.path),
                                               code=MISSING, message="missing"))
    return out


def detail_missing(problem: Problem, parties: list[Any]) -> bool:
    """Whether ``problem`` is a missing answer of a partner typed in on its page whose key
    (its address, or a block such as its signatory) is not given at all, as before its page
    is answered: the list of partners says that once for the partner, as it said docgen's
    "no profile" before. A box left blank in a block given (the signatory's name beside
    its title) is said at its box."""
    path = problem.path
    if problem.code != MISSING or len(path) < 3 or path[0] != "parties":
        return False
    at = _typed_in(parties, path[1])
    return at is not None and parties[at].get(path[2]) in (None, "")


__all__ = ["detail_missing", "still_to_answer"]
