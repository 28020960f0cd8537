"""GP054 under ``legal_basis: secondment`` in Scotland.

A Scottish council gives a statutory office (head of paid service and monitoring officer,
ss.4-5 of the Local Government and Housing Act 1989; the s.95 officer, s.95 of the Local
Government (Scotland) Act 1973; the chief social work officer, s.3 of the Social Work
(Scotland) Act 1968) to one of its own officers, and a seconded post-holder stays the
employer's officer. Section 113 of the Local Government Act 1972 (whose s.113(2) treats a
placed officer as the host's) does not extend to Scotland, so GP054 no longer points to it
there: the role is to be held by one of the host's own officers, or the host employs the
post-holder. Before, GP054 was silent in Scotland under a secondment.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

from docgen import check
from docgen.rulebook.registry import way

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _seconded(jurisdiction: str, *roles: tuple[str, str]) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data.update(jurisdiction=jurisdiction, legal_basis="secondment")
    data["post"]["statutory_roles"] = [{"party": p, "role": r} for p, r in roles]
    return data


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


@pytest.mark.parametrize("role", ["Chief Social Work Officer", "Section 95 Officer",
                                  "Monitoring Officer", "Head of Paid Service"])
def test_a_scottish_host_councils_office_under_a_secondment_is_warned_about(role: str) -> None:
    [p] = _gp054(_seconded("scotland", ("westmere", role)))
    assert p.message.startswith(f"Westmere is to make the post-holder its {role}, a statutory "
                                "office a Scottish council gives to one of its own officers, "
                                "but under a secondment the post-holder remains an officer of "
                                "Eastwick only.")
    assert "Local Government Act 1972" in p.message and "does not extend to Scotland" in \
        p.message
    assert "section 35 of the Local Government (Scotland) Act 1966" in p.message
    assert p.message.endswith("Have the role held by one of Westmere's own officers, or make "
                              "Westmere the employer")
    assert "lga_1972_s113" not in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("post.statutory_roles.0=-"), way("employer=westmere"))


def test_quiet_for_the_employers_own_office_or_an_office_of_another_country() -> None:
    assert not _gp054(_seconded("scotland", ("eastwick", "Chief Social Work Officer")))
    assert not _gp054(_seconded("scotland", ("westmere", "Head of Democratic Services")))
    assert not _gp054(_seconded("scotland", ("westmere", "Deputy Chief Social Work Officer")))
    assert not _gp054(_seconded("northern_ireland", ("westmere", "Monitoring Officer")))


def test_in_england_it_still_points_to_section_113() -> None:
    [p] = _gp054(_seconded("england", ("westmere", "Monitoring Officer")))
    assert "Set legal_basis: lga_1972_s113" in p.message
