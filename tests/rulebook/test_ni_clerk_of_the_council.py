"""A role written "Clerk of the Council", Northern Ireland's statutory title for the office a
council's chief executive holds ("Every council shall appoint a clerk of the council", s.41(1)
of the Local Government Act (Northern Ireland) 1972), was not recognised as that office: a
host council making the post-holder its clerk got no GP054 warning and the agreement no note,
where "Chief Executive" got both. It is now read as the chief executive (``role_kinds``), so
GP054 and the agreement's note name s.41(1) for it, and GP056, which finds only Great
Britain's offices in Northern Ireland, stays quiet (it is the council's own office)."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, answers, clause, text

from docgen import check
from docgen.facts.role_titles import role_kinds

CLERK = "section 41(1) of the Local Government Act (Northern Ireland) 1972"


@pytest.mark.parametrize(("role", "kinds"), [
    ("Clerk of the Council", {"chief executive"}),
    ("clerk of the council", {"chief executive"}),
    ("Clerk of the Council and Chief Executive", {"chief executive"}),
    ("Deputy Clerk of the Council", set()),  # a deputy holds no office
    ("Clerk of Works", set()),
    ("Committee Clerk", set())])
def test_the_clerk_is_read_as_the_chief_executive(role: str, kinds: set[str]) -> None:
    assert role_kinds(role) == kinds


def _trust_employs(role: str) -> dict[str, Any]:
    """An HSC Trust employs; the Council is to make the post-holder its ``role``."""
    data = answers(NI, employer="trust", exit__postholder_reverts_to="trust")
    data["post"]["statutory_roles"] = [{"party": "council", "role": role}]
    return data


def test_gp054_warns_of_a_host_councils_clerk_as_of_its_chief_executive() -> None:
    [p] = [p for p in check(_trust_employs("Clerk of the Council")).problems
           if p.rule == "GP054"]
    assert p.message.startswith(
        f"the Council is to make the post-holder its Clerk of the Council, but {CLERK} "
        "requires a council's clerk (its chief executive) to be an officer of the council, "
        "and under section 105(1)(b) of the Local Government Act (Northern Ireland) 1972 the "
        "post-holder remains an officer of the Trust only")


def test_the_agreements_note_names_the_clerk() -> None:
    said = clause(text(_trust_employs("Clerk of the Council")), "Statutory roles",
                  "Political restriction")
    assert "Clerk of the Council of the Council." in said
    assert (f"Note for legal review: {CLERK} requires a council's clerk (its chief executive) "
            "to be an officer of the council.") in said


def test_gp056_and_gp055_say_nothing_of_the_councils_own_clerk() -> None:
    data = answers(NI)  # the Council employs and makes the post-holder its clerk
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Clerk of the Council"}]
    assert not [p for p in check(data).problems if p.rule in ("GP054", "GP055", "GP056")]
