"""The offices no council holds under England's or Wales' law (``facts/roles``'
``NOT_A_COUNCIL_OFFICE``, which GP054 and the facts' ``legal.own_office_hosts`` read) are
those GP056 names as another country's (``rulebook/offices.OTHER_COUNTRY_OFFICES``) or that
belong to one other country (``ONE_COUNTRY``). Under "England and Wales", which does not say
which country, only ``ONE_COUNTRY``'s go: GP056's Welsh director of social services there is
kept (the post may be in Wales)."""

from __future__ import annotations

from docgen.facts.roles import NOT_A_COUNCIL_OFFICE, council_offices
from docgen.rulebook.offices import ONE_COUNTRY, OTHER_COUNTRY_OFFICES, in_country


def _other_country(jurisdiction: str) -> set[str]:
    return {k for k in ONE_COUNTRY if not in_country(k, jurisdiction)}


def test_england_and_wales_lose_what_gp056_calls_another_countrys() -> None:
    for jurisdiction in ("england", "wales"):
        gp056 = {k for j, k in OTHER_COUNTRY_OFFICES if j == jurisdiction}
        assert NOT_A_COUNCIL_OFFICE[jurisdiction] == gp056 | _other_country(jurisdiction)


def test_england_and_wales_together_lose_only_one_countrys_offices() -> None:
    assert NOT_A_COUNCIL_OFFICE["england_and_wales"] == _other_country("england_and_wales")


def test_council_offices_by_country() -> None:
    assert council_offices("Head of Democratic Services", "england") == set()
    assert council_offices("Head of Democratic Services", "wales") == {
        "head of democratic services"}
    assert council_offices("Director of Public Health", "wales") == set()
    assert council_offices("Director of Public Health", "england") == {
        "director of public health"}
    assert council_offices("Director of Adult Social Services", "wales") == set()
    assert council_offices("Monitoring Officer", "scotland") == {"monitoring officer"}
