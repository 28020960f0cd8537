"""GP056 finds Scotland's own council offices named in a post under England's or Wales' law:
the s.95 officer (s.95 of the Local Government (Scotland) Act 1973; in England and Wales the
chief finance officer under s.151 of the Local Government Act 1972 answers for a council's
financial affairs) and the chief social work officer (s.3 of the Social Work (Scotland) Act
1968; England's directors of adult social services and of children's services, Wales'
director of social services under s.144 of the Social Services and Well-being (Wales) Act
2014). The findings carry the code ``office_of_scotland``: the browser's words for GP056 are
about England and Wales. Before, neither office was found."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

from docgen import check

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _post(jurisdiction: str, role: str) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data["jurisdiction"] = jurisdiction
    data["post"]["statutory_roles"] = [{"party": "westmere", "role": role}]
    return data


def _gp056(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP056"]


@pytest.mark.parametrize("jurisdiction", ["england", "wales", "england_and_wales"])
def test_a_section_95_officer_outside_scotland(jurisdiction: str) -> None:
    [p] = _gp056(_post(jurisdiction, "Section 95 Officer"))
    assert p.code == "office_of_scotland"
    assert p.message.startswith("'Section 95 Officer' of Westmere names an office of Scottish "
                                "law (section 95 of the Local Government (Scotland) Act 1973")
    assert "section 151 of the Local Government Act 1972. Write the role as 'Chief Finance " \
        "Officer (Section 151 Officer)', or, if the post is in Scotland, set jurisdiction: " \
        "scotland" in p.message


@pytest.mark.parametrize(("jurisdiction", "instead"), [
    ("england", "Write the role as one or both of those"),
    ("wales", "Write the role as 'Director of Social Services'"),
    ("england_and_wales", "set jurisdiction: wales or jurisdiction: england")])
def test_a_chief_social_work_officer_outside_scotland(jurisdiction: str, instead: str) -> None:
    [p] = _gp056(_post(jurisdiction, "Chief Social Work Officer"))
    assert p.code == "office_of_scotland"
    assert "section 3 of the Social Work (Scotland) Act 1968" in p.message
    assert instead in p.message


def test_quiet_in_scotland_and_for_a_deputy() -> None:
    assert not _gp056(_post("scotland", "Chief Social Work Officer"))
    assert not _gp056(_post("scotland", "Section 95 Officer"))
    assert not _gp056(_post("england", "Deputy Chief Social Work Officer"))


@pytest.mark.parametrize(("law", "role", "code"), [
    ("wales", "Director of Adult Social Services", "office_of_england_in_wales"),
    ("wales", "Director of Children's Services", "office_of_england_in_wales"),
    ("wales", "Director of Public Health", "public_health_in_wales"),
    ("england", "Director of Social Services", "office_of_wales_in_england"),
    ("england_and_wales", "Director of Social Services", "office_of_wales_not_said")])
def test_englands_and_wales_offices_carry_a_code_for_each_case(law: str, role: str,
                                                               code: str) -> None:
    """The browser words each case apart (a Welsh post is never told to choose Wales)."""
    [p] = _gp056(_post(law, role))
    assert p.code == code
