"""Stage 1b, continued: the terms of the arrangement (confidentiality, conflicts of
interest, governance, review, exit, the job) and acknowledgements, as pydantic models.

Split from :mod:`docgen.answers.model` only to keep modules readable; the same rules
apply: shape, allowed values and what each key means, never checks between keys.
"""

# No ``from __future__ import annotations`` in the model's modules: pydantic would then
# compile and evaluate every field's annotation from a string (150 fields, 3 ms of every
# start); written plainly, they are objects when the class is made.

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from docgen.answers.fields import (
    Days,
    Months,
    PartyId,
    Percent,
    Strict,
    Text,
    about,
)
from docgen.answers.party_ids import ID_PATTERN


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
    decided_by: Annotated[str, StringConstraints(pattern=ID_PATTERN)] = about(
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
    mediator_nominated_by: Text | None = about(
        "Mediator nominated by", "Optional: the body that nominates a mediator if the parties "
        "cannot agree one; default the Centre for Effective Dispute Resolution (Scottish "
        "Mediation in Scotland).", "the Welsh Local Government Association", default=None)


class Review(Strict):
    trial_months: Months | None = about("Trial months", "Optional trial period in months; "
                                        "leave out for no trial.", 12, default=None)
    reviews_after_months: list[Months] = about(
        "Reviews after months", "Formal reviews, in months after the start date. A review "
        "falling when the trial period ends is held one month earlier, so that notice can "
        "still be given within the trial.", [6, 12], default=[])
    then_every_months: Months | None = about("Then every months", "Optional: months between "
                                             "later reviews, counted from the last review "
                                             "date.", 24, default=None)
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
        title="How long after an exit shared exit costs are still shared",
        description=(
            "Shared redundancy and pension strain costs are shared for a dismissal that takes "
            "effect within this many months after the arrangement ends. With three or more "
            "parties, a party that withdraws while the others continue also bears its share "
            "of those costs that arise from its withdrawal within this many months after it "
            "leaves. 0: no time limit after the arrangement ends, and a withdrawing party "
            "bears none."),
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
    cost_shares: dict[PartyId, Percent] | None = about(
        "Exit-cost shares", "Optional: party id to percent of shared redundancy and pension "
        "strain costs, adding up to 100. Default: the cost shares for salary_share, the "
        "shares of the post-holder's time for time_fee and fixed_fee (so a fee's margin "
        "does not follow into exit costs).", {"hartmoor": 40, "fenwick": 60}, default=None)
    employer_withdrawal_costs: Literal["cost_shares", "employer"] = about(
        "Exit costs when the employer withdraws", "Optional, with three or more parties: if "
        "the employer's withdrawal ends the arrangement, cost_shares (default: shared exit "
        "costs are shared as on any ending) or employer (the employer bears them alone).",
        "employer", default="cost_shares")
    fallback_post: Text | None = about(
        "Fall-back post (recruit)", "Optional, for a post being recruited to: the post the "
        "employer offers the post-holder before any redundancy if the arrangement ends.",
        "Monitoring Officer of Hartmoor District Council", default=None)
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
