"""Stage 1b: the answer file's shape (format 1) as pydantic models.

Only the *shape* lives here: types, allowed values, ranges, and what each key
means (title, description, example: the source of ``docs/answer-file.md``,
``docgen schema`` and the comments ``docgen new`` writes). Rules that relate
one key to another (party ids, sums, date order) are in ``validation.py`` so
that each can point at the right line with a message written for people.
The terms (:mod:`~docgen.answers.terms`) and the payment section
(:mod:`~docgen.answers.payment`) are in modules of their own.
"""

# No ``from __future__ import annotations`` in the model's modules: pydantic would then
# compile and evaluate every field's annotation from a string (150 fields, 3 ms of every
# start); written plainly, they are objects when the class is made.

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, StringConstraints

from docgen.answers.fields import (
    NOT_KNOWN,
    Email,
    Kept,
    Money,
    NotKnown,
    PartyId,
    Reference,
    Strict,
    Text,
    about,
)
from docgen.answers.kinds import DOCUMENT_KINDS, DocumentKind
from docgen.answers.payment import Payment
from docgen.answers.terms import (
    Acknowledgement,
    Confidentiality,
    ConflictsOfInterest,
    Exit,
    Governance,
    Job,
    Review,
)


class Signatory(Strict):
    name: Text = about("Signatory's name", "The person who signs for this party.",
                       "Priya Shah")
    title: Text = about("Signatory's title", "Their job title, printed under the signature.",
                        "Chief Executive")


class Notices(Strict):
    title: Text = about("Notices contact", "The post that receives formal notices (for "
                        "example a notice to end the arrangement).", "Monitoring Officer")
    email: Email = about("Notices email", "Where formal notices are sent by email.",
                        "legal@eastwick.example.gov.uk")


class DataProtection(Strict):
    title: Text = about("Data-protection contact", "The post (or data protection officer) "
                        "that deals with personal data for this party.",
                        "Data Protection Officer")
    email: Text = about("Data-protection email", "Where data-protection matters are sent.",
                        "dpo@eastwick.example.gov.uk")


class Party(Strict):
    id: PartyId = about("Party id", "A short name for this party, in lower case, used as a "
                        "key everywhere else in the file (employer, shares, line managers).",
                        "eastwick")
    name: Text = about("Legal name", "The party's full legal name, as on the signature page.",
                       "The Mayor and Burgesses of the London Borough of Eastwick")
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
    data_protection: DataProtection | None = about(
        "Data-protection contact", "Optional: who deals with personal data for this party "
        "(usually from its organisation profile).",
        {"title": "Data Protection Officer", "email": "dpo@eastwick.example.gov.uk"},
        default=None)
    house_style: str | None = about(
        "House style", "Optional: the organisation's own Word file (.docx or .dotx, relative "
        "to the file that names it) whose page layout, fonts, colours, headers, footers and "
        "logo the documents it issues take (see docs/house-style.md).",
        "styles/eastwick.docx", default=None)


class IntegrationJointBoardParty(Strict):
    """The integration joint board signing as a party (its name is integration_joint_board)."""

    short_name: Text = about("Short name", "The defined term the agreement uses for the board.",
                             "the IJB")
    address: Text = about("Address", "The board's principal office address.",
                          "Council Headquarters, High Street, Glenmuir KA1 1AA")
    signatory: Signatory = about("Signatory", "Who signs the agreement for the board.",
                                 {"name": "Cllr Ann Reid", "title": "Chair"})
    notices: Notices = about("Notices", "Who receives formal notices for the board.",
                             {"title": "Standards Officer",
                              "email": "ijb@glenmuir.example.gov.uk"})


class Location(Strict):
    party: PartyId = about("Party", "The party id whose site this is.", "eastwick")
    site: Text = about("Site", "Where the post-holder works for that party.",
                       "Town Hall, Eastwick")


class StatutoryRole(Strict):
    party: PartyId = about("Party", "The party that makes the designation (alone).", "council")
    role: Text = about("Role", "The statutory role the post-holder holds for that party.",
                       "Director of Public Health")
    deputy: Text | None = about(
        "Deputy", "Optional, for a monitoring officer: the post whose holder the "
        "post-holder nominates as their deputy for this party, and whose staff it is on "
        "(s.5(7) Local Government and Housing Act 1989). Left out, the agreement says the "
        "deputy is nominated from the staff this party makes available.",
        "Democratic Services Manager, Fenwick", default=None)


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
    probation_months: Annotated[int, Field(ge=1, le=24)] | None = about(
        "Probation", "Optional, for a post being recruited to: the probation period of the new "
        "contract, in months.", 6, default=None)
    pension_scheme: Text | None = about(
        "Pension scheme (new appointment)", "Optional, for a post being recruited to: the "
        "pension scheme the new contract offers; default: the Local Government Pension Scheme "
        "for a council employer, the NHS Pension Scheme for an NHS employer.",
        "Local Government Pension Scheme", default=None)


class Postholder(Strict):
    name: Text = about("Name", "The officer appointed; tbc while not known.", "Morgan Ellis",
                       default=NOT_KNOWN)
    address: Text = about("Home address", "For the contract; tbc while not known.",
                          "14 Orchard Lane, London E17 3CD", default=NOT_KNOWN)
    consulted_on: dt.date | NotKnown = about(
        "Consulted on", "The date the officer was consulted about being shared, which "
        "should be before the start date; tbc while not known.", "2027-01-18",
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
        "section 1 of the Localism Act 2011", default=None)
    execution: Literal["signatures", "self_proving"] = about(
        "Execution", "Optional: signatures (default) or self_proving (Scotland: each "
        "signature witnessed, with a testing clause, so that the agreement is self-proving "
        "under the Requirements of Writing (Scotland) Act 1995).", "self_proving",
        default="signatures")
    integration_joint_board: Text | None = about(
        "Integration joint board", "Optional, Scotland only: the integration joint board the "
        "post serves (for the chief officer of a health and social care partnership), named "
        "in the agreement with its part in the appointment.",
        "Glenmuir Integration Joint Board", default=None)
    integration_joint_board_enforces: bool = about(
        "Integration joint board may enforce", "Optional, with integration_joint_board: true "
        "gives the board the right to enforce the clauses on its chief officer's appointment, "
        "accountability and consultation under the Contract (Third Party Rights) (Scotland) Act "
        "2017 (the Parties may still vary or end the agreement without its consent, except "
        "those clauses); default false: it has no right to enforce the agreement.", True,
        default=False)
    integration_joint_board_party: IntegrationJointBoardParty | None = about(
        "Integration joint board as a party", "Optional, with integration_joint_board: the "
        "board signs the agreement as a party, for the clauses on its chief officer only: "
        "its short_name, address, signatory and notices. It is not one of parties: it takes "
        "no share of the time, is not the employer and pays nothing.",
        {"short_name": "the IJB", "address": "Council Headquarters, Glenmuir",
         "signatory": {"name": "Cllr Ann Reid", "title": "Chair"},
         "notices": {"title": "Standards Officer", "email": "ijb@glenmuir.example.gov.uk"}},
        default=None)
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
        [{"id": "eastwick", "name": "The Mayor and Burgesses of the London Borough of "
          "Eastwick", "short_name": "Eastwick", "kind": "local_authority"}], min_length=2,
        max_length=50)
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
        list(DOCUMENT_KINDS), default=list(DOCUMENT_KINDS), min_length=1)
    acknowledge: list[Acknowledgement] = about(
        "Acknowledge", "Optional: good-practice warnings accepted, each rule and reason.",
        [{"rule": "GP014", "reason": "Confirmed by our VAT adviser."}], default=[])
    agreement_style: PartyId | None = about(
        "Agreement style", "Optional: the party id whose house_style the agreement takes; "
        "default: the employer's (the contract and job specification always take the "
        "employer's).", "westmere", default=None)
    clauses: list[str] = about("Clause overlays", "Optional: folders of your own clause "
                               "wording, relative to this file.", ["clauses"], default=[])
    # where docgen.load read these answers (docgen.answers.origin): kept by copies, never
    # dumped nor compared
    _origin: Kept = PrivateAttr(default_factory=Kept)
