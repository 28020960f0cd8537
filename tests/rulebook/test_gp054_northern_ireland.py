"""GP054 in Northern Ireland: a lawyer's review (7 December 2026) found that a host council
could "designate" the post-holder to a statutory office with no warning. A council there
"shall designate an officer of the council as its chief financial officer" (s.1(2) of the
Local Government Finance Act (Northern Ireland) 2011) and "shall appoint a clerk of the
council" (s.41(1) of the Local Government Act (Northern Ireland) 1972), the office its chief
executive holds; s.105(1)(b) of the 1972 Act provides services and, unlike s.113(2) of the
Local Government Act 1972 in England and Wales, treats no one as the receiving council's
officer. GP054 had returned early for Northern Ireland. A monitoring officer there has no
statute (the clause on statutory roles says so), so GP054 says nothing of it."""

from __future__ import annotations

from typing import Any

from legal_answers import NI, answers, ni_two_councils

from docgen import check
from docgen.errors import SAID_IN_CLAUSE
from docgen.rulebook.registry import way

CFO = "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011"
CLERK = "section 41(1) of the Local Government Act (Northern Ireland) 1972"
S105 = "section 105(1)(b) of the Local Government Act (Northern Ireland) 1972"


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


def trust_employs_council_chief_executive() -> dict[str, Any]:
    """The reviewer's D2: an HSC Trust employs; the Council is to make the post-holder its
    Chief Executive."""
    data = answers(NI, employer="trust", exit__postholder_reverts_to="trust")
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Chief Executive"}]
    return data


def test_a_host_councils_chief_financial_officer_is_warned_about() -> None:
    [p] = _gp054(ni_two_councils())
    assert p.message.startswith(
        "Mourne Glens is to make the post-holder its Chief Financial Officer, but "
        f"{CFO} requires a council's chief financial officer to be an officer of the council, "
        f"and under {S105} the post-holder remains an officer of Lough River only: section 105 "
        "of that Act, unlike section 113(2) of the Local Government Act 1972 in England and "
        "Wales, does not treat a person whose services are provided to a council as its "
        "officer. ")
    # what to do, with an example; the monitoring officer (no statute there) is not named
    assert ("Have the role held by one of Mourne Glens's own officers and remove it from "
            "post.statutory_roles (e.g. the entry {party: hafren, role: Chief Financial "
            "Officer}), or acknowledge GP054 with a lawyer's advice if Mourne Glens is to make "
            "the post-holder its officer by a temporary transfer under section 105(2) of the "
            "Local Government Act (Northern Ireland) 1972, which needs the post-holder's "
            "consent") in p.message
    assert "Monitoring Officer" not in p.message
    assert p.fix is not None
    # Lough River holds its own chief financial officer: making Mourne Glens the employer
    # would move the point, not settle it
    assert p.fix.ways == (way("post.statutory_roles.1=-"), way("acknowledge=GP054"))
    assert p.code == SAID_IN_CLAUSE  # the agreement's own note says it (tests/clauses)


def test_an_hsc_trust_employee_made_the_councils_chief_executive_is_warned_about() -> None:
    [p] = _gp054(trust_employs_council_chief_executive())
    assert p.message.startswith(
        f"the Council is to make the post-holder its Chief Executive, but {CLERK} requires a "
        "council's clerk (its chief executive) to be an officer of the council, and under "
        f"{S105} the post-holder remains an officer of the Trust only")
    assert p.message.endswith(
        "which needs the post-holder's consent and, for a public body (the Trust), the "
        "consent of the Department concerned (section 105(3))")
    assert p.fix is not None
    assert way("employer=council") in p.fix.ways
    assert way("post.statutory_roles.0=-") in p.fix.ways


def test_a_secondment_is_no_better() -> None:
    [p] = _gp054(ni_two_councils(legal_basis="secondment"))
    assert ("under a secondment the post-holder remains an officer of Lough River only: "
            "section 105 of the Local Government Act (Northern Ireland) 1972, unlike section "
            "113(2)") in p.message  # the Act named, not "that Act" (no Act named before it)


def test_quiet_for_the_employers_own_office_a_trust_or_a_monitoring_officer() -> None:
    data = ni_two_councils()
    data["post"]["statutory_roles"] = [
        {"party": "dyffryn", "role": "Chief Financial Officer"},  # the employer's own
        {"party": "hafren", "role": "Monitoring Officer"}]  # no statutory office there
    assert not _gp054(data)
    data = answers(NI)  # a council employs; the Trust is not a council (GP055's, not GP054's)
    data["post"]["statutory_roles"] = [{"party": "trust", "role": "Chief Executive"}]
    assert not _gp054(data)


def test_acknowledged_with_advice_it_is_no_longer_open() -> None:
    data = ni_two_councils()
    data["acknowledge"] = [{"rule": "GP054", "reason": "Mourne Glens takes the post-holder by "
                            "a temporary transfer under section 105(2), on counsel's advice."}]
    assert [bool(p.acknowledged) for p in _gp054(data)] == [True]
