"""GP012 counts only the roles held for a local authority: s.2 of the Local Government and
Housing Act 1989 restricts posts under a local authority, so a Scottish or Welsh health
board's director of public health does not make the post politically restricted. The
country of each one-country office is kept once, in ``rulebook/offices.ONE_COUNTRY``."""

from __future__ import annotations

import pytest
from legal_answers import SCOT, WALES, answers

from docgen import check
from docgen.rulebook.offices import COUNCIL_OFFICES, ONE_COUNTRY, SCOTTISH_OFFICES


def _gp012(name: str, kind: str, role: str) -> list[str]:
    d = answers(name)
    d["post"]["politically_restricted"] = False
    d["parties"][1]["kind"] = kind
    d["post"]["statutory_roles"] = [{"party": d["parties"][1]["id"], "role": role}]
    return [p.message for p in check(d).problems if p.rule == "GP012"]


@pytest.mark.parametrize("name", (SCOT, WALES))
def test_a_health_boards_director_of_public_health_is_not_restricted(name: str) -> None:
    assert _gp012(name, "nhs_body", "Director of Public Health") == []


@pytest.mark.parametrize("name", (SCOT, WALES))
def test_a_councils_monitoring_officer_still_is(name: str) -> None:
    assert _gp012(name, "local_authority", "Monitoring Officer")
    assert _gp012(name, "nhs_body", "Monitoring Officer") == []


def test_one_country_offices_are_council_offices_of_that_country_alone() -> None:
    for office, country in ONE_COUNTRY.items():
        assert set(COUNCIL_OFFICES[office]) == {country}
    assert {o for o, c in ONE_COUNTRY.items() if c == "scotland"} == SCOTTISH_OFFICES
