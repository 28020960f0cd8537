"""Drafting notes for draft documents: which warning or placeholder goes on which clause.

In a draft, every open good-practice warning and every placeholder becomes a
Word comment anchored at the clause it concerns, and all of them are listed
on a "Drafting notes" page at the front. A final build carries none. A note
reads as a lawyer would write it: the point first, in plain words; the rule id
and answer-file key follow in small print for whoever keeps the answer file.
A rule's note appears only in the documents the rule concerns.
"""

from __future__ import annotations

import re

from docgen.checks.engine import rule_for
from docgen.clauses.render import RenderedDocument
from docgen.errors import Problem
from docgen.facts.derive import Facts
from docgen.ooxml.wordml import Note, NoteText

# "…, or acknowledge GP007 with the reason" / "and acknowledge GP014 with their view":
# instructions about the answer file, which the small print gives instead
ACK_PHRASE = re.compile(r"[,;]?\s*(?:and |or )?acknowledge (?:GP\d+|this rule)\b[^.;]*",
                        re.IGNORECASE)


def plain_point(message: str) -> str:
    """A rule's message as a sentence for a reader of the document."""
    text = ACK_PHRASE.sub("", message).strip().rstrip(";,")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def small_print(problem: Problem) -> str:
    return (f"{problem.rule} · {problem.key} · to accept this point, list {problem.rule} "
            "under acknowledge: in the answer file with the reason")


def annotate(doc: RenderedDocument, problems: list[Problem], facts: Facts) -> list[NoteText]:
    """Attach comments to the clauses of ``doc`` and return the front-page list of notes."""
    notes: list[NoteText] = []
    headings = {rc.clause.id: rc.paras[0] for rc in doc.clauses}
    for rc in doc.clauses:
        marked = next((p for p in rc.paras if "<ph>" in p.markup), None)
        if marked is not None:
            text = (f"Placeholder in clause {rc.number}: "
                    f"{'; '.join(facts.placeholders) or 'highlighted text'} must be filled in "
                    "before this document is final.")
            marked.comments.append(text)
            notes.append(text)
    if facts.placeholders and not notes:  # no clause of this document shows one
        notes += [f"Placeholder: {p} must be filled in before the documents are final."
                  for p in facts.placeholders]
    for problem in problems:
        if problem.severity != "warning" or problem.acknowledged:
            continue
        rule = rule_for(problem)
        if rule is not None and doc.kind not in rule.documents:
            continue
        point, small = plain_point(problem.message), small_print(problem)
        target = next((cid for cid in (rule.clauses if rule else ()) if cid in headings), None)
        if target is not None:
            headings[target].comments.append(Note(point, small))
            notes.append(Note(f"Clause {doc.refs[target]}: {point}", small))
        else:
            notes.append(Note(point, small))
    return notes
