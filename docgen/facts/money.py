"""The money of a post: cost base, on-costs, each party's annual sum and invoices, VAT.

Every figure the documents print about money is computed here once, in ``Decimal``
and rounded to the penny, so the agreement, the contract and the register agree.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.answers.payment import OnCost
from docgen.facts.formatting import money, number, pence, percent, round_pct
from docgen.facts.governance import cost_per_unit
from docgen.facts.legal import cost_of_time
from docgen.facts.parties import PartyFacts
from docgen.facts.people import gap_or_value
from docgen.facts.wording import words


@record
class Line:
    label: str
    amount: Decimal
    text: str


@record
class MoneyFacts:
    mechanism: str
    mechanism_text: str
    salary: Decimal
    salary_text: str
    premium_percent: Decimal
    premium_percent_text: str
    premium: Decimal
    premium_text: str
    pay: Decimal  # salary + premium: the base for on-costs
    pay_text: str
    on_costs: list[Line]
    on_costs_total: Decimal
    on_costs_total_text: str
    cost_base: Decimal
    cost_base_text: str
    invoices_per_year: int
    frequency: str  # monthly / quarterly
    period: str  # month / quarter
    timing: str  # advance / arrears
    timing_text: str  # "in advance" / "in arrears"
    payment_days: int
    recharged: Decimal  # the total invoiced to the other parties each year
    recharged_text: str
    employer_net: Decimal
    employer_net_text: str
    rate_text: str = ""  # time_fee: "£520.00 a day"
    per: str = ""
    weeks_per_year: Decimal = Decimal(0)
    weeks_text: str = ""
    vat_treatment: str = ""
    vat_text: str = ""
    vat_rationale: str = ""
    expenses: str = ""
    during_absence: str = "continues"
    cost_per_unit: Decimal | None = None  # time_fee: the Cost Base per day or hour worked
    cost_per_unit_text: str = ""
    #: the hosts paying more than the cost of their share of the post-holder's time
    #: (:func:`paying_above_cost`): GP007, GP014 and GP031 and the finance clause read it
    paying_above_cost: list[PartyFacts] = field(default_factory=list)


def money_facts(a: AnswerFile, parties: list[PartyFacts], employer: PartyFacts) -> MoneyFacts:
    """The cost base, each party's annual sum and instalments, and the fee wording.

    Fills in the money fields of ``parties`` (rounding pennies go to the employer) and
    returns the post's ``MoneyFacts``; the documents print these, never redo the sums.
    """
    pay_in = a.payment
    cur = a.currency
    said = words()  # the words printed with the figures (docgen/data/wording/facts.yaml)
    premium = pence(pay_in.salary * pay_in.premium_percent / 100)
    pay = pay_in.salary + premium
    lines = [_on_cost(oc, pay, said, cur) for oc in pay_in.on_costs]
    for line in lines:
        line.text = money(line.amount, cur)
    on_total = sum((x.amount for x in lines), Decimal(0))
    cost_base = pay + on_total
    n = 12 if pay_in.invoicing.frequency == "monthly" else 4

    if pay_in.mechanism == "salary_share":
        # the percentage printed is the percentage used, so a reader can redo the sum
        shares = pay_in.cost_shares or {p.id: round_pct(p.time_percent) for p in parties}
        for p in parties:
            p.annual = pence(cost_base * Decimal(shares[p.id]) / 100)
            p.basis_text = said["money.basis.salary_share"].format(
                percent=percent(Decimal(shares[p.id])))
        # any penny lost to rounding is the employer's, so the shares add up exactly
        employer.annual += cost_base - sum((p.annual for p in parties), Decimal(0))
    else:
        for p in parties:
            if p.is_employer:
                continue
            if pay_in.mechanism == "time_fee":
                fee = pay_in.fee
                assert fee and fee.rate is not None and fee.weeks_per_year is not None
                units = round_pct(p.days_per_week if fee.per == "day" else p.hours_per_week)
                p.annual = pence(fee.rate * units * fee.weeks_per_year)
                how_many = "one" if units == 1 else "more"  # "1 day a week", "2 days …"
                p.basis_text = said[f"money.basis.{fee.per}_{how_many}"].format(
                    units=number(units), weeks=number(fee.weeks_per_year),
                    rate=money(fee.rate, cur))
            else:
                assert pay_in.fee and pay_in.fee.amounts is not None
                p.annual = pence(pay_in.fee.amounts.get(p.id, Decimal(0)))
                p.basis_text = said["money.basis.fixed_fee"]
        employer.annual = cost_base - sum((p.annual for p in parties if not p.is_employer),
                                          Decimal(0))
        employer.basis_text = said["money.basis.balance"]
    for p in parties:
        p.invoiced = not p.is_employer
        p.cost_percent = p.annual / cost_base * 100 if cost_base else Decimal(0)
        p.annual_text = money(p.annual, cur)
        p.per_invoice = pence(p.annual / n) if p.invoiced else Decimal(0)
        p.per_invoice_text = (money(p.per_invoice, cur) if p.invoiced
                              else said["money.instalment.not_invoiced"])
        # the instalments must add up to the annual sum: the last one takes the odd pence
        p.final_invoice = p.annual - (n - 1) * p.per_invoice if p.invoiced else Decimal(0)
        if p.invoiced and p.final_invoice != p.per_invoice:
            p.per_invoice_text = said["money.instalment.last"].format(
                each=p.per_invoice_text, last=money(p.final_invoice, cur))
    recharged = sum((p.annual for p in parties if p.invoiced), Decimal(0))
    fee = pay_in.fee
    inv = pay_in.invoicing
    unit = cost_per_unit(a, cost_base)
    return MoneyFacts(
        mechanism=pay_in.mechanism, mechanism_text=said[f"money.mechanism.{pay_in.mechanism}"],
        salary=pay_in.salary, salary_text=money(pay_in.salary, cur),
        premium_percent=pay_in.premium_percent,
        premium_percent_text=percent(pay_in.premium_percent),
        premium=premium, premium_text=money(premium, cur), pay=pay, pay_text=money(pay, cur),
        on_costs=lines, on_costs_total=on_total, on_costs_total_text=money(on_total, cur),
        cost_base=cost_base, cost_base_text=money(cost_base, cur), invoices_per_year=n,
        frequency=inv.frequency, period="month" if n == 12 else "quarter", timing=inv.timing,
        timing_text=said[f"money.timing.{inv.timing}"], payment_days=inv.payment_days,
        recharged=recharged, recharged_text=money(recharged, cur),
        employer_net=employer.annual, employer_net_text=money(employer.annual, cur),
        rate_text=(said[f"money.rate.{fee.per}"].format(rate=money(fee.rate, cur))
                   if fee and fee.rate is not None and fee.per else ""),
        per=(fee.per or "") if fee else "",
        weeks_per_year=(fee.weeks_per_year or Decimal(0)) if fee else Decimal(0),
        weeks_text=number(fee.weeks_per_year) if fee and fee.weeks_per_year else "",
        vat_treatment=pay_in.vat.treatment, vat_text=said[f"money.vat.{pay_in.vat.treatment}"],
        vat_rationale=pay_in.vat.rationale, expenses=pay_in.expenses,
        during_absence=pay_in.during_absence, cost_per_unit=unit,
        cost_per_unit_text=money(unit or Decimal(0), cur),
        paying_above_cost=paying_above_cost(a, parties, cost_base, unit),
    )


def paying_above_cost(a: AnswerFile, parties: list[PartyFacts], cost_base: Decimal,
                      unit: Decimal | None) -> list[PartyFacts]:
    """The hosts paying more than the cost of their share of the time: a fixed fee above the
    party's time share of the Cost Base (``cost_of_time``), or every host at a time fee above
    the Cost Base per day or hour worked (``unit``: :func:`cost_per_unit`, as the money
    facts give it). One test, which every rule and clause reads.

    A salary share is not counted: it divides the actual Cost Base, so the hosts together
    pay no more than cost, and a share of the cost far from the share of the time is GP007's
    (a difference between the parties, reviewed with its reason)."""
    hosts = [p for p in parties if not p.is_employer]
    if a.payment.mechanism == "fixed_fee":
        return [p for p in hosts if p.annual > cost_of_time(cost_base, p)]
    rate = a.payment.fee.rate if a.payment.fee else None
    if a.payment.mechanism == "time_fee" and rate is not None and unit is not None \
            and rate > unit:
        return hosts
    return []


def _on_cost(oc: OnCost, pay: Decimal, said: dict[str, str], cur: str) -> Line:
    """An on-cost's line: its percent of pay, or of pay above its yearly threshold (employer
    National Insurance is not due on the first £5,000 a year), never below nothing."""
    name, rate = gap_or_value(oc.name), percent(oc.percent)
    if oc.above is None:
        return Line(said["money.on_cost.all"].format(name=name, percent=rate),
                    pence(pay * oc.percent / 100), "")
    charged = max(pay - oc.above, Decimal(0))
    return Line(said["money.on_cost.above"].format(name=name, percent=rate,
                                                   threshold=money(oc.above, cur)),
                pence(charged * oc.percent / 100), "")
