"""The good-practice rules themselves (registered with :func:`docgen.rulebook.rule`).

Each rule is a small generator: given the validated answer file ``a`` and the derived
facts ``f`` it yields ``(key path, message)`` for each thing it finds. A message says
what is wrong and how to put it right. Ids: ``GE…`` for errors (the documents would be
wrong or unlawful: nothing is written) and ``GP…`` for warnings (good practice; the
partners may accept one by listing it under ``acknowledge:`` with their reason).

``source`` names the guidance a rule comes from (the published guides and statutes that
`docgen rules` lists with each rule); ``clauses`` are the clauses its drafting note is
anchored to, nearest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, long_date, money, number
from docgen.facts.roles import ROLE_PATTERNS, role_kinds
from docgen.rulebook.registry import Finding, rule

SCOTTISH_GUIDE = "Joint Appointments Guide 2014 (Scotland)"
BOARD_PAPER = "Joint appointments board paper (Odgers Berndtson)"
JOINT_WORKING = "Getting the most from joint working (Morley, 2016)"
CAPITAL_AMBITION = "Implementing Shared Professionals (Capital Ambition/IES)"
GOOD_GOVERNANCE = "Good governance principles for partnership working"
DOMAIN = "docgen practice notes, docs/sources.md"

__all__ = ["ROLE_PATTERNS", "role_kinds"]  # kept importable from here for the rule books

Findings = Iterator[Finding]

def _roles_by_party(a: AnswerFile) -> dict[str, dict[str, int]]:
    """Party id → statutory office → index in ``post.statutory_roles``."""
    out: dict[str, dict[str, int]] = {}
    for i, r in enumerate(a.post.statutory_roles):
        for kind in role_kinds(r.role):
            out.setdefault(r.party, {}).setdefault(kind, i)
    return out


def _name(f: Facts, pid: str) -> str:
    return f.party[pid].short_name if pid in f.party else pid


def has_or_have(names: list[str]) -> str:
    """Subject and verb agree: "Horsham has", "Horsham and Mid Sussex have"."""
    return "has" if len(names) == 1 else "have"


def _pct(value: Decimal) -> str:
    return f"{number(value.quantize(Decimal('0.1')))}%"


# --- errors ---------------------------------------------------------------------------------

@rule("GE001", "error", "payment.fee", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "the other parties' fees must not exceed the cost base, leaving the employer a "
      "negative share", clauses=("agreement.finance",))
def negative_employer_share(a: AnswerFile, f: Facts) -> Findings:
    """Fees are recharges of cost: the employer's balance of the cost base cannot be < 0."""
    if a.payment.mechanism == "salary_share" or f.employer.annual >= 0:
        return
    path = ("payment", "fee", "amounts") if a.payment.mechanism == "fixed_fee" else (
        "payment", "fee", "rate")
    yield path, (f"the other parties would pay {f.money.recharged_text} a year, more than the "
                 f"whole cost base of {f.money.cost_base_text}, so {f.employer.short_name}'s "
                 f"share would be {money(f.employer.annual, a.currency)}; lower the fees so "
                 "they add up to no more than the cost base")


@rule("GE002", "error", "payment.fee.amounts", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "the employer cannot be charged a fixed fee: it bears the balance of the cost base",
      clauses=("agreement.finance",))
def fee_charged_to_employer(a: AnswerFile, f: Facts) -> Findings:
    fee = a.payment.fee
    if a.payment.mechanism != "fixed_fee" or fee is None or not fee.amounts:
        return
    amount = fee.amounts.get(a.employer)
    if amount:
        yield ("payment", "fee", "amounts", a.employer), (
            f"{f.employer.short_name} is the employer and pays the salary itself; it cannot "
            f"invoice itself a fee of {money(amount, a.currency)} (docgen would ignore it). "
            f"Remove '{a.employer}' from payment.fee.amounts: the employer bears the balance "
            "of the cost base")


@rule("GE003", "error", "post.statutory_roles",
      "Local Government and Housing Act 1989 s.5 (" + DOMAIN + ": statutory officers)",
      "one council's monitoring officer cannot also be its chief finance officer (s.151)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def monitoring_officer_and_cfo(a: AnswerFile, f: Facts) -> Findings:
    for pid, kinds in _roles_by_party(a).items():
        if "monitoring officer" in kinds and "chief finance officer" in kinds:
            yield ("post", "statutory_roles", kinds["chief finance officer"]), (
                f"the post-holder would be both monitoring officer and chief finance officer "
                f"of {_name(f, pid)}; the law forbids one person holding both for the same "
                "council. Keep one of the roles and have the council designate someone else "
                "for the other")


@rule("GE004", "error", "post.statutory_roles",
      "Local Government and Housing Act 1989 s.5 (" + DOMAIN + ": statutory officers)",
      "one council's monitoring officer cannot also be its head of paid service "
      "(England, Wales, Northern Ireland)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def monitoring_officer_and_head_of_paid_service(a: AnswerFile, f: Facts) -> Findings:
    """Not applied in Scotland, where the rule for principal councils differs."""
    if a.jurisdiction == "scotland":
        return
    for pid, kinds in _roles_by_party(a).items():
        # a Welsh council's s.54 chief executive holds the head of paid service's place
        top = "chief executive" if a.jurisdiction == "wales" and "chief executive" in kinds \
            else "head of paid service"
        if "monitoring officer" in kinds and top in kinds:
            yield ("post", "statutory_roles", kinds[top]), (
                f"the post-holder would be both monitoring officer and {top} "
                f"of {_name(f, pid)}; a principal council's monitoring officer may not be its "
                f"{top}. Keep one role and have the council designate someone "
                "else for the other")


@rule("GE005", "error", "review.reviews_after_months", CAPITAL_AMBITION + ", 4.7 On-going "
      "management and monitoring",
      "reviews and the trial must fall before the post's end date",
      clauses=("agreement.term",))
def reviews_after_end(a: AnswerFile, f: Facts) -> Findings:
    end = a.post.end_date
    if end is None:
        return
    late = [m for m, d in zip(a.review.reviews_after_months, f.review.dates, strict=True)
            if d > end]
    if late:
        months = ", ".join(str(m) for m in late)
        yield ("review", "reviews_after_months"), (
            f"the review after {months} months falls after the post ends on {long_date(end)}; "
            "remove it, or move post.end_date later")
    if f.review.trial_end and f.review.trial_end > end:
        yield ("review", "trial_months"), (
            f"the trial of {a.review.trial_months} months would end after the post ends on "
            f"{long_date(end)}; shorten review.trial_months or move post.end_date later")


@rule("GE006", "error", "governance.steering_group.members", SCOTTISH_GUIDE + ", Critical "
      "Success Factor 2", "every party must have a member on the steering group",
      clauses=("agreement.governance",))
def steering_group_all_parties(a: AnswerFile, f: Facts) -> Findings:
    present = {m.party for m in a.governance.steering_group.members}
    missing = [p.short_name for p in f.parties if p.id not in present]
    if missing:
        yield ("governance", "steering_group", "members"), (
            f"{join_words(missing)} {has_or_have(missing)} no member on the steering group; "
            "a steering group must "
            "include senior people from every partner. Add a member for each party")


# --- warnings -------------------------------------------------------------------------------

@rule("GP001", "warning", "review.trial_months", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "a new arrangement should start with a trial and a formal review after 6 to 12 months",
      clauses=("agreement.term",))
def trial_period(a: AnswerFile, f: Facts) -> Findings:
    t = a.review.trial_months
    if t is None:
        yield ("review", "trial_months"), (
            "there is no trial period; new arrangements usually start as a trial with a "
            "formal review after 6 to 12 months (set review.trial_months)")
    elif not 6 <= t <= 12:
        yield ("review", "trial_months"), (f"a trial of {t} months is outside the usual 6 to "
                                           "12 months; set review.trial_months between 6 and "
                                           "12")


@rule("GP002", "warning", "governance.objectives", CAPITAL_AMBITION + ", 4.4 Governance issues",
      "each party should have its own objectives for the post", clauses=("agreement.governance",))
def party_objectives(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.objectives]
    if missing:
        yield ("governance", "objectives"), (
            f"{join_words(missing)} {has_or_have(missing)} no objectives; "
            "each organisation should have a clear "
            "set of goals that all parties sign up to. Add a list under governance.objectives "
            "for each party")


@rule("GP003", "warning", "management.hr_lead", CAPITAL_AMBITION + ", 4.7 On-going management "
      "and monitoring", "HR matters should be led by the employer",
      clauses=("agreement.management", "contract.management"))
def hr_lead_is_employer(a: AnswerFile, f: Facts) -> Findings:
    if f.hr_lead.id != f.employer.id:
        yield ("management", "hr_lead"), (
            f"HR matters (discipline, grievance, capability, pay) are led by "
            f"{f.hr_lead.short_name}, but {f.employer.short_name} is the employer and remains "
            "legally responsible for them; make the employer the hr_lead (consulting the "
            "others), or acknowledge this rule with the delegation agreed")


@rule("GP004", "warning", "management.appraisal", SCOTTISH_GUIDE + " (joint performance "
      "management)", "the post-holder's appraisal should be joint",
      clauses=("agreement.management", "contract.management"))
def joint_appraisal(a: AnswerFile, f: Facts) -> Findings:
    if a.management.appraisal != "joint":
        yield ("management", "appraisal"), (
            f"the appraisal is done by {f.hr_lead.short_name} alone; the other parties then "
            "have no formal say on performance against their objectives. Set "
            "management.appraisal: joint")


@rule("GP005", "warning", "governance.disputes", CAPITAL_AMBITION + ", 4.4 Governance issues",
      "disputes should escalate through at least two steps",
      clauses=("agreement.disputes",))
def dispute_steps(a: AnswerFile, f: Facts) -> Findings:
    if len(a.governance.disputes) < 2:
        yield ("governance", "disputes"), (
            "there is only one step for resolving disputes; differences of opinion are likely "
            "to arise, so add a higher step (e.g. chief executives, then independent "
            "mediation)")


@rule("GP006", "warning", "conflicts_of_interest.excluded_matters",
      CAPITAL_AMBITION + ", 4.1 Risk assessment (legal risks)",
      "list the matters in which the post-holder must not act for any party",
      clauses=("agreement.conflicts", "contract.interests"))
def excluded_matters(a: AnswerFile, f: Facts) -> Findings:
    if not a.conflicts_of_interest.excluded_matters:
        yield ("conflicts_of_interest", "excluded_matters"), (
            "no matters are excluded; name the matters where the parties' interests conflict "
            "and the post-holder must not act for either (e.g. contracts or disputes between "
            "the parties)")


@rule("GP007", "warning", "payment", CAPITAL_AMBITION + ", 3.1 Financial",
      "each party's share of the cost should be within 10 points of its share of the time, "
      "or the reason recorded", clauses=("agreement.finance",))
def cost_matches_time(a: AnswerFile, f: Facts) -> Findings:
    far = [p for p in f.parties if abs(p.cost_percent - p.time_percent) > 10]
    if not far or f.employer.annual < 0:  # a negative share is GE001's error
        return
    path = {"salary_share": ("payment", "cost_shares"), "time_fee": ("payment", "fee", "rate"),
            "fixed_fee": ("payment", "fee", "amounts")}[a.payment.mechanism]
    if a.payment.mechanism == "salary_share" and a.payment.cost_shares is None:
        path = ("payment",)
    detail = "; ".join(f"{p.short_name} bears {_pct(p.cost_percent)} of the cost for "
                       f"{_pct(p.time_percent)} of the time" for p in far)
    yield path, (f"{detail}. Align the payments with the time split, or acknowledge GP007 "
                 "with the reason for the difference")


@rule("GP008", "warning", "exit.notice_months", DOMAIN + " (notice seen: 6 and 12 months)",
      "a party should give at least 3 months' notice to leave", clauses=("agreement.exit",))
def notice_period(a: AnswerFile, f: Facts) -> Findings:
    if a.exit.notice_months < 3:
        yield ("exit", "notice_months"), (
            f"{a.exit.notice_months} months' notice is too short to re-plan the work and "
            "redeploy the post-holder; agreements seen use 6 or 12 months. Set "
            "exit.notice_months to at least 3")


@rule("GP009", "warning", "payment.premium_percent", CAPITAL_AMBITION + ", 3.1 Financial",
      "a premium for the dual role above 20% eats into the savings",
      clauses=("agreement.finance", "contract.pay"))
def premium(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.premium_percent > 20:
        yield ("payment", "premium_percent"), (
            f"a premium of {number(a.payment.premium_percent)}% is high; premiums offset the "
            "savings of sharing a post. Check it against the job evaluation, or acknowledge "
            "GP009 with the reason")


@rule("GP010", "warning", "confidentiality.data_sharing_agreement", DOMAIN + " (ICO data "
      "sharing code)", "joint controllers need a data-sharing agreement",
      clauses=("agreement.data_protection",))
def joint_controllers_dsa(a: AnswerFile, f: Facts) -> Findings:
    c = a.confidentiality
    if c.data_protection == "joint_controllers" and not c.data_sharing_agreement:
        yield ("confidentiality", "data_sharing_agreement"), (
            "the parties are joint controllers but no data-sharing agreement is named; joint "
            "controllers must set out their responsibilities in an arrangement. Name it in "
            "confidentiality.data_sharing_agreement")
