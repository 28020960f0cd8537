"""Good-practice checks for shared posts, drawn from the joint-appointment guides.

Each rule is one small function with an id, a severity, the key it concerns,
the guidance it comes from and the clauses a drafting note belongs on.
Warnings may be acknowledged in the answer file (``acknowledge:``), and are
then reported as acknowledged rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .derive import Facts
from .errors import KeyPath, Problem
from .loading import Located
from .model import AnswerFile

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


def run_rules(a: AnswerFile, facts: Facts, located: Located) -> list[Problem]:
    """Every finding of every rule, with acknowledgements applied."""
    acks = {ack.rule: ack.reason for ack in a.acknowledge}
    problems: list[Problem] = list(located.warnings)
    severity = {r.id: r.severity for r in RULES}
    for i, ack in enumerate(a.acknowledge):
        if ack.rule not in severity:
            problems.append(located.problem(("acknowledge", i, "rule"),
                                            f"there is no rule '{ack.rule}'; "
                                            "`docgen rules` lists them"))
        elif severity[ack.rule] == "error":
            problems.append(located.problem(("acknowledge", i, "rule"),
                                            f"{ack.rule} is an error, and errors cannot be "
                                            "acknowledged; fix what it reports and remove "
                                            "this acknowledgement"))
    for r in RULES:
        for path, message in r.check(a, facts):
            ack = acks.get(r.id) if r.severity == "warning" else None
            problems.append(located.problem(path, message, severity=r.severity, rule=r.id,
                                            acknowledged=ack))
    return problems


def rule_for(problem: Problem) -> Rule | None:
    return next((r for r in RULES if r.id == problem.rule), None)


# --- the rules ------------------------------------------------------------------------------
from . import rulebook  # noqa: E402,F401  (registers the rules)
