"""The statutory offices by jurisdiction have one home, ``facts/roles.OFFICES``; every other
table of them is a view of it. This sweep checks each view against the table for every
office x jurisdiction (Northern Ireland included, where only GP055's statutes are read), so a view
cannot drift from the table, and that the one known disagreement between the columns, a
director of public health under ``england_and_wales``, is the only one and is marked as
awaiting a lawyer's decision."""

from __future__ import annotations

import pytest

from docgen.facts import legal as facts_legal
from docgen.facts.role_titles import ROLE_PATTERNS, role_kinds
from docgen.facts.roles import (
    COUNCIL_OFFICES,
    NOT_A_COUNCIL_OFFICE,
    OFFICE_JURISDICTIONS,
    OFFICES,
    OWN_OFFICER_DUTY,
    QUALIFICATION_SAID_BY,
    SCOTTISH_COUNCIL_KINDS,
    STANDING_ORDERS_OFFICES,
    WORDED_FOR_ANY_PARTY,
    OfficeLaw,
    council_offices,
    own_officer_duties,
    statutory_criteria,
)
from docgen.rulebook import legal as rulebook_legal
from docgen.rulebook import offices as rulebook_offices

EW = ("england", "wales", "england_and_wales")
ALL = OFFICE_JURISDICTIONS
#: a role that names each office alone
TITLES = {"monitoring officer": "Monitoring Officer",
          "chief finance officer": "Chief Finance Officer",
          "head of paid service": "Head of Paid Service",
          "director of public health": "Director of Public Health",
          "director of children's services": "Director of Children's Services",
          "director of adult social services": "Director of Adult Social Services",
          "director of social services": "Director of Social Services",
          "chief executive": "Chief Executive",
          "returning officer": "Returning Officer",
          "head of democratic services": "Head of Democratic Services",
          "section 95 officer": "Section 95 Officer",
          "chief social work officer": "Chief Social Work Officer"}
CELLS = [(o, j) for o in OFFICES for j in ALL]


def _law(office: str, jurisdiction: str) -> OfficeLaw:
    """The table's row, or nothing at all for a jurisdiction it does not speak of."""
    return OFFICES[office].get(jurisdiction, OfficeLaw())


def test_the_table_covers_every_office_and_jurisdiction() -> None:
    assert set(OFFICES) == set(ROLE_PATTERNS) == set(TITLES)
    for office, by in OFFICES.items():
        assert tuple(by) == OFFICE_JURISDICTIONS, office
        assert role_kinds(TITLES[office]) == {office}


@pytest.mark.parametrize(("office", "jurisdiction"), CELLS)
def test_every_view_agrees_with_the_table(office: str, jurisdiction: str) -> None:
    law = _law(office, jurisdiction)
    assert COUNCIL_OFFICES.get(office, {}).get(jurisdiction, "") == law.statute
    assert OWN_OFFICER_DUTY.get(office, {}).get(jurisdiction, "") == law.own_officer
    assert (jurisdiction in WORDED_FOR_ANY_PARTY.get(office, ())) == law.worded_for_any_party
    assert (office in STANDING_ORDERS_OFFICES.get(jurisdiction, ())) == law.standing_orders
    assert own_officer_duties({office}, jurisdiction) == (
        [(office, law.own_officer)] if law.own_officer else [])
    if jurisdiction in EW:
        assert (office in NOT_A_COUNCIL_OFFICE[jurisdiction]) == (not law.council)
        assert council_offices(TITLES[office], jurisdiction) == ({office} if law.council
                                                                else set())
    else:  # Scotland and Northern Ireland: council_offices leaves every office in
        assert jurisdiction not in NOT_A_COUNCIL_OFFICE
        assert council_offices(TITLES[office], jurisdiction) == {office}
    if jurisdiction == "scotland":
        assert (office in SCOTTISH_COUNCIL_KINDS) == (
            law.council and office != "returning officer")
    if jurisdiction == "northern_ireland":  # the note's provisions: its own_officer cells
        assert not (law.worded_for_any_party or law.standing_orders)
        assert bool(law.own_officer) == (office in {"chief finance officer", "chief executive"})
        assert (office in COUNCIL_OFFICES and jurisdiction in COUNCIL_OFFICES[office]) == (
            office in {"chief finance officer", "monitoring officer"})


@pytest.mark.parametrize(("office", "jurisdiction"), CELLS)
def test_the_rules_read_the_table(office: str, jurisdiction: str) -> None:
    """GP054's offices, GP055's statute and GP056's silence on a council's own office."""
    law = _law(office, jurisdiction)
    assert rulebook_offices.COUNCIL_OFFICES is COUNCIL_OFFICES
    assert rulebook_offices.WORDED_FOR_ANY_PARTY is WORDED_FOR_ANY_PARTY
    assert facts_legal.STANDING_ORDERS_OFFICES is STANDING_ORDERS_OFFICES
    gp054 = rulebook_legal._offices(TITLES[office], jurisdiction)
    if jurisdiction in EW or jurisdiction == "scotland":
        assert gp054 == ({office} if law.council and office != "returning officer"
                         else set())
    if jurisdiction in EW and law.council:
        assert rulebook_offices.other_country_words(office, jurisdiction) is None


def test_the_views_keep_the_tables_order() -> None:
    """The note cites provisions, and the Standing Orders offices are listed, in the
    table's order."""
    order = list(OFFICES)
    assert list(OWN_OFFICER_DUTY) == [o for o in order if o in OWN_OFFICER_DUTY]
    for offices in STANDING_ORDERS_OFFICES.values():
        assert list(offices) == sorted(offices, key=order.index)
    assert own_officer_duties(set(OFFICES), "england") == [
        (o, OFFICES[o]["england"].own_officer) for o in order
        if OFFICES[o]["england"].own_officer]


def test_one_point_awaits_a_lawyer() -> None:
    """England's offices keep their English statute under "England and Wales" (GP055), but
    a director of public health does not, though GP054 and the note count it a council's
    office there: kept as it is (a shipped example depends on it), and marked in the table
    as the only such row."""
    waiting = {(o, j) for o, by in OFFICES.items() for j, law in by.items()
               if law.awaits_lawyer}
    assert waiting == {("director of public health", "england_and_wales")}
    for office, by in OFFICES.items():
        english, both = by["england"], by["england_and_wales"]
        if english.council and english.statute and both.council and not both.statute:
            assert both.awaits_lawyer, office
    dph = OFFICES["director of public health"]["england_and_wales"]
    assert dph.council and dph.own_officer and not dph.statute
    assert "england_and_wales" not in COUNCIL_OFFICES["director of public health"]
    assert rulebook_legal._offices("Director of Public Health", "england_and_wales") == {
        "director of public health"}


LGHA = "of the Local Government and Housing Act 1989"


@pytest.mark.parametrize(("office", "jurisdiction", "council", "statute", "own_officer",
                          "standing_orders"), [
    # as the statutes read, written out here rather than taken from the table (the sweep
    # above holds the views to the table; these hold the table to the law)
    ("monitoring officer", "england", True, f"section 5 {LGHA}", f"section 5(1) {LGHA}",
     False),
    ("head of paid service", "england", True, f"section 4 {LGHA}", f"section 4(1) {LGHA}",
     True),
    ("chief finance officer", "wales", True, "", "section 151 of the Local Government Act 1972",
     True),
    ("director of public health", "england", True,
     "section 73A of the National Health Service Act 2006",
     "section 73A(2) of the National Health Service Act 2006", False),
    ("director of public health", "wales", False, "", "", False),  # a Local Health Board's
    ("director of adult social services", "england", True,
     "section 6 of the Local Authority Social Services Act 1970",
     "section 6(A1) of the Local Authority Social Services Act 1970", False),
    ("director of children's services", "england", True,
     "section 18 of the Children Act 2004", "section 18(1) of the Children Act 2004", False),
    ("director of children's services", "england_and_wales", True,
     "section 18 of the Children Act 2004", "section 18(1) of the Children Act 2004", False),
    ("director of children's services", "wales", False, "", "", False),  # s.144 SSWA 2014's
    ("head of democratic services", "wales", True,
     "section 8 of the Local Government (Wales) Measure 2011",
     "section 8(1)(a) of the Local Government (Wales) Measure 2011", True),
    ("head of democratic services", "england", False, "", "", False),
    ("director of social services", "wales", True,
     "section 144 of the Social Services and Well-being (Wales) Act 2014",
     "section 144(1) of the Social Services and Well-being (Wales) Act 2014", False),
    ("section 95 officer", "scotland", True,
     "section 95 of the Local Government (Scotland) Act 1973", "", False),
    ("section 95 officer", "england", False, "", "", False),
    ("chief finance officer", "northern_ireland", True,
     "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011",
     "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011", False),
    ("chief executive", "northern_ireland", True, "",
     "section 41(1) of the Local Government Act (Northern Ireland) 1972", False),
    ("head of paid service", "northern_ireland", False, "", "", False),
    ("returning officer", "northern_ireland", False, "", "", False),  # GP053
])
def test_cells_of_the_table_say_what_the_statutes_say(
        office: str, jurisdiction: str, council: bool, statute: str, own_officer: str,
        standing_orders: bool) -> None:
    law = OFFICES[office][jurisdiction]
    assert (law.council, law.statute, law.own_officer, law.standing_orders) == (
        council, statute, own_officer, standing_orders)


@pytest.mark.parametrize(("office", "jurisdictions", "key", "assessed"), [
    # the person specification's statutory rows (facts/derive.py read them from a table of
    # their own, STATUTORY_CRITERIA, until they joined this one)
    ("chief finance officer", EW, "chief_finance_officer", ("application",)),
    ("chief social work officer", ("scotland",), "chief_social_work_officer",
     ("application",)),
    ("director of social services", ("wales",), "director_of_social_services",
     ("application", "interview")),
    # a council's director of public health: a registered public health specialist
    ("director of public health", ("england", "england_and_wales"),
     "director_of_public_health", ("application",)),
])
def test_the_qualifications_the_law_asks_of_a_councils_holder(
        office: str, jurisdictions: tuple[str, ...], key: str,
        assessed: tuple[str, ...]) -> None:
    for jurisdiction in ALL:
        law = OFFICES[office][jurisdiction]
        expected = [(key, assessed)] if jurisdiction in jurisdictions else []
        assert statutory_criteria({office}, jurisdiction) == expected, jurisdiction
        assert (law.qualification, law.assessed_by) == (expected[0] if expected else ("", ()))
    # no other office asks anything, and a Welsh post lists them in the table's order
    others = set(OFFICES) - {"chief finance officer", "chief social work officer",
                             "director of social services", "director of public health"}
    assert all(statutory_criteria(others, j) == [] for j in ALL)
    assert [k for k, _ in statutory_criteria(set(OFFICES), "wales")] == [
        "chief_finance_officer", "director_of_social_services"]
    assert [k for k, _ in statutory_criteria(set(OFFICES), "england")] == [
        "chief_finance_officer", "director_of_public_health"]
    # a criterion naming the UK Public Health Register already states the last
    assert QUALIFICATION_SAID_BY == {"director_of_public_health": ("public health register",)}
