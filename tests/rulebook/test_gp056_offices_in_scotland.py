"""GP056 finds England's and Wales' council offices named in a post under Scots law (the
other way round from tests/rulebook/test_gp056_scottish_offices.py): a director of adult
social services (s.6 Local Authority Social Services Act 1970) or of children's services
(s.18 Children Act 2004), Wales' director of social services (s.144 Social Services and
Well-being (Wales) Act 2014) or head of democratic services (s.8 Local Government (Wales)
Measure 2011), and, for a council, a director of public health (s.73A National Health Service
Act 2006, England only). The findings carry the code ``office_in_scotland``."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

from docgen import check

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _gp056(role: str, kind: str = "local_authority") -> list[Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data["jurisdiction"] = "scotland"
    data["legal_basis"] = "lgs_1966_s35"
    data["post"]["statutory_roles"] = [{"party": "westmere", "role": role}]
    for p in data["parties"]:
        if p["id"] == "westmere":
            p["kind"] = kind
    return [p for p in check(data).problems if p.rule == "GP056"]


@pytest.mark.parametrize(("role", "law"), [
    ("Director of Adult Social Services", "section 6 of the Local Authority Social Services"),
    ("Director of Children's Services", "section 18 of the Children Act 2004"),
    ("Director of Social Services", "section 144 of the Social Services and Well-being"),
    ("Head of Democratic Services", "section 8 of the Local Government (Wales) Measure 2011"),
    ("Director of Public Health", "section 73A of the National Health Service Act 2006")])
def test_an_english_or_welsh_office_in_a_scottish_post(role: str, law: str) -> None:
    [p] = _gp056(role)
    assert p.code == "office_in_scotland"
    assert p.message.startswith(f"'{role}' of Westmere ")
    assert law in p.message
    assert "set jurisdiction: england or jurisdiction: wales" in p.message


def test_a_health_boards_director_of_public_health_is_its_own() -> None:
    assert _gp056("Director of Public Health", "nhs_body") == []


@pytest.mark.parametrize("role", ("Chief Social Work Officer", "Monitoring Officer",
                                  "Deputy Director of Adult Social Services"))
def test_quiet_for_scotlands_offices_and_a_deputy(role: str) -> None:
    assert _gp056(role) == []
