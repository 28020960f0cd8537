"""A legal review (6 December 2026, point 7), read back from the built agreement: the Head of
HR and Head of Procurement examples (two London boroughs, ``jurisdiction:
england_and_wales``) offered each council "section 1 of the Localism Act 2011 (in England) or
section 24 of the Local Government and Elections (Wales) Act 2021 (in Wales)". A party's kind
does not say its country, but a London corporation's name does: when every council party is
named in that form (``PartyFacts.in_england``), only England's general power of competence is
cited; councils whose country the answers do not show keep both."""

from __future__ import annotations

from pathlib import Path

from docx_read import body_texts
from legal_answers import text
from yaml_text import load_yaml

import docgen

ROOT = Path(__file__).resolve().parents[2]
LOCALISM = "section 1 of the Localism Act 2011"
WALES = "section 24 of the Local Government and Elections (Wales) Act 2021"
BOTH = f"{LOCALISM} (in England) or {WALES} (in Wales)"


def _agreement(path: Path) -> str:
    return "\n".join(body_texts(docgen.render(path).documents["agreement"]))


def test_two_london_boroughs_get_the_localism_act_alone() -> None:
    for name in ("shared-head-of-hr", "shared-head-of-procurement",
                 "shared-head-of-hr-house-style"):
        t = _agreement(ROOT / "inputs" / f"{name}.yaml")
        assert ("each Party that is a local authority: section 111 of the Local Government Act "
                "1972 (powers incidental to its functions) and its general power of competence "
                f"under {LOCALISM}.") in t, name
        assert WALES not in t and "(in England)" not in t, name


def test_one_council_of_unknown_country_keeps_both() -> None:
    data = load_yaml((ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml")
                     .read_text("utf-8"))
    assert data["jurisdiction"] == "england_and_wales"
    assert BOTH not in text(data)
    data["parties"][1]["name"] = "Westmere Borough Council"
    assert BOTH in text(data)
