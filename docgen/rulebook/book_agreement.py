"""Good-practice rules on the agreement's money and governance wiring (legal review, round 2).

Registered like those in ``book.py``; kept apart because that module is already long.
Each finding is also dealt with in the clause it concerns, so a draft reads right even
before the partners act on the note.
"""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import money, number
from docgen.facts.governance import dispute_overlaps
from docgen.rulebook.book import DOMAIN, Findings
from docgen.rulebook.registry import rule

LEGAL_REVIEW = "docgen legal review of November 2026, docs/sources.md"
STANDING_ORDERS = ("Local Authorities (Standing Orders) (England) Regulations 2001 (amended "
                   "2015); Local Authorities (Standing Orders) (Wales) Regulations 2006")


@rule("GP031", "warning", "payment.fee.rate", LEGAL_REVIEW + ", 4 (payment mechanics)",
      "a time fee above the post's cost per day or hour worked should be explained",
      clauses=("agreement.finance",))
def fee_above_cost(a: AnswerFile, f: Facts) -> Findings:
    m, fee = f.money, a.payment.fee
    if m.cost_per_unit is None or fee is None or fee.rate is None:
        return
    if fee.rate > m.cost_per_unit:
        per_week = a.post.days_per_week if fee.per == "day" else a.post.hours_per_week
        yield ("payment", "fee", "rate"), (
            f"the fee of {m.rate_text} is more than the post costs per {fee.per} worked "
            f"({m.cost_per_unit_text}: the cost base of {m.cost_base_text} over "
            f"{number(per_week)} {fee.per}s a week for {m.weeks_text} weeks), so the host "
            "parties pay more than the cost of their share of the time and the employer "
            "less. Set the rate at cost, or acknowledge GP031 with the reason for the margin "
            "(the agreement then records that reason)")


@rule("GP032", "warning", "conflicts_of_interest.decided_by", LEGAL_REVIEW + ", 8 "
      "(governance); NHS guidance on managing conflicts of interest",
      "conflicts of interest should not be decided by one of the parties to the conflict",
      clauses=("agreement.conflicts",))
def conflict_decider(a: AnswerFile, f: Facts) -> Findings:
    who = a.conflicts_of_interest.decided_by
    if who == "steering_group" or who not in f.party:
        return
    role = "the employer" if who == a.employer else "a party"
    yield ("conflicts_of_interest", "decided_by"), (
        f"conflicts of interest go to {f.party[who].short_name}, which is {role} and may "
        "itself be one side of the conflict. The agreement sends such a conflict to the "
        "steering group instead (and, failing agreement, to an independent person); "
        "set conflicts_of_interest.decided_by: steering_group to make that the rule")


@rule("GP033", "warning", "governance.disputes", LEGAL_REVIEW + ", 8 (governance)",
      "no one should act at two steps of the dispute procedure",
      clauses=("agreement.disputes",))
def dispute_same_person(a: AnswerFile, f: Facts) -> Findings:
    for o in dispute_overlaps(a):
        yield ("governance", "disputes", o.second, "level"), (
            f"{o.who} would act at step {o.first + 1} and again at step {o.second + 1} of "
            "the dispute procedure, so that step adds nothing. The agreement takes the two "
            "steps together; to keep them apart, name a different level at one of them")


@rule("GP034", "warning", "jurisdiction", STANDING_ORDERS + "; Welsh Language (Wales) "
      "Measure 2011", "say whether the post is in England or Wales when it holds a statutory "
      "role", clauses=("agreement.statutory_roles", "agreement.background"),
      documents=("agreement", "contract"))
def england_or_wales(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction == "england_and_wales" and a.post.statutory_roles:
        yield ("jurisdiction",), (
            "“England and Wales” does not say whether the parties are in England or in "
            "Wales, and the procedures for disciplining and dismissing statutory officers "
            "differ between them (as do the director of public health's appointment and the "
            "Welsh language standards). Set jurisdiction: england or jurisdiction: wales")


@rule("GP035", "warning", "payment.during_absence", DOMAIN + " (money); " + LEGAL_REVIEW +
      ", 4", "payments that pause during absence leave the employer carrying the whole cost",
      clauses=("agreement.finance",))
def payments_pause(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.during_absence == "pauses":
        share = money(f.money.recharged, a.currency)
        yield ("payment", "during_absence"), (
            f"the host parties' payments ({share} a year) stop after "
            f"{a.payment.pause_after_weeks} week{'s' if a.payment.pause_after_weeks != 1 else ''}"
            " of absence, "
            "while the employer goes on paying the post-holder (sick pay, maternity pay) in "
            "full; confirm that the employer has agreed to carry that cost")
