"""Good-practice checks for shared posts, drawn from the joint-appointment guides.

Each rule is one small function with an id, a severity, the key it concerns,
the guidance it comes from and the clauses a drafting note belongs on.
Warnings may be acknowledged in the answer file (``acknowledge:``), and are
then reported as acknowledged rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.answers.model import AnswerFile
from docgen.errors import KeyPath
from docgen.facts.derive import Facts

Finding = tuple[KeyPath, str]
#: a rule's body: the answer file and its facts in, findings out
Check = Callable[[AnswerFile, Facts], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" or "warning"
    key: str
    source: str
    summary: str
    clauses: tuple[str, ...]
    check: Check
    #: the documents whose drafting notes show this rule's findings
    documents: tuple[str, ...] = DOCUMENT_KINDS


#: every rule, in the order its module registered it (``catalogue.RULES`` gives the order
#: they run in)
REGISTERED: list[Rule] = []


def rule(id: str, severity: str, key: str, source: str, summary: str,
         clauses: tuple[str, ...] = (),
         documents: tuple[str, ...] | None = None) -> Callable[[Check], Check]:
    """Register a rule. Its note shows in ``documents``; by default, the documents its
    ``clauses`` belong to (a VAT point is for the agreement, not the employee's contract),
    or every document when it names no clause."""
    if documents is None:
        named = {c.split(".", 1)[0] for c in clauses}
        documents = tuple(k for k in DOCUMENT_KINDS if k in named) or DOCUMENT_KINDS

    def register(fn: Check) -> Check:
        REGISTERED.append(Rule(id, severity, key, source, summary, clauses, fn, documents))
        return fn
    return register
