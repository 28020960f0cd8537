"""The organisation not listed on the start page gets the id ``docgen new`` would give it
(docgen/answers/party_ids.py), not a second way of making one."""

from __future__ import annotations

from docgen.web.begin import other_party


def test_the_interview_gives_an_organisation_not_listed_the_same_id() -> None:
    form = {"other_name": "  The Mayor and Commonalty and Citizens of the  City of London ",
            "other_kind": "local_authority"}
    assert other_party(form, ["eastwick"]) == {
        "id": "city_of_london", "kind": "local_authority",
        "name": "The Mayor and Commonalty and Citizens of the City of London"}
    form["other_name"] = "Eastwick Hospitals NHS Trust"
    assert other_party(form, ["eastwick_hospitals"])["id"] == "eastwick_hospitals_2"
