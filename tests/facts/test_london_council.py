"""A council is known to be in England (``PartyFacts.in_england``) when its name is a London
council's corporate name, not whenever it is in a corporation's form: "The Mayor and Burgesses
of the Borough of Poole" is that form outside London (Wales had such boroughs too), and was
read as a London council in England (GP067 then called it "the council of a London
borough")."""

from __future__ import annotations

import pytest
from legal_answers import answers

from docgen import load
from docgen.facts.derive import derive
from docgen.facts.parties import london_council

LONDON = "Guildhall, London EC2V 7HH"
ELSEWHERE = "Civic Centre, Poole BH15 2RU"


@pytest.mark.parametrize(("name", "address", "kind"), [
    ("The Mayor and Burgesses of the London Borough of Eastwick", ELSEWHERE, "borough"),
    ("The Mayor and Burgesses of the Royal Borough of Greenwich", ELSEWHERE, "borough"),
    ("The Mayor and Burgesses of the Royal Borough of Westmere", LONDON, "borough"),
    ("The Lord Mayor and Citizens of the City of Westminster", ELSEWHERE, "borough"),
    ("The Mayor and Commonalty and Citizens of the City of London", LONDON, "city"),
    ("the mayor and commonalty and citizens of the city of  London", "", "city"),
    ("The Mayor and Burgesses of the Borough of Poole", ELSEWHERE, ""),
    ("The Mayor and Burgesses of the Borough of Poole", LONDON, ""),
    ("The Mayor and Burgesses of the Royal Borough of Westmere", ELSEWHERE, ""),
    ("The Mayor and Burgesses of the Royal Borough of Windsor and Maidenhead",
     "Town Hall, Maidenhead SL6 1RF", ""),
    ("The Lord Mayor and Citizens of the City of Leeds", ELSEWHERE, ""),
    ("London Borough of Eastwick", LONDON, ""),  # not in its corporate form: GP057's case
])
def test_a_london_council_is_told_by_what_follows_the_form(name: str, address: str,
                                                           kind: str) -> None:
    assert london_council(name, address) == kind


def test_in_england_is_a_london_councils_alone() -> None:
    """PartyFacts.in_england (the agreement's general power of competence under England and
    Wales' law reads it) was true for Poole's corporate form too."""
    data = answers("nhs-icb-employs-dass", jurisdiction="england_and_wales")
    council = next(i for i, p in enumerate(data["parties"]) if p["kind"] == "local_authority")
    data["parties"][council]["name"] = "The Mayor and Burgesses of the Borough of Poole"
    data["parties"][council]["address"] = ELSEWHERE
    assert [p.in_england for p in derive(load(data)).parties
            if p.kind == "local_authority"] == [False]
    data["parties"][council]["name"] = "The Mayor and Burgesses of the London Borough of Poole"
    assert [p.in_england for p in derive(load(data)).parties
            if p.kind == "local_authority"] == [True]
