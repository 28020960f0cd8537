"""What the browser says, in one place: plain-English labels, hints, error phrasing, choice
labels and help for every question the interview asks, keyed by the model's key path.

The command line keeps the model's own wording (titles, descriptions, messages that
name keys). An HR officer sees this instead: no key paths, YAML words, rule ids or
commands. ``tests/web/test_wording.py`` checks every question and every choice the
model allows has its words here, so a new key cannot reach the browser unworded.
Keys are dotted paths with list indices and party ids left out (``parties.name``).
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.answers.kinds import KINDS


@dataclass(frozen=True)
class Words:
    """How one question reads: label, hint, the message when it is left empty, help."""

    label: str
    hint: str = ""
    missing: str = ""  # GOV.UK style, e.g. "Enter the salary, for example 52000"
    example: str = ""  # shown in "Enter … as a number, for example …"
    help: str = ""  # "Help with this question": plain words where the law is hard


def _w(label: str, hint: str = "", missing: str = "", example: str = "",
       help: str = "") -> Words:  # noqa: A002 - the GOV.UK component's name
    return Words(label, hint, missing, example, help)


WORDS: dict[str, Words] = {
    "reference": _w("Reference for this post", "Letters, digits, dots, dashes and "
                    "underscores, starting with a letter or digit, for example EWK-WSM-HR-01. "
                    "It is used on every page and in the file names",
                    "Enter a reference for this post, for example EWK-WSM-HR-01"),
    "status": _w("Is this a draft or the final version?", "Final versions are refused while "
                 "anything is not known yet or a warning is not accepted",
                 "Select whether this is a draft or the final version"),
    "jurisdiction": _w("Which law applies?", "Choose England or Wales when the post holds a "
                       "statutory role, such as director of public health: the procedures "
                       "for those officers differ between the two", "Select which law applies"),
    "legal_basis": _w("Under which power does the post-holder work for the other partners?",
                      "", "Select the power the arrangement is made under", help=(
                          "Section 113 of the Local Government Act 1972 lets a council in "
                          "England or Wales place its officers at the disposal of another "
                          "council or an NHS body. The officer stays employed by one council "
                          "and must be consulted first. Scotland and Northern Ireland have "
                          "their own equivalent powers. Choose secondment when the person is "
                          "lent under an ordinary secondment agreement instead.")),
    "legal_basis_text": _w("Name the power", "The power, in words, for example section 75 "
                           "of the National Health Service Act 2006",
                           "Enter the power the arrangement is made under"),
    "parties": _w("Partners", "The public bodies sharing the post: two or more",
                  "Add at least two partners"),
    "parties.name": _w("Legal name", "As on the signature page, for example The Mayor and "
                       "Burgesses of the London Borough of Eastwick",
                       "Enter the partner's legal name"),
    "parties.short_name": _w("Short name", "What the documents call this partner after the "
                             "first mention, for example Eastwick",
                             "Enter the partner's short name, for example Eastwick"),
    "parties.id": _w("Short code", "Made from the partner's name; it links this partner's "
                     "answers. Lower-case letters, digits and underscores, for example eastwick",
                     "Enter a short code in lower-case letters, for example eastwick"),
    "parties.kind": _w("Kind of body", "", "Select the kind of body"),
    "parties.address": _w("Address", "Registered or main office address",
                          "Enter the partner's address"),
    "parties.signatory.name": _w("Who signs for this partner?", "Their full name",
                                 "Enter the name of the person who signs"),
    "parties.signatory.title": _w("Their job title", "Printed under the signature",
                                  "Enter the job title of the person who signs"),
    "parties.notices.title": _w("Who receives formal notices?", "A job title, for example "
                                "Monitoring Officer", "Enter who receives formal notices"),
    "parties.notices.email": _w("Email address for formal notices", "",
                                "Enter the email address for formal notices, for example "
                                "legal@eastwick.gov.uk"),
    "employer": _w("Which partner employs the post-holder?", "",
                   "Select which partner employs the post-holder"),
    "post.title": _w("Job title", "", "Enter the job title"),
    "post.grade": _w("Pay grade"),
    "post.purpose": _w("Why does the post exist?", "One or two sentences",
                       "Enter why the post exists"),
    "post.start_date": _w("When does the arrangement start?", "For example, 1 4 2027",
                          "Enter the start date", "1 4 2027"),
    "post.end_date": _w("When does it end?", "For example, 31 3 2029. Leave blank if it "
                        "has no fixed end",
                        example="31 3 2029", missing="Enter the end date"),
    "post.hours_per_week": _w("Hours a week", "Across all the partners",
                              "Enter the hours a week, for example 37", "37"),
    "post.days_per_week": _w("Days a week", "Usually 5", example="5",
        missing="Enter the days a week, for example 5"),
    "post.locations": _w("Places of work", "Where the post-holder works for each partner",
                         "Add at least one place of work"),
    "post.locations.party": _w("Partner", "", "Select the partner"),
    "post.locations.site": _w("Site", "For example Town Hall, Eastwick", "Enter the site"),
    "post.politically_restricted": _w(
        "Is the post politically restricted?", "", "Select yes if the post is politically "
        "restricted", help="Chief officers, statutory officers (such as the monitoring "
        "officer) and their deputies hold politically restricted posts under the Local "
        "Government and Housing Act 1989. The post-holder cannot stand for election or take "
        "an active part in party politics. Ask your monitoring officer if you are not sure."),
    "post.statutory_roles": _w("Statutory roles", "For example Director of Public Health, "
                               "each given by one partner"),
    "post.statutory_roles.party": _w("Partner", "", "Select the partner"),
    "post.statutory_roles.role": _w("Role", "", "Enter the role"),
    "post.statutory_roles.deputy": _w(
        "Deputy (monitoring officer only)", "The post whose holder stands in for the "
        "post-holder as this partner's monitoring officer, and which partner employs them. "
        "For example, Deputy Monitoring Officer, Westmere legal services"),
    "post.probation_months": _w("Probation period, in months", "Only for a post being "
                                "recruited to: the new contract's probation period",
                                "Enter the probation period in months, for example 6", "6"),
    "post.pension_scheme": _w("Pension scheme of the new contract", "Only for a post being "
                              "recruited to. Left blank, the Local Government Pension Scheme "
                              "for a council employer or the NHS Pension Scheme for an NHS "
                              "employer"),
    "post.not_expected": _w("What the post-holder is not expected to do",
                            "So one person can do the job"),
    "postholder.name": _w("Full name", "", "Enter the post-holder's name"),
    "postholder.address": _w("Home address", "For the contract",
                             "Enter the post-holder's home address"),
    "postholder.consulted_on": _w("When were they consulted about being shared?",
                                  "Before the start date. For example, 18 1 2027",
                                  example="18 1 2027",
        missing="Enter the date they were consulted"),
    "postholder.continuous_service_from": _w("Continuous service from",
                                             "When their continuous employment began. For "
                                             "example, 2 9 2019",
                                             example="2 9 2019",
        missing="Enter the date continuous service began"),
    "postholder.pension_scheme": _w("Pension scheme", "For example Local Government Pension "
                                    "Scheme"),
    "time_split.unit": _w("How is the time divided?", "", "Select how the time is divided"),
    "time_split.shares": _w("Each partner's share of the time", "Percentages add up to 100; "
                            "days or hours add up to the post's total",
                            "Enter each partner's share of the time", "60"),
    "time_split.flexibility": _w("How may the split change?", "For example: measured over "
                                 "each quarter"),
    "payment.mechanism": _w("How do the partners pay?", "", "Select how the partners pay"),
    "payment.fee.rate": _w("Fee", "For example 520",
                           "Enter the fee, for example 520", "520"),
    "payment.fee.per": _w("The fee is for each", "", "Select whether the fee is per day or "
                          "per hour"),
    "payment.fee.weeks_per_year": _w("Working weeks charged a year", "",
                                     "Enter the weeks charged a year, for example 42", "42"),
    "payment.fee.amounts": _w("What each partner pays the employer a year",
                              "In pounds, for each partner other than the employer",
                              "Enter what each partner pays a year, for example 52000",
                              "52000"),
    "payment.salary": _w("Salary", "A year, for example 52000",
                         "Enter the salary, for example 52000",
                         "52000"),
    "payment.premium_percent": _w("Extra pay for the shared role, as a percentage of the "
                                  "salary", "Leave blank for none", example="8",
        missing="Enter the extra pay as a percentage, for example 8"),
    "payment.on_costs": _w("On-costs", "What the employer pays on top of pay, such as "
                           "National Insurance and pension; leave blank for none"),
    "payment.on_costs.name": _w("What it is", "For example Employer National Insurance",
                                "Enter what the on-cost is"),
    "payment.on_costs.percent": _w("Percentage", "Of the salary and extra pay",
                                   "Enter the percentage, for example 13.9", "13.9"),
    "payment.on_costs.above": _w("Due only on pay above, in pounds a year", "For employer "
                                 "National Insurance, its threshold: 5000 from April 2025. "
                                 "Leave blank if it is due on all the pay",
                                 "Enter the pay it is due above, for example 5000", "5000"),
    "payment.cost_shares": _w("Each partner's share of the cost", "Leave blank to share the "
                              "cost as the time is shared", example="50",
        missing="Enter each partner's share of the cost, for example 50"),
    "payment.invoicing.frequency": _w("How often does the employer send invoices?", "",
                                      "Select how often invoices are sent"),
    "payment.invoicing.timing": _w("Are invoices sent before or after the work?", "",
                                   "Select when invoices are sent"),
    "payment.invoicing.payment_days": _w("Days to pay an invoice", "",
                                         "Enter the days to pay, for example 30", "30"),
    "payment.vat.treatment": _w(
        "How is VAT treated?", "Confirm with your VAT adviser", "Select how VAT is treated",
        help="A council that lends an officer to another council under section 113 is "
        "usually outside the scope of VAT for the recharge. A supply of staff for payment "
        "outside that power is normally standard rated (20%). Exempt is rare. Your finance "
        "team or VAT adviser should confirm which applies before the agreement is signed."),
    "execution": _w("How is the agreement signed?", "In Scotland, a witnessed signature "
                    "makes the agreement self-proving"),
    "integration_joint_board": _w(
        "Integration joint board the post serves", "Scotland only, for the chief officer of a "
        "health and social care partnership, for example Glenmuir Integration Joint Board. "
        "Leave blank if there is none"),
    "integration_joint_board_enforces": _w(
        "Can the integration joint board enforce the clauses on its chief officer?",
        "Its appointment of the chief officer, their accountability to it and its "
        "consultation. The partners can still change or end the agreement without it",
        help="Under the Contract (Third Party Rights) (Scotland) Act 2017 a body that is "
        "not a party to an agreement can be given the right to enforce some of its terms. "
        "Choose yes if the integration scheme or the board asks for that right. If the "
        "board is to sign the agreement itself, ask your legal team to set that up."),
    "payment.vat.rationale": _w("Why does that treatment apply?", "",
                                "Enter why that VAT treatment applies"),
    "payment.expenses": _w("Who pays travel and other expenses?", "",
                           "Select who pays expenses"),
    "payment.during_absence": _w(
        "What happens to payments while the post-holder is absent?", "During sickness, "
        "maternity or other leave. Payments always stop while the post is vacant"),
    "payment.pause_after_weeks": _w(
        "After how many weeks of absence do payments pause?", "Only when payments pause "
        "during absence. Left blank, 4 weeks", "Enter the number of weeks, for example 4",
        "4"),
    "payment.family_leave": _w(
        "What happens to payments during family leave?", "Maternity, paternity, adoption "
        "and shared parental leave"),
    "confidentiality.protected_information": _w(
        "Information that must not pass between partners", "One kind in each "
        "box, with \u2018Add another\u2019 for more",
        "Enter at least one kind of protected information"),
    "confidentiality.duration_after_end": _w(
        "How long confidentiality lasts after the end",
        "A number of years, for example 2, or \u2018without limit\u2019",
        "Enter a number of years, for example 2, or \u2018without limit\u2019", "2"),
    "confidentiality.data_protection": _w(
        "Who controls personal data?", "", "Select who controls personal data",
        help="Separate controllers: each partner decides how it uses the personal data it "
        "holds, as now. Joint controllers: the partners decide together why and how the data "
        "is used, and must agree in writing who does what under data protection law. Ask your "
        "data protection officer."),
    "confidentiality.data_sharing_agreement": _w("Title of the data-sharing agreement",
                                                 "Leave blank if there is none"),
    "confidentiality.foi_consultation_days": _w(
        "Days a partner has to comment on a freedom of information request", "",
        "Enter the days, for example 5", "5"),
    "conflicts_of_interest.declare_within_days": _w(
        "Days the post-holder has to declare a new interest", "",
        "Enter the days, for example 28", "28"),
    "conflicts_of_interest.registers": _w("Whose register of interests?", "",
                                          "Select whose register of interests is used"),
    "conflicts_of_interest.excluded_matters": _w("Matters the post-holder must not act in"),
    "conflicts_of_interest.decided_by": _w("Who decides a conflict of interest?", "",
                                           "Select who decides a conflict of interest"),
    "management.line_managers": _w("Day-to-day manager at each partner", "A job title",
                                   "Enter the manager at each partner"),
    "management.hr_lead": _w("Which partner handles appraisal, pay, discipline and leave?",
                             "Usually the employer"),
    "management.appraisal": _w("Who carries out the appraisal?", "",
                               "Select who carries out the appraisal"),
    "governance.steering_group.name": _w("Name of the steering group", "",
                                         "Enter the steering group's name"),
    "governance.steering_group.members": _w("Members", "Senior people from every partner",
                                            "Add at least one member"),
    "governance.steering_group.members.party": _w("Partner", "", "Select the partner"),
    "governance.steering_group.members.role": _w("Job title", "", "Enter the job title"),
    "governance.steering_group.meets": _w("How often does it meet?", "",
                                          "Select how often the group meets"),
    "governance.objectives": _w("Objectives", "Shared objectives and each partner's own, "
                                "one in each box, with \u2018Add another\u2019 for more"),
    "governance.disputes": _w("Steps to settle a dispute", "In order",
                              "Add at least one step"),
    "governance.disputes.level": _w("Who tries to settle it", "For example Chief Executives",
                                    "Enter who tries to settle the dispute"),
    "governance.disputes.days": _w("Days allowed", "", "Enter the days, for example 20",
                                   "20"),
    "governance.mediator_nominated_by": _w(
        "Who nominates a mediator if the partners cannot agree one?", "For example the "
        "Welsh Local Government Association. Left blank, the Centre for Effective Dispute "
        "Resolution (Scottish Mediation in Scotland)"),
    "review.trial_months": _w("Trial period in months", "Leave blank for no trial",
                              example="12",
        missing="Enter the trial period in months, for example 12"),
    "review.reviews_after_months": _w("Reviews, in months after the start",
                                      "Separated by commas, for example 6, 12",
                                      example="6, 12",
        missing="Enter the review months, for example 6, 12"),
    "review.trial_notice_months": _w(
        "Months of notice to leave after the trial", "Given no later than the last day of "
        "the trial; the partner leaves this many months after the trial ends. Left blank, 3 "
        "months", "Enter the months of notice, for example 3", "3"),
    "review.then_every_months": _w("Then a review every how many months?", "", example="24",
        missing="Enter the months between later reviews, for example 24"),
    "exit.notice_months": _w("Months of notice to leave the arrangement", "",
                             "Enter the months of notice, for example 6", "6"),
    "exit.postholder_reverts_to": _w("Who does the post-holder work for if it ends?", "",
                                     "Select who the post-holder works for if it ends"),
    "exit.reversion_post": _w(
        "Which post do they return to?", "Normally the post they held before the "
        "arrangement, for example Head of Human Resources, London Borough of Eastwick"),
    "exit.reversion_grade": _w("Grade of that post", "For example Chief Officer Grade 4"),
    "exit.pay_protection_months": _w(
        "Months of pay protection if that post pays less", "Left blank, the employer's pay "
        "protection policy applies; 0 for no protection",
        "Enter the months of pay protection, for example 12", "12"),
    "exit.fallback_post": _w(
        "Post offered before any redundancy", "Only for a post being recruited to: the post "
        "the employer offers if the arrangement ends, for example Monitoring Officer of the "
        "employer alone"),
    "exit.redundancy_costs": _w("Who pays redundancy costs?", "",
                                "Select who pays redundancy costs"),
    "exit.pension_strain_costs": _w("Who pays pension strain costs?", "",
                                    "Select who pays pension strain costs"),
    "exit.prior_service": _w(
        "Who pays the part of exit costs earned before the arrangement?",
        "For redundancy and pension strain costs that the partners share. Left blank, the "
        "employer pays that part"),
    "exit.employer_withdrawal_costs": _w(
        "If the employer's withdrawal ends the arrangement, who pays the exit costs?",
        "Only for three or more partners"),
    "exit.withdrawal_costs_months": _w(
        "For how many months does a partner that leaves still share exit costs?",
        "Only for three or more partners: redundancy and pension strain costs that arise "
        "within this time of its leaving. Left blank, 12 months",
        "Enter the number of months, for example 12", "12"),
    "exit.cost_shares": _w(
        "Each partner's share of redundancy and pension strain costs",
        "Percentages that add up to 100. Left blank, the shares follow the time or the cost "
        "shares"),
    "job.responsibilities": _w("Responsibilities", "Shared ones and each partner's own, one "
                               "in each box, with \u2018Add another\u2019 for more"),
    "job.relationships.internal": _w("Key relationships inside the partners"),
    "job.relationships.external": _w("Key relationships outside them"),
    "job.person_specification": _w("Person specification", "What candidates are assessed "
                                   "against", "Add at least one criterion"),
    "job.person_specification.criterion": _w("Criterion", "", "Enter the criterion"),
    "job.person_specification.area": _w("Area", "", "Select the area"),
    "job.person_specification.essential": _w("Is it essential?", "No means desirable",
                                             "Select yes if it is essential"),
    "job.person_specification.assessed_by": _w("How is it assessed?", "",
                                               "Select how it is assessed"),
    "job.special_conditions": _w("Special conditions", "For example a DBS check"),
}

#: choices in human form; ``path:value`` entries override a value's usual words there
CHOICES: dict[str, str] = {
    "draft": "Draft", "final": "Final",
    "england_and_wales": "England and Wales", "england": "England", "wales": "Wales",
    "scotland": "Scotland", "northern_ireland": "Northern Ireland",
    "lga_1972_s113": "Section 113 of the Local Government Act 1972 (England and Wales)",
    "lgs_1966_s35": "Section 35 of the Local Government (Scotland) Act 1966",
    "lgni_1972_s105": "Section 105 of the Local Government Act (Northern Ireland) 1972",
    "secondment": "A secondment", "other": "Another power (name it below)",
    "local_authority": "Local authority", "nhs_body": "NHS body",
    "other_public_body": "Other public body",
    "percent": "Percentages", "days_per_week": "Days a week", "hours_per_week": "Hours a week",
    "joint": "Jointly by all partners", "hr_lead": "By the partner that handles HR",
    "day": "Day", "hour": "Hour", "monthly": "Monthly", "quarterly": "Quarterly",
    "advance": "In advance", "arrears": "In arrears",
    "outside_scope": "Outside the scope of VAT", "standard_rated": "Standard rated",
    "exempt": "Exempt",
    "salary_share": "Salary share", "time_fee": "A fee for time worked",
    "fixed_fee": "A fixed fee each year",
    "each_party_own_business": "Each partner pays for its own business",
    "employer": "The employer",
    "continues": "They continue; they stop only while the post is vacant",
    "pauses": "They stop after the number of weeks of continuous absence given below (4 "
              "if left blank)",
    "separate_controllers": "Each partner separately", "joint_controllers": "Jointly",
    "all_parties": "All partners", "twice_yearly": "Twice a year", "yearly": "Once a year",
    "cost_shares": "The partners, in their cost shares", "shared": "Shared",
    "qualifications": "Qualifications", "experience": "Experience",
    "knowledge": "Knowledge", "skills": "Skills", "attributes": "Attributes",
    "application": "Application form", "interview": "Interview", "test": "Test",
    "presentation": "Presentation", "references": "References",
    **{k.kind: k.label for k in KINDS},  # the documents, as the one table names them
    "GBP": "Pounds sterling", "1": "1", "indefinite": "Indefinitely",
    "steering_group": "The steering group",
    "conflicts_of_interest.registers:employer": "The employer only",
    "payment.expenses:employer": "The employer",
    "exit.prior_service:shared": "The partners, in their cost shares",
    "exit.prior_service:employer": "The employer alone",
    "signatures": "Signed by each partner",
    "self_proving": "Signed before a witness, with a testing clause (Scotland)",
    "as_other_absence": "As for other absence",
    "payment.family_leave:continues": "They continue through family leave",
    "exit.employer_withdrawal_costs:cost_shares": "The partners, in their cost shares",
    "exit.employer_withdrawal_costs:employer": "The employer alone",
}


def words(path: tuple[str | int, ...]) -> Words | None:
    """The words for the question at ``path`` (indices and party ids ignored)."""
    keys = [str(p) for p in path if not isinstance(p, int)]
    while keys:  # a per-partner answer (time_split.shares.eastwick) has its map's words
        found = WORDS.get(".".join(keys))
        if found is not None:
            return found
        keys = keys[:-1]
    return None


def choice(value: object, path: tuple[str | int, ...] = ()) -> str:
    """A choice as a person reads it ("England and Wales", "Salary share")."""
    dotted = ".".join(str(p) for p in path if not isinstance(p, int))
    text = str(value)
    return CHOICES.get(f"{dotted}:{text}") or CHOICES.get(text) or \
        (text[:1].upper() + text[1:]).replace("_", " ")


#: answers shown as money (£52,000.00) or percentages (60%) on "Check your answers"; a money
#: question's box has a "£" before it (GOV.UK's input prefix: docgen/web/templates/macros.html
#: lists these keys, which tests/web/test_format_hints.py keeps in step)
MONEY = frozenset({"payment.salary", "payment.fee.rate", "payment.fee.amounts"})
PERCENT = frozenset({"payment.premium_percent", "payment.on_costs.percent",
                     "payment.cost_shares"})
