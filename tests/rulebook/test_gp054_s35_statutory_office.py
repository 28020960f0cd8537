"""Legal audit, finding 7: GP054 warned only for a secondment that a host council can give a
statutory office to its own officer alone. Section 35 of the Local Government (Scotland) Act
1966 places a council's officer at another council's disposal but has no deeming provision
like section 113(2) of the Local Government Act 1972, so a Scottish host council making the
post-holder its s.95 officer (s.95 of the Local Government (Scotland) Act 1973) or chief social
work officer (s.45 of the Local Government etc. (Scotland) Act 1994) runs the same risk. The
point is uncertain, so the warning asks for advice. It reaches the agreement's drafting notes,
read back from the .docx."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from legal_answers import notes
from yaml_text import load_yaml

from docgen import check

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _scottish(*roles: tuple[str, str]) -> dict[str, Any]:
    """The two councils' shared head of HR, placed under s.35, with statutory roles."""
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data.update(jurisdiction="scotland", legal_basis="lgs_1966_s35")
    data["post"]["statutory_roles"] = [{"party": p, "role": r} for p, r in roles]
    return data


def _gp054(data: dict[str, Any]) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP054"]


def test_a_host_council_giving_a_s35_officer_its_statutory_offices_is_warned() -> None:
    data = _scottish(("eastwick", "Chief Finance Officer"), ("westmere", "Section 95 Officer"),
                     ("westmere", "Chief Social Work Officer"))
    [message] = _gp054(data)
    assert message == (
        "Westmere is to make the post-holder its Section 95 Officer and Chief Social Work "
        "Officer, statutory offices a council gives to one of its own officers. Section 35 of "
        "the Local Government (Scotland) Act 1966 places the post-holder's services at "
        "Westmere's disposal but, unlike section 113(2) of the Local Government Act 1972, does "
        "not say that the post-holder is then treated as Westmere's officer, so whether "
        "Westmere can make these designations is uncertain. Take legal advice before they are "
        "made, and acknowledge GP054 with that advice, or have the roles held by one of "
        "Westmere's own officers")
    # the warning is in the agreement's drafting notes, read back from the document
    assert any("Section 35 of the Local Government (Scotland) Act 1966 places" in n
               and "is uncertain" in n for n in notes(data, "agreement"))


def test_one_office_is_worded_in_the_singular() -> None:
    [message] = _gp054(_scottish(("westmere", "Monitoring Officer")))
    assert message.startswith("Westmere is to make the post-holder its Monitoring Officer, a "
                              "statutory office a council gives")
    assert "whether Westmere can make the designation is uncertain. Take legal advice before " \
        "it is made" in message
    assert message.endswith("or have the role held by one of Westmere's own officers")


def test_no_warning_for_the_employers_own_office_a_deputy_or_no_office() -> None:
    assert not _gp054(_scottish(("eastwick", "Section 95 Officer"),
                                ("eastwick", "Chief Social Work Officer")))  # the employer
    assert not _gp054(_scottish(("westmere", "Deputy Chief Social Work Officer")))
    assert not _gp054(_scottish(("westmere", "Returning Officer")))
    assert not _gp054(_scottish())
    # acknowledged with the advice: no longer open
    data = _scottish(("westmere", "Section 95 Officer"))
    data["acknowledge"] = data.get("acknowledge", []) + [
        {"rule": "GP054", "reason": "Counsel advised on 1 March 2027."}]
    assert [p.acknowledged for p in check(data).problems if p.rule == "GP054"] == [
        "Counsel advised on 1 March 2027."]


def test_offices_of_england_or_wales_are_not_a_scottish_councils() -> None:
    """A Scottish council has no director of adult social services (England) or director of
    social services (Wales): GP054 does not call them offices of a Scottish council."""
    assert not _gp054(_scottish(("westmere", "Director of Adult Social Services"),
                                ("westmere", "Director of Social Services")))
