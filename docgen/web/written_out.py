"""A partner typed in on its own page (an organisation with no profile in the folder) whose
details are not all given yet: docgen says each of its answers not given at its question
(since a part-written party with no profile is no longer read as one to complete from a
profile, docs/profiles.md). The list of partners says that once for each such partner, as
"Enter the details still missing for ..." (:func:`detail_missing`), where its page has not
been answered.
"""

from __future__ import annotations

from typing import Any

from docgen.errors import MISSING, Problem


def _typed_in(parties: list[Any], at: object) -> int | None:
    """``at`` when partner ``at`` is written out on its page (a mapping with a legal name),
    not given by the id of a profile; else None."""
    if isinstance(at, int) and 0 <= at < len(parties) and isinstance(parties[at], dict) \
            and parties[at].get("name"):
        return at
    return None


def detail_missing(problem: Problem, parties: list[Any]) -> bool:
    """Whether ``problem`` is a missing answer of a partner typed in on its page whose key
    (its address, or a block such as its signatory) is not given at all, as before its page
    is answered: the list of partners says that once for the partner. A box left blank in a
    block given (the signatory's name beside its title) is said at its box."""
    path = problem.path
    if problem.code != MISSING or len(path) < 3 or path[0] != "parties":
        return False
    at = _typed_in(parties, path[1])
    return at is not None and parties[at].get(path[2]) in (None, "")


__all__ = ["detail_missing"]
