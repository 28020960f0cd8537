"""Rules on ``payment``: who pays what for the post (fees, shares of the cost, premium,
on-costs, VAT, expenses, payments during absence)."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.errors import Setting
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, money, number
from docgen.facts.jurisdictions import JURISDICTIONS, LEGAL_BASES
from docgen.facts.legal import cost_of_time
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    DOMAIN,
    LEGAL_REVIEW,
    SCOTTISH_GUIDE,
    Findings,
    pct,
)
from docgen.rulebook.registry import rule, told, way
from docgen.rulebook.statutes import (
    CITED,
    LEGAL_BASIS_HOME,
    PARTNERSHIP_CITED,
    cited_in,
    home_of,
    partnership_in,
)


@rule("GE001", "error", "payment.fee", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "the other parties' fees must not exceed the cost base, leaving the employer a "
      "negative share", clauses=("agreement.finance",))
def negative_employer_share(a: AnswerFile, f: Facts) -> Findings:
    """Fees are recharges of cost: the employer's balance of the cost base cannot be < 0."""
    if a.payment.mechanism == "salary_share" or f.employer.annual >= 0:
        return
    fee, m = a.payment.fee, f.money
    if a.payment.mechanism == "fixed_fee" or fee is None or not fee.rate:
        path, fix = ("payment", "fee", "amounts"), way("payment.fee.amounts")
    else:  # the highest rate, in whole pounds, whose days or hours a year the cost base covers
        highest = int(m.cost_base / (m.recharged / fee.rate))
        path, fix = ("payment", "fee", "rate"), way(f"payment.fee.rate=<={highest}")
    yield path, told(f"the other parties would pay {m.recharged_text} a year, more than the "
                     f"whole cost base of {m.cost_base_text}, so {f.employer.short_name}'s "
                     f"share would be {money(f.employer.annual, a.currency)}; ",
                     "lower the fees", fix, after=" so they add up to no more than the cost base")


@rule("GE002", "error", "payment.fee.amounts", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "the employer cannot be charged a fixed fee: it bears the balance of the cost base",
      clauses=("agreement.finance",))
def fee_charged_to_employer(a: AnswerFile, f: Facts) -> Findings:
    fee = a.payment.fee
    if a.payment.mechanism != "fixed_fee" or fee is None or not fee.amounts:
        return
    amount = fee.amounts.get(a.employer)
    if amount:
        # the interview asks no fee of the employer: entering the others' drops its own
        yield ("payment", "fee", "amounts", a.employer), told(
            f"{f.employer.short_name} is the employer and pays the salary itself; it cannot "
            f"invoice itself a fee of {money(amount, a.currency)} (docgen would ignore it). ",
            f"Remove '{a.employer}' from payment.fee.amounts", way("payment.fee.amounts"),
            after=": the employer bears the balance of the cost base")


@rule("GP007", "warning", "payment", CAPITAL_AMBITION + ", 3.1 Financial",
      "each party's share of the cost should be within 10 points of its share of the time, "
      "or the reason recorded", clauses=("agreement.finance",))
def cost_matches_time(a: AnswerFile, f: Facts) -> Findings:
    far = [p for p in f.parties if abs(p.cost_percent - p.time_percent) > 10]
    if not far or f.employer.annual < 0:  # a negative share is GE001's error
        return
    above = _paying_above_cost(f)
    if above and {p.id for p in far} <= above | {f.employer.id}:
        return  # hosts paying more than their time costs, the employer less: GP031's, in money
    path = {"salary_share": ("payment", "cost_shares"), "time_fee": ("payment", "fee", "rate"),
            "fixed_fee": ("payment", "fee", "amounts")}[a.payment.mechanism]
    if a.payment.mechanism == "salary_share" and a.payment.cost_shares is None:
        path = ("payment",)
    detail = "; ".join(f"{p.short_name} bears {pct(p.cost_percent)} of the cost for "
                       f"{pct(p.time_percent)} of the time" for p in far)
    yield path, told(f"{detail}. Align the payments with the time split, or ",
                     "acknowledge GP007", way("acknowledge=GP007"),
                     after=" with the reason for the difference")


def _paying_above_cost(f: Facts) -> set[str]:
    """The hosts paying more than the cost of their share of the time (the money facts'
    ``paying_above_cost``): what GP031 finds, what GP007 then says nothing of its own about
    (one cause gave two warnings, two acknowledgements to write) and what GP014 adds to its
    VAT advice. One test, in the facts, which the finance clause reads too."""
    return {p.id for p in f.money.paying_above_cost}


@rule("GP009", "warning", "payment.premium_percent", CAPITAL_AMBITION + ", 3.1 Financial",
      "a premium for the shared role above 20% eats into the savings",
      clauses=("agreement.finance", "contract.pay"))
def premium(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.premium_percent > 20:
        yield ("payment", "premium_percent"), told(
            f"a premium of {number(a.payment.premium_percent)}% is high; premiums offset the "
            "savings of sharing a post. Check it against the job evaluation, or ",
            "acknowledge GP009", way("acknowledge=GP009"), after=" with the reason")


@rule("GP014", "warning", "payment.vat.treatment", "HMRC VAT manuals VATSC03540, VATGPB8860 ("
      + DOMAIN + ": VAT)", "a supply of staff is taxable by default: take advice before "
      "treating it as outside the scope or exempt", clauses=("agreement.finance",))
def vat_advice(a: AnswerFile, f: Facts) -> Findings:
    """Not standard-rated: the agreement records the treatment and its reason and says VAT is
    paid if HMRC decides, or the parties are advised, that it is due. Where hosts pay more
    than the cost of their share of the time (:func:`_paying_above_cost`, GP031's test) the
    warning says so as well, under the id answer files already acknowledge (one cause, one
    warning): a supply of staff for payment is taxable by default, even at cost."""
    t = a.payment.vat.treatment
    if t == "standard_rated":
        return
    what = "outside the scope of" if t == "outside_scope" else "exempt from"
    payers = f.money.paying_above_cost
    if payers:
        one = len(payers) == 1
        yield ("payment", "vat", "treatment"), told(
            f"the recharge is treated as {what} VAT, but "
            f"{join_words([p.short_name for p in payers])} {'pays' if one else 'pay'} more "
            f"than the cost of {'its' if one else 'their'} share of the post-holder's time. "
            "A supply of staff for payment is taxable by default, even at cost (HMRC "
            "VATSC03540). The agreement records your treatment and its reason, and says VAT "
            "is paid if HMRC decides, or the parties are advised, that it is due. Ask HMRC or "
            "your VAT adviser to confirm the treatment, then ", "acknowledge GP014",
            way("acknowledge=GP014"), after=" with their confirmation")
        return
    yield ("payment", "vat", "treatment"), told(
        f"the recharge is treated as {what} VAT; a supply of staff for payment is taxable "
        "by default, even at cost (HMRC VATSC03540), and only some statutory "
        "arrangements fall outside it (VATGPB8860). Confirm the treatment with your VAT "
        "adviser and ", "acknowledge GP014", way("acknowledge=GP014"),
        after=" with their view")


@rule("GP023", "warning", "payment.salary", SCOTTISH_GUIDE + " (evaluate and grade the post)",
      "the salary should be within the post's pay range", clauses=("contract.pay",))
def salary_in_range(a: AnswerFile, f: Facts) -> Findings:
    """The salary, not salary plus premium: the premium for the shared role is paid on top
    of the evaluated grade and stops when the arrangement ends (the contract says so), so
    total pay above the range's top is no warning of its own; a premium too high for the
    savings is GP009's point."""
    pr = a.post.pay_range
    if pr and not pr[0] <= a.payment.salary <= pr[1]:
        # the salary in the range (in whole pounds, as the interview asks it; the pay range
        # itself is not asked there), and any premium apart from it, if there is one
        whole = all(v == v.to_integral_value() for v in pr)
        salary = f"payment.salary={int(pr[0])}..{int(pr[1])}" if whole else "payment.salary"
        yield ("payment", "salary"), told(
            f"the salary {money(a.payment.salary, a.currency)} is outside the pay range "
            f"{f.post['pay_range_text']}; ", "correct one of them (a premium for the shared "
            "role goes in payment.premium_percent)", way(salary, "payment.premium_percent=?"))


@rule("GP024", "warning", "payment.expenses", SCOTTISH_GUIDE + " (agree the funding split: "
      "travel)", "with three or more parties, each should bear the expenses of its own work",
      clauses=("agreement.finance", "contract.expenses"))
def expenses_many_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.expenses == "employer" and len(a.parties) >= 3:
        yield ("payment", "expenses"), told(
            f"{f.employer.short_name} bears all travel and expenses for work for "
            f"{len(a.parties)} parties; travel between sites grows with each party. ",
            "Set payment.expenses: each_party_own_business, or acknowledge GP024",
            way("payment.expenses=each_party_own_business"), way("acknowledge=GP024"))


@rule("GP031", "warning", "payment.fee", LEGAL_REVIEW + ", 4 (payment mechanics)",
      "a fee above the cost of the time it pays for (a time fee above the post's cost per day "
      "or hour worked, or a fixed fee above the party's time share of the Cost Base) should "
      "be explained", clauses=("agreement.finance",))
def fee_above_cost(a: AnswerFile, f: Facts) -> Findings:
    m, fee, above = f.money, a.payment.fee, _paying_above_cost(f)
    if a.payment.mechanism == "fixed_fee":
        yield from _fixed_fee_above_cost(a, f, above)
        return
    if above and fee is not None and fee.rate is not None and m.cost_per_unit is not None:
        per_week = a.post.days_per_week if fee.per == "day" else a.post.hours_per_week
        yield ("payment", "fee", "rate"), told(
            f"the fee of {m.rate_text} is more than the post costs per {fee.per} worked "
            f"({m.cost_per_unit_text}: the Cost Base of {m.cost_base_text} over "
            f"{number(per_week)} {fee.per}s a week for {m.weeks_text} weeks), so the host "
            "parties pay more than the cost of their share of the time and the employer "
            "less. Set the rate at cost, or ", "acknowledge GP031", way("acknowledge=GP031"),
            after=" with the reason for the margin (the agreement then records that reason)")


def _fixed_fee_above_cost(a: AnswerFile, f: Facts, above: set[str]) -> Findings:
    """GP031 for a fixed fee: a host's fee above its time share of the Cost Base pays more
    than the cost of the time it has, as a day rate above cost does (and the employer bears
    less than its own share). A negative employer balance is GE001's error."""
    if f.employer.annual < 0:
        return
    for p in (p for p in f.others if p.id in above):
        share = cost_of_time(f.money.cost_base, p)
        yield ("payment", "fee", "amounts", p.id), told(
            f"{p.short_name}'s fixed fee of {p.annual_text} a year is more than its share of "
            f"the Cost Base for its time ({p.percent_text} of {f.money.cost_base_text}: "
            f"{money(share, a.currency)}), so it pays {money(p.annual - share, a.currency)} a "
            f"year more than the cost of its share of the time and {f.employer.short_name} "
            "bears less. Set the fee at no more than that, or ", "acknowledge GP031",
            way("acknowledge=GP031"),
            after=" with the reason for the margin (the agreement then records that reason)")


@rule("GP035", "warning", "payment.during_absence", DOMAIN + " (money); " + LEGAL_REVIEW +
      ", 4", "payments that pause during absence leave the employer carrying the whole cost",
      clauses=("agreement.finance",))
def payments_pause(a: AnswerFile, f: Facts) -> Findings:
    if a.payment.during_absence == "pauses":
        share = money(f.money.recharged, a.currency)
        weeks = a.payment.pause_after_weeks
        yield ("payment", "during_absence"), told(
            f"the host parties' payments ({share} a year) stop after {weeks} "
            f"week{'s' if weeks != 1 else ''} of absence, while the employer goes on paying "
            "the post-holder (sick pay, maternity pay) in full. ",
            "Set payment.during_absence: continues, or acknowledge GP035",
            way("payment.during_absence=continues"), way("acknowledge=GP035"),
            after=" if the employer has agreed to carry that cost, giving where it was agreed")


@rule("GP059", "warning", "payment.vat.rationale", DOMAIN + " (legal bases by jurisdiction)",
      "the reasons the agreement prints in the answer file's own words (the VAT rationale, a "
      "power named in words) should cite only the power the post is placed under, and one "
      "that applies in its jurisdiction", clauses=("agreement.finance", "agreement.background"))
def statute_cited(a: AnswerFile, f: Facts) -> Findings:
    """A VAT rationale (often a profile's policy, or the interview's standing answer) that
    says "placed ... under section 113 of the Local Government Act 1972" is printed as it
    is, though the post moved to Scotland or Northern Ireland, or to a secondment. The
    powers and where they apply are :data:`~docgen.rulebook.statutes.LEGAL_BASIS_HOME` (GP016),
    how text cites them :data:`~docgen.rulebook.statutes.CITED`. A partnership power cited
    instead (s.75 of the NHS Act 2006: "paid from the section 75 pooled budget") is found
    too, by :func:`_partnership_cited`. Under ``legal_basis: other`` the VAT rationale is
    compared with the power the words name (a rationale citing s.113 beside an agreement
    relying on s.75 says two things: :func:`_relied_on`)."""
    here = home_of(a.jurisdiction)
    texts: list[tuple[tuple[str, ...], str | None]] = [
        (("payment", "vat", "rationale"), a.payment.vat.rationale)]
    if a.legal_basis == "other":
        texts.append((("legal_basis_text",), a.legal_basis_text))
    for path, text in texts:
        own = _relied_on(a, path)
        if own & cited_in(text):
            continue  # the post's own power, perhaps beside another ("the equivalent of")
        cited = next((c for c, pattern in CITED.items() if pattern.search(text or "")), None)
        if cited is None:
            yield from _partnership_cited(a, f, path, text or "")
            continue
        home = LEGAL_BASIS_HOME[cited]
        if home != here:
            why = (f"that is a power in {JURISDICTIONS[home]['name']}, which does not apply "
                   f"in {f.jurisdiction['name']}")
        elif a.legal_basis != "other" or (path[0] == "payment" and a.legal_basis_text):
            why = f"the post is placed under {f.legal_basis_text}"
        else:
            continue
        what = "the VAT rationale" if path[0] == "payment" else "the power named in words"
        also, said, ways, after = _cite_instead(a, f, path)
        yield path, told(f"{what} cites {LEGAL_BASES[cited]}, but {why}; {also}", said, *ways,
                         after=after)


def _relied_on(a: AnswerFile, path: tuple[str, ...]) -> set[str]:
    """The powers (keys of :data:`~docgen.rulebook.statutes.CITED`) the post is placed under,
    for comparing the text at ``path`` with: the named power, or under ``legal_basis:
    other`` those its words cite (for the VAT rationale; the words themselves are compared
    with the post's jurisdiction only)."""
    if a.legal_basis in CITED:
        return {a.legal_basis}
    if a.legal_basis == "other" and path[0] == "payment":
        return cited_in(a.legal_basis_text)
    return set()


def _partnership_cited(a: AnswerFile, f: Facts, path: tuple[str, ...], text: str
                       ) -> Findings:
    """GP059 for a partnership power (s.75 of the NHS Act 2006, s.33 of the NHS (Wales) Act
    2006) cited beside no power the post is placed under: a power of another country, or,
    when the post is placed under a statutory power or seconded, a reason that rests on
    a pooled fund the agreement does not make (a recharge from one may be acknowledged)."""
    found = next(((name, where) for name, (pattern, where) in PARTNERSHIP_CITED.items()
                  if pattern.search(text)), None)
    if found is None:
        return
    name, where = found
    if a.jurisdiction not in where:
        why = (f"that power applies in {JURISDICTIONS[where[0]]['name']} only, not in "
               f"{f.jurisdiction['name']}")
        ack = False
    elif a.legal_basis != "other" or (path[0] == "payment" and a.legal_basis_text
                                       and partnership_in(a.legal_basis_text) is None):
        section = name.split(" of ")[0]
        why = (f"the post is placed under {f.legal_basis_text}, and this agreement makes no "
               f"pooled fund ({section} provides for partnership arrangements and pooled "
               "funds, not for placing staff)")
        ack = True
    else:
        return
    what = "the VAT rationale" if path[0] == "payment" else "the power named in words"
    also, said, ways, after = _cite_instead(a, f, path)
    if ack:
        after += (", or acknowledge GP059 with the partnership agreement whose pooled fund "
                  "the recharge is paid from")
    yield path, told(f"{what} cites {name}, but {why}; {also}", said, *ways, after=after)


def _cite_instead(a: AnswerFile, f: Facts, path: tuple[str, ...]
                  ) -> tuple[str, str, tuple[tuple[Setting, ...], ...], str]:
    """GP059's instruction (what comes before it, what it says, its ways, what comes after
    it): the words to write instead, naming the post's own power where it is one that
    applies in the post's jurisdiction and reaches every host (``legal.basis_hosts``: s.35
    does not reach an NHS host, s.113 not one NHS body's placement with another)."""
    basis = a.legal_basis
    if path[0] != "payment":
        return ("", "name the power that applies in legal_basis_text",
                (way("legal_basis_text"),), " (and have it confirmed by a lawyer)")
    reached = {p.id for p in f.legal.basis_hosts} if f.legal else set()
    if LEGAL_BASIS_HOME.get(basis) == home_of(a.jurisdiction) and all(
            p.id in reached for p in f.others):
        other = "local authority" if all(p.kind == "local_authority" for p in a.parties) \
            else "party"
        instead = (f"Professional services of the Post-holder provided to another {other} "
                   f"under {LEGAL_BASES[basis].replace('105', '105(1)(b)', 1)}."
                   if basis == "lgni_1972_s105" else  # services provided, no officer placed
                   f"Officer placed at the disposal of another {other} under "
                   f"{LEGAL_BASES[basis]}.")
        return ("with your VAT adviser's agreement, ", f"set payment.vat.rationale: {instead}",
                (way(f"payment.vat.rationale={instead}"),), "")
    return ("", "reword payment.vat.rationale", (way("payment.vat.rationale"),),
            " to give the reason without that Act, in your VAT adviser's words")
