"""England's head of paid service: full-council approval before an offer of appointment and
the pay policy statement, read back from the built agreement (lawyer's review, 7 December
2026, point 5).

Wales' s.54 chief executive had both (the full council approves the appointment before any
offer is made; the pay is consistent with each council's pay policy statement under ss.38 to
41 of the Localism Act 2011); an English head of paid service had neither, though
docs/sources.md records that paragraph 4(1) of Schedule 1 to the Local Authorities (Standing
Orders) (England) Regulations 2001 does the same for a head of paid service as the Welsh
Regulations do for a chief executive, and ss.38-41 apply in England. Which Part of the
Schedule applies, and how paragraph 4(1) reads for a designation of another body's officer,
are left to a note for legal review.
"""

from __future__ import annotations

from typing import Any

from legal_answers import FOUR, answers, numbered, statutory_roles

PARA_4 = ("paragraph 4(1) of Schedule 1 to the Local Authorities (Standing Orders) (England) "
          "Regulations 2001")


def _heads(jurisdiction: str = "england") -> dict[str, Any]:
    return answers(FOUR, jurisdiction=jurisdiction, post__statutory_roles=[
        {"party": "hartmoor", "role": "Chief Executive and Head of Paid Service"},
        {"party": "fenwick", "role": "Head of Paid Service"}])


def test_full_council_approval_and_the_pay_policy_statement_are_printed() -> None:
    n = numbered(_heads())
    [approval] = [t for t in n.values() if PARA_4 in t]
    assert approval == (
        "The full council of each Party that designates the Post-holder as its head of paid "
        "service under section 4 of the Local Government and Housing Act 1989 shall approve "
        "the appointment before any offer of appointment is made, as " + PARA_4 + " provides "
        "for an officer designated as head of paid service, and that Party shall give the "
        "other Parties a copy of its resolution.")
    [pay] = [t for t in n.values() if "pay policy statement" in t]
    assert pay == (
        "The Post-holder's remuneration as head of paid service, including any premium, shall "
        "be consistent with the pay policy statement under sections 38 to 41 of the Localism "
        "Act 2011 of each Party that designates the Post-holder as its head of paid service, "
        "and each such Party shall reflect the Arrangement in its statement.")
    assert "confirm which Part of Schedule 1" in statutory_roles(_heads())


def test_not_printed_for_a_monitoring_officer_alone_nor_outside_england() -> None:
    assert PARA_4 not in statutory_roles(answers(FOUR))
    assert PARA_4 not in statutory_roles(_heads("scotland"))


LONDON = ("The Mayor and Burgesses of the London Borough of Hartmoor",
          "The Mayor and Burgesses of the London Borough of Fenwick")


def _in_london(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with Hartmoor and Fenwick named as London boroughs, so councils in England."""
    for i, name in enumerate(LONDON):
        data["parties"][i]["name"] = name
    return data


def test_printed_under_england_and_wales_for_councils_known_to_be_in_england() -> None:
    """Most English posts are written ``england_and_wales``: a London borough's name shows
    it is in England, so the operative clause prints as under ``england``."""
    roles = statutory_roles(_in_london(_heads("england_and_wales")))
    assert PARA_4 + " provides" in roles
    assert "sections 38 to 41 of the Localism Act 2011 of each Party that designates" in roles
    assert "cannot tell" not in roles


def test_a_note_not_the_clause_where_the_councils_country_is_not_known() -> None:
    """District councils' names do not say which country they are in: a note asks legal
    review, and nothing is asserted that would be wrong in law for a council in Wales."""
    roles = statutory_roles(_heads("england_and_wales"))
    clauses = [t for t in roles.splitlines() if not t.startswith("Note for legal review")]
    assert not [t for t in clauses if PARA_4 in t or "pay policy statement" in t]
    note = next(line for line in roles.splitlines() if "Hartmoor and Fenwick designate" in line)
    assert note.startswith("Note for legal review:")
    assert PARA_4 in note and "section 54 of the Local Government and Elections" in note


def test_only_the_councils_known_to_be_in_england_are_bound_when_some_are_not() -> None:
    data = _heads("england_and_wales")
    data["parties"][1]["name"] = LONDON[1]
    roles = statutory_roles(data)
    assert ("The full council of Fenwick, which designates the Post-holder as its head of "
            "paid service under section 4") in roles
    assert "of Fenwick, and it shall reflect the Arrangement in its statement" in roles
    assert "Hartmoor designates the Post-holder as its head of paid service" in roles
    # the council named, not "that Party", which nothing before it names (a reviewer's find)
    assert "head of paid service, and Fenwick shall give" in roles, roles
    assert "and that Party shall give" not in roles.split("Fenwick, which designates")[1]


def test_neither_clause_nor_note_in_wales() -> None:
    """Wales has its own s.54 chief executive clauses."""
    roles = statutory_roles(_heads("wales"))
    assert PARA_4 not in roles
    assert "section 54 of the Local Government and Elections (Wales) Act 2021" in roles
