"""The offices no council holds under England's, Wales' or "England and Wales"' law
(``facts/roles``' ``NOT_A_COUNCIL_OFFICE``, which GP054, GP056 and the facts'
``legal.own_office_hosts`` read) are those GP056 has words for as another country's
(``rulebook/offices.OTHER_COUNTRY_OFFICES``) or that belong to one other country
(``ONE_COUNTRY``), in each of the three: under "England and Wales" the Welsh director of
social services goes too, as GP056 says it should be written for a post in Wales."""

from __future__ import annotations

from docgen.facts.roles import NOT_A_COUNCIL_OFFICE, council_offices
from docgen.rulebook.offices import ONE_COUNTRY, OTHER_COUNTRY_OFFICES, in_country


def _other_country(jurisdiction: str) -> set[str]:
    return {k for k in ONE_COUNTRY if not in_country(k, jurisdiction)}


def test_england_wales_and_both_lose_what_gp056_calls_another_countrys() -> None:
    for jurisdiction in ("england", "wales", "england_and_wales"):
        gp056 = {k for j, k in OTHER_COUNTRY_OFFICES if j == jurisdiction}
        assert NOT_A_COUNCIL_OFFICE[jurisdiction] == gp056 | _other_country(jurisdiction)


def test_council_offices_by_country() -> None:
    assert council_offices("Head of Democratic Services", "england") == set()
    assert council_offices("Head of Democratic Services", "wales") == {
        "head of democratic services"}
    assert council_offices("Director of Public Health", "wales") == set()
    assert council_offices("Director of Public Health", "england") == {
        "director of public health"}
    assert council_offices("Director of Adult Social Services", "wales") == set()
    assert council_offices("Monitoring Officer", "scotland") == {"monitoring officer"}
    assert council_offices("Director of Social Services", "england_and_wales") == set()
    assert council_offices("Director of Social Services", "wales") == {
        "director of social services"}
