"""Stage 1b: the answer file's shape (format 1, see ../shared/SPEC.md) as pydantic models.

Only the *shape* lives here: types, allowed values, ranges. Rules that relate
one key to another (party ids, sums, date order) are in ``validation.py`` so
that each can point at the right line with a message written for people.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
PartyId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)
]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("100000000"), decimal_places=2)]
Percent = Annotated[Decimal, Field(ge=0, le=100)]
Reference = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)
]
Months = Annotated[int, Field(ge=1, le=600)]
Days = Annotated[int, Field(ge=0, le=3650)]


class Strict(BaseModel):
    """Unknown keys are errors; numbers written where text is expected are accepted."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Signatory(Strict):
    name: Text
    title: Text


class Notices(Strict):
    title: Text
    email: Text


class Party(Strict):
    id: PartyId
    name: Text
    short_name: Text
    kind: Literal["local_authority", "nhs_body", "other_public_body"]
    address: Text
    signatory: Signatory
    notices: Notices


class Location(Strict):
    party: PartyId
    site: Text


class StatutoryRole(Strict):
    party: PartyId
    role: Text


class Post(Strict):
    title: Text
    grade: Text | None = None
    pay_range: tuple[Money, Money] | None = None
    purpose: Text
    start_date: dt.date
    end_date: dt.date | None = None
    hours_per_week: Annotated[Decimal, Field(gt=0, le=80)]
    days_per_week: Annotated[Decimal, Field(gt=0, le=7)] = Decimal(5)
    locations: list[Location] = Field(min_length=1)
    politically_restricted: bool
    statutory_roles: list[StatutoryRole] = []
    not_expected: list[Text] = []


class Postholder(Strict):
    name: Text
    address: Text
    consulted_on: dt.date
    continuous_service_from: dt.date | None = None
    pension_scheme: Text | None = None


class TimeSplit(Strict):
    unit: Literal["percent", "days_per_week", "hours_per_week"]
    shares: dict[PartyId, Annotated[Decimal, Field(ge=0, le=100)]]
    flexibility: Text | None = None


class Management(Strict):
    line_managers: dict[PartyId, Text]
    hr_lead: PartyId | None = None
    appraisal: Literal["joint", "hr_lead"]


class OnCost(Strict):
    name: Text
    percent: Percent


class Fee(Strict):
    rate: Money | None = None
    per: Literal["day", "hour"] | None = None
    weeks_per_year: Annotated[Decimal, Field(gt=0, le=52)] | None = None
    amounts: dict[PartyId, Money] | None = None


class Invoicing(Strict):
    frequency: Literal["monthly", "quarterly"]
    timing: Literal["advance", "arrears"]
    payment_days: Annotated[int, Field(ge=0, le=365)]


class Vat(Strict):
    treatment: Literal["outside_scope", "standard_rated", "exempt"]
    rationale: Text


class Payment(Strict):
    mechanism: Literal["salary_share", "time_fee", "fixed_fee"]
    salary: Annotated[Money, Field(gt=0)]
    premium_percent: Percent = Decimal(0)
    on_costs: list[OnCost] = []
    cost_shares: dict[PartyId, Percent] | None = None
    fee: Fee | None = None
    invoicing: Invoicing
    vat: Vat
    expenses: Literal["each_party_own_business", "employer"]


class Confidentiality(Strict):
    protected_information: list[Text] = Field(min_length=1)
    duration_after_end: Literal["indefinite"] | Annotated[int, Field(ge=1, le=100)]
    data_protection: Literal["separate_controllers", "joint_controllers"]
    data_sharing_agreement: Text | None = None
    foi_consultation_days: Days


class ConflictsOfInterest(Strict):
    declare_within_days: Days
    registers: Literal["all_parties", "employer"]
    excluded_matters: list[Text] = []
    decided_by: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class Member(Strict):
    party: PartyId
    role: Text


class SteeringGroup(Strict):
    name: Text
    members: list[Member] = Field(min_length=1)
    meets: Literal["monthly", "quarterly", "twice_yearly", "yearly"]


class DisputeStep(Strict):
    level: Text
    days: Annotated[int, Field(ge=1, le=365)]


class Governance(Strict):
    steering_group: SteeringGroup
    objectives: dict[PartyId, list[Text]]
    disputes: list[DisputeStep] = Field(min_length=1)


class Review(Strict):
    trial_months: Months | None = None
    reviews_after_months: list[Months] = []
    then_every_months: Months | None = None
    trial_notice_months: Months = Field(
        default=3, le=24,
        title="Notice to leave at the end of the trial",
        description=(
            "The short notice a party gives, no later than the last day of the trial period, to "
            "leave the arrangement after the trial review; it replaces exit.notice_months for "
            "that decision. The withdrawal takes effect this many months after the trial ends."),
        examples=[3, 1])


class Exit(Strict):
    notice_months: Months
    postholder_reverts_to: PartyId
    redundancy_costs: Literal["cost_shares", "employer"]
    pension_strain_costs: Literal["cost_shares", "employer"]
    prior_service: Literal["shared", "employer"] | None = Field(
        default=None,
        title="Who bears exit costs for service before the arrangement",
        description=(
            "For redundancy and pension strain costs that are shared (cost_shares): 'employer' "
            "(the default) means the employer alone bears the part that reflects the "
            "post-holder's service before the start date, pro rata to years of service; "
            "'shared' means that part is shared like the rest."),
        examples=["employer", "shared"])
    withdrawal_costs_months: Annotated[int, Field(ge=0, le=60)] = Field(
        default=12,
        title="How long a withdrawing party stays liable for exit costs",
        description=(
            "With three or more parties: a party that withdraws while the others continue "
            "bears its share of redundancy and pension strain costs that arise from its "
            "withdrawal within this many months after it leaves (0: no such liability)."),
        examples=[12, 6])
    reversion_post: Text | None = Field(
        default=None,
        title="The post the post-holder returns to when the arrangement ends",
        description=(
            "For a named post-holder: the post (at the party in postholder_reverts_to) they "
            "return to, normally the post held before the arrangement. Left out, the documents "
            "show a placeholder."),
        examples=["Head of Human Resources, London Borough of Eastwick"])
    reversion_grade: Text | None = Field(
        default=None,
        title="The grade of the post returned to",
        description="The grade of exit.reversion_post. Left out, a placeholder is shown.",
        examples=["Chief Officer Grade 4"])
    pay_protection_months: Annotated[int, Field(ge=0, le=60)] | None = Field(
        default=None,
        title="Pay protection on return, in months",
        description=(
            "If the post returned to is paid less than the post-holder's salary at the exit "
            "date (premium excluded), the difference is protected for this many months (0: no "
            "protection). Left out: the employer's pay protection policy applies."),
        examples=[12, 0])


class Relationships(Strict):
    internal: list[Text] = []
    external: list[Text] = []


class Criterion(Strict):
    criterion: Text
    area: Literal["qualifications", "experience", "knowledge", "skills", "attributes"]
    essential: bool
    assessed_by: list[
        Literal["application", "interview", "test", "presentation", "references"]
    ] = Field(min_length=1)


class Job(Strict):
    responsibilities: dict[PartyId, list[Text]]
    relationships: Relationships
    dimensions: dict[Annotated[str, StringConstraints(max_length=60)], Text] | None = None
    person_specification: list[Criterion] = Field(min_length=1)
    special_conditions: list[Text] = []


class Acknowledgement(Strict):
    """Optional (docgen addition): a good-practice warning the partners accept, and why."""

    rule: Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")]
    reason: Text


DocumentKind = Literal["agreement", "contract", "job_spec"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("agreement", "contract", "job_spec")


class AnswerFile(Strict):
    docgen: Literal[1]
    reference: Reference
    extends: str | None = None
    jurisdiction: Literal["england_and_wales", "scotland", "northern_ireland"]
    legal_basis: Literal["lga_1972_s113", "lgs_1966_s35", "lgni_1972_s105", "secondment", "other"]
    legal_basis_text: Text | None = None
    status: Literal["draft", "final"]
    version: Annotated[str, StringConstraints(max_length=20)] = "1"
    date: dt.date | None = None
    currency: Literal["GBP"] = "GBP"
    parties: list[Party] = Field(min_length=2, max_length=50)
    employer: PartyId
    post: Post
    postholder: Postholder | None = None
    time_split: TimeSplit
    management: Management
    payment: Payment
    confidentiality: Confidentiality
    conflicts_of_interest: ConflictsOfInterest
    governance: Governance
    review: Review
    exit: Exit
    job: Job
    documents: list[DocumentKind] = Field(default=list(DOCUMENT_KINDS), min_length=1)
    # docgen additions (optional)
    acknowledge: list[Acknowledgement] = []
    clauses: list[str] = []  # overlay clause folders, relative to the answer file
