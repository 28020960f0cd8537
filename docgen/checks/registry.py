"""Good-practice checks for shared posts, drawn from the joint-appointment guides.

Each rule is one small function with an id, a severity, the key it concerns,
the guidance it comes from and the clauses a drafting note belongs on.
Warnings may be acknowledged in the answer file (``acknowledge:``), and are
then reported as acknowledged rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from docgen.answers.model import AnswerFile
from docgen.errors import KeyPath
from docgen.facts.derive import Facts

Finding = tuple[KeyPath, str]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" or "warning"
    key: str
    source: str
    summary: str
    clauses: tuple[str, ...]
    check: Callable[[AnswerFile, Facts], Iterable[Finding]]


RULES: list[Rule] = []


def rule(id: str, severity: str, key: str, source: str, summary: str,
         clauses: tuple[str, ...] = ()) -> Callable:
    def register(fn: Callable[[AnswerFile, Facts], Iterable[Finding]]) -> Callable:
        RULES.append(Rule(id, severity, key, source, summary, clauses, fn))
        return fn
    return register
