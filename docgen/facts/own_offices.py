"""The statutory offices a host council must give to one of its own officers, by the post's
law, and the provision that says so: what the agreement's note on a host the post-holder is
not an officer of cites (``legal.own_office_hosts``, ``legal.own_office_duties``) and GP054
reads. England's, Wales' and Scotland's come from the one table ``roles.OFFICES``; Northern
Ireland's are :data:`NI_OWN_OFFICER`, kept apart from :mod:`docgen.facts.legal`, which reads
them."""

from __future__ import annotations

from docgen.facts.roles import council_offices, own_officer_duties, role_kinds

#: Northern Ireland: for each office :func:`roles.role_kinds` names that a council there
#: must give to an officer of the council, the words the agreement's note names it by and the
#: provision that says so: "A council shall designate an officer of the council as its chief
#: financial officer" (s.1(2) of the Local Government Finance Act (Northern Ireland) 2011);
#: "Every council shall appoint a clerk of the council" (s.41(1) of the Local Government Act
#: (Northern Ireland) 1972, in its Part III, "Officers"), the office a council's chief
#: executive holds. No statute there gives a council a monitoring officer or a head of paid
#: service (ss.4-5 of the Local Government and Housing Act 1989 do not extend to Northern
#: Ireland). Not a column of ``roles.OFFICES``, which speaks of four jurisdictions and holds
#: Northern Ireland to none (tests/facts/test_office_table.py); in that table's order.
NI_OWN_OFFICER: dict[str, tuple[str, str]] = {
    "chief finance officer": (
        "chief financial officer",
        "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011"),
    "chief executive": (
        "clerk (its chief executive)",
        "section 41(1) of the Local Government Act (Northern Ireland) 1972"),
}


def ni_own_offices(role: str) -> list[str]:
    """The offices of :data:`NI_OWN_OFFICER` a role names, in that table's order."""
    kinds = role_kinds(role)
    return [office for office in NI_OWN_OFFICER if office in kinds]


def own_offices(role: str, jurisdiction: str) -> set[str]:
    """The offices a role names that a host council must give to its own officer, as the
    agreement's note counts them: in Northern Ireland :data:`NI_OWN_OFFICER`'s; elsewhere a
    council's offices (``roles.council_offices``) but a returning officer's (personal
    offices) and a chief executive's (a Welsh one has its own note)."""
    if jurisdiction == "northern_ireland":
        return set(ni_own_offices(role))
    return council_offices(role, jurisdiction) - {"returning officer", "chief executive"}


def own_office_duties(jurisdiction: str, offices: set[str]) -> list[dict[str, str]]:
    """{office, provision} for each of ``offices`` given a provision under ``jurisdiction``'s
    law, in the table's order (``roles.OWN_OFFICER_DUTY``; in Northern Ireland
    :data:`NI_OWN_OFFICER`, the office in its own words)."""
    if jurisdiction == "northern_ireland":
        return [{"office": words, "provision": provision}
                for office, (words, provision) in NI_OWN_OFFICER.items() if office in offices]
    return [{"office": o, "provision": p} for o, p in own_officer_duties(offices, jurisdiction)]
