"""Facts about the governance wiring and the fee that both the rules and the clauses need.

Kept apart from ``derive.py`` so that a rule (which flags a problem) and a clause
(which prints the consequence) read exactly the same finding.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.facts.formatting import join_words, pence

MEDIATION = re.compile(r"mediat", re.IGNORECASE)
LINE_MANAGERS = re.compile(r"line\s+manag", re.IGNORECASE)

@record(frozen=True)
class Overlap:
    """The same person acts at two dispute steps (0-based indexes)."""

    first: int
    second: int
    who: str  # "the Chief Executive of the Council"


def _people(a: AnswerFile, level: str) -> set[tuple[str, str]]:
    """(party id, role) of the people a dispute step names, as far as they can be told."""
    if LINE_MANAGERS.search(level):
        return {(pid, role.strip().lower()) for pid, role in a.management.line_managers.items()}
    found = set()
    for pid, role in a.management.line_managers.items():
        # "Chief Executives" at a later step includes the party's "Chief Executive"
        if re.search(r"\b" + re.escape(role.strip()) + r"s?\b", level, re.IGNORECASE):
            found.add((pid, role.strip().lower()))
    return found


def dispute_overlaps(a: AnswerFile) -> list[Overlap]:
    """Consecutive dispute steps at which the same person would act twice."""
    names = {p.id: p.short_name for p in a.parties}
    steps = a.governance.disputes
    out: list[Overlap] = []
    for i in range(len(steps) - 1):
        first, second = steps[i].level, steps[i + 1].level
        if first.strip().lower() == second.strip().lower():
            out.append(Overlap(i, i + 1, f"the {first.strip()}"))
            continue
        if not LINE_MANAGERS.search(first):
            continue
        common = _people(a, first) & _people(a, second)
        if common:
            who = join_words([f"the {a.management.line_managers[pid].strip()} of {names[pid]}"
                              for pid, _ in sorted(common)])
            out.append(Overlap(i, i + 1, who))
    return out


def merged_disputes(a: AnswerFile) -> list[dict[str, Any]]:
    """The escalation steps as printed: two steps with the same person become one."""
    steps: list[dict[str, Any]] = [{"level": d.level, "days": d.days}
                                   for d in a.governance.disputes]
    for overlap in reversed(dispute_overlaps(a)):
        one, two = steps[overlap.first], steps[overlap.second]
        level = (one["level"] if one["level"].strip().lower() == two["level"].strip().lower()
                 else f"{one['level']} and {two['level']} together")
        steps[overlap.first:overlap.second + 1] = [
            {"level": level, "days": one["days"] + two["days"]}]
    return steps


def has_mediation(a: AnswerFile) -> bool:
    return any(MEDIATION.search(d.level) for d in a.governance.disputes)


def cost_per_unit(a: AnswerFile, cost_base: Decimal) -> Decimal | None:
    """The Cost Base per day (or hour) worked, for comparison with a time fee."""
    fee = a.payment.fee
    if a.payment.mechanism != "time_fee" or not fee or not fee.weeks_per_year or not fee.per:
        return None
    per_week = a.post.days_per_week if fee.per == "day" else a.post.hours_per_week
    return pence(cost_base / (per_week * fee.weeks_per_year))
