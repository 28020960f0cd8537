"""GP017 and a fire and rescue authority (a lawyer's review, 7 December 2026, item 4).

Section 113 of the Local Government Act 1972 is a power of "local authorities", which s.270(1)
of that Act defines as councils (county, district, London borough and parish councils; in
Wales county, county borough and community councils). A council that is the fire and rescue
authority for its area is one; a combined fire and rescue authority (ss.2 and 4 of the Fire
and Rescue Services Act 2004), a metropolitan county fire and rescue authority, the London
Fire Commissioner or a police, fire and crime commissioner is not, and can use s.113 only if
an Act or order (its combination scheme, say) applies the section to it. docgen read only a
party's ``kind``: a fire authority entered as a local authority passed in silence, and one
entered as another public body was told flatly that s.113 does not reach it. GP017 now
names a party whose name says it is a fire and rescue authority, whatever its kind, and asks
for a lawyer's confirmation (or a secondment) instead."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import example, problems_for  # noqa: E402

from docgen.rulebook.registry import way  # noqa: E402


def _gp017(name: str, kind: str = "local_authority", party: int = 1) -> list[Any]:
    data = example("hr")
    data["parties"][party]["name"] = name
    data["parties"][party]["kind"] = kind
    return [p for p in problems_for(data) if p.rule == "GP017"]


def test_a_combined_fire_authority_entered_as_a_local_authority_is_named() -> None:
    [p] = _gp017("Humberside Fire Authority")
    assert p.severity == "warning" and p.path == ("legal_basis",)
    assert p.message.startswith(
        "Westmere is a fire and rescue authority by its name. Section 113 lets a local "
        "authority (a council, as section 270(1) of the Local Government Act 1972 defines "
        "it) place its officers with another local authority or an NHS body")
    assert ("can use it only if an Act or order applies section 113 to it (the scheme or "
            "order that set it up, for example). Have a lawyer confirm that one does before "
            "the agreement is signed, then acknowledge GP017") in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("acknowledge=GP017"), way("legal_basis=secondment"))


def test_one_entered_as_another_public_body_is_not_told_s113_cannot_reach_it() -> None:
    [p] = _gp017("Devon and Somerset Fire and Rescue Authority", "other_public_body")
    assert "fire and rescue authority by its name" in p.message
    assert "is neither" not in p.message


def test_an_employer_fire_commissioner_is_named_too() -> None:
    [p] = _gp017("London Fire Commissioner", "other_public_body", party=0)
    assert p.message.startswith("Eastwick is a fire and rescue authority by its name.")
    [p] = _gp017("Police, Fire and Crime Commissioner for Essex", "other_public_body")
    assert p.message.startswith("Westmere is a fire and rescue authority by its name.")


def test_a_council_and_other_bodies_are_as_before() -> None:
    assert not _gp017("Royal Borough of Westmere")
    assert not _gp017("Westmere County Council")
    [p] = _gp017("Westmere Housing Trust", "other_public_body")
    assert "is neither" in p.message


def test_a_council_named_with_its_fire_and_rescue_service_is_a_council() -> None:
    """A council that is its area's fire and rescue authority may be written with its
    service's name beside its own: it is a council, which s.113 reaches (a reviewer's find)."""
    assert not _gp017("West Sussex County Council (West Sussex Fire and Rescue Service)")
    assert not _gp017("Isle of Wight Council, Fire and Rescue Authority")
