"""The browser words a checker's problem by its code (``Problem.code``) or rule id, never by
re-reading the message's English: a message reworded in docgen/answers or docgen/rulebook
used to fall back, silently, to the raw wording with its key paths ("the time_fee
mechanism needs fee.rate"). Each case makes one bad answer, checks that docgen marks its
problem with the code the browser words, and that the browser says the same thing however
the message is reworded; then the pages of every case are crawled for key paths, YAML,
rule ids and commands."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import html
import inspect
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
import yaml  # noqa: E402
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.answers import plainwords  # noqa: E402
from docgen.errors import Problem  # noqa: E402
from docgen.rulebook.engine import RULES  # noqa: E402
from docgen.rulebook.registry import told  # noqa: E402
from docgen.web.messages import BY_CODE, BY_RULE, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_round3_words import yaml_pairs  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
EXAMPLE: dict[str, Any] = load_yaml(
    (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
REWORDED = "reworded: see payment.fee.rate and set status: draft (GP014, docgen check)"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        node = data
        for key in parents:
            node = node[key]
        if value is KeyError:
            node.pop(last, None)
        else:
            node[last] = value
    return change


def _all(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for one in changes:
            one(data)
    return change


TIME_FEE = {"rate": 500, "per": "day", "weeks_per_year": 44}
IJB_PARTY = {"short_name": "the IJB", "address": "Town Hall, Eastwick",
             "signatory": {"name": "Cllr Ann Reid", "title": "Chair"},
             "notices": {"title": "Standards Officer", "email": "ijb@eastwick.example.gov.uk"}}
#: (the change, the problem's code or rule, its key path, what the browser says)
CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, tuple[Any, ...], str]] = {
    # docgen asks for each part of a time fee at its own key, as a missing answer
    "time fee without its fee": (
        _set("payment.mechanism", "time_fee"), "missing", ("payment", "fee", "rate"),
        "Payment: Enter the fee, for example 520"),
    "time fee without its day or hour": (
        _all(_set("payment.mechanism", "time_fee"),
             _set("payment.fee", {"rate": 500, "weeks_per_year": 44})),
        "missing", ("payment", "fee", "per"),
        "Payment: Select whether the fee is for each day or each hour"),
    "time fee without its weeks": (
        _all(_set("payment.mechanism", "time_fee"),
             _set("payment.fee", {"rate": 500, "per": "day"})),
        "missing", ("payment", "fee", "weeks_per_year"),
        "Payment: Enter the weeks charged a year, for example 42"),
    "fixed fee without amounts": (
        _set("payment.mechanism", "fixed_fee"), "fixed_fee_incomplete", ("payment", "fee"),
        "Payment: " + BY_CODE["fixed_fee_incomplete"]),
    "a fee for a salary share": (
        _set("payment.fee", TIME_FEE), "fee_unused", ("payment", "fee"),
        "Payment: A fee is only asked for when the partners pay a fee; choose how the "
        "partners pay again"),
    "amounts for a time fee": (
        _all(_set("payment.mechanism", "time_fee"),
             _set("payment.fee", {**TIME_FEE, "amounts": {"westmere": 100}})),
        "fee_amounts_unused", ("payment", "fee", "amounts"),
        "Payment: Amounts are only for a fixed fee each year"),
    "cost shares for a time fee": (
        _all(_set("payment.mechanism", "time_fee"), _set("payment.fee", TIME_FEE),
             _set("payment.cost_shares", {"eastwick": 50, "westmere": 50})),
        "cost_shares_unused", ("payment", "cost_shares"),
        "Payment: Cost shares are only for a salary share; leave them blank"),
    "an employer who is not a partner": (
        _set("employer", "northtown"), "not_a_party", ("employer",),
        "Employer: Select which partner employs the post-holder"),
    "an employer that is not a short code": (
        _set("employer", "North Town"), "not_a_party", ("employer",),
        "Employer: Select which partner employs the post-holder"),
    "another power not named": (
        _all(_set("legal_basis", "other"), _set("legal_basis_text", KeyError)),
        "other_power_unnamed", ("legal_basis_text",),
        "Legal basis: Name the power the arrangement is made under"),
    "final with a name not known": (
        _all(_set("status", "final"), _set("postholder.name", "tbc")), "not_known_final",
        ("postholder", "name"), "Post-holder: " + BY_CODE["not_known_final"]),
    "final with words to fill in": (
        _all(_set("status", "final"), _set("post.purpose", "To lead the HR team xxx")),
        "placeholder_final", ("post", "purpose"), "The post: " + BY_CODE["placeholder_final"]),
    "final with the appointee not known": (
        _all(_set("status", "final"), _set("postholder", KeyError)), "gap_final",
        ("postholder",), "Post-holder: Give this before the post can be final, or choose "
        "\u2018Draft\u2019 on About"),
    "a salary not known yet": (
        _set("payment.salary", "tbc"), "not_known_needed", ("payment", "salary"),
        "Payment: This is not known yet, but the documents need it; fill it in"),
    "an end date not known yet": (  # a key that may be left out: no 'the documents need it'
        _set("post.end_date", "tbc"), "not_known_optional", ("post", "end_date"),
        "The post: This is not known yet; fill it in, or leave it blank"),
    "a short code with spaces": (
        _set("parties.0.id", "East Wick"), "party_id_form", ("parties", 0, "id"),
        "Partners: An abbreviation must only include lower-case letters, numbers and "
        "underscores (_), and start with a letter, for example eastwick"),
    "a partner without its abbreviation": (  # question_words.yaml's parties.id missing
        _set("parties.1.id", KeyError), "missing", ("parties", 1, "id"),
        "Partners: Enter an abbreviation for Westmere, for example eastwick. Use lower-case "
        "letters, numbers and underscores (_), starting with a letter"),
    "a reference with spaces": (
        _set("reference", "has spaces"), "reference_form", ("reference",),
        "About the arrangement: " + BY_CODE["reference_form"]),
    "a key docgen does not know": (
        _set("post.colour", "blue"), "unknown_key", ("post", "colour"),
        "The file has an answer docgen does not use: ‘colour’ in the section ‘The post’. "
        "Remove it on that section's page to make the documents"),
    "review months out of order": (
        _set("review.reviews_after_months", [12, 6]), "review_months_order",
        ("review", "reviews_after_months"),
        "Review: Give each review month once, in order, for example 6, 12"),
    "two partners with one short name": (
        _set("parties.1.short_name", "Eastwick"), "same_short_name",
        ("parties", 1, "short_name"),
        f"Partners: {EXAMPLE['parties'][1]['name']} and {EXAMPLE['parties'][0]['name']} have "
        "the same short name ‘Eastwick’; give each its own"),
    "one partner": (
        _set("parties", copy.deepcopy(EXAMPLE["parties"][:1])), "too_few", ("parties",),
        "Partners: Add at least two partners"),
    "no job title": (
        _set("post.title", KeyError), "missing", ("post", "title"),
        "The post: Enter the job title"),
    "100 hours a week": (
        _set("post.hours_per_week", 100), "out_of_range", ("post", "hours_per_week"),
        "The post: The hours a week must be more than 0 and at most 80"),
    "a cost share below nothing": (
        _set("payment.cost_shares", {"eastwick": -5, "westmere": 105}), "out_of_range",
        ("payment", "cost_shares", "eastwick"), "must be from 0 to 100"),
    # an accepted warning's problems, each put right on check your answers
    "an acceptance without a reason": (
        _set("acknowledge.0.reason", ""), "acceptance_no_reason",
        ("acknowledge", 0, "reason"), BY_CODE["acceptance_no_reason"]),
    "an acceptance named in small letters": (
        _set("acknowledge.0.rule", "gp014"), "acceptance_rule_form",
        ("acknowledge", 0, "rule"), BY_CODE["acceptance_rule_form"]),
    "an acceptance that no longer applies": (
        _set("acknowledge", [*EXAMPLE["acknowledge"], {"rule": "GP023", "reason": "because"}]),
        "acceptance_not_applying", ("acknowledge", 1, "rule"),
        BY_CODE["acceptance_not_applying"]),
    "an error accepted as a warning": (
        _set("acknowledge", [*EXAMPLE["acknowledge"], {"rule": "GE001", "reason": "agreed"}]),
        "acceptance_of_error", ("acknowledge", 1, "rule"), BY_CODE["acceptance_of_error"]),
    "a job title too long": (
        _set("post.title", "A" * 20_001), "too_long", ("post", "title"),
        "The post: The job title must be 20,000 characters or fewer"),
    "a salary in words": (
        _set("payment.salary", "lots"), "not_a_number", ("payment", "salary"),
        "Payment: Enter the salary as a number, for example 52000"),
    "a start date that is not a date": (
        _set("post.start_date", "31/02/2027"), "not_a_date", ("post", "start_date"),
        "The post: The start date must be a real date"),
    "a council office for an NHS body": (
        _all(_set("parties.1.kind", "nhs_body"),
             _set("post.statutory_roles", [{"party": "westmere", "role": "Monitoring Officer"}])),
        "GP055", ("post", "statutory_roles", 0, "party"), BY_RULE["GP055"]),
    "an English office in a Welsh post": (
        _all(_set("jurisdiction", "wales"), _set("post.statutory_roles", [
            {"party": "eastwick", "role": "Director of Adult Social Services"}])),
        "office_of_england_in_wales", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_of_england_in_wales"]),
    "a council's director of public health in a Welsh post": (
        _all(_set("jurisdiction", "wales"), _set("post.statutory_roles", [
            {"party": "eastwick", "role": "Director of Public Health"}])),
        "public_health_in_wales", ("post", "statutory_roles", 0, "role"),
        BY_CODE["public_health_in_wales"]),
    "the Welsh office in an English post": (
        _all(_set("jurisdiction", "england"), _set("post.statutory_roles", [
            {"party": "eastwick", "role": "Director of Social Services"}])),
        "office_of_wales_in_england", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_of_wales_in_england"]),
    "the Welsh office under England and Wales": (
        _set("post.statutory_roles",
             [{"party": "eastwick", "role": "Director of Social Services"}]),
        "office_of_wales_not_said", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_of_wales_not_said"]),
    "a Scottish office in an English post": (
        _all(_set("jurisdiction", "england"), _set("post.statutory_roles", [
            {"party": "eastwick", "role": "Chief Social Work Officer"}])),
        "office_of_scotland", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_of_scotland"]),
    "an English office in a Scottish post": (
        _all(_set("jurisdiction", "scotland"), _set("post.statutory_roles", [
            {"party": "eastwick", "role": "Director of Adult Social Services"}])),
        "office_in_scotland", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_in_scotland"]),
    "an English public health office in a Northern Irish post": (
        _all(_set("jurisdiction", "northern_ireland"), _set("legal_basis", "lgni_1972_s105"),
             _set("post.statutory_roles", [
                 {"party": "eastwick", "role": "Director of Public Health"}])),
        "office_in_northern_ireland", ("post", "statutory_roles", 0, "role"),
        BY_CODE["office_in_northern_ireland"]),
    "a London council by its everyday name": (
        _set("parties.0.name", "London Borough of Eastwick"), "GP057",
        ("parties", 0, "name"), BY_RULE["GP057"]),
    "a Welsh post with no criterion on Welsh": (
        _set("jurisdiction", "wales"), "GP058", ("job", "person_specification"),
        BY_RULE["GP058"]),
    "a board outside Scotland": (
        _set("integration_joint_board", "Glenmuir Integration Joint Board"), "GE008",
        ("integration_joint_board",), "Legal basis: " + BY_RULE["GE008"]),
    # rule GE009 finds three things about an integration joint board's part: each its code
    "a board's part with no board named": (
        _all(_set("jurisdiction", "scotland"), _set("integration_joint_board_enforces", True)),
        "board_unnamed", ("integration_joint_board_enforces",),
        "Legal basis: " + BY_CODE["board_unnamed"]),
    "a board that signs and enforces as a third party": (
        _all(_set("jurisdiction", "scotland"), _set("integration_joint_board", "Eastwick IJB"),
             _set("integration_joint_board_party", IJB_PARTY),
             _set("integration_joint_board_enforces", True)),
        "board_enforces_as_party", ("integration_joint_board_enforces",),
        "Legal basis: " + BY_CODE["board_enforces_as_party"]),
    "a board with a partner's short name": (
        _all(_set("jurisdiction", "scotland"), _set("integration_joint_board", "Eastwick IJB"),
             _set("integration_joint_board_party", {**IJB_PARTY, "short_name": "Eastwick"})),
        "board_short_name_taken", ("integration_joint_board_party", "short_name"),
        BY_CODE["board_short_name_taken"]),
}


def _data(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    change(data)
    return data


def _problem(data: dict[str, Any], code: str, path: tuple[Any, ...]) -> Problem:
    report = docgen.check(data)
    found = [p for p in report.problems if p.path == path and code in (p.code, p.rule)]
    assert found, (code, path, [(p.path, p.code, p.rule, p.message) for p in report.problems])
    return found[0]


def _said(problem: Problem, data: dict[str, Any]) -> str:
    return problem_text(problem.message, problem.path, party_names(data), problem.severity,
                        code=problem.code, rule=problem.rule, fix=problem.fix)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_browser_words_a_problem_by_its_code_however_the_message_is_worded(case):
    change, code, path, expected = CASES[case]
    data = _data(change)
    problem = _problem(data, code, path)  # fails if the checks stop marking it
    said = _said(problem, data)
    assert expected in said, said
    reworded = dataclasses.replace(problem, message=REWORDED)
    assert _said(reworded, data) == said  # the message's wording is never read


def test_every_code_and_rule_the_browser_words_has_a_case():
    covered = {code for _, code, _, _ in CASES.values()}
    # test_problem_words covers glued_comment; test_audit reference_taken (the web's own);
    # test_profile_words the three a folder's organisation profiles give; the partner with
    # no profile, below; test_unasked_answer_removed unasked_answer (the web's own)
    assert set(BY_CODE) - {"glued_comment", "reference_taken", "profile_law",
                           "profile_kind", "profile_unread", "profile_missing",
                           "unasked_answer"} <= covered
    assert {"missing", "too_few", "out_of_range", "too_long", "same_short_name",
            "not_a_number", "not_a_date"} <= covered
    rules = {r["id"] for r in docgen.rules()}
    assert set(BY_RULE) <= rules, set(BY_RULE) - rules


def test_a_reworded_range_message_still_says_the_models_range(monkeypatch, tmp_path):
    """The range comes from the model (answers/ranges.py) for the question's key, not from
    the message: docgen's range wording changed once and the browser said "Enter the hours
    a week as a number" to someone who had typed one."""
    monkeypatch.setattr(plainwords, "_out_of_range",
                        lambda *args: "is outside what docgen allows")
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    response = web.submit("post", post__hours_per_week="100")
    assert response.status_code == 422
    text = visible_text(response.text)
    assert "The hours a week must be more than 0 and at most 80" in text, text[:2000]
    assert "outside what docgen allows" not in text
    response = web.submit("payment", payment__salary="0")
    assert "The salary must be more than 0 and at most 100,000,000" in visible_text(
        response.text)


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_page_of_a_bad_answer_shows_a_key_path_yaml_or_a_rule_id(case, tmp_path):
    change, _, path, expected = CASES[case]
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(_data(change), sort_keys=False),
                                       encoding="utf-8")
    web = Interview(tmp_path)
    web.open("bad.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert_plain(check, f"{case}: check your answers")
    if CASES[case][1] == "gap_final":  # check your answers counts it, in the status's
        assert "1 answer is still to be given" in visible_text(check), case  # message
    else:
        assert expected.split(": ", 1)[-1] in visible_text(check), case
    slug = {"parties": "partners/0" if len(path) > 1 else "partners",
            "legal_basis_text": "basis", "integration_joint_board": "basis",
            "reference": "about", "employer": "employer",
            "integration_joint_board_enforces": "basis",
            "integration_joint_board_party": "basis",
            "acknowledge": "check"}.get(str(path[0]), str(path[0]))
    page = web.client.get(f"{web.base}/{slug.replace('_', '-')}").text
    if case != "a salary not known yet":  # the salary box shows the file's "tbc" as typed
        assert_plain(page, f"{case}: {slug}")


#: the shipped examples the instruction cases below start from
_EXAMPLE_FILES = {"hr": "shared-head-of-hr.yaml", "dph": "joint-director-public-health.yaml",
                  "legal": "shared-legal-services-three-councils.yaml"}
#: each rule whose message instructs in the answer file's terms ("set registers:
#: all_parties"), and an answer that makes it fire: (the example, the change)
INSTRUCTED: dict[str, tuple[str, Callable[[dict[str, Any]], None]]] = {
    "GE002": ("dph", _set("payment.fee.amounts", {"icb": 52000, "council": 1000})),
    "GP059": ("hr", _all(_set("jurisdiction", "northern_ireland"),
                         _set("legal_basis", "lgni_1972_s105"))),
    "GP060": ("hr", _all(_set("post.title", "Chief Executive"),
                         _set("governance.disputes.1.level", "Chief Executives"))),
    "GE005": ("hr", _set("post.end_date", dt.date(2027, 12, 31))),
    "GE006": ("hr", _set("governance.steering_group.members",
                         [{"party": "eastwick", "role": "Chief Executive"}])),
    "GE007": ("legal", _set("exit.cost_shares", {"ashby": 40, "brookfield": 30})),
    "GE008": ("hr", _set("integration_joint_board", "Eastwick Integration Joint Board")),
    "GP007": ("hr", _set("payment.cost_shares", {"eastwick": 80, "westmere": 20})),
    "GP009": ("hr", _set("payment.premium_percent", 25)),
    "GP014": ("hr", _set("payment.vat.treatment", "exempt")),
    "GP015": ("legal", _set("post.not_expected", KeyError)),
    "GP020": ("hr", _set("review.reviews_after_months", [3])),
    "GP023": ("hr", _set("payment.salary", 100000)),
    "GP028": ("hr", _set("post.locations", [{"party": "eastwick", "site": "Town Hall"}])),
    "GP025": ("hr", _set("exit.postholder_reverts_to", "westmere")),
    "GP031": ("legal", _all()),  # £520 a day against £469.91 of cost
    "GP043": ("legal", _set("review.trial_notice_months", 12)),
    "GP046": ("hr", _all(_set("jurisdiction", "wales"), _set(
        "post.statutory_roles", [{"party": "eastwick", "role": "Head of Paid Service"}]))),
    "GP051": ("legal", _all(_set("jurisdiction", "england"), _set(
        "post.statutory_roles", [{"party": "ashby", "role": "Chief Executive"}]))),
    "GP053": ("hr", _all(_set("jurisdiction", "northern_ireland"), _set(
        "post.statutory_roles", [{"party": "eastwick", "role": "Returning Officer"}]))),
    "GP001": ("hr", _set("review.trial_months", 18)),
    "GP003": ("hr", _set("management.hr_lead", "westmere")),
    "GP008": ("hr", _set("exit.notice_months", 2)),
    "GP010": ("hr", _all(_set("confidentiality.data_protection", "joint_controllers"),
                         _set("confidentiality.data_sharing_agreement", KeyError))),
    "GP021": ("hr", _set("review.then_every_months", 36)),
    "GP027": ("hr", _set("conflicts_of_interest.declare_within_days", 60)),
    "GP044": ("legal", _set("exit.withdrawal_costs_months", 0)),
    "GP045": ("legal", _set("exit.reversion_grade", "Band M3")),
    "GP048": ("hr", _set("execution", "self_proving")),
    "GP049": ("hr", _set("exit.fallback_post", "Head of HR, Eastwick")),
    "GP052": ("hr", _set("postholder.pension_scheme", "LGPS (Northern Ireland)")),
    "GP061": ("hr", _all(_set("parties.0.kind", "nhs_body"),
                         _set("postholder.pension_scheme", "NHS Pension Scheme"))),
    "GP062": ("hr", _set("payment.on_costs.1", {"name": "Employer National Insurance",
                                                "percent": 15})),  # on all pay
    "GP063": ("hr", _set("payment.on_costs", [])),
    "GP064": ("dph", _all(_set("legal_basis", "other"), _set(
        "legal_basis_text", "section 75 of the National Health Service Act 2006"))),
    "GP065": ("dph", _set("parties.0.kind", "nhs_body")),  # its grade on JNC terms
    "GP067": ("dph", _set("jurisdiction", "wales")),  # an ICB under Wales' law alone
    "GP066": ("dph", _set("parties.0.kind", "nhs_body")),  # the NHS Pension Scheme at 23.78%
    "GP035": ("hr", _all(_set("payment.during_absence", "pauses"),
                         _set("payment.pause_after_weeks", 4))),
    "GP054": ("legal", _set("legal_basis", "secondment")),
    "GP016": ("hr", _set("jurisdiction", "scotland")),
    "GP002": ("hr", _set("governance.objectives.westmere", KeyError)),
    "GP004": ("hr", _set("management.appraisal", "hr_lead")),
    "GP011": ("hr", _set("governance.steering_group.meets", "yearly")),
    "GP012": ("dph", _set("post.politically_restricted", False)),
    "GP017": ("hr", _set("parties.0.kind", "other_public_body")),
    "GP018": ("hr", _set("job.responsibilities.westmere", KeyError)),
    "GP024": ("legal", _set("payment.expenses", "employer")),
    "GP026": ("hr", _set("conflicts_of_interest.registers", "employer")),
    "GP029": ("legal", _set("status", "final")),
    "GP030": ("hr", _set("governance.objectives.shared", KeyError)),
    "GP032": ("legal", _set("conflicts_of_interest.decided_by", "ashby")),
    "GP034": ("hr", _set("post.statutory_roles",
                         [{"party": "westmere", "role": "Monitoring Officer"}])),
    "GP041": ("hr", _set("exit.prior_service", KeyError)),
    "GP042": ("hr", _all(_set("exit.reversion_post", KeyError),
                         _set("exit.reversion_grade", KeyError))),
    "GP047": ("dph", _all(_set("jurisdiction", "scotland"),
                          _set("legal_basis", "lgs_1966_s35"))),
    "GE012": ("hr", _all(_set("jurisdiction", "wales"), _set("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"},
        {"party": "eastwick", "role": "Head of Democratic Services"}]))),
    "GP058": ("hr", _set("jurisdiction", "wales")),
    "GP006": ("hr", _set("conflicts_of_interest.excluded_matters", [])),
    "GP019": ("dph", _set("job.special_conditions", [])),
    "GP022": ("hr", _set("postholder.consulted_on", dt.date(2027, 3, 25))),
    "GE001": ("legal", _set("payment.fee.rate", 2000)),
    "GE003": ("legal", _set("post.statutory_roles", [
        {"party": "ashby", "role": "Monitoring Officer"},
        {"party": "ashby", "role": "Section 151 Officer"}])),
    "GE004": ("legal", _set("post.statutory_roles", [
        {"party": "coldharbour", "role": "Monitoring Officer"},
        {"party": "coldharbour", "role": "Head of Paid Service"}])),
    "GP069": ("legal", _set("post.statutory_roles", [
        {"party": "ashby", "role": "Monitoring Officer",
         "deputy": "Democratic Services Manager, Brookfield"}])),
    "GP068": ("legal", _set("post.statutory_roles",
                           [{"party": "ashby", "role": "Director of Public Health"}])),
    "GP005": ("dph", _set("governance.disputes", [{"level": "Chief Executives", "days": 20}])),
    "GP033": ("dph", _set("governance.disputes", [{"level": "Chief Executives", "days": 10},
                                                  {"level": "Chief Executives", "days": 20}])),
}
#: a key path, a snake_case word or a rule id in what the browser says (and yaml_pairs: a
#: "key: value" of the model's keys); "e.g." is English (GP006's examples of excluded matters)
_ANSWER_FILE_WORDS = re.compile(r"\b(?!e\.g\b|i\.e\b)[a-z]+(?:[._][a-z0-9]+)+\b|GP\d+")


def _instructed(rule: str) -> tuple[Problem, dict[str, Any]]:
    name, change = INSTRUCTED[rule]
    data = load_yaml((EXAMPLES / _EXAMPLE_FILES[name]).read_text(encoding="utf-8"))
    change(data)
    found = [p for p in docgen.check(data).problems
             if p.rule == rule and p.fix is not None]
    assert found, (rule, [(p.rule, p.message) for p in docgen.check(data).problems])
    return found[0], data


@pytest.mark.parametrize("rule", sorted(INSTRUCTED))
def test_a_rules_instruction_is_said_from_the_questions_however_the_command_line_words_it(
        rule, monkeypatch):
    """The rule states its instruction as data (``Problem.fix``) beside the message the
    command line prints; the browser says it from the question's label and the choice's
    label. Reworded in the rule, the command line changes and the browser does not."""
    problem, data = _instructed(rule)
    said = _said(problem, data)
    assert not _ANSWER_FILE_WORDS.search(said) and not yaml_pairs(said), said
    assert_plain(f"<p>{html.escape(said)}</p>", f"{rule}: {said}")
    assert problem.fix is not None and problem.fix.said in problem.message
    module = sys.modules[next(r.check.__module__ for r in RULES if r.id == rule)]

    def reworded(before: str, said: str, *ways: Any, after: str = "", code: str = "") -> Any:
        return told(before, f"in the answer file write {said.replace(': ', ' = ')} (see "
                    "docs/answers.md)", *ways, after=after, code=code)

    monkeypatch.setattr(module, "told", reworded)
    again, _ = _instructed(rule)
    assert str(again) != str(problem) and "in the answer file write" in again.message
    assert _said(again, data) == said  # the instruction's English is never read


def test_every_rule_that_gives_its_instruction_as_data_has_a_case():
    """A rule that starts to give its instruction as data (``told`` in docgen/rulebook)
    joins :data:`INSTRUCTED`, so its browser words are checked."""
    given = {r.id for r in RULES if "told(" in inspect.getsource(r.check)}
    assert given == set(INSTRUCTED), given ^ set(INSTRUCTED)


def test_a_partner_with_no_profile_is_worded_by_its_code(tmp_path: Path) -> None:
    """A partner given by a short code that has no profile in the folder: the message names
    the folder and the file to write; the browser asks for the partner's details."""
    (tmp_path / "organisations").mkdir()  # a folder of profiles, without Northtown's
    data = copy.deepcopy(EXAMPLE)
    data["parties"][1] = "northtown"
    post = tmp_path / "post.yaml"
    post.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    [problem] = [p for p in docgen.check(post).errors if p.code == "profile_missing"]
    said = _said(problem, data)
    assert BY_CODE["profile_missing"] in said
    reworded = dataclasses.replace(problem, message=REWORDED)
    assert _said(reworded, data) == said


def test_check_your_answers_says_a_rules_instruction_from_the_question(tmp_path):
    """In a real request: the page shows the instruction made from the question's label and
    the choice's label, not the answer file's words."""
    data = copy.deepcopy(EXAMPLE)
    data["conflicts_of_interest"]["registers"] = "employer"
    (tmp_path / "registers.yaml").write_text(yaml.safe_dump(data, sort_keys=False),
                                             encoding="utf-8")
    web = Interview(tmp_path)
    web.open("registers.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert "choose ‘All partners’ for ‘Whose register of interests?’ on the page ‘Conflicts " \
        "of interest’" in visible_text(check), visible_text(check)[:3000]
    assert_plain(check, "check your answers")
