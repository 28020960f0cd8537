"""A reviewer's read of one post's three documents (7 December 2026): where the agreement
doubts that a council may give the post-holder a statutory role (``legal.doubted_hosts``: an
NHS employer's officer placed under s.113(1A)(b) of the Local Government Act 1972, chosen or
cited in words; a host council nothing makes the post-holder an officer of), the contract
and the job specification said the role was "to be designated or appointed" while the
agreement's clause on statutory roles said "The Post-holder holds the following statutory
roles" and spoke of "the Party that appointed the Post-holder as its director of public
health". With the drafting notes gone (status: final) the signed set said opposite things.
All three now say the role is to be given, once the council is satisfied the law allows it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from legal_answers import NHS, NI_TWO_COUNCILS, answers, clause, text
from yaml_text import load_yaml

from docgen import check

DPH = Path(__file__).parents[2] / "inputs" / "joint-director-public-health.yaml"
HOLDS = "The Post-holder holds the following statutory roles:"
INTENDED = "The Parties intend that the Post-holder be designated or appointed to the " \
    "following statutory roles:"
CONTRACT = "You are to be designated or appointed to the following statutory roles"


def _icb_employs(**changes: Any) -> dict[str, Any]:
    """The shipped director of public health, the ICB employing and the Council paying it
    the fee: the ICB's officer is placed at the Council's disposal under s.113(1A)(b)."""
    data = load_yaml(DPH.read_text("utf-8"))
    data["employer"] = "icb"
    data["payment"]["fee"]["amounts"] = {"council": 52000}
    data.update(changes)
    return data


def _final(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` marked final, every open warning acknowledged (no drafting notes)."""
    data = copy.deepcopy(data)
    data["status"] = "final"
    acks = data.setdefault("acknowledge", [])
    done = {a["rule"] for a in acks}
    for p in check(data).problems:
        if p.rule and p.severity == "warning" and p.rule not in done:
            acks.append({"rule": p.rule,
                         "reason": "Confirmed by counsel on 1 March 2027 after review."})
            done.add(p.rule)
    return data


def _roles(data: dict[str, Any]) -> str:
    return clause(text(data), "Statutory roles", "Political restriction")


@pytest.mark.parametrize("status", ["draft", "final"])
@pytest.mark.parametrize("basis", [
    {}, {"legal_basis": "other",
         "legal_basis_text": "section 113 of the Local Government Act 1972"}],
    ids=["chosen", "in words"])
def test_the_councils_director_of_public_health_is_to_be_appointed_in_all_three(
        status: str, basis: dict[str, str]) -> None:
    data = _icb_employs(**basis)
    if status == "final":
        data = _final(data)
    roles = _roles(data)
    assert HOLDS not in roles
    assert INTENDED + "\nDirector of Public Health of the Council.\n" in roles
    assert ("The Party concerned shall make each such designation or appointment only once it "
            "is satisfied that the law allows it to give the role to an officer employed by the "
            "ICB whose services are placed at its disposal under this Agreement, and shall tell "
            "the other Party in writing when it has made it. Until then the Post-holder does "
            "not hold that role") in roles
    # the later sentences do not assume the appointment made
    assert "The Party that appointed the Post-holder" not in roles
    assert "The Party that appoints the Post-holder as its director of public health" in roles
    assert "end the Council's appointment" not in roles
    assert "end any appointment by the Council of the Post-holder" in roles
    contract = text(data, "contract")
    assert CONTRACT in contract and "You hold the following statutory roles" not in contract
    assert "(to be designated or appointed only once Northbridge City Council is satisfied" \
        in text(data, "job_spec")


def test_the_council_employing_its_director_still_holds_the_role() -> None:
    data = load_yaml(DPH.read_text("utf-8"))
    roles = _roles(data)
    assert HOLDS + "\nDirector of Public Health of the Council.\n" in roles
    assert "The Parties intend that the Post-holder" not in roles
    assert "The Party that appointed the Post-holder as its director of public health" in roles


@pytest.mark.parametrize("status", ["draft", "final"])
def test_northern_ireland_host_councils_roles_are_to_be_given_in_all_three(status: str) -> None:
    """Lough River employs; s.105 makes no one Mourne Glens' officer, whose chief financial
    officer and monitoring officer roles the contract says are to be designated."""
    data = load_yaml(NI_TWO_COUNCILS.read_text("utf-8"))
    if status == "final":
        data = _final(data)
    roles = _roles(data)
    assert roles.startswith(
        "\nStatutory roles\n" + HOLDS + "\nChief Financial Officer of Lough River.\n"
        "The Parties intend that the Post-holder also be designated or appointed to the "
        "following statutory roles:\nChief Financial Officer of Mourne Glens;\n"
        "Monitoring Officer of Mourne Glens.\n")
    assert "whose services are made available to it under this Agreement" in roles
    contract = text(data, "contract")
    assert "You are also to be designated or appointed to the following statutory roles" \
        in contract
    assert "Chief Financial Officer, Mourne Glens District Council (to be designated" \
        in text(data, "job_spec")


def test_a_monitoring_officer_and_returning_officer_to_be_given_are_not_said_held() -> None:
    """The ICB's officer placed with the Council under s.113(1A)(b): the deputy and the
    personal office's sub-clauses speak of the roles once given, not as held."""
    data = answers(NHS)
    data["post"]["statutory_roles"] = [
        {"party": "council", "role": "Monitoring Officer", "deputy": "Head of Legal"},
        {"party": "council", "role": "Returning Officer"}]
    roles = _roles(data)
    assert "As monitoring officer of the Council, once designated, the Post-holder shall " \
        "nominate" in roles
    assert "The office of Returning Officer, once held by the Post-holder for the Council, is " \
        "a personal office" in roles
    assert "held by the Post-holder for the Council is" not in roles
