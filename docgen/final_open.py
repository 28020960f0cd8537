"""What a ``status: final`` post may not keep open, one test for the command line
(``docgen.pipeline``'s count) and the interview (``docgen.web.checking``, which may not
import the pipeline): the codes of an answer still to give, and which warnings count."""

from __future__ import annotations

from collections.abc import Iterable

from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.errors import (
    NOT_KNOWN_FINAL,
    PLACEHOLDER_FINAL,
    PROFILE_UNREAD,
    KeyPath,
    Problem,
)

#: the code of each answer a final post still needs to fill a gap the documents show (a
#: recruit's name and address, a named post-holder's post to return to): one error each,
#: at its question, beside FINAL's count, so a reader lists them without parsing the count
GAP_FINAL = "gap_final"
#: the code of the count itself ("the documents are marked final but 2 unacknowledged
#: warnings ... are still open"), an error at the status question
FINAL_OPEN = "final_open"
#: the codes of an answer a final post still needs, each an error at its question: a gap
#: the documents show (the pipeline's), a value not known yet and a value still holding a
#: marker (docgen.errors: answers/validation.py makes them)
STILL_TO_GIVE = (GAP_FINAL, NOT_KNOWN_FINAL, PLACEHOLDER_FINAL)
#: the codes of the errors a ``status: final`` alone raises: the count and each answer
FINAL_ONLY = (*STILL_TO_GIVE, FINAL_OPEN)
#: the code of a warning about wording none of the post's documents takes (a clause
#: overlay whose condition, ``when``, is false for the post in each document its clause is
#: in): said, for whoever keeps that wording, but never counted at final (its ``documents``
#: stay those the clause is in, which would otherwise count it)
NOT_USED = "not_used"


def documents_of(problem: Problem) -> tuple[str, ...]:
    """The documents a warning concerns (a rule's own list; else every kind)."""
    return problem.documents or DOCUMENT_KINDS


def open_at_final(problems: Iterable[Problem], made: Iterable[str],
                  given: Iterable[KeyPath] = ()) -> list[Problem]:
    """The warnings among ``problems`` a final post may not keep, each counted once: a
    rule's, not accepted, about a document the post makes (``made``). Not a value not
    known yet's (rule TBC: an answer to give), not the final status's own (GP029, at the
    status, naming the gaps, each counted as an answer), not one about wording the post's
    documents do not take (:data:`NOT_USED`), nor one at the question of an answer still to
    give (``given``: counted as that answer), nor the word that an employer's profile is
    not read (:data:`~docgen.errors.PROFILE_UNREAD`: the post builds as it did before)."""
    kinds, at = set(made), set(given)
    return [p for p in problems if p.severity == "warning" and not p.acknowledged
            and p.rule and p.rule != "TBC" and p.path != ("status",) and p.path not in at
            and p.code not in (NOT_USED, PROFILE_UNREAD) and kinds & set(documents_of(p))]
