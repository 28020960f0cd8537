"""The statutory offices a host council must give to one of its own officers, by the post's
law, and the provision that says so: what the agreement's note on a host the post-holder is
not an officer of cites (``legal.own_office_hosts``, ``legal.own_office_duties``) and GP054
reads. Every jurisdiction's provisions are the ``own_officer`` cells of the one table
``roles.OFFICES`` (Northern Ireland's among them, a column of that table); kept apart from
:mod:`docgen.facts.legal`, which reads them, with the words Northern Ireland's Acts name
their offices by."""

from __future__ import annotations

from docgen.facts.role_titles import role_kinds
from docgen.facts.roles import council_offices, own_officer_duties

#: Northern Ireland: how the agreement's note and GP054 name each office a council there must
#: give to an officer of the council (its provision: the office's ``own_officer`` cell in
#: ``roles.OFFICES``), as the Acts name it: "its chief financial officer" (s.1(2) of the Local
#: Government Finance Act (Northern Ireland) 2011); "a clerk of the council" (s.41(1) of the
#: Local Government Act (Northern Ireland) 1972), the office a council's chief executive
#: holds. No statute there gives a council a monitoring officer or a head of paid service
#: (ss.4-5 of the Local Government and Housing Act 1989 do not extend to Northern Ireland).
NI_OFFICE_WORDS: dict[str, str] = {
    "chief finance officer": "chief financial officer",
    "chief executive": "clerk (its chief executive)",
}


def ni_own_offices(role: str) -> list[str]:
    """The offices a role names that a Northern Ireland council must give to an officer of
    the council (an ``own_officer`` cell in ``roles.OFFICES``' column), in that table's
    order."""
    return [office for office, _ in own_officer_duties(role_kinds(role), "northern_ireland")]


def ni_duties(offices: set[str]) -> list[tuple[str, str]]:
    """(words, provision) for each of ``offices`` a Northern Ireland council must give to an
    officer of the council, in the table's order: the office named as its Act names it
    (:data:`NI_OFFICE_WORDS`) and the provision that says so."""
    return [(NI_OFFICE_WORDS.get(office, office), provision)
            for office, provision in own_officer_duties(offices, "northern_ireland")]


def own_offices(role: str, jurisdiction: str) -> set[str]:
    """The offices a role names that a host council must give to its own officer, as the
    agreement's note counts them: in Northern Ireland :func:`ni_own_offices`; elsewhere a
    council's offices (``roles.council_offices``) but a returning officer's (personal
    offices) and a chief executive's (a Welsh one has its own note)."""
    if jurisdiction == "northern_ireland":
        return set(ni_own_offices(role))
    return council_offices(role, jurisdiction) - {"returning officer", "chief executive"}


def own_office_duties(jurisdiction: str, offices: set[str]) -> list[dict[str, str]]:
    """{office, provision} for each of ``offices`` given a provision under ``jurisdiction``'s
    law, in the table's order (``roles.OWN_OFFICER_DUTY``; in Northern Ireland the office in
    its Act's words, :func:`ni_duties`)."""
    if jurisdiction == "northern_ireland":
        return [{"office": words, "provision": provision}
                for words, provision in ni_duties(offices)]
    return [{"office": o, "provision": p} for o, p in own_officer_duties(offices, jurisdiction)]
