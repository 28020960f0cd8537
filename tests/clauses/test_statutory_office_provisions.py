"""The agreement's note on a statutory office under another power (agreement.statutory_roles)
cites, for each office the host councils are to give, the provision that has a council give
it to one of its own officers (``legal.own_office_duties``, from ``facts/roles``'
``OWN_OFFICER_DUTY``). It cited s.5(1) of the Local Government and Housing Act 1989 (the
monitoring officer's) whatever the office: a Welsh council's head of democratic services is
designated under s.8(1)(a) of the Local Government (Wales) Measure 2011.

And a "Director of Social Services" under ``jurisdiction: england_and_wales`` is the same
office to GP054, GP056 and the note: ``facts/roles.NOT_A_COUNCIL_OFFICE`` says it is not a
council office the post's law is shown to give (the title does not show the councils are
Welsh), so GP056 asks for ``jurisdiction: wales`` and neither GP054 nor the note fires. Before,
GP056 warned that it was the Welsh office while GP054 and the note called it the council's
own."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import FOUR, answers

from docgen.api import _checked
from docgen.clauses.library import cached_library
from docgen.clauses.render import render_document
from docgen.facts.roles import NOT_A_COUNCIL_OFFICE, OWN_OFFICER_DUTY
from docgen.rulebook.offices import OTHER_COUNTRY_OFFICES, other_country_words

S75 = "section 75 of the National Health Service Act 2006"
CLAUSE_SAYS = "treats the Post-holder as an officer of"
S5 = "section 5(1) of the Local Government and Housing Act 1989"
S8 = "section 8(1)(a) of the Local Government (Wales) Measure 2011"
S73A = "section 73A(2) of the National Health Service Act 2006"


def _said(role: str, jurisdiction: str) -> tuple[set[str], list[str], Any]:
    """GP054 and GP056 if they fire, the clause's notes on the point, and the facts."""
    data = answers(FOUR, jurisdiction=jurisdiction, legal_basis="other", legal_basis_text=S75)
    data["post"]["statutory_roles"] = [{"party": "fenwick", "role": role}]
    checked = _checked(data)
    assert not checked.errors, checked.errors
    rendered = render_document(cached_library([]), "agreement", checked.facts)
    notes = [p.markup for rc in rendered.clauses for p in rc.paras if CLAUSE_SAYS in p.markup]
    return ({p.rule for p in checked.problems} & {"GP054", "GP056"}), notes, checked.facts


def test_a_welsh_head_of_democratic_services_cites_section_8_of_the_2011_measure() -> None:
    rules, [note], facts = _said("Head of Democratic Services", "wales")
    assert rules == {"GP054"}
    assert facts.legal.own_office_duties == [
        {"office": "head of democratic services", "provision": S8}]
    assert f"only one of its own officers ({S8} for a head of democratic services)" in note
    assert "Local Government and Housing Act 1989" not in note


@pytest.mark.parametrize("jurisdiction", ["england", "wales", "england_and_wales"])
def test_a_monitoring_officer_still_cites_section_5_1(jurisdiction: str) -> None:
    _, [note], _ = _said("Monitoring Officer", jurisdiction)
    assert f"only one of its own officers ({S5} for a monitoring officer)" in note
    assert "73A" not in note and "Measure 2011" not in note


def test_each_office_present_cites_its_own_provision_in_the_tables_order() -> None:
    _, [note], _ = _said("Head of Legal and Democratic Services and Monitoring Officer", "wales")
    assert (f"({S5} for a monitoring officer; {S8} for a head of democratic services)"
            in note)
    _, [note], _ = _said("Director of Public Health", "england")
    assert f"({S73A} for a director of public health)" in note
    assert S5 not in note


def test_an_office_without_a_provision_on_record_is_cited_to_none() -> None:
    """docgen's sources name no "one of their officers" provision for a Welsh head of paid
    service (the s.54 chief executive): the note names the councils and cites nothing rather
    than s.5(1). (England's directors of adult social services and of children's services
    have one since a legal review of 6 December 2026: s.6(A1) of the Local Authority Social
    Services Act 1970 and s.18(1) of the Children Act 2004; Wales' director of social
    services since a review of 7 December 2026: s.144(1) of the Social Services and
    Well-being (Wales) Act 2014, tests/clauses/test_wales_dss_own_officer.py.)"""
    for role, jurisdiction in (("Head of Paid Service", "wales"),):
        _, [note], facts = _said(role, jurisdiction)
        assert facts.legal.own_office_duties == []
        assert "only one of its own officers. Place" in note and S5 not in note


def test_director_of_social_services_under_england_and_wales_agrees_in_all_three() -> None:
    rules, notes, facts = _said("Director of Social Services", "england_and_wales")
    assert rules == {"GP056"} and notes == [] and facts.legal.own_office_hosts == []
    assert "director of social services" in NOT_A_COUNCIL_OFFICE["england_and_wales"]


def test_gp056_reads_whether_an_office_is_another_countrys_from_the_facts_table() -> None:
    """GP056's words for England, Wales and England and Wales are only words: an office the
    facts' table does not list for the jurisdiction draws none of them."""
    for jurisdiction, kind in OTHER_COUNTRY_OFFICES:
        if jurisdiction in NOT_A_COUNCIL_OFFICE:
            assert kind in NOT_A_COUNCIL_OFFICE[jurisdiction], (jurisdiction, kind)
    assert other_country_words("director of public health", "england") is None
    assert other_country_words("director of social services", "england_and_wales") \
        == OTHER_COUNTRY_OFFICES[("england_and_wales", "director of social services")]


def test_the_provisions_are_for_council_offices_of_that_law() -> None:
    for office, where in OWN_OFFICER_DUTY.items():
        for jurisdiction in where:
            assert office not in NOT_A_COUNCIL_OFFICE.get(jurisdiction, ()), (
                office, jurisdiction)
