"""An organisation's own wording of a clause written for an earlier version of docgen's
standard clause (the check's OVERLAY warning), in the interview's words.

docgen's message names the wording's file, the clause id and the YAML key to change: words
for whoever keeps the clause folder, never for an HR officer, who can neither edit that
file nor accept the warning. Here it is said by whose wording it is (the employer's
organisation profile, by the partner's short name, or the post's own), the clause by its
title and those of this post's documents it is in (a post without them is told nothing
needs doing for it); the words are ``own_wording`` and ``before_final.overlay`` of
problem_words.yaml (:func:`~docgen.web.nouns.phrase`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docgen.api.interview import clause_title, join_words
from docgen.errors import FOLDER_CODES, PROFILE_CLAUSE_FOLDER, Problem
from docgen.final_open import NOT_USED, documents_of
from docgen.web.before_final import UNTIL_KNOWN, UNTIL_RIGHT, made
from docgen.web.named import sentence
from docgen.web.nouns import phrase
from docgen.web.views import short_names

#: the words added to the warning of an overlay counted as used while docgen checks with
#: stand-ins: until every answer is given, or (an answer refused) until each is put right
UNTIL = {UNTIL_KNOWN: "own_wording.until_known", UNTIL_RIGHT: "own_wording.until_right"}
#: the answer listing the post's own clause folders
CLAUSES = "clauses"


def own_wording_error(problem: Problem) -> bool:
    """An error in the own wording of clauses, which no answer of the interview puts right:
    a clause folder's (its code), or any at the post's list of clause folders (an entry
    outside the project, an absolute path or a link that loops: the answers' checks give
    these no code). Said by whose wording it is, linked to no question and never offered
    for removal: removing the list would drop every folder in it, the good ones too."""
    return problem.code in FOLDER_CODES or (
        problem.severity == "error" and bool(problem.path) and problem.path[0] == CLAUSES)


def _whose(problem: Problem, answers: Any) -> tuple[str, str]:
    """Whose wording it is and who looks after it: the employer's (its profile's clause
    folder: the warning is at ``employer``, the error has its code), else the post's own.
    An employer among no partner listed is "the employer", never its id."""
    employer = answers.get("employer") if isinstance(answers, Mapping) else None
    profiles = tuple(problem.path) == ("employer",) or problem.code == PROFILE_CLAUSE_FOLDER
    if profiles and isinstance(employer, str):
        partner = short_names(answers).get(employer) or phrase("own_wording.the_employer")
        return (phrase("own_wording.partner", partner=partner),
                phrase("own_wording.partner_keeper", partner=partner))
    return phrase("own_wording.post"), phrase("own_wording.post_keeper")


def _clause(problem: Problem) -> str:
    """The clause by its title ("the ‘Freedom of information’ clause"), never its id."""
    title = next((t for t in map(clause_title, problem.clauses) if t), None)
    return phrase("own_wording.clause", title=title) if title else \
        phrase("own_wording.a_clause")


def own_wording_said(problem: Problem, answers: Any, titles: Mapping[str, str]) -> str:
    """The warning as the interview says it (``titles``: each document's title for this
    post inside a sentence, as its pages name it). It names only this post's documents the
    clause is in (every document, where the warning names none): a post without any, or
    whose documents all leave the clause out by its condition (:data:`NOT_USED`), is told
    nothing needs doing for it, not that a document it does not have cannot be final; one
    left out only on a value not known yet (:data:`UNTIL_KNOWN`) is said as "Final" counts
    it, used, counted until every answer is given (:data:`UNTIL_RIGHT`: and each answer
    docgen refuses is put right)."""
    whose, keeper = _whose(problem, answers)
    kinds = made(dict(answers)) if isinstance(answers, Mapping) else tuple(titles)
    ours = [] if problem.code == NOT_USED else \
        [kind for kind in documents_of(problem) if kind in kinds]
    if not ours:
        said = phrase("own_wording.not_in_documents", whose=whose, clause=_clause(problem))
    else:
        documents = join_words([phrase("own_wording.document", document=titles.get(k, k))
                                for k in ours])
        said = phrase("own_wording.warning", whose=whose, clause=_clause(problem),
                      documents=documents, keeper=keeper)
        if problem.code in UNTIL:  # counted at "Final" until every value is given (right)
            said += phrase(UNTIL[problem.code])
    return sentence(said)


def own_wording_todo(problem: Problem, answers: Any) -> str:
    """About's "Before the post can be final" item for the warning: who to ask to review
    which wording (it cannot be accepted, and no question of the interview changes it)."""
    whose, keeper = _whose(problem, answers)
    return phrase("before_final.overlay", keeper=keeper, whose=whose, clause=_clause(problem))


def folder_said(problem: Problem, answers: Any) -> str:
    """A clause folder that cannot be used, by whose wording it is and who can put it right:
    docgen's message names a file, clause ids and YAML, and no answer of the interview
    changes them (so it links to no question)."""
    whose, keeper = _whose(problem, answers)
    said = phrase("own_wording.unusable", whose=whose, keeper=keeper)
    return sentence(said)
