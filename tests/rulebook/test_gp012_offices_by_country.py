"""GP012 (political restriction) and the offices of one country's councils.

- A head of democratic services, designated under s.8 of the Local Government (Wales) Measure
  2011, holds a politically restricted post: s.2(1)(h) of the Local Government and Housing Act
  1989, inserted by that Measure. GP012 counts the office under ``jurisdiction: wales`` only.
- Scotland's s.95 officer (s.95 of the Local Government (Scotland) Act 1973) and chief social
  work officer (s.3 of the Social Work (Scotland) Act 1968) are understood to be statutory
  chief officers under s.2(6) of the 1989 Act; that is not confirmed, so GP012 says the post
  may be politically restricted and asks for advice, and counts them in Scotland only.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from yaml_text import load_yaml

from docgen import check

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _post(jurisdiction: str, *roles: str) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data["jurisdiction"] = jurisdiction
    data["legal_basis"] = "lgs_1966_s35" if jurisdiction == "scotland" else "lga_1972_s113"
    data["post"]["politically_restricted"] = False
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": r} for r in roles]
    return data


def _gp012(data: dict[str, Any]) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP012"]


def test_a_welsh_head_of_democratic_services_is_politically_restricted() -> None:
    [message] = _gp012(_post("wales", "Head of Democratic Services"))
    assert message == ("the post holds the statutory role of head of democratic services, "
                       "which makes it politically restricted; set "
                       "post.politically_restricted: true")


def test_a_head_of_democratic_services_counts_in_wales_only() -> None:
    assert not _gp012(_post("england", "Head of Democratic Services"))
    assert not _gp012(_post("england_and_wales", "Head of Democratic Services"))
    assert not _gp012(_post("scotland", "Head of Democratic Services"))


def test_the_scottish_offices_are_a_point_to_confirm() -> None:
    [message] = _gp012(_post("scotland", "Section 95 Officer"))
    assert message.startswith("the post holds the statutory role of section 95 officer, which "
                              "may make it politically restricted: that office is understood")
    assert "section 2(6) of the Local Government and Housing Act 1989" in message
    assert "to be confirmed. Take advice on whether the Act lists it, and if it does, set " \
        "post.politically_restricted: true" in message
    assert "which makes it politically restricted" not in message
    [both] = _gp012(_post("scotland", "Chief Social Work Officer", "Section 95 Officer"))
    assert both.startswith("the post holds the statutory roles of chief social work officer "
                           "and section 95 officer, which may make it")
    assert "whether the Act lists them" in both


def test_a_confirmed_office_beside_them_makes_the_post_restricted() -> None:
    [message] = _gp012(_post("scotland", "Chief Social Work Officer", "Monitoring Officer"))
    assert message.startswith("the post holds the statutory role of monitoring officer, which "
                              "makes it politically restricted")


def test_the_scottish_offices_count_in_scotland_only() -> None:
    assert not _gp012(_post("england", "Section 95 Officer"))
    assert not _gp012(_post("wales", "Chief Social Work Officer"))


def test_quiet_when_the_post_is_marked_restricted() -> None:
    data = _post("wales", "Head of Democratic Services")
    data["post"]["politically_restricted"] = True
    assert not _gp012(data)
