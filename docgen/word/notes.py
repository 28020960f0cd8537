"""Drafting notes for draft documents: which warning or placeholder goes on which clause.

In a draft, every open good-practice warning and every placeholder becomes a
Word comment anchored at the clause it concerns, and all of them are listed
on a "Drafting notes" page at the front. A final build carries none. A note
reads as a lawyer would write it: the point in legal terms and the clause it
concerns, never a rule id, a key path or an instruction about the answer file
(``note_wording``). A rule's note appears only in the documents it concerns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import docgen.word
from docgen.clauses.render import RenderedDocument
from docgen.errors import OVERLAY_RULE, SAID_IN_CLAUSE, Problem
from docgen.facts.derive import Facts
from docgen.ooxml.wordml import NoteText

if TYPE_CHECKING:  # the wording loads with the first note (docgen.word.__getattr__)
    import docgen.word.note_wording

__all__ = ["annotate"]



def _said_by_own_clauses(doc: RenderedDocument, problem: Problem) -> bool:
    """Whether the clauses ``problem`` concerns are docgen's own in ``doc``: the rule saw
    their note would be written (``SAID_IN_CLAUSE``), but a clause folder's replacement may
    leave it out, so then the rule's note is written after all (two notes, never none)."""
    concerned = [rc.clause for rc in doc.clauses if rc.clause.id in problem.clauses]
    return bool(concerned) and not any(clause.overlay for clause in concerned)


def annotate(doc: RenderedDocument, problems: list[Problem], facts: Facts) -> list[NoteText]:
    """Attach comments to the clauses of ``doc`` and return the front-page list of notes.

    A rule that finds the same point in several places of the answer file (GP046 for each
    Welsh council whose role is written "Head of Paid Service") words each finding alike, as
    the note is in legal terms and names no key: the same point on the same clause is then
    written once, as a lawyer would, not once for each finding."""
    notes: list[NoteText] = []
    said: set[tuple[str | None, str]] = set()
    headings = {rc.clause.id: rc.paras[0] for rc in doc.clauses}
    for rc in doc.clauses:
        marked = next((p for p in rc.paras if "<ph>" in p.markup), None)
        if marked is not None:
            text = (f"Placeholder in clause {rc.number}: "
                    f"{'; '.join(facts.placeholders) or 'highlighted text'} must be filled in "
                    "before this document is final.")
            marked.comments.append(text)
            notes.append(text)
    for problem in problems:
        if problem.severity != "warning" or problem.acknowledged or not problem.rule:
            continue  # a remark about the answer file itself (a stale acknowledgement)
        if problem.rule == OVERLAY_RULE:
            continue  # about a clause folder's file, for its keeper: the check says it
        if problem.code == SAID_IN_CLAUSE and _said_by_own_clauses(doc, problem):
            continue  # docgen's own clause says it in its own note
        if problem.documents and doc.kind not in problem.documents:
            continue  # the rule that found it says which documents it concerns
        if problem.rule == "TBC" and doc.kind == "job_spec" and problem.path[:1] == (
                "postholder",):
            continue  # the job specification names the post, not the person
        wording = docgen.word.note_wording
        point = (wording.not_known_point(problem.path) if problem.rule == "TBC"
                 else wording.plain_point(problem.message))
        target = next((cid for cid in problem.clauses if cid in headings), None)
        if (target, point) in said:
            continue  # the same point on the same clause, found again for another key
        said.add((target, point))
        if target is not None:
            headings[target].comments.append(point)
            notes.append(f"Clause {doc.refs[target]}: {point}")
        else:
            notes.append(point)
    return notes
