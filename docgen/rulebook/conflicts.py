"""Rules on ``conflicts_of_interest`` (excluded matters, registers, who decides) and
``confidentiality`` (data sharing)."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    DOMAIN,
    LEGAL_REVIEW,
    Findings,
)
from docgen.rulebook.registry import rule, told, way


@rule("GP006", "warning", "conflicts_of_interest.excluded_matters",
      CAPITAL_AMBITION + ", 4.1 Risk assessment (legal risks)",
      "list the matters in which the post-holder must not act for any party",
      clauses=("agreement.conflicts", "contract.interests"))
def excluded_matters(a: AnswerFile, f: Facts) -> Findings:
    if not a.conflicts_of_interest.excluded_matters:
        yield ("conflicts_of_interest", "excluded_matters"), told(
            "no matters are excluded; ", "name the matters where the parties' interests "
            "conflict and the post-holder must not act for either",
            way("conflicts_of_interest.excluded_matters"),
            after=" (e.g. contracts or disputes between the parties)")


@rule("GP010", "warning", "confidentiality.data_sharing_agreement", DOMAIN + " (ICO data "
      "sharing code)", "joint controllers need a data-sharing agreement",
      clauses=("agreement.data_protection",))
def joint_controllers_dsa(a: AnswerFile, f: Facts) -> Findings:
    c = a.confidentiality
    if c.data_protection == "joint_controllers" and not c.data_sharing_agreement:
        yield ("confidentiality", "data_sharing_agreement"), told(
            "the parties are joint controllers but no data-sharing agreement is named; joint "
            "controllers must set out their responsibilities in an arrangement. ",
            "Name it in confidentiality.data_sharing_agreement",
            way("confidentiality.data_sharing_agreement"))


@rule("GP026", "warning", "conflicts_of_interest.registers", DOMAIN + " (declare interests in "
      "every organisation's register)", "interests should be declared in every party's register",
      clauses=("agreement.conflicts", "contract.interests"))
def registers_all(a: AnswerFile, f: Facts) -> Findings:
    if a.conflicts_of_interest.registers != "all_parties":
        yield ("conflicts_of_interest", "registers"), told(
            "interests are declared only in the employer's register, so the other parties "
            "cannot see them; ", "set registers: all_parties",
            way("conflicts_of_interest.registers=all_parties"))


@rule("GP027", "warning", "conflicts_of_interest.declare_within_days",
      "Local Government Act 1972 s.117 (" + DOMAIN + ")",
      "interests should be declared within 28 days", clauses=("contract.interests",))
def declare_promptly(a: AnswerFile, f: Facts) -> Findings:
    days = a.conflicts_of_interest.declare_within_days
    if days > 28:
        yield ("conflicts_of_interest", "declare_within_days"), told(
            f"{days} days to declare an interest is too long; the post-holder could act on a "
            "conflict in the meantime. ", "Set declare_within_days to 28 or less",
            way("conflicts_of_interest.declare_within_days=<=28"))


@rule("GP032", "warning", "conflicts_of_interest.decided_by", LEGAL_REVIEW + ", 8 "
      "(governance); NHS guidance on managing conflicts of interest",
      "conflicts of interest should not be decided by one of the parties to the conflict",
      clauses=("agreement.conflicts",))
def conflict_decider(a: AnswerFile, f: Facts) -> Findings:
    who = a.conflicts_of_interest.decided_by
    if who == "steering_group" or who not in f.party:
        return
    role = "the employer" if who == a.employer else "a party"
    yield ("conflicts_of_interest", "decided_by"), told(
        f"conflicts of interest go to {f.party[who].short_name}, which is {role} and may "
        "itself be one side of the conflict. The agreement sends such a conflict to the "
        "steering group instead (and, failing agreement, to an independent person); ",
        "set conflicts_of_interest.decided_by: steering_group",
        way("conflicts_of_interest.decided_by=steering_group"), after=" to make that the rule")
