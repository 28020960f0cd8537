"""The good-practice rules: each fires on an answer file made to break it, and not otherwise.

Answer files are modified copies of the shared examples, built in memory: load the YAML,
change a key, validate, derive and run the rules.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, EXAMPLES_DIR
from yaml_text import load_yaml

from docgen.answers.validation import validate
from docgen.answers.yamlfile import Located
from docgen.cli import cli
from docgen.cli.rules import format_json, format_table
from docgen.errors import Problem
from docgen.facts.derive import derive
from docgen.facts.role_titles import role_kinds
from docgen.publish.post import check_post
from docgen.results import Report
from docgen.rulebook.catalogue import RUN_ORDER, module_for
from docgen.rulebook.engine import RULES, run_rules

NAMES = {"dph": "joint-director-public-health", "hr": "shared-head-of-hr",
         "legal": "shared-legal-services-three-councils"}
_CACHE: dict[str, dict] = {}


def example(name: str) -> dict[str, Any]:
    """A fresh, modifiable copy of a shared example's data."""
    if name not in _CACHE:
        _CACHE[name] = load_yaml((EXAMPLES_DIR / f"{NAMES[name]}.yaml").read_text("utf-8"))
    return copy.deepcopy(_CACHE[name])


def problems_for(data: dict[str, Any]) -> list[Problem]:
    located = Located(data=data, path=Path("x.yaml"))
    answers = validate(located)
    return run_rules(answers, derive(answers), located)


def put(path: str, value: Any) -> Callable[[dict], None]:
    """A modification: set the dotted ``path`` (list items by index) to ``value``."""
    def apply(data: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = data
        for part in parents:
            node = node[part]
        node[last] = value
    return apply


def drop(path: str) -> Callable[[dict], None]:
    def apply(data: dict) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[part]
        del node[last]
    return apply


def both(*mods: Callable[[dict], None]) -> Callable[[dict], None]:
    def apply(data: dict) -> None:
        for m in mods:
            m(data)
    return apply


def add_role(party: str, role: str) -> Callable[[dict], None]:
    return lambda d: d["post"].setdefault("statutory_roles", []).append(
        {"party": party, "role": role})


def unchanged(data: dict) -> None:
    return None


D = dt.date
IJB_PARTY = {"short_name": "the IJB", "address": "Town Hall, Eastwick",
             "signatory": {"name": "Cllr Ann Reid", "title": "Chair"},
             "notices": {"title": "Standards Officer", "email": "ijb@eastwick.example.gov.uk"}}
#: a VAT rationale citing s.113 (as the interview's standing answer and Eastwick's profile do)
S113_RATIONALE = put("payment.vat.rationale", "Officer placed at the disposal of another "
                     "local authority under section 113 of the Local Government Act 1972.")
# (rule, example, modification, expect the rule to fire)
CASES: list[tuple[str, str, Callable[[dict], None], bool]] = [
    ("GE001", "dph", put("payment.fee.amounts", {"icb": 200000}), True),
    ("GE001", "legal", put("payment.fee.rate", 2000), True),
    ("GE001", "dph", unchanged, False),
    ("GE001", "legal", unchanged, False),
    ("GE002", "dph", put("payment.fee.amounts", {"icb": 52000, "council": 1000}), True),
    ("GE002", "dph", unchanged, False),
    ("GE003", "legal", add_role("ashby", "Chief Finance Officer (s.151)"), True),
    ("GE003", "legal", add_role("ashby", "Section 151 officer"), True),
    ("GE003", "legal", add_role("brookfield", "Head of Paid Service"), False),
    ("GE003", "legal", add_role("brookfield", "Deputy Section 151 Officer"), False),
    ("GE003", "legal", both(add_role("ashby", "Section 95 Officer"),
                            put("jurisdiction", "scotland")), True),
    ("GE003", "legal", both(add_role("ashby", "Section 95 Officer"),
                            put("jurisdiction", "northern_ireland")), False),
    ("GE003", "legal", add_role("ashby", "Section 95 Officer"), False),  # GP056's, in E&W
    ("GE004", "legal", add_role("coldharbour", "Head of the Paid Service"), True),
    ("GE004", "legal", both(add_role("ashby", "Head of Paid Service"),
                            put("jurisdiction", "scotland")), False),
    ("GE004", "legal", add_role("ashby", "Chief Executive"), False),
    ("GE005", "hr", put("post.end_date", D(2027, 12, 31)), True),
    ("GE005", "hr", both(put("post.end_date", D(2028, 2, 1)),
                         put("review.reviews_after_months", [6])), True),  # trial too long
    ("GE005", "hr", put("post.end_date", D(2029, 4, 1)), False),
    ("GE006", "hr", put("governance.steering_group.members",
                        [{"party": "eastwick", "role": "Chief Executive"}]), True),
    ("GE006", "hr", unchanged, False),
    ("GP001", "hr", drop("review.trial_months"), True),
    ("GP001", "hr", put("review.trial_months", 18), True),
    ("GP001", "hr", unchanged, False),
    ("GP002", "hr", drop("governance.objectives.westmere"), True),
    ("GP002", "hr", unchanged, False),
    ("GP003", "hr", put("management.hr_lead", "westmere"), True),
    ("GP003", "hr", unchanged, False),
    ("GP003", "dph", unchanged, False),  # no hr_lead: the employer leads
    ("GP004", "hr", put("management.appraisal", "hr_lead"), True),
    ("GP004", "hr", unchanged, False),
    ("GP005", "dph", put("governance.disputes", [{"level": "Chief Executives", "days": 20}]),
     True),
    ("GP005", "dph", unchanged, False),
    ("GP006", "hr", put("conflicts_of_interest.excluded_matters", []), True),
    ("GP006", "hr", unchanged, False),
    ("GP007", "hr", put("payment.cost_shares", {"eastwick": 80, "westmere": 20}), True),
    ("GP007", "hr", put("payment.cost_shares", {"eastwick": 55, "westmere": 45}), False),
    ("GP007", "dph", put("payment.fee.amounts", {"icb": 10000}), True),
    ("GP007", "dph", unchanged, False),
    ("GP007", "legal", unchanged, False),
    # hosts paying more than their time costs: GP031 says it in money, GP007 not again
    ("GP007", "dph", put("payment.fee.amounts", {"icb": 90000}), False),
    ("GP031", "dph", put("payment.fee.amounts", {"icb": 90000}), True),
    ("GP007", "legal", put("payment.fee.rate", 700), False),
    ("GP031", "legal", put("payment.fee.rate", 700), True),
    ("GP007", "legal", put("payment.fee.rate", 300), True),  # hosts below cost: GP007's
    ("GP008", "hr", put("exit.notice_months", 2), True),
    ("GP008", "hr", put("exit.notice_months", 3), False),
    ("GP009", "hr", put("payment.premium_percent", 25), True),
    ("GP009", "hr", put("payment.premium_percent", 20), False),
    ("GP010", "hr", both(put("confidentiality.data_protection", "joint_controllers"),
                         drop("confidentiality.data_sharing_agreement")), True),
    ("GP010", "hr", put("confidentiality.data_protection", "joint_controllers"), False),
    ("GP010", "legal", unchanged, False),  # separate controllers need not name one
    ("GP011", "hr", put("governance.steering_group.meets", "yearly"), True),
    ("GP011", "legal", unchanged, False),  # twice a year is enough
    ("GP012", "dph", put("post.politically_restricted", False), True),
    ("GP012", "legal", put("post.politically_restricted", False), True),
    ("GP012", "hr", put("post.politically_restricted", False), False),  # no statutory role
    ("GP013", "legal", put("time_split.shares", {"ashby": 3, "brookfield": 1.5,
                                                 "coldharbour": 0.5}), True),
    ("GP013", "legal", unchanged, False),
    ("GP014", "hr", unchanged, True),
    ("GP014", "hr", put("payment.vat.treatment", "exempt"), True),
    ("GP014", "hr", put("payment.vat.treatment", "standard_rated"), False),
    ("GP015", "legal", unchanged, True),
    ("GP015", "hr", unchanged, False),
    ("GP016", "hr", put("jurisdiction", "scotland"), True),
    ("GP016", "hr", put("legal_basis", "lgs_1966_s35"), True),
    ("GP016", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "lgs_1966_s35")),
     False),
    ("GP016", "hr", put("legal_basis", "secondment"), False),
    # s.35 does not reach a health board host: a secondment, or the 2014 Act route
    ("GP016", "hr", both(put("jurisdiction", "scotland"), put("parties.1.kind", "nhs_body")),
     True),
    ("GP017", "hr", put("parties.1.kind", "other_public_body"), True),
    # an NHS body placing its officer with a council is s.113(1A)(b): lawful, no warning
    ("GP017", "dph", both(put("employer", "icb"), put("payment.fee.amounts", {"council": 1})),
     False),
    ("GP017", "dph", both(put("employer", "icb"), put("payment.fee.amounts", {"council": 1}),
                          put("parties.0.kind", "nhs_body")), True),
    ("GP017", "dph", both(put("employer", "icb"), put("payment.fee.amounts", {"council": 1}),
                          put("parties.1.kind", "other_public_body")), True),
    ("GP017", "dph", unchanged, False),  # a council placing its officer with an NHS body
    ("GP018", "hr", drop("job.responsibilities.westmere"), True),
    ("GP018", "hr", unchanged, False),
    ("GP019", "dph", put("job.special_conditions", ["This is a politically restricted post."]),
     True),
    ("GP019", "dph", unchanged, False),
    ("GP019", "hr", unchanged, False),
    # s.73A of the NHS Act 2006: a council's director of public health, not an NHS body's
    ("GP019", "dph", both(put("job.special_conditions", []), put(
        "post.statutory_roles", [{"party": "icb", "role": "Director of Public Health"}])), False),
    ("GP019", "dph", both(put("job.special_conditions", []), put(
        "post.statutory_roles", [{"party": "council", "role": "Director of Public Health"}])),
     True),
    ("GP019", "dph", both(put("job.special_conditions", []), put("post.statutory_roles", []),
                          put("parties.0.kind", "nhs_body")), False),  # no council: the title
    ("GP019", "dph", both(put("job.special_conditions", []), put("post.statutory_roles", [])),
     True),  # no role names the office: the title does, and a party is a council
    ("GP020", "hr", put("review.reviews_after_months", [3]), True),
    ("GP020", "hr", unchanged, False),
    ("GP020", "hr", drop("review.trial_months"), False),
    ("GP021", "hr", put("review.then_every_months", 36), True),
    ("GP021", "hr", drop("review.then_every_months"), True),
    ("GP021", "hr", both(drop("review.then_every_months"), put("post.end_date", D(2029, 3, 31))),
     False),
    ("GP021", "hr", unchanged, False),
    ("GP022", "hr", put("postholder.consulted_on", D(2027, 3, 25)), True),
    ("GP022", "hr", unchanged, False),
    ("GP022", "legal", unchanged, False),  # nobody appointed yet
    ("GP023", "hr", put("payment.salary", 100000), True),
    ("GP023", "hr", unchanged, False),
    ("GP024", "legal", put("payment.expenses", "employer"), True),
    ("GP024", "dph", unchanged, False),  # two parties: the employer may carry expenses
    ("GP025", "hr", put("exit.postholder_reverts_to", "westmere"), True),
    ("GP025", "hr", unchanged, False),
    ("GP026", "hr", put("conflicts_of_interest.registers", "employer"), True),
    ("GP026", "hr", unchanged, False),
    ("GP027", "hr", put("conflicts_of_interest.declare_within_days", 60), True),
    ("GP027", "hr", unchanged, False),
    ("GP028", "hr", put("post.locations", [{"party": "eastwick", "site": "Town Hall"}]), True),
    ("GP028", "hr", unchanged, False),
    ("GP029", "legal", put("status", "final"), True),
    ("GP029", "hr", both(put("status", "final"), put("exit.reversion_post", "Head of HR"),
                         put("exit.reversion_grade", "Chief Officer Grade 4")), False),
    ("GP029", "hr", put("status", "final"), True),  # the post returned to is not named
    # a job specification advertises the post: final before anyone is appointed
    ("GP029", "legal", both(put("status", "final"), put("documents", ["job_spec"])), False),
    ("GP029", "legal", both(put("status", "final"), put("documents", ["agreement", "job_spec"])),
     False),
    ("GP030", "hr", drop("governance.objectives.shared"), True),
    ("GP030", "hr", unchanged, False),
    ("GP031", "legal", unchanged, True),  # £520 a day against £469.77 of cost
    ("GP031", "legal", put("payment.fee.rate", 469), False),
    ("GP032", "legal", unchanged, True),  # decided_by: the employer
    ("GP032", "legal", put("conflicts_of_interest.decided_by", "steering_group"), False),
    ("GP033", "dph", unchanged, True),  # the Council's line manager is its Chief Executive
    ("GP033", "legal", unchanged, False),
    ("GP034", "legal", unchanged, True),
    ("GP034", "legal", put("jurisdiction", "england"), False),
    ("GP034", "hr", put("parties.1.name", "Cyngor Sir Westmere"), True),  # a Welsh name
    ("GP035", "hr", put("payment.during_absence", "pauses"), True),
    ("GP035", "hr", unchanged, False),
    ("GP041", "hr", unchanged, True),  # service from 2019, redundancy costs shared
    ("GP041", "hr", put("exit.prior_service", "shared"), False),
    ("GP041", "dph", unchanged, False),  # the employer bears every exit cost
    ("GP041", "legal", unchanged, False),  # nobody appointed yet
    ("GP042", "hr", unchanged, True),
    ("GP042", "hr", put("exit.reversion_post", "Head of HR"), True),  # grade still missing
    ("GP042", "hr", both(put("exit.reversion_post", "Head of HR"),
                         put("exit.reversion_grade", "Chief Officer Grade 4")), False),
    ("GP042", "legal", unchanged, False),  # a new appointee has no post to return to
    ("GP043", "legal", put("review.trial_notice_months", 12), True),
    ("GP043", "legal", unchanged, False),
    ("GP043", "legal", both(put("review.trial_notice_months", 12),
                            drop("review.trial_months")), False),
    ("GP044", "legal", put("exit.withdrawal_costs_months", 0), True),
    ("GP044", "legal", unchanged, False),
    ("GP044", "hr", put("exit.withdrawal_costs_months", 0), False),  # two parties
    ("GP045", "hr", both(drop("review.trial_months"), put("review.trial_notice_months", 2)),
     True),
    ("GP045", "hr", drop("review.trial_months"), False),  # the default is not an answer
    ("GP045", "legal", put("exit.reversion_grade", "Band M3"), True),  # nobody to return
    ("GP045", "hr", put("exit.reversion_grade", "Chief Officer Grade 4"), False),
    # issue 20: exit-cost shares stated apart from the payments
    ("GE007", "legal", put("exit.cost_shares", {"ashby": 40, "brookfield": 30,
                                                "coldharbour": 20}), True),
    ("GE007", "legal", put("exit.cost_shares", {"ashby": 40, "brookfield": 30}), True),
    ("GE007", "legal", put("exit.cost_shares", {"ashby": 40, "brookfield": 30,
                                                "coldharbour": 20, "nobody": 10}), True),
    ("GE007", "legal", put("exit.cost_shares", {"ashby": 40, "brookfield": 30,
                                                "coldharbour": 30}), False),
    ("GE007", "legal", unchanged, False),
    ("GP046", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "eastwick", "role": "Head of Paid Service"}])), True),
    ("GP046", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"}])), False),
    ("GP046", "hr", put("post.statutory_roles", [
        {"party": "eastwick", "role": "Head of Paid Service"}]), False),  # England
    ("GP047", "dph", both(put("jurisdiction", "scotland"), put("legal_basis", "lgs_1966_s35")),
     True),
    ("GP047", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "lgs_1966_s35")),
     False),
    # outside Scotland: the power of the post's own country, not the 2014 Act
    ("GP047", "hr", both(put("jurisdiction", "northern_ireland"), put("legal_basis",
                                                                     "lgs_1966_s35"),
                         put("parties.1.kind", "nhs_body")), True),
    ("GP048", "hr", put("execution", "self_proving"), True),
    ("GP048", "hr", both(put("jurisdiction", "scotland"), put("execution", "self_proving")),
     False),
    ("GE008", "hr", put("integration_joint_board", "Eastwick Integration Joint Board"), True),
    ("GE008", "hr", both(put("jurisdiction", "scotland"),
                         put("integration_joint_board", "Eastwick IJB")), False),
    ("GE008", "hr", put("integration_joint_board_enforces", True), True),
    # an integration joint board's part needs its name, and is a party or a third party
    ("GE009", "hr", both(put("jurisdiction", "scotland"),
                         put("integration_joint_board_enforces", True)), True),
    ("GE009", "hr", both(put("jurisdiction", "scotland"),
                         put("integration_joint_board", "Eastwick IJB"),
                         put("integration_joint_board_party", IJB_PARTY),
                         put("integration_joint_board_enforces", True)), True),
    ("GE009", "hr", both(put("jurisdiction", "scotland"),
                         put("integration_joint_board", "Eastwick IJB"),
                         put("integration_joint_board_enforces", True)), False),
    # an integration joint board neither employs nor shares time and cost (GE010, GE011)
    ("GE010", "hr", put("parties.0.name", "Eastwick Integration Joint Board"), True),
    ("GE010", "hr", put("parties.1.name", "Westmere Integration Joint Board"), False),
    ("GE011", "hr", put("parties.1.name", "Westmere Integration Joint Board"), True),
    ("GE011", "hr", both(put("jurisdiction", "scotland"),
                         put("integration_joint_board", "Eastwick IJB"),
                         put("integration_joint_board_party", IJB_PARTY)), False),
    # s.35 of the 1966 Act does not reach an integration joint board that signs (GP050)
    ("GP050", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "lgs_1966_s35"),
                         put("integration_joint_board", "Eastwick IJB"),
                         put("integration_joint_board_party", IJB_PARTY)), True),
    ("GP050", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "lgs_1966_s35"),
                         put("integration_joint_board", "Eastwick IJB")), False),
    # a Welsh chief executive cannot also be the council's monitoring officer (GE004)
    ("GE004", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"},
        {"party": "eastwick", "role": "Monitoring Officer"}])), True),
    # an electoral office alone does not make the post politically restricted (GP012)
    ("GP012", "hr", both(put("post.politically_restricted", False), put(
        "post.statutory_roles", [{"party": "eastwick", "role": "Returning Officer"}])), False),
    # Part I of the Local Government and Housing Act 1989 (ss.2, 4, 5) does not extend to
    # Northern Ireland: no statutory bar on combining the roles, no statutory restriction
    ("GE003", "legal", both(put("jurisdiction", "northern_ireland"),
                            add_role("ashby", "Chief Finance Officer")), False),
    ("GE004", "legal", both(put("jurisdiction", "northern_ireland"),
                            add_role("ashby", "Head of Paid Service")), False),
    ("GP012", "legal", both(put("jurisdiction", "northern_ireland"),
                            put("post.politically_restricted", False)), False),
    # outside Wales a council's chief executive is a statutory role as head of paid service
    ("GP051", "legal", both(put("jurisdiction", "england"),
                            add_role("ashby", "Chief Executive")), True),
    ("GP051", "legal", both(put("jurisdiction", "scotland"),
                            add_role("ashby", "Chief Executive")), True),
    ("GP051", "legal", both(put("jurisdiction", "england"),
                            add_role("ashby", "Chief Executive and Head of Paid Service")), False),
    ("GP051", "legal", both(put("jurisdiction", "england"), add_role("ashby", "Chief Executive"),
                            add_role("ashby", "Head of Paid Service")), False),
    ("GP051", "legal", both(put("jurisdiction", "wales"),
                            add_role("ashby", "Chief Executive")), False),
    # a pension scheme of another country, or a local government scheme for an NHS employer
    ("GP052", "hr", put("jurisdiction", "scotland"), True),
    ("GP052", "hr", both(put("jurisdiction", "scotland"), put(
        "postholder.pension_scheme", "Local Government Pension Scheme (Scotland)")), False),
    ("GP052", "hr", put("postholder.pension_scheme", "LGPS (Northern Ireland)"), True),
    ("GP052", "dph", unchanged, False),  # a council may keep public health staff in the NHS scheme
    ("GP052", "hr", put("parties.0.kind", "nhs_body"), True),  # an NHS employer in the LGPS
    # Northern Ireland's Chief Electoral Officer is the returning and registration officer
    ("GP053", "hr", both(put("jurisdiction", "northern_ireland"), put(
        "post.statutory_roles", [{"party": "eastwick", "role": "Returning Officer"}])), True),
    ("GP053", "hr", put("post.statutory_roles",
                        [{"party": "eastwick", "role": "Returning Officer"}]), False),
    # a host council's statutory officer must be its officer: s.113(2), not a secondment
    ("GP054", "legal", put("legal_basis", "secondment"), True),
    ("GP054", "legal", unchanged, False),
    ("GP054", "hr", put("legal_basis", "secondment"), False),  # no statutory role
    ("GP054", "legal", both(put("legal_basis", "secondment"), put(
        "post.statutory_roles", [{"party": "ashby", "role": "Monitoring Officer"}])),
     False),  # the employer's own officer
    # an NHS body's officer placed under s.113(1A)(b), which s.113(2) does not reach
    ("GP054", "legal", put("parties.0.kind", "nhs_body"), True),
    # in Scotland too, where s.113 does not extend: the host's own officer, or it employs
    ("GP054", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "secondment"),
                         put("post.statutory_roles", [
                             {"party": "westmere", "role": "Chief Social Work Officer"}])),
     True),
    # a council office listed for a party that is not a council
    ("GP055", "dph", both(put("jurisdiction", "england"), put(
        "post.statutory_roles", [{"party": "icb", "role": "Director of Public Health"}])), True),
    ("GP055", "dph", put("post.statutory_roles",
                         [{"party": "icb", "role": "Monitoring Officer"}]), True),
    ("GP055", "dph", unchanged, False),
    # in Wales a Local Health Board appoints the director of public health
    ("GP055", "dph", both(put("jurisdiction", "wales"), put(
        "post.statutory_roles", [{"party": "icb", "role": "Director of Public Health"}])), False),
    ("GP055", "dph", put("post.statutory_roles",
                         [{"party": "icb", "role": "Chief Finance Officer"}]), False),
    # a statutory role of the post's own country: Wales has a director of social services
    # (s.144 SSWA 2014), not England's DASS, DCS or council DPH
    ("GP056", "dph", put("jurisdiction", "wales"), True),  # a council's DPH in Wales
    ("GP056", "dph", both(put("jurisdiction", "wales"), put(
        "post.statutory_roles", [{"party": "council", "role": "Director of Adult Social "
                                  "Services"}])), True),
    ("GP056", "dph", both(put("jurisdiction", "england"), put(
        "post.statutory_roles", [{"party": "council", "role": "Director of Social "
                                  "Services"}])), True),
    ("GP056", "dph", both(put("jurisdiction", "wales"), put(
        "post.statutory_roles", [{"party": "council", "role": "Director of Social "
                                  "Services"}])), False),
    ("GP056", "dph", unchanged, False),
    ("GP055", "dph", both(put("jurisdiction", "wales"), put(
        "post.statutory_roles", [{"party": "icb", "role": "Director of Social Services"}])),
     True),
    # a London council contracts in its corporate name
    ("GP057", "hr", unchanged, True),  # "London Borough of Eastwick"
    ("GP057", "hr", both(put("parties.0.name", "The Mayor and Burgesses of the London Borough "
                             "of Eastwick"), put("parties.1.name", "The Mayor and Burgesses of "
                                                 "the Royal Borough of Westmere")), False),
    ("GP057", "legal", unchanged, False),  # Brookfield Borough Council is not in London
    ("GP049", "hr", put("exit.fallback_post", "Head of HR, Eastwick"), True),
    ("GP049", "hr", put("post.probation_months", 6), True),
    ("GP049", "legal", put("exit.fallback_post", "Solicitor to the Council, Ashby Vale"), False),
    # s.8(4) of the Local Government (Wales) Measure 2011, as amended in 2021: a Welsh council
    # may not designate its chief executive or chief finance officer as its head of democratic
    # services; its monitoring officer it may (paragraph (b) is omitted)
    ("GE012", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"},
        {"party": "eastwick", "role": "Head of Democratic Services"}])), True),
    ("GE012", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "westmere", "role": "Head of Legal and Democratic Services"},
        {"party": "westmere", "role": "Section 151 Officer"}])), True),
    ("GE012", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "westmere", "role": "Monitoring Officer"},
        {"party": "westmere", "role": "Head of Democratic Services"}])), False),
    ("GE012", "hr", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"},
        {"party": "westmere", "role": "Head of Democratic Services"}])), False),
    ("GE012", "hr", put("post.statutory_roles", [
        {"party": "eastwick", "role": "Chief Executive"},
        {"party": "eastwick", "role": "Head of Democratic Services"}]), False),  # not Wales
    # a Welsh post's person specification says what Welsh language skills it needs
    ("GP058", "hr", put("jurisdiction", "wales"), True),
    ("GP058", "hr", both(put("jurisdiction", "wales"), lambda d: d["job"][
        "person_specification"].append({"criterion": "Welsh language skills at level 3",
                                        "area": "skills", "essential": False,
                                        "assessed_by": ["interview"]})), False),
    ("GP058", "hr", unchanged, False),  # England and Wales
    # a Welsh head of democratic services is a council's (s.8 of the 2011 Measure)
    ("GP055", "dph", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "icb", "role": "Head of Democratic Services"}])), True),
    ("GP055", "dph", both(put("jurisdiction", "wales"), put("post.statutory_roles", [
        {"party": "council", "role": "Head of Democratic Services"}])), False),
    # a VAT rationale citing a power of another jurisdiction, or not the post's own
    ("GP059", "hr", both(S113_RATIONALE, put("jurisdiction", "northern_ireland"),
                         put("legal_basis", "lgni_1972_s105")), True),
    ("GP059", "hr", both(S113_RATIONALE, put("jurisdiction", "scotland"),
                         put("legal_basis", "lgs_1966_s35")), True),
    ("GP059", "hr", both(S113_RATIONALE, put("legal_basis", "secondment")), True),
    ("GP059", "hr", both(put("jurisdiction", "scotland"), put("legal_basis", "other"), put(
        "legal_basis_text", "section 113 of the Local Government Act 1972")), True),
    ("GP059", "hr", S113_RATIONALE, False),  # s.113 in England and Wales, the post's basis
    ("GP059", "hr", both(put("jurisdiction", "northern_ireland"), put(
        "legal_basis", "lgni_1972_s105"), put("payment.vat.rationale", "Officer placed at the "
        "disposal of another local authority under section 105 of the Local Government Act "
        "(Northern Ireland) 1972.")), False),
    # the post's own power cited beside another's ("the equivalent of", "not") is no warning
    ("GP059", "hr", both(put("jurisdiction", "northern_ireland"), put(
        "legal_basis", "lgni_1972_s105"), put("payment.vat.rationale", "Officer placed under "
        "section 105 of the Local Government Act (Northern Ireland) 1972, the equivalent of "
        "section 113 of the Local Government Act 1972.")), False),
    # the post on the steering group that oversees it, or at a step of its disputes
    ("GP060", "hr", both(put("post.title", "Chief Executive"), put(
        "governance.steering_group.members.0.role", "the Chief Executive of each council")),
     True),
    ("GP060", "hr", both(put("post.title", "Shared Chief Executive"),
                         put("governance.disputes.1.level", "Chief Executives")), True),
    ("GP060", "legal", both(add_role("ashby", "Monitoring Officer"), put(
        "governance.disputes.0.level", "Monitoring Officers")), True),
    ("GP060", "hr", put("governance.disputes.1.level", "Chief Executives"), False),  # Head of HR
    # an office the title only mentions; a longer title; another's nominee; an acting officer
    ("GP060", "hr", put("post.title", "PA to the Chief Executive"), False),
    ("GP060", "hr", put("governance.steering_group.members.0.role",
                        "Head of Human Resources Business Partnering"), False),
    ("GP060", "hr", both(put("post.title", "Chief Executive"), put(
        "governance.steering_group.members.0.role", "the Chief Executive's nominee"), put(
        "governance.disputes.1.level", "the Chief Executives' nominees")), False),
    ("GP060", "legal", both(add_role("ashby", "Monitoring Officer"), put(
        "governance.disputes.0.level", "Acting Monitoring Officers")), False),
    ("GP060", "hr", both(put("post.title", "Chief Executive"), put(
        "governance.steering_group.members.0.role", "Deputy Chief Executive"), put(
        "governance.disputes", [{"level": "Deputy Chief Executives", "days": 10},
                                {"level": "Leaders of the councils", "days": 20}])), False),
    # an on-cost for the LGPS, the post-holder in the NHS Pension Scheme (stated or not)
    ("GP061", "hr", both(put("parties.0.kind", "nhs_body"), put(
        "postholder.pension_scheme", "NHS Pension Scheme")), True),
    ("GP061", "hr", both(put("parties.0.kind", "nhs_body"), put(
        "postholder.pension_scheme", None)), True),
    ("GP061", "hr", put("parties.0.kind", "nhs_body"), False),  # the scheme is GP052's
    ("GP061", "dph", unchanged, False),
    # employer National Insurance at the full 15% on all pay; with its threshold, quiet; an
    # effective rate (the examples' 13.9%) or another on-cost at 15% is not found
    ("GP062", "hr", put("payment.on_costs.1.percent", 15), True),
    ("GP062", "hr", put("payment.on_costs.1", {"name": "Employer NICs", "percent": 15}), True),
    ("GP062", "hr", put("payment.on_costs.1", {"name": "Employer National Insurance",
                                               "percent": 15, "above": 5000}), False),
    ("GP062", "hr", put("payment.on_costs.0.percent", 15), False),  # the pension at 15%
    ("GP062", "hr", unchanged, False),
    # a salary_share post with no on-costs shares the pay alone; a time fee's rate is typed
    ("GP063", "hr", put("payment.on_costs", []), True),
    ("GP063", "hr", unchanged, False),
    ("GP063", "legal", put("payment.on_costs", []), False),
    # s.75 of the NHS Act 2006 named as the only power: it places no one (s.113 or a
    # secondment does); s.113 named with the pooled fund under s.75 beside it is quiet
    ("GP064", "dph", both(put("legal_basis", "other"), put(
        "legal_basis_text", "section 75 of the National Health Service Act 2006")), True),
    ("GP064", "dph", both(put("legal_basis", "other"), put(
        "legal_basis_text", "section 113 of the Local Government Act 1972, the pooled fund "
        "under section 75 of the National Health Service Act 2006")), False),
    ("GP064", "dph", unchanged, False),
    # an NHS employer whose post is graded on a council's JNC terms
    ("GP065", "dph", put("parties.0.kind", "nhs_body"), True),
    ("GP065", "dph", both(put("parties.0.kind", "nhs_body"),
                          put("post.grade", "Agenda for Change Band 9")), False),
    ("GP065", "dph", unchanged, False),  # the council employs on JNC terms
    # an English NHS employer's NHS Pension Scheme on-cost at the full 23.78%
    ("GP066", "dph", both(put("parties.0.kind", "nhs_body"), put("jurisdiction", "england")),
     True),
    ("GP066", "dph", both(put("parties.0.kind", "nhs_body"), put("jurisdiction", "england"),
                          put("payment.on_costs.0.percent", 14.38)), False),
    ("GP066", "dph", put("jurisdiction", "england"), False),  # a council employs
    # a partner docgen knows is in one country, under the other's law alone
    ("GP067", "dph", put("jurisdiction", "wales"), True),  # an ICB
    ("GP067", "dph", put("jurisdiction", "england"), False),
    ("GP067", "dph", unchanged, False),  # England and Wales
    ("GP067", "dph", both(put("jurisdiction", "england"), put(
        "parties.1.name", "Swansea Bay University Health Board")), True),
    ("GP067", "hr", both(put("jurisdiction", "wales"), put(
        "parties.0.name", "The Mayor and Burgesses of the London Borough of Eastwick")), True),
    ("GP067", "hr", put("jurisdiction", "wales"), False),  # its country is not known
    ("GP067", "dph", put("jurisdiction", "scotland"), True),  # an ICB under Scotland's law
    ("GP067", "dph", put("jurisdiction", "northern_ireland"), True),
    # a shire district council given a county council's office (England)
    ("GP068", "legal", add_role("ashby", "Director of Public Health"), True),
    ("GP068", "legal", add_role("ashby", "Director of Adult Social Services"), True),
    ("GP068", "legal", both(add_role("ashby", "Director of Children's Services"), put(
        "parties.0.name", "Ashby Vale Metropolitan District Council")), False),
    ("GP068", "legal", add_role("brookfield", "Director of Public Health"), False),
    # a monitoring officer's deputy named from another party's staff (s.5(7) LGHA 1989)
    ("GP069", "legal", put("post.statutory_roles.0.deputy",
                           "Democratic Services Manager, Brookfield"), True),
    ("GP069", "legal", put("post.statutory_roles.0.deputy",
                           "Democratic Services Manager, Ashby Vale"), False),
]


@pytest.mark.parametrize(("rule", "name", "modify", "fires"), CASES,
                         ids=[f"{c[0]}-{i}-{'fires' if c[3] else 'quiet'}"
                              for i, c in enumerate(CASES)])
def test_rule(rule: str, name: str, modify: Callable[[dict], None], fires: bool) -> None:
    data = example(name)
    modify(data)
    found = [p for p in problems_for(data) if p.rule == rule]
    if fires:
        assert found, f"{rule} should fire"
        for p in found:
            assert p.message and p.path, p
            # the key is printed before the message ("key: message"): never twice
            assert not re.match(rf"{re.escape(p.key)}\b", p.message), str(p)
            assert p.severity == ("error" if rule.startswith("GE") else "warning")
    else:
        assert not found, [str(p) for p in found]


def test_every_rule_has_a_firing_and_a_quiet_case() -> None:
    for r in RULES:
        outcomes = {fires for rule, _, _, fires in CASES if rule == r.id}
        assert outcomes == {True, False}, f"{r.id} needs a case that fires and one that does not"


def test_rulebook_shape() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    assert len(RULES) >= 22
    clause_ids = _clause_ids()
    for r in RULES:
        assert re.fullmatch(r"G[EP]\d{3}", r.id), r.id
        assert r.severity == ("error" if r.id.startswith("GE") else "warning"), r.id
        assert r.summary and r.source and r.key, r.id
        assert r.clauses, f"{r.id} has no clause for its drafting note"
        if clause_ids:
            unknown = set(r.clauses) - clause_ids
            assert not unknown, f"{r.id} names clauses that do not exist: {unknown}"


#: the order the rules ran in, and so the order of warnings and drafting notes, when they
#: were kept in book*.py (main at 318971b); filing them by section must not change it
ORDER_BEFORE_FILING = [
    "GE001", "GE002", "GE003", "GE004", "GE005", "GE006", "GP001", "GP002", "GP003", "GP004",
    "GP005", "GP006", "GP007", "GP008", "GP009", "GP010", "GP031", "GP032", "GP033", "GP034",
    "GP035", "GE007", "GP046", "GP047", "GP048", "GP049", "GE008", "GP041", "GP042", "GP043",
    "GP044", "GP045", "GP011", "GP012", "GP013", "GP014", "GP015", "GP016", "GP017", "GP018",
    "GP019", "GP020", "GP021", "GP022", "GP023", "GP024", "GP025", "GP026", "GP027", "GP028",
    "GP029", "GP030",
]


def test_rules_run_in_the_order_they_always_have() -> None:
    ids = [r.id for r in RULES]
    assert ids[:len(ORDER_BEFORE_FILING)] == ORDER_BEFORE_FILING


def test_warnings_come_out_in_run_order() -> None:
    """Warnings from rules now filed in four modules come out as they always have (not
    by id, nor by module): the drafting notes on a clause follow this order."""
    found = [p.rule for p in problems_for(example("legal")) if p.rule]
    assert found == ["GP031", "GP032", "GP034", "GP014", "GP015"]


def test_every_rule_is_named_in_the_run_order() -> None:
    """The order warnings and drafting notes come out in is stated, never left to the order
    modules happen to be imported in: a new rule's id goes at the end of RUN_ORDER."""
    assert [r.id for r in RULES] == list(RUN_ORDER)


def test_each_rule_is_filed_under_the_section_it_keys_on() -> None:
    """A rule about ``exit.notice_months`` is in rulebook/exit.py, one about
    ``payment.on_costs`` in rulebook/on_costs.py: one place to look."""
    for r in RULES:
        module = module_for(r.key)
        assert module is not None, f"{r.id}: no module for {r.key!r}"
        assert r.check.__module__ == module.__name__, (
            f"{r.id} keys on {r.key} but is in {r.check.__module__}, not {module.__name__}")
    assert module_for("payment.on_costs.0.percent").__name__.endswith(".on_costs")
    assert module_for("payment.fee").__name__.endswith(".payment")


def _clause_ids() -> set[str]:
    root = Path(__file__).resolve().parents[2] / "docgen" / "data" / "clauses"
    ids = set()
    for f in root.rglob("*.yaml"):
        data = load_yaml(f.read_text("utf-8"))
        if isinstance(data, dict) and "id" in data:
            ids.add(data["id"])
    return ids


def test_role_kinds() -> None:
    assert role_kinds("Section 151 Officer") == {"chief finance officer"}
    assert role_kinds("s.151 officer") == {"chief finance officer"}
    assert role_kinds("Chief Financial Officer") == {"chief finance officer"}
    assert role_kinds("Director of Children’s Services") == {"director of children's services"}
    assert role_kinds("Director of Adult Social Care") == {"director of adult social services"}
    assert role_kinds("Head of HR") == set()
    assert role_kinds("Deputy Monitoring Officer") == set()
    assert role_kinds("Assistant Director of Public Health") == set()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_have_no_errors(path: Path) -> None:
    result = check_post(path)
    assert result.status == "checked"
    assert not result.errors, [str(p) for p in result.errors]


def test_examples_warnings_are_the_expected_ones() -> None:
    expected = {"dph": {"GP014", "GP033", "GP034", "GP042"},
                "hr": {"GP014", "GP033", "GP041", "GP042", "GP057"},
                "legal": {"GP014", "GP015", "GP031", "GP032", "GP034"}}
    for name, rules in expected.items():
        assert {p.rule for p in problems_for(example(name))} == rules, name


def test_acknowledged_warning_keeps_its_reason() -> None:
    data = example("hr")
    data["acknowledge"] = [{"rule": "GP014", "reason": "VAT adviser confirmed, March 2027"}]
    found = [p for p in problems_for(data) if p.rule == "GP014"]
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].acknowledged == "VAT adviser confirmed, March 2027"


def test_acknowledging_an_unknown_rule_is_an_error() -> None:
    data = example("hr")
    data["acknowledge"] = [{"rule": "GP999", "reason": "typo"}]
    errors = [p for p in problems_for(data) if p.severity == "error"]
    assert len(errors) == 1
    assert errors[0].path == ("acknowledge", 0, "rule")
    assert "no rule 'GP999'" in errors[0].message


def test_acknowledging_an_error_rule_is_an_error() -> None:
    data = example("hr")
    data["acknowledge"] = [{"rule": "GE006", "reason": "we trust each other"}]
    data["governance"]["steering_group"]["members"] = [
        {"party": "eastwick", "role": "Chief Executive"}]
    problems = problems_for(data)
    ack = [p for p in problems if p.path == ("acknowledge", 0, "rule")]
    assert len(ack) == 1 and ack[0].severity == "error"
    assert "errors cannot be acknowledged" in ack[0].message
    ge006 = [p for p in problems if p.rule == "GE006"]
    assert ge006 and ge006[0].severity == "error" and ge006[0].acknowledged is None


def test_rules_command_lists_every_rule() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0, result.output
    listed = re.findall(r"^(G[EP]\d{3}) ", result.output, re.MULTILINE)
    assert len(listed) >= 20 and set(listed) == {r.id for r in RULES}
    assert "source:" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100


def test_rules_command_json() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = json.loads(result.output)
    assert len(rules) == len(RULES) >= 20
    for r in rules:
        assert {"id", "severity", "key", "summary", "source"} <= set(r)


def _report(tmp_path: Path) -> Report:
    """One good file, one with an error and an acknowledged warning, one that cannot load."""
    good = tmp_path / "good.yaml"
    good.write_text((EXAMPLES_DIR / f"{NAMES['hr']}.yaml").read_text("utf-8"), "utf-8")
    data = example("legal")
    data["review"]["trial_months"] = 30
    data["acknowledge"] = [{"rule": "GP014", "reason": "advice taken"}]
    data["payment"]["fee"]["rate"] = 2000
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("docgen: 1\nreference: [unclosed\n", "utf-8")
    return Report(posts=[check_post(good), check_post(bad), check_post(broken)])


def test_format_json(tmp_path: Path) -> None:
    posts = json.loads(format_json(_report(tmp_path)))
    assert [p["status"] for p in posts] == ["checked", "failed", "failed"]
    assert posts[0]["reference"] == "EWK-WSM-HR-01"
    bad = posts[1]["problems"]
    for p in bad:
        assert set(p) >= {"severity", "rule", "file", "line", "key", "message", "acknowledged"}
    ge001 = next(p for p in bad if p["rule"] == "GE001")
    assert ge001["severity"] == "error" and ge001["file"].endswith("bad.yaml")
    assert isinstance(ge001["line"], int) and ge001["key"] == "payment.fee.rate"
    gp014 = next(p for p in bad if p["rule"] == "GP014")
    assert gp014["acknowledged"] == "advice taken"
    assert isinstance(posts[2]["problems"][0]["line"], int)


def test_format_table(tmp_path: Path) -> None:
    text = format_table(_report(tmp_path))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100, text
    assert "EWK-WSM-HR-01: checked" in text
    # the file as given (here a full path), as build shows it
    assert re.search(r"error\s+GE001\s+\S*/bad\.yaml:\d+\s+payment\.fee\.rate", text), text
    assert re.search(r"ack'd\s+GP014", text) and "[acknowledged: advice taken]" in text
    assert re.search(r"broken\.yaml:\d+", text)
    wide = format_table(_report(tmp_path), width=200)
    assert re.search(r"warning\s+GP001\s+\S*/bad\.yaml:\d+\s+review\.trial_months\s+a trial",
                     wide)


def test_a_pension_scheme_warning_names_no_missing_scheme() -> None:
    """GP052 for an employer docgen knows no scheme for (another public body) says what is
    wrong without naming a scheme: it printed "(for Eastwick, the None)"."""
    data = example("hr")
    both(put("parties.0.kind", "other_public_body"), put("jurisdiction", "scotland"),
         put("postholder.pension_scheme", "Local Government Pension Scheme"))(data)
    [message] = [p.message for p in problems_for(data) if p.rule == "GP052"]
    assert "None" not in message
    assert "is not a scheme for Scotland, which has its own. Check the scheme" in message
