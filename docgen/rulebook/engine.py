"""Run the good-practice rules over one post and apply the answer file's acknowledgements."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.answers.yamlfile import Located
from docgen.errors import ACCEPTANCE_NOT_APPLYING, ACCEPTANCE_OF_ERROR, Problem
from docgen.facts.derive import Facts
from docgen.rulebook.catalogue import RULES
from docgen.rulebook.registry import Rule, Told


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
                                            "this acknowledgement", code=ACCEPTANCE_OF_ERROR))
    fired: set[str] = set()
    for r in RULES:
        for path, found in r.check(a, facts):
            fired.add(r.id)
            reason = acks.get(r.id) if r.severity == "warning" else None
            said = found if isinstance(found, Told) else Told(found)
            problems.append(located.problem(path, said.message, severity=r.severity,
                                            rule=r.id, acknowledged=reason,
                                            documents=r.documents, clauses=r.clauses,
                                            code=said.code, fix=said.fix))
    problems += _stale(a, located, severity, fired)
    return problems


def _stale(a: AnswerFile, located: Located, severity: dict[str, str],
           fired: set[str]) -> list[Problem]:
    """Acknowledgements of warnings that no longer fire: kept, they would claim a risk was
    accepted that the answers no longer carry (and hide it if it came back)."""
    return [located.problem(("acknowledge", i, "rule"),
                            f"{ack.rule} acknowledged but no longer applies; remove it",
                            severity="warning", code=ACCEPTANCE_NOT_APPLYING)
            for i, ack in enumerate(a.acknowledge)
            if severity.get(ack.rule) == "warning" and ack.rule not in fired]


def rule_for(problem: Problem) -> Rule | None:
    return next((r for r in RULES if r.id == problem.rule), None)


__all__ = ["RULES", "Rule", "run_rules", "rule_for"]
