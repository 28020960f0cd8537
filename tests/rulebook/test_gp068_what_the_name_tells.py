"""GP068 says what a council's name can tell it (a lawyer's review, 7 December 2026, item 2).

A borough or city council in an area with a county council ("Guildford Borough Council",
"Exeter City Council") is a district council too, with no public health, adult social
services or children's services functions; but so named are unitary councils ("Reading
Borough Council", "Leicester City Council"), metropolitan boroughs ("Birmingham City
Council") and London boroughs, which have them. The answer file gives a party's kind only as
``local_authority``, so the rule cannot tell them apart: it still fires only on a name saying
"District Council" (not a metropolitan district's), and its summary, which ``docgen rules``
lists, now says so, and says to check a borough or city council's tier, instead of reading
as if it caught every district council."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import add_role, example, problems_for  # noqa: E402

from docgen.rulebook.catalogue import RULES  # noqa: E402


def _gp068(name: str, role: str = "Director of Public Health") -> list:
    data = example("legal")
    data["jurisdiction"] = "england"
    data["parties"][0]["name"] = name
    add_role("ashby", role)(data)
    return [p for p in problems_for(data) if p.rule == "GP068"]


def test_the_summary_says_it_knows_a_district_council_only_by_its_name() -> None:
    [r] = [r for r in RULES if r.id == "GP068"]
    assert "found only by the words 'District Council' in a council's name" in r.summary
    assert ("a borough or city council in such an area is a district council too, and its "
            "name does not show it, so check the tier of a borough or city council given one "
            "of these offices") in r.summary


def test_borough_city_london_and_metropolitan_councils_are_not_warned_about() -> None:
    for name in ("Guildford Borough Council", "Exeter City Council",
                 "The Mayor and Burgesses of the London Borough of Eastwick",
                 "Wigan Metropolitan Borough Council", "Birmingham City Council",
                 "City of Wakefield Metropolitan District Council"):
        assert not _gp068(name), name


def test_a_district_council_by_its_name_is_still_warned_about() -> None:
    [p] = _gp068("Ashby Vale District Council", "Director of Children's Services")
    assert "Ashby Vale District Council, a district council by its name" in p.message
