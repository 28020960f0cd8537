"""GP068: a shire district council given a county council's office (a lawyer's review, 7
December 2026, finding 3). "Ashby Vale District Council" was made the post-holder's director
of public health and the agreement cited s.73A of the NHS Act 2006 for it with no warning; in
an area with a county council a district council has no public health, adult social services
or children's services functions (the "local authorities" of s.2B of the NHS Act 2006 are
county councils, district councils for an area with no county council, London borough
councils, the Common Council and the Council of the Isles of Scilly). The name cannot prove the
tier (a unitary district council has those functions), so it is a warning asking to check."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import add_role, example, problems_for  # noqa: E402

from docgen.rulebook.catalogue import RULES  # noqa: E402
from docgen.rulebook.registry import way  # noqa: E402


def _gp068(jurisdiction: str, party: str, role: str, name: str = "") -> list:
    data = example("legal")
    data["jurisdiction"] = jurisdiction
    if name:
        data["parties"][0]["name"] = name
    add_role(party, role)(data)
    return [p for p in problems_for(data) if p.rule == "GP068"]


def test_a_district_councils_director_of_public_health_is_warned_about() -> None:
    [p] = _gp068("england", "ashby", "Director of Public Health")
    assert p.severity == "warning"
    assert p.path[:2] == ("post", "statutory_roles") and p.path[3] == "party"
    assert "Ashby Vale District Council, a district council by its name" in p.message
    assert "the county council has the public health functions" in p.message
    assert "Check that Ashby Vale is a unitary council" in p.message
    assert p.fix is not None and p.fix.ways == (way("acknowledge=GP068"),)


def test_each_upper_tier_office_is_named_by_its_functions() -> None:
    for role, functions in (("Director of Adult Social Services", "adult social services"),
                            ("Director of Children's Services", "children's services"),
                            ("Director of Adult Social Services and Director of "
                             "Children's Services",
                             "adult social services and children's services")):
        [p] = _gp068("england_and_wales", "ashby", role)
        assert f"the county council has the {functions} functions" in p.message, p.message


def test_other_councils_offices_and_countries_are_quiet() -> None:
    assert not _gp068("england", "ashby", "Monitoring Officer")
    assert not _gp068("england", "brookfield", "Director of Public Health")  # not by its name
    assert not _gp068("england", "ashby", "Director of Public Health",
                      "Wakefield Metropolitan District Council")  # no county council there
    assert not _gp068("wales", "ashby", "Director of Public Health")


def test_it_is_listed_as_a_warning() -> None:
    [r] = [r for r in RULES if r.id == "GP068"]
    assert r.severity == "warning" and r.key == "post.statutory_roles"
