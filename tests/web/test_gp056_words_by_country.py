"""The browser's words for GP056's findings under Northern Ireland's law and for Wales' head of
democratic services in England (a lawyer's review, 7 December 2026). The findings carry a code
(``rulebook/statutory_roles.py`` chooses it: ``office_in_northern_ireland`` for an office of Great
Britain's councils there, ``office_of_scotland`` for Scotland's; ``rulebook/offices.
OTHER_COUNTRY_CODES`` between England and Wales), and the browser shows that code's words
alone. The Northern Irish words were about public health only, and Scotland's offices' words
sent a Northern Irish council to "Chief Finance Officer (Section 151 Officer)"; the head of
democratic services in England had none (the rule was silent); it shares the words of Wales'
other office there, the director of social services, which now name both."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.messages import BY_CODE, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .test_wording import assert_plain  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"

#: (which law applies, the role given to Eastwick, a council) → its code, the words the
#: officer must read, and words wrong for the case
CASES = {
    "a head of paid service in Northern Ireland": (
        ("northern_ireland", "Head of Paid Service"), "office_in_northern_ireland",
        ["Northern Ireland does not have", "a council has no head of paid service",
         "describe the work in the job's responsibilities"], ["If the post is in England, "
                                                               "choose England"]),
    "a director of adult social services in Northern Ireland": (
        ("northern_ireland", "Director of Adult Social Services"), "office_in_northern_ireland",
        ["social services are provided by the Health and Social Care Trusts"], []),
    "a director of public health in Northern Ireland": (
        ("northern_ireland", "Director of Public Health"), "office_in_northern_ireland",
        ["public health there is led by the Public Health Agency",
         "give a public health role to the health and social care body"], []),
    "a section 95 officer in Northern Ireland": (
        ("northern_ireland", "Section 95 Officer"), "office_of_scotland",
        ["Chief Financial Officer in Northern Ireland"], []),
    "a chief social work officer in Northern Ireland": (
        ("northern_ireland", "Chief Social Work Officer"), "office_of_scotland",
        ["A council in Northern Ireland has no social work office"], []),
    "a head of democratic services in England": (
        ("england", "Head of Democratic Services"), "office_of_wales_in_england",
        ["For a Head of Democratic Services: call the role Scrutiny Officer",
         "If the post is in Wales, choose Wales"],
        ["choose England", "jurisdiction", "which law applies: "]),
    "a head of democratic services under England and Wales": (
        ("england_and_wales", "Head of Democratic Services"), "office_of_wales_not_said",
        ["If the councils are in Wales, choose Wales for which law applies",
         "if it is a Head of Democratic Services, Scrutiny Officer"],
        ["jurisdiction", "which law applies: "]),
}


def _data(jurisdiction: str, role: str) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text(encoding="utf-8")))
    data["jurisdiction"] = jurisdiction
    if jurisdiction == "northern_ireland":
        data["legal_basis"] = "lgni_1972_s105"
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": role}]
    return data


@pytest.mark.parametrize("case", sorted(CASES))
def test_gp056_says_what_to_do_in_each_case(case: str) -> None:
    given, code, says, never = CASES[case]
    data = _data(*given)
    [p] = [p for p in docgen.check(data).problems if p.rule == "GP056"]
    assert p.code == code
    said = problem_text(p.message, p.path, party_names(data), p.severity, code=p.code,
                        rule=p.rule, fix=p.fix)
    assert " ".join(BY_CODE[code].split()) in " ".join(said.split())
    for words in says:
        assert words in said, said
    for words in never:
        assert words not in said, said
    assert_plain(said, case)
