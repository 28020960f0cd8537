"""Stage 1b: the answer file's shape (format 1) as pydantic models.

Only the *shape* lives here: types, allowed values, ranges, and what each key
means (title, description, example: the source of ``docs/answer-file.md``,
``docgen schema`` and the comments ``docgen new`` writes). Rules that relate
one key to another (party ids, sums, date order) are in ``validation.py`` so
that each can point at the right line with a message written for people.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from docgen.answers.fields import (
    NOT_KNOWN,
    Days,
    Money,
    Months,
    NotKnown,
    PartyId,
    Percent,
    Reference,
    Strict,
    Text,
    about,
)


class Signatory(Strict):
    name: Text = about("Signatory's name", "The person who signs for this party.",
                       "Priya Shah")
    title: Text = about("Signatory's title", "Their job title, printed under the signature.",
                        "Chief Executive")


class Notices(Strict):
    title: Text = about("Notices contact", "The post that receives formal notices (for "
                        "example a notice to end the arrangement).", "Monitoring Officer")
    email: Text = about("Notices email", "Where formal notices are sent by email.",
                        "legal@eastwick.example.gov.uk")


class Party(Strict):
    id: PartyId = about("Party id", "A short name for this party, in lower case, used as a "
                        "key everywhere else in the file (employer, shares, line managers).",
                        "eastwick")
    name: Text = about("Legal name", "The party's full legal name, as on the signature page.",
                       "London Borough of Eastwick")
    short_name: Text = about("Short name", "The defined term the documents use for this "
                             "party after the first mention.", "Eastwick")
    kind: Literal["local_authority", "nhs_body", "other_public_body"] = about(
        "Kind of body", "local_authority, nhs_body or other_public_body; shapes which "
        "statutory powers and wording apply.", "local_authority")
    address: Text = about("Address", "Registered or principal office address.",
                          "Town Hall, 1 High Street, London E20 1AA")
    signatory: Signatory = about("Signatory", "Who signs the agreement for this party.",
                                 {"name": "Priya Shah", "title": "Chief Executive"})
    notices: Notices = about("Notices", "Who receives formal notices for this party.",
                             {"title": "Monitoring Officer",
                              "email": "legal@eastwick.example.gov.uk"})


class Location(Strict):
    party: PartyId = about("Party", "The party id whose site this is.", "eastwick")
    site: Text = about("Site", "Where the post-holder works for that party.",
                       "Town Hall, Eastwick")


class StatutoryRole(Strict):
    party: PartyId = about("Party", "The party that makes the designation (alone).", "council")
    role: Text = about("Role", "The statutory role the post-holder holds for that party.",
                       "Director of Public Health")


class Post(Strict):
    title: Text = about("Job title", "The post's title in all three documents.",
                        "Shared Head of Human Resources")
    grade: Text | None = about("Grade", "Optional pay grade.", "Chief Officer Grade 3",
                               default=None)
    pay_range: tuple[Money, Money] | None = about(
        "Pay range", "Optional [minimum, maximum] annual pay, plain numbers.", [88000, 96000],
        default=None)
    purpose: Text = about("Job purpose", "One or two sentences: why the post exists.",
                          "To lead the human resources function of both councils.")
    start_date: dt.date = about("Start date", "When the shared arrangement starts "
                                "(write dates as 2027-04-01).", "2027-04-01")
    end_date: dt.date | None = about("End date", "Optional; leave out for an open-ended "
                                     "arrangement.", "2029-03-31", default=None)
    hours_per_week: Annotated[Decimal, Field(gt=0, le=80)] = about(
        "Hours a week", "The post's total working hours a week, across all parties.", 37)
    days_per_week: Annotated[Decimal, Field(gt=0, le=7)] = about(
        "Days a week", "Optional working days a week; default 5.", 5, default=Decimal(5))
    locations: list[Location] = about(
        "Places of work", "At least one: for each party, where the post-holder works.",
        [{"party": "eastwick", "site": "Town Hall, Eastwick"}], min_length=1)
    politically_restricted: bool = about(
        "Politically restricted", "true if the post is politically restricted (Local "
        "Government and Housing Act 1989 s.2: chief and statutory officers).", True)
    statutory_roles: list[StatutoryRole] = about(
        "Statutory roles", "Optional: statutory designations (monitoring officer, Director of "
        "Public Health...), each made by one party.",
        [{"party": "council", "role": "Director of Public Health"}], default=[])
    not_expected: list[Text] = about(
        "Not expected", "Optional: what the post will not be or do, so one person can do it.",
        ["to carry two full-time workloads"], default=[])


class Postholder(Strict):
    name: Text = about("Name", "The officer appointed; tbc while not known.", "Morgan Ellis",
                       default=NOT_KNOWN)
    address: Text = about("Home address", "For the contract; tbc while not known.",
                          "14 Orchard Lane, London E17 3CD", default=NOT_KNOWN)
    consulted_on: dt.date | NotKnown = about(
        "Consulted on", "The date the officer was consulted about being shared (s.113 "
        "requires consultation before the start date); tbc while not known.", "2027-01-18",
        default=NOT_KNOWN)
    continuous_service_from: dt.date | NotKnown | None = about(
        "Continuous service from", "Optional: the date continuous employment began, kept "
        "through the arrangement.", "2019-09-02", default=None)
    pension_scheme: Text | None = about("Pension scheme", "Optional: the scheme the "
                                        "post-holder stays in.",
                                        "Local Government Pension Scheme", default=None)


class TimeSplit(Strict):
    unit: Literal["percent", "days_per_week", "hours_per_week"] = about(
        "Unit", "How the shares are written: percent, days_per_week or hours_per_week.",
        "percent")
    shares: dict[PartyId, Annotated[Decimal, Field(ge=0, le=100)]] = about(
        "Shares", "Party id to that party's share of the time; every party appears. Percent "
        "shares add up to 100, days to post.days_per_week, hours to post.hours_per_week.",
        {"eastwick": 60, "westmere": 40})
    flexibility: Text | None = about("Flexibility", "Optional: how the split may flex.",
                                     "Measured over each quarter.", default=None)


class Management(Strict):
    line_managers: dict[PartyId, Text] = about(
        "Line managers", "Party id to the title of the day-to-day manager there; every party.",
        {"eastwick": "Chief Executive", "westmere": "Director of Resources"})
    hr_lead: PartyId | None = about(
        "HR lead", "Optional (default: the employer): the party that acts on appraisal, pay "
        "review, discipline, grievance, capability, sickness and leave, consulting the others.",
        "eastwick", default=None)
    appraisal: Literal["joint", "hr_lead"] = about(
        "Appraisal", "joint (all parties appraise together) or hr_lead (the HR lead "
        "appraises, consulting the others).", "joint")


class OnCost(Strict):
    name: Text = about("On-cost", "What the employer pays on top of pay.",
                       "Employer National Insurance")
    percent: Percent = about("Percent", "Percent of salary plus premium, a plain number.", 13.9)


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
    premium_percent: Percent = about("Premium", "Optional premium for the dual role, percent "
                                     "of salary; default 0.", 8, default=Decimal(0))
    on_costs: list[OnCost] = about(
        "On-costs", "Optional list of name and percent (of salary plus premium).",
        [{"name": "Employer National Insurance", "percent": 13.9}], default=[])
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


class Confidentiality(Strict):
    protected_information: list[Text] = about(
        "Protected information", "Kinds of information that must not pass between the "
        "parties without consent.", ["legal advice given to one council"], min_length=1)
    duration_after_end: Literal["indefinite"] | Annotated[int, Field(ge=1, le=100)] = about(
        "Duration after end", "indefinite, or a number of years after the arrangement ends.",
        "indefinite")
    data_protection: Literal["separate_controllers", "joint_controllers"] = about(
        "Data protection", "separate_controllers (each party controls its own data) or "
        "joint_controllers.", "separate_controllers")
    data_sharing_agreement: Text | None = about(
        "Data-sharing agreement", "Optional: title of the data-sharing agreement.",
        "HR Information Sharing Agreement 2026", default=None)
    foi_consultation_days: Days = about(
        "FOI consultation days", "Days a party has to comment before another discloses its "
        "information under freedom of information law.", 5)


class ConflictsOfInterest(Strict):
    declare_within_days: Days = about("Declare within days", "Days the post-holder has to "
                                      "declare a new interest.", 28)
    registers: Literal["all_parties", "employer"] = about(
        "Registers", "Whose register of interests the post-holder declares in: all_parties "
        "or employer only.", "all_parties")
    excluded_matters: list[Text] = about(
        "Excluded matters", "Matters in which the post-holder must not act for any party.",
        ["advising either council in a dispute with the other"], default=[])
    decided_by: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")] = about(
        "Decided by", "Who rules when a conflict arises: steering_group or a party id.",
        "steering_group")


class Member(Strict):
    party: PartyId = about("Party", "The party this member represents.", "eastwick")
    role: Text = about("Role", "The member's job title.", "Chief Executive")


class SteeringGroup(Strict):
    name: Text = about("Name", "The group's name.", "Joint HR Steering Group")
    members: list[Member] = about("Members", "Senior people from every party.",
                                  [{"party": "eastwick", "role": "Chief Executive"}],
                                  min_length=1)
    meets: Literal["monthly", "quarterly", "twice_yearly", "yearly"] = about(
        "Meets", "monthly, quarterly, twice_yearly or yearly.", "quarterly")


class DisputeStep(Strict):
    level: Text = about("Level", "Who tries to settle the dispute at this step.",
                        "Chief Executives")
    days: Annotated[int, Field(ge=1, le=365)] = about("Days", "Days allowed for this step.", 20)


class Governance(Strict):
    steering_group: SteeringGroup = about(
        "Steering group", "Senior people from every partner who set direction and agree "
        "objectives.", {"name": "Joint HR Steering Group", "meets": "quarterly",
                        "members": [{"party": "eastwick", "role": "Chief Executive"}]})
    objectives: dict[PartyId, list[Text]] = about(
        "Objectives", "shared, plus a list per party id.",
        {"shared": ["Adopt a single set of HR policies by March 2028"]})
    disputes: list[DisputeStep] = about(
        "Disputes", "Ordered escalation steps, each level and days.",
        [{"level": "Line managers", "days": 10}], min_length=1)


class Review(Strict):
    trial_months: Months | None = about("Trial months", "Optional trial period in months; "
                                        "leave out for no trial.", 12, default=None)
    reviews_after_months: list[Months] = about(
        "Reviews after months", "Formal reviews, in months after the start date.", [6, 12],
        default=[])
    then_every_months: Months | None = about("Then every months", "Optional: months between "
                                             "later reviews.", 24, default=None)
    trial_notice_months: Months = Field(
        default=3, le=24,
        title="Notice to leave at the end of the trial",
        description=(
            "The short notice a party gives, no later than the last day of the trial period, to "
            "leave the arrangement after the trial review; it replaces exit.notice_months for "
            "that decision. The withdrawal takes effect this many months after the trial ends."),
        examples=[3, 1])


class Exit(Strict):
    notice_months: Months = about("Notice months", "A party's notice to leave the "
                                  "arrangement, in months.", 6)
    postholder_reverts_to: PartyId = about(
        "Post-holder reverts to", "The party the person works for full time if the "
        "arrangement ends.", "eastwick")
    redundancy_costs: Literal["cost_shares", "employer"] = about(
        "Redundancy costs", "cost_shares (in the cost shares) or employer.", "cost_shares")
    pension_strain_costs: Literal["cost_shares", "employer"] = about(
        "Pension strain costs", "cost_shares or employer.", "employer")
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
    internal: list[Text] = about("Internal", "Key relationships inside the parties.",
                                 ["Chief Executives of both councils"], default=[])
    external: list[Text] = about("External", "Key relationships outside them.",
                                 ["Occupational health provider"], default=[])


class Criterion(Strict):
    criterion: Text = about("Criterion", "What the candidate must have or be.",
                            "Chartered Member or Fellow of the CIPD")
    area: Literal["qualifications", "experience", "knowledge", "skills", "attributes"] = about(
        "Area", "qualifications, experience, knowledge, skills or attributes.",
        "qualifications")
    essential: bool = about("Essential", "true (essential) or false (desirable).", True)
    assessed_by: list[
        Literal["application", "interview", "test", "presentation", "references"]
    ] = about("Assessed by", "Any of application, interview, test, presentation, references.",
              ["application", "interview"], min_length=1)


class Job(Strict):
    responsibilities: dict[PartyId, list[Text]] = about(
        "Responsibilities", "shared, plus a list per party id.",
        {"shared": ["Lead a shared workforce strategy"]})
    relationships: Relationships = about("Relationships", "internal and external lists.",
                                         {"internal": ["Directors"], "external": []})
    dimensions: dict[Annotated[str, StringConstraints(max_length=60)], Text] | None = about(
        "Dimensions", "Optional: label to value (budget, staff, population).",
        {"budget": "2.4 million pounds"}, default=None)
    person_specification: list[Criterion] = about(
        "Person specification", "The criteria candidates are assessed against.",
        [{"criterion": "Chartered Member of the CIPD", "area": "qualifications",
          "essential": True, "assessed_by": ["application"]}], min_length=1)
    special_conditions: list[Text] = about("Special conditions", "Optional (political "
                                           "restriction, DBS, registration).",
                                           ["This is a politically restricted post."],
                                           default=[])


class Acknowledgement(Strict):
    """Optional: a good-practice warning the partners accept, and why."""

    rule: Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")] = about(
        "Rule", "The id of the warning accepted (docgen rules lists them).", "GP014")
    reason: Text = about("Reason", "Why it is accepted, and who said so.",
                         "VAT treatment confirmed by our VAT adviser, 1 March 2027.")


DocumentKind = Literal["agreement", "contract", "job_spec"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("agreement", "contract", "job_spec")


class AnswerFile(Strict):
    """One shared post: who shares it, on what terms, and what the person does."""

    docgen: Literal[1] = about("Format", "The answer-file format version: 1.", 1)
    reference: Reference = about(
        "Reference", "The arrangement's unique reference, used in headers and file names: "
        "letters, digits, '.', '_' and '-'.", "EWK-WSM-HR-01")
    extends: str | None = about(
        "Extends", "Optional: a base answer file (relative path) merged beneath this one, to "
        "state shared parties once.", "_partners.yaml", default=None)
    jurisdiction: Literal["england_and_wales", "england", "wales", "scotland",
                          "northern_ireland"] = about(
        "Jurisdiction", "Governing law, courts and freedom-of-information statute: "
        "england_and_wales, or england or wales where the two differ (statutory-officer "
        "procedures, the Welsh language), scotland or northern_ireland.",
        "england_and_wales")
    legal_basis: Literal[
        "lga_1972_s113", "lgs_1966_s35", "lgni_1972_s105", "secondment", "other"] = about(
        "Legal basis", "The power under which the person works for the other parties: "
        "lga_1972_s113 (England and Wales), lgs_1966_s35 (Scotland), lgni_1972_s105 "
        "(Northern Ireland), secondment, or other (then say which in legal_basis_text).",
        "lga_1972_s113")
    legal_basis_text: Text | None = about(
        "Legal basis text", "Needed when legal_basis is other: the power, in words.",
        "section 75 of the National Health Service Act 2006", default=None)
    status: Literal["draft", "final"] = about(
        "Status", "draft (marked DRAFT, with drafting notes) or final (refused while "
        "anything is tbc or a warning is open).", "draft")
    version: Annotated[str, StringConstraints(max_length=20)] = about(
        "Version", "Optional document version shown in footers; default 1.", "1", default="1",
        json_schema_extra={"type": ["string", "integer"]})
    date: dt.date | None = about("Agreement date", "Optional; left blank for signature if "
                                 "absent.", "2027-03-15", default=None)
    currency: Literal["GBP"] = about("Currency", "Optional; GBP.", "GBP", default="GBP")
    parties: list[Party] = about(
        "Parties", "The public bodies sharing the post: two or more.",
        [{"id": "eastwick", "name": "London Borough of Eastwick", "short_name": "Eastwick",
          "kind": "local_authority"}], min_length=2, max_length=50)
    employer: PartyId = about("Employer", "The party id of the one body that employs the "
                              "post-holder.", "eastwick")
    post: Post = about("Post", "The job being shared.", {"title": "Shared Head of HR"})
    postholder: Postholder | None = about(
        "Post-holder", "Optional: leave out while recruiting (the contract then has "
        "highlighted placeholders); any value may be tbc.", {"name": "Morgan Ellis"},
        default=None)
    time_split: TimeSplit = about("Time split", "How the post's time is divided.",
                                  {"unit": "percent", "shares": {"eastwick": 60,
                                                                 "westmere": 40}})
    management: Management = about("Management", "Who manages the post-holder, and for what.",
                                   {"appraisal": "joint"})
    payment: Payment = about("Payment", "Who pays what, and how.", {"salary": 92000})
    confidentiality: Confidentiality = about("Confidentiality", "What stays confidential.",
                                             {"duration_after_end": "indefinite"})
    conflicts_of_interest: ConflictsOfInterest = about(
        "Conflicts of interest", "Declaring interests and settling conflicts.",
        {"registers": "all_parties", "decided_by": "steering_group"})
    governance: Governance = about("Governance", "Steering group, objectives, disputes.",
                                   {"steering_group": {"meets": "quarterly"}})
    review: Review = about("Review", "Trial and review dates.", {"trial_months": 12})
    exit: Exit = about("Exit", "Leaving the arrangement.", {"notice_months": 6})
    job: Job = about("Job", "The joint job specification.", {"special_conditions": []})
    documents: list[DocumentKind] = about(
        "Documents", "Optional: which documents to write; default all three.",
        ["agreement", "contract", "job_spec"], default=list(DOCUMENT_KINDS), min_length=1)
    acknowledge: list[Acknowledgement] = about(
        "Acknowledge", "Optional: good-practice warnings accepted, each rule and reason.",
        [{"rule": "GP014", "reason": "Confirmed by our VAT adviser."}], default=[])
    clauses: list[str] = about("Clause overlays", "Optional: folders of your own clause "
                               "wording, relative to this file.", ["clauses"], default=[])
