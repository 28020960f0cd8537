"""GP056 finds Wales' head of democratic services (s.8 of the Local Government (Wales) Measure
2011, Wales only) named in a post under England's or "England and Wales"' law, as it finds
Wales' director of social services there and the head of democratic services under Scots or
Northern Ireland's law (a lawyer's review, 7 December 2026: it was the one office of another
country GP056 was silent on). An English council has no such statutory office; the warning
points to the scrutiny officer of s.9FB of the Local Government Act 2000. Under Welsh law the
office is the council's own: no warning."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

from docgen import check

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _gp056(jurisdiction: str, role: str = "Head of Democratic Services",
           kind: str = "local_authority") -> list[Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data["jurisdiction"] = jurisdiction
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": role}]
    for p in data["parties"]:
        if p["id"] == "eastwick":
            p["kind"] = kind
    return [p for p in check(data).problems if p.rule == "GP056"]


def test_in_an_english_post() -> None:
    [p] = _gp056("england")
    assert p.path == ("post", "statutory_roles", 0, "role")
    assert p.message.startswith("'Head of Democratic Services' of Eastwick names an office of "
                                "Welsh law (section 8 of the Local Government (Wales) Measure "
                                "2011, which applies in Wales only)")
    assert "an English council has no statutory head of democratic services" in p.message
    assert "write the role as 'Scrutiny Officer'" in p.message
    assert "section 9FB of the Local Government Act 2000" in p.message
    assert "describe the post-holder's democratic services work in job.responsibilities" \
        in p.message
    assert p.message.endswith("if the post is in Wales, set jurisdiction: wales")


def test_under_england_and_wales() -> None:
    [p] = _gp056("england_and_wales", "Head of Legal, HR and Democratic Services")
    assert "jurisdiction: england_and_wales does not say that the post is in Wales" \
        in p.message
    assert "If the councils are in Wales, set jurisdiction: wales" in p.message
    assert p.message.endswith("and set jurisdiction: england")


def test_for_a_body_that_is_not_a_council_too() -> None:
    """As for Scotland's offices in England: no body in England holds it."""
    [p] = _gp056("england", kind="nhs_body")
    assert "section 8 of the Local Government (Wales) Measure 2011" in p.message


@pytest.mark.parametrize(("jurisdiction", "role"), [
    ("wales", "Head of Democratic Services"),
    ("england", "Democratic Services Manager"),
    ("england", "Deputy Head of Democratic Services")])
def test_quiet_for_wales_own_office_and_other_titles(jurisdiction: str, role: str) -> None:
    assert _gp056(jurisdiction, role) == []
