"""The good-practice rules, continued: governance, statutory roles, money and review
(GP011 onwards). Registered after :mod:`docgen.rulebook.book`, in this order."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import add_months, join_words, money, number
from docgen.facts.governance import ENGLAND_AND_WALES
from docgen.facts.jurisdictions import JURISDICTIONS
from docgen.rulebook.book import (
    BOARD_PAPER,
    CAPITAL_AMBITION,
    DOMAIN,
    GOOD_GOVERNANCE,
    JOINT_WORKING,
    SCOTTISH_GUIDE,
    has_or_have,
    role_kinds,
)
from docgen.rulebook.registry import Finding, rule

Findings = Iterator[Finding]


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
    # the electoral offices are personal offices, not chief-officer posts
    kinds = sorted({k for r in a.post.statutory_roles for k in role_kinds(r.role)}
                   - {"returning officer"})
    if kinds:
        yield ("post", "politically_restricted"), (
            f"the post holds the statutory {'role' if len(kinds) == 1 else 'roles'} of "
            f"{join_words(kinds)}, which makes it "
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
    here = "england_and_wales" if a.jurisdiction in ENGLAND_AND_WALES else a.jurisdiction
    if home and home != here:
        yield ("legal_basis",), (
            f"{f.legal_basis_text} is a power in {JURISDICTIONS[home]['name']}, not "
            f"{f.jurisdiction['name']}; choose the power for this jurisdiction (or "
            "'secondment') and have it confirmed by a lawyer")


@rule("GP017", "warning", "legal_basis", DOMAIN + " (s.113(1) and (1A) LGA 1972)",
      "s.113 places an officer between local authorities, or between a local authority and an "
      "NHS body, in either direction", clauses=("agreement.background", "agreement.employment"))
def s113_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.legal_basis != "lga_1972_s113":
        return
    if f.employer.kind == "other_public_body":
        yield ("employer",), (
            f"s.113 lets a local authority or an NHS body place its officers, but the employer "
            f"{f.employer.short_name} is neither; make a local authority or NHS body the "
            "employer, or use legal_basis: secondment")
    if f.employer.kind == "nhs_body":
        nhs = [p.short_name for p in f.others if p.kind == "nhs_body"]
        if nhs:
            yield ("employer",), (
                f"s.113(1A)(b) lets an NHS body place its officers only with a local authority, "
                f"but {join_words(nhs)} {'is' if len(nhs) == 1 else 'are'} also an NHS body; "
                "use a secondment (or the NHS bodies' own powers) for that part, stated in "
                "legal_basis: other")
    odd = [p.short_name for p in f.others if p.kind == "other_public_body"]
    if odd:
        yield ("legal_basis",), (
            f"s.113 places officers only with local authorities and NHS bodies, and "
            f"{join_words(odd)} {'is' if len(odd) == 1 else 'are'} neither; use a secondment "
            "or state the power in legal_basis: other")


@rule("GP018", "warning", "job.responsibilities", SCOTTISH_GUIDE + ", Critical Success "
      "Factor 2", "the job specification should give each party responsibilities",
      clauses=("job_spec.responsibilities", "contract.duties"))
def party_responsibilities(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.responsibilities]
    if missing:
        yield ("job", "responsibilities"), (
            f"{join_words(missing)} {has_or_have(missing)} no responsibilities in the job "
            "specification; each "
            "party should see what the post does for it. Add a list under "
            "job.responsibilities for each party")


@rule("GP019", "warning", "job.special_conditions", BOARD_PAPER + "; " + DOMAIN +
      " (Director of Public Health)", "a Director of Public Health is appointed jointly with "
      "the Secretary of State",
      clauses=("job_spec.special_conditions", "agreement.statutory_roles"))
def dph_secretary_of_state(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction not in ("england_and_wales", "england"):
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
            "review.reviews_after_months so the partners decide formally whether to continue "
            "(the documents hold that review one month before the trial ends, in time for "
            "notice)")


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
    if ph and not isinstance(ph.consulted_on, str) and (
            a.post.start_date - ph.consulted_on).days < 14:
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
            f"no place of work is given at {join_words(missing)}; the post-holder needs a place "
            "to work (and IT access) in each organisation. Add it to post.locations")


@rule("GP029", "warning", "status", "docgen (documents for legal review)",
      "a final document should have no placeholders left",
      clauses=("contract.introduction",), documents=("agreement", "contract", "job_spec"))
def final_without_placeholders(a: AnswerFile, f: Facts) -> Findings:
    if a.status == "final" and f.placeholders:
        yield ("status",), (
            f"the documents are marked final but {'; '.join(f.placeholders)} still need "
            "filling in; add them (the postholder section, or exit.reversion_post and "
            "exit.reversion_grade) or keep status: draft")


@rule("GP030", "warning", "governance.objectives.shared", JOINT_WORKING + " (question 1); "
      + GOOD_GOVERNANCE, "the partners should share at least one objective",
      clauses=("agreement.governance",))
def shared_objectives(a: AnswerFile, f: Facts) -> Findings:
    if not a.governance.objectives.get("shared"):
        yield ("governance", "objectives"), (
            "there are no shared objectives; a joint post should serve goals all parties "
            "own together. Add a list under governance.objectives.shared")

