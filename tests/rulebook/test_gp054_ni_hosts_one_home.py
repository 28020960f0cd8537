"""GP054 in Northern Ireland warns of the host councils the facts' ``legal.own_office_hosts``
names (the hosts the agreement's note names), rather than working them out again beside it:
one home for which hosts are to give the post-holder an office only their own officer may
hold. The facts list them in the roles' order (the note's), GP054 in the parties' order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from legal_answers import ni_two_councils, with_party

from docgen.answers.validation import validate
from docgen.answers.yamlfile import Located
from docgen.facts.derive import derive
from docgen.rulebook.host_offices import ni_offices


def _three_councils() -> dict[str, Any]:
    """Lough River employs; Mourne Glens and, after it, Sperrin are to make the post-holder
    their chief financial officer and clerk, Sperrin's role listed first."""
    data = with_party(ni_two_councils(), {
        "id": "sperrin", "name": "Sperrin Borough Council", "short_name": "Sperrin",
        "kind": "local_authority", "address": "Council Offices, Omagh Road, BT78 1AA",
        "signatory": {"name": "Roisin Kelly", "title": "Chief Executive"},
        "notices": {"title": "Chief Executive", "email": "ceo@sperrin.example.gov.uk"}},
        {"dyffryn": 40, "hafren": 30, "sperrin": 30}, "Council Offices, Omagh")
    data["post"]["statutory_roles"] = [
        {"party": "sperrin", "role": "Clerk of the Council"},
        {"party": "hafren", "role": "Chief Financial Officer"}]
    return data


def _facts(data: dict[str, Any]) -> tuple[Any, Any]:
    answers = validate(Located(data=data, path=Path("x.yaml")))
    return answers, derive(answers)


def test_the_hosts_are_the_facts_in_the_parties_order() -> None:
    a, f = _facts(_three_councils())
    assert [p.id for p in f.legal.own_office_hosts] == ["sperrin", "hafren"]  # roles' order
    said = [w.before.split(" is to make")[0] for w in ni_offices(a, f)]
    assert said == ["Mourne Glens", "Sperrin"]  # parties' order


def test_a_host_the_facts_do_not_name_is_not_warned_about() -> None:
    a, f = _facts(_three_councils())
    f.legal.own_office_hosts = [p for p in f.legal.own_office_hosts if p.id == "sperrin"]
    assert [w.before.split(" is to make")[0] for w in ni_offices(a, f)] == ["Sperrin"]
