"""Drafting notes for draft documents: which warning or placeholder goes on which clause.

In a draft, every open good-practice warning and every placeholder becomes a
Word comment anchored at the clause it concerns, and all of them are listed
on a "Drafting notes" page at the front. A final build carries none.
"""

from __future__ import annotations

from docgen.checks.engine import rule_for
from docgen.clauses.render import RenderedDocument
from docgen.errors import Problem
from docgen.facts.derive import Facts


def annotate(doc: RenderedDocument, problems: list[Problem], facts: Facts) -> list[str]:
    """Attach comments to the clauses of ``doc`` and return the front-page list of notes."""
    notes: list[str] = []
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
        text = f"{problem.rule} ({problem.key}): {problem.message}"
        target = next((cid for cid in (rule.clauses if rule else ()) if cid in headings), None)
        if target is not None:
            headings[target].comments.append(text)
            notes.append(f"Clause {doc.refs[target]} — {text}")
        else:
            notes.append(text)
    return notes
