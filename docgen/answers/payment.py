"""Stage 1b, continued: the payment section (who pays what, and how) as pydantic models.

Split from :mod:`docgen.answers.model` to keep modules readable: the section's shape,
allowed values and what each key means, as the model holds its other sections (never
checks between keys). Its own module because the organisation profile gives a payment
policy (:mod:`docgen.answers.organisation`) and the facts work out its money
(:mod:`docgen.facts.money`) from these classes alone.
"""

# No ``from __future__ import annotations`` in the model's modules: pydantic would then
# compile and evaluate every field's annotation from a string (150 fields, 3 ms of every
# start); written plainly, they are objects when the class is made.

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from docgen.answers.fields import Money, PartyId, Percent, Strict, Text, about


class OnCost(Strict):
    name: Text = about("On-cost", "What the employer pays on top of pay.",
                       "Employer National Insurance")
    percent: Percent = about("Percent", "Percent of salary plus premium (of the part above "
                             "`above`, when given), a plain number.", 15)
    above: Money | None = about(
        "Due on pay above", "Optional: the yearly pay on which the on-cost is not due, as "
        "employer National Insurance is due only on pay above its secondary threshold (5000 "
        "a year from April 2025): the percent is then of salary plus premium above it.", 5000,
        default=None)


class Fee(Strict):
    rate: Money | None = about("Rate", "time_fee: the fee per day or hour.", 520, default=None)
    per: Literal["day", "hour"] | None = about("Per", "time_fee: day or hour.", "day",
                                               default=None)
    weeks_per_year: Annotated[Decimal, Field(gt=0, le=52)] | None = about(
        "Weeks a year", "time_fee: working weeks charged a year.", 42, default=None)
    amounts: dict[PartyId, Money] | None = about(
        "Amounts", "fixed_fee: party id to the annual sum it pays the employer.",
        {"icb": 52000}, default=None)


class Invoicing(Strict):
    frequency: Literal["monthly", "quarterly"] = about(
        "Frequency", "How often the employer invoices the others: monthly or quarterly.",
        "quarterly")
    timing: Literal["advance", "arrears"] = about("Timing", "advance or arrears.", "arrears")
    payment_days: Annotated[int, Field(ge=0, le=365)] = about(
        "Payment days", "Days a party has to pay an invoice.", 30)


class Vat(Strict):
    treatment: Literal["outside_scope", "standard_rated", "exempt"] = about(
        "VAT treatment", "outside_scope, standard_rated or exempt; confirm with a VAT adviser.",
        "outside_scope")
    rationale: Text = about("Rationale", "Why that treatment applies.",
                            "Officer placed at the disposal of another local authority.")


class Payment(Strict):
    mechanism: Literal["salary_share", "time_fee", "fixed_fee"] = about(
        "Mechanism", "salary_share (each party bears a share of salary, premium and "
        "on-costs), time_fee (a rate for time worked) or fixed_fee (fixed annual sums).",
        "salary_share")
    salary: Annotated[Money, Field(gt=0)] = about(
        "Salary", "Annual base salary: write money as a number, e.g. 78000.", 92000)
    premium_percent: Percent = about("Premium", "Optional premium for the shared role, percent "
                                     "of salary; default 0.", 8, default=Decimal(0))
    on_costs: list[OnCost] = about(
        "On-costs", "Optional list of name and percent (of salary plus premium), each with an "
        "optional above (the yearly pay it is not due on).",
        [{"name": "Employer National Insurance", "percent": 15, "above": 5000}], default=[])
    cost_shares: dict[PartyId, Percent] | None = about(
        "Cost shares", "Optional, salary_share only: party id to percent of the cost; "
        "default: the time split.", {"eastwick": 50, "westmere": 50}, default=None)
    fee: Fee | None = about("Fee", "time_fee: rate, per, weeks_per_year; fixed_fee: amounts.",
                            {"amounts": {"icb": 52000}}, default=None)
    invoicing: Invoicing = about("Invoicing", "How the employer invoices the others.",
                                 {"frequency": "quarterly", "timing": "arrears",
                                  "payment_days": 30})
    vat: Vat = about("VAT", "The VAT treatment of the recharge, and why.",
                     {"treatment": "outside_scope", "rationale": "Statutory placement."})
    expenses: Literal["each_party_own_business", "employer"] = about(
        "Expenses", "each_party_own_business (each pays travel and expenses for its own work) "
        "or employer.", "each_party_own_business")
    during_absence: Literal["continues", "pauses"] = Field(
        default="continues",
        title="Payments while the post-holder is absent or the post is vacant",
        description=(
            "continues: the host parties keep paying their share during sickness, maternity "
            "or other statutory leave and suspension (the employer still pays the post-holder), "
            "and stop only while the post is vacant; pauses: payments stop after four weeks of "
            "continuous absence until the post-holder returns, and while the post is vacant."),
        examples=["continues", "pauses"])
    pause_after_weeks: Annotated[int, Field(ge=1, le=52)] = about(
        "Weeks of absence before payments pause", "Optional, with during_absence: pauses: the "
        "weeks of continuous absence after which the host parties' payments stop; default 4.",
        13, default=4)
    family_leave: Literal["as_other_absence", "continues"] = about(
        "Payments during family leave", "Optional: as_other_absence (default: maternity, "
        "paternity, adoption and shared parental leave follow during_absence) or continues "
        "(payments continue through family leave even when they pause for sickness).",
        "continues", default="as_other_absence")
