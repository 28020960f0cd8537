"""One home for Northern Ireland's own-officer provisions (7 December 2026): they were a
table of their own, ``own_offices.NI_OWN_OFFICER``, beside ``roles.OFFICES``, whose
Northern Ireland column left its ``own_officer`` cells blank. They are now those cells; the
agreement's note and GP054 read them, naming each office as its Act does, unchanged."""

from __future__ import annotations

from docgen.facts import own_offices
from docgen.facts.own_offices import NI_OFFICE_WORDS, ni_duties, ni_own_offices, own_office_duties
from docgen.facts.roles import OFFICES, OWN_OFFICER_DUTY

S1_2 = "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011"
S41_1 = "section 41(1) of the Local Government Act (Northern Ireland) 1972"


def test_the_provisions_are_the_columns_cells() -> None:
    assert OFFICES["chief finance officer"]["northern_ireland"].own_officer == S1_2
    assert OFFICES["chief executive"]["northern_ireland"].own_officer == S41_1
    assert {o for o, where in OWN_OFFICER_DUTY.items() if "northern_ireland" in where} == \
        set(NI_OFFICE_WORDS)
    assert not hasattr(own_offices, "NI_OWN_OFFICER")  # no second table


def test_what_the_note_and_gp054_read_is_unchanged() -> None:
    assert ni_own_offices("Clerk of the Council and Chief Financial Officer") == [
        "chief finance officer", "chief executive"]
    assert ni_own_offices("Monitoring Officer") == []
    assert ni_duties({"chief executive", "chief finance officer", "monitoring officer"}) == [
        ("chief financial officer", S1_2), ("clerk (its chief executive)", S41_1)]
    assert own_office_duties("northern_ireland", {"chief finance officer"}) == [
        {"office": "chief financial officer", "provision": S1_2}]
