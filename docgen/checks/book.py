"""The good-practice rules themselves (registered with :func:`docgen.rules.rule`).

Each rule is a small generator: given the validated answer file ``a`` and the derived
facts ``f`` it yields ``(key path, message)`` for each thing it finds. A message says
what is wrong and how to put it right. Ids: ``GE…`` for errors (the documents would be
wrong or unlawful: nothing is written) and ``GP…`` for warnings (good practice; the
partners may accept one by listing it under ``acknowledge:`` with their reason).

``source`` names the guidance a rule comes from (the guides in ``../shared/seeds/`` and
the statutes in the domain notes); ``clauses`` are the clauses its drafting note is
anchored to, nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.checks.registry import RULES, Finding, rule
from docgen.facts.derive import JURISDICTIONS, Facts
from docgen.facts.formatting import add_months, long_date, money, number

SCOTTISH_GUIDE = "Joint Appointments Guide 2014 (Scotland)"
BOARD_PAPER = "Joint appointments board paper (Odgers Berndtson)"
JOINT_WORKING = "Getting the most from joint working (Morley, 2016)"
CAPITAL_AMBITION = "Implementing Shared Professionals (Capital Ambition/IES)"
GOOD_GOVERNANCE = "Good governance principles for partnership working"
DOMAIN = "docgen domain notes"

Findings = Iterator[Finding]

# statutory roles are free text: recognise the ones the law says something about
ROLE_PATTERNS = {
    "monitoring officer": r"monitoring\s+officer",
    "chief finance officer": (r"chief\s+financ(e|ial)\s+officer|section\s*151|"
                              r"\bs\.?\s*151\b"),
    "head of paid service": r"head\s+of\s+(the\s+)?paid\s+service",
    "director of public health": r"director\s+of\s+public\s+health",
    "director of children's services": r"director\s+of\s+children\W?s\W*services",
    "director of adult social services": r"director\s+of\s+adult\s+social\s+(services|care)",
}


def role_kinds(role: str) -> set[str]:
    """The statutory offices a free-text role names (``"s.151 officer"`` → chief finance).

    Deputies and assistants hold none of the offices themselves: ``"Deputy Monitoring
    Officer"`` names none.
    """
    if re.search(r"\b(deputy|assistant|associate)\b", role, re.IGNORECASE):
        return set()
    return {kind for kind, pattern in ROLE_PATTERNS.items()
            if re.search(pattern, role, re.IGNORECASE)}


def _roles_by_party(a: AnswerFile) -> dict[str, dict[str, int]]:
    """Party id → statutory office → index in ``post.statutory_roles``."""
    out: dict[str, dict[str, int]] = {}
    for i, r in enumerate(a.post.statutory_roles):
        for kind in role_kinds(r.role):
            out.setdefault(r.party, {}).setdefault(kind, i)
    return out


def _name(f: Facts, pid: str) -> str:
    return f.party[pid].short_name if pid in f.party else pid


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
        if "monitoring officer" in kinds and "head of paid service" in kinds:
            yield ("post", "statutory_roles", kinds["head of paid service"]), (
                f"the post-holder would be both monitoring officer and head of paid service "
                f"of {_name(f, pid)}; a principal council's monitoring officer may not be its "
                "head of paid service. Keep one role and have the council designate someone "
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
            f"{', '.join(missing)} has no member on the steering group; a steering group must "
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
            f"{', '.join(missing)} has no objectives; each organisation should have a clear "
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


@rule("GP011", "warning", "governance.steering_group.meets", SCOTTISH_GUIDE + ", Good "
      "practice note (regular intervals)", "the steering group should meet at least twice a "
      "year", clauses=("agreement.governance",))
def steering_group_meets(a: AnswerFile, f: Facts) -> Findings:
    if a.governance.steering_group.meets == "yearly":
        yield ("governance", "steering_group", "meets"), (
            "a steering group that meets once a year cannot monitor progress or settle "
            "conflicting priorities in time; set meets: twice_yearly or quarterly")


@rule("GP012", "warning", "post.politically_restricted",
      "Local Government and Housing Act 1989 s.2 (" + DOMAIN + ")",
      "a post holding a statutory chief-officer role is politically restricted",
      clauses=("agreement.statutory_roles", "contract.statutory_roles",
               "job_spec.special_conditions"))
def statutory_role_restricted(a: AnswerFile, f: Facts) -> Findings:
    if a.post.politically_restricted:
        return
    kinds = sorted({k for r in a.post.statutory_roles for k in role_kinds(r.role)})
    if kinds:
        yield ("post", "politically_restricted"), (
            f"the post holds the statutory role of {', '.join(kinds)}, which makes it "
            "politically restricted; set post.politically_restricted: true")


@rule("GP013", "warning", "time_split.shares", CAPITAL_AMBITION + ", 2.3 Type of role",
      "each party should have at least a day a week", clauses=("agreement.time",))
def at_least_a_day(a: AnswerFile, f: Facts) -> Findings:
    for p in f.parties:
        if p.days_per_week < 1:
            yield ("time_split", "shares", p.id), (
                f"{p.short_name} has {number(p.days_per_week.quantize(Decimal('0.01')))} days "
                "a week; under a day a week is hard to make a real role of. Consider a "
                "service agreement instead, or give it at least a day")


@rule("GP014", "warning", "payment.vat.treatment", "HMRC VAT manuals VATSC03540, VATGPB8860 ("
      + DOMAIN + ": VAT)", "a supply of staff is taxable by default: take advice before "
      "treating it as outside the scope or exempt", clauses=("agreement.finance",))
def vat_advice(a: AnswerFile, f: Facts) -> Findings:
    t = a.payment.vat.treatment
    if t != "standard_rated":
        what = "outside the scope of" if t == "outside_scope" else "exempt from"
        yield ("payment", "vat", "treatment"), (
            f"the recharge is treated as {what} VAT; a supply of staff for payment is taxable "
            "by default, even at cost (HMRC VATSC03540), and only some statutory "
            "arrangements fall outside it (VATGPB8860). Confirm the treatment with your VAT "
            "adviser and acknowledge GP014 with their view")


@rule("GP015", "warning", "post.not_expected", SCOTTISH_GUIDE + ", Making joint appointments",
      "say what the post is not expected to be or do",
      clauses=("agreement.post", "job_spec.purpose"))
def not_expected(a: AnswerFile, f: Facts) -> Findings:
    if not a.post.not_expected:
        yield ("post", "not_expected"), (
            "nothing says what the post is not; joint posts fail when seen as someone who "
            "'does it all' or the sole channel between the parties. List these in "
            "post.not_expected")


LEGAL_BASIS_HOME = {"lga_1972_s113": "england_and_wales", "lgs_1966_s35": "scotland",
                    "lgni_1972_s105": "northern_ireland"}


@rule("GP016", "warning", "legal_basis", DOMAIN + " (legal bases by jurisdiction)",
      "the legal basis should be a power that applies in the jurisdiction",
      clauses=("agreement.background",))
def legal_basis_jurisdiction(a: AnswerFile, f: Facts) -> Findings:
    home = LEGAL_BASIS_HOME.get(a.legal_basis)
    if home and home != a.jurisdiction:
        yield ("legal_basis",), (
            f"{f.legal_basis_text} is a power in {JURISDICTIONS[home]['name']}, not "
            f"{f.jurisdiction['name']}; choose the power for this jurisdiction (or "
            "'secondment') and have it confirmed by a lawyer")


@rule("GP017", "warning", "legal_basis", DOMAIN + " (s.113 LGA 1972)",
      "s.113 lets a local authority place its officer with another local authority or an NHS "
      "body", clauses=("agreement.background", "agreement.employment"))
def s113_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.legal_basis != "lga_1972_s113":
        return
    if f.employer.kind != "local_authority":
        yield ("employer",), (
            f"s.113 is a power of local authorities, but the employer {f.employer.short_name} "
            f"is a {f.employer.kind_text}; make a local authority the employer, or use "
            "legal_basis: secondment")
    odd = [p.short_name for p in f.others if p.kind == "other_public_body"]
    if odd:
        yield ("legal_basis",), (
            f"s.113 places officers only with local authorities and NHS bodies, and "
            f"{', '.join(odd)} is neither; use a secondment or state the power in "
            "legal_basis: other")


@rule("GP018", "warning", "job.responsibilities", SCOTTISH_GUIDE + ", Critical Success "
      "Factor 2", "the job specification should give each party responsibilities",
      clauses=("job_spec.responsibilities", "contract.duties"))
def party_responsibilities(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.responsibilities]
    if missing:
        yield ("job", "responsibilities"), (
            f"{', '.join(missing)} has no responsibilities in the job specification; each "
            "party should see what the post does for it. Add a list under "
            "job.responsibilities for each party")


@rule("GP019", "warning", "job.special_conditions", BOARD_PAPER + "; " + DOMAIN +
      " (Director of Public Health)", "a Director of Public Health is appointed jointly with "
      "the Secretary of State",
      clauses=("job_spec.special_conditions", "agreement.statutory_roles"))
def dph_secretary_of_state(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction != "england_and_wales":
        return
    dph = any("director of public health" in role_kinds(r.role) for r in a.post.statutory_roles)
    dph = dph or "director of public health" in role_kinds(a.post.title)
    said = any("secretary of state" in c.lower() for c in a.job.special_conditions)
    if dph and not said:
        yield ("job", "special_conditions"), (
            "a Director of Public Health in England is appointed jointly with the Secretary of "
            "State (through an advisory appointments committee), who is consulted before the "
            "appointment ends; add a special condition saying so")


@rule("GP020", "warning", "review.reviews_after_months", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues", "the trial should end with a formal review",
      clauses=("agreement.term",))
def trial_review(a: AnswerFile, f: Facts) -> Findings:
    t = a.review.trial_months
    if t is None:
        return
    if not any(t - 3 <= m <= t for m in a.review.reviews_after_months):
        yield ("review", "reviews_after_months"), (
            f"no review is set at the end of the {t}-month trial; add {t} to "
            "review.reviews_after_months so the partners decide formally whether to continue")


@rule("GP021", "warning", "review.then_every_months", DOMAIN + " (memoranda reviewed every 2 "
      "years); " + CAPITAL_AMBITION + ", 4.7", "the arrangement should be reviewed at least "
      "every 24 months", clauses=("agreement.term",))
def review_cycle(a: AnswerFile, f: Facts) -> Findings:
    every = a.review.then_every_months
    if every is not None and every > 24:
        yield ("review", "then_every_months"), (
            f"a review every {every} months leaves the arrangement unchecked for too long; set "
            "review.then_every_months to 24 or less")
    elif every is None:
        last = f.review.dates[-1] if f.review.dates else a.post.start_date
        end = a.post.end_date
        if end is None or add_months(last, 24) < end:
            yield ("review", "then_every_months"), (
                "there are no regular reviews after the first ones; set "
                "review.then_every_months (12 or 24)")


@rule("GP022", "warning", "postholder.consulted_on", DOMAIN + " (s.113: the officer is "
      "consulted first)", "the post-holder should be consulted at least 14 days before the start",
      clauses=("agreement.background", "contract.introduction"))
def consulted_early(a: AnswerFile, f: Facts) -> Findings:
    ph = a.postholder
    if ph and (a.post.start_date - ph.consulted_on).days < 14:
        days = (a.post.start_date - ph.consulted_on).days
        yield ("postholder", "consulted_on"), (
            f"the post-holder was consulted only {days} days before the start; consultation "
            "must be real, with time to respond. Consult at least 14 days before, or move "
            "the start date")


@rule("GP023", "warning", "payment.salary", SCOTTISH_GUIDE + " (evaluate and grade the post)",
      "the salary should be within the post's pay range", clauses=("contract.pay",))
def salary_in_range(a: AnswerFile, f: Facts) -> Findings:
    pr = a.post.pay_range
    if pr and not pr[0] <= a.payment.salary <= pr[1]:
        yield ("payment", "salary"), (
            f"the salary {money(a.payment.salary, a.currency)} is outside the pay range "
            f"{f.post['pay_range_text']}; correct one of them (a premium for the dual role "
            "goes in payment.premium_percent)")


@rule("GP024", "warning", "payment.expenses", SCOTTISH_GUIDE + " (agree the funding split: "
      "travel)", "with three or more parties, each should bear the expenses of its own work",
      clauses=("agreement.finance", "contract.expenses"))
def expenses_many_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.expenses == "employer" and len(a.parties) >= 3:
        yield ("payment", "expenses"), (
            f"{f.employer.short_name} bears all travel and expenses for work for "
            f"{len(a.parties)} parties; travel between sites grows with each party. Set "
            "payment.expenses: each_party_own_business, or acknowledge GP024")


@rule("GP025", "warning", "exit.postholder_reverts_to", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues", "on exit the post-holder should revert to the employer",
      clauses=("agreement.exit", "contract.ending"))
def reverts_to_employer(a: AnswerFile, f: Facts) -> Findings:
    if f.reverts_to.id != f.employer.id:
        yield ("exit", "postholder_reverts_to"), (
            f"on exit the post-holder goes to {f.reverts_to.short_name}, which is not the "
            "employer: that is a change of employer (new contract, continuity, pension) the "
            "post-holder must agree to. Revert to the employer, or take HR advice and "
            "acknowledge GP025")


@rule("GP026", "warning", "conflicts_of_interest.registers", DOMAIN + " (declare interests in "
      "every organisation's register)", "interests should be declared in every party's register",
      clauses=("agreement.conflicts", "contract.interests"))
def registers_all(a: AnswerFile, f: Facts) -> Findings:
    if a.conflicts_of_interest.registers != "all_parties":
        yield ("conflicts_of_interest", "registers"), (
            "interests are declared only in the employer's register, so the other parties "
            "cannot see them; set registers: all_parties")


@rule("GP027", "warning", "conflicts_of_interest.declare_within_days",
      "Local Government Act 1972 s.117 (" + DOMAIN + ")",
      "interests should be declared within 28 days", clauses=("contract.interests",))
def declare_promptly(a: AnswerFile, f: Facts) -> Findings:
    days = a.conflicts_of_interest.declare_within_days
    if days > 28:
        yield ("conflicts_of_interest", "declare_within_days"), (
            f"{days} days to declare an interest is too long; the post-holder could act on a "
            "conflict in the meantime. Set declare_within_days to 28 or less")


@rule("GP028", "warning", "post.locations", CAPITAL_AMBITION + ", 4.8 Practical issues",
      "the post-holder should have a place to work at each party",
      clauses=("agreement.time", "contract.place_and_hours", "job_spec.locations"))
def location_each_party(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.sites]
    if missing:
        yield ("post", "locations"), (
            f"no place of work is given at {', '.join(missing)}; the post-holder needs a place "
            "to work (and IT access) in each organisation. Add it to post.locations")


@rule("GP029", "warning", "status", "docgen (documents for legal review)",
      "a final document should have no placeholders left",
      clauses=("contract.introduction",))
def final_without_placeholders(a: AnswerFile, f: Facts) -> Findings:
    if a.status == "final" and f.placeholders:
        yield ("status",), (
            f"status is final but {'; '.join(f.placeholders)} still need filling in; add them "
            "(the postholder section, or exit.reversion_post and exit.reversion_grade) or keep "
            "status: draft")


@rule("GP030", "warning", "governance.objectives.shared", JOINT_WORKING + " (question 1); "
      + GOOD_GOVERNANCE, "the partners should share at least one objective",
      clauses=("agreement.governance",))
def shared_objectives(a: AnswerFile, f: Facts) -> Findings:
    if not a.governance.objectives.get("shared"):
        yield ("governance", "objectives"), (
            "there are no shared objectives; a joint post should serve goals all parties "
            "own together. Add a list under governance.objectives.shared")


__all__ = ["RULES", "role_kinds"]  # every rule above, registered in order
