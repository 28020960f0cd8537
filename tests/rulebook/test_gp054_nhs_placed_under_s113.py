"""GP054 when an NHS body's officer is placed at a council's disposal under s.113(1A)(b) of
the Local Government Act 1972: a lawyer (7 December 2026) found GP054 silent for an NHS
foundation trust employing a council's Director of Adult Social Services or Director of
Public Health under ``legal_basis: lga_1972_s113``. Section 113(2) treats as the council's
officer only an officer placed under s.113(1), and s.73A(2) of the National Health Service
Act 2006 has the director of public health be "an officer of the local authority", so the
designation is doubtful; the agreement's background already said so in a note for legal
review, but the check warned of nothing. The answer files are the lawyer's (copied into
tests/data/nhs-placed/)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from legal_answers import notes, text
from yaml_text import load_yaml

from docgen import check
from docgen.errors import SAID_IN_CLAUSE
from docgen.rulebook.registry import way

PLACED = Path(__file__).parents[1] / "data" / "nhs-placed"
S113 = "section 113 of the Local Government Act 1972"


@cache
def _load(name: str) -> dict[str, Any]:
    return load_yaml((PLACED / f"{name}.yaml").read_text("utf-8"))


def answers(name: str) -> dict[str, Any]:
    return copy.deepcopy(_load(name))


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


def test_a_director_of_public_health_placed_by_an_nhs_body_is_warned_about() -> None:
    [p] = _gp054(answers("trust-places-dph"))
    assert p.severity == "warning" and p.path == ("legal_basis",)
    assert ("section 73A(2) of the National Health Service Act 2006 requires a director of "
            "public health to be an officer of the local authority") in p.message
    assert ("says nothing of an NHS body's officer placed under section 113(1A)(b), so it is "
            "doubtful that the Council can give the office to an officer the Trust employs"
            ) in p.message
    assert ("Make the Council the employer, or have the role held by one of the Council's own "
            "officers, or acknowledge GP054 once a lawyer has confirmed") in p.message
    assert p.fix is not None and p.fix.ways == (
        way("employer=council"), way("post.statutory_roles.0=-"), way("acknowledge=GP054"))
    assert p.code == SAID_IN_CLAUSE  # the background clause's note says it


def test_a_director_of_adult_social_services_too() -> None:
    [p] = _gp054(answers("trust-places-dass"))
    assert ("section 6(A1) of the Local Authority Social Services Act 1970 requires a director "
            "of adult social services to be an officer of the local authority") in p.message


def test_the_agreement_keeps_its_one_note() -> None:
    """The point is the background clause's own note (one point, one note): the warning
    adds no second drafting note to the agreement, and none to the other documents."""
    data = answers("trust-places-dph")
    assert "it does not say the same of an officer of an NHS body placed under section " \
        "113(1A)(b)" in text(data)
    assert not [n for n in notes(data, "agreement") if "113(1A)(b)" in n]
    assert not [n for n in notes(data, "contract") if "113(1A)(b)" in n]


def test_section_113_named_in_words_gets_the_background_note_too() -> None:
    """Under ``legal_basis: other`` citing s.113 the post is placed as under
    ``lga_1972_s113`` (``legal.nhs_placed``): the background clause writes the same note, so
    the warning, which says that note asks for the point to be confirmed, carries
    ``SAID_IN_CLAUSE`` and adds no drafting note of its own (it had one, and no background
    note existed: a reviewer, 7 December 2026)."""
    data = answers("trust-places-dph")
    data["legal_basis"], data["legal_basis_text"] = "other", S113
    [p] = _gp054(data)
    assert p.code == SAID_IN_CLAUSE and "113(1A)(b)" in p.message
    assert "the agreement's note for legal review asks for this to be confirmed" in p.message
    assert "it does not say the same of an officer of an NHS body placed under section " \
        "113(1A)(b)" in text(data)
    assert not [n for n in notes(data, "agreement") if "113(1A)(b)" in n]


def test_acknowledged_it_is_settled() -> None:
    data = answers("trust-places-dph")
    data["acknowledge"] = {"GP054": "Counsel confirmed the designation, 1 March 2027"}
    assert all(p.acknowledged for p in _gp054(data))


def test_no_warning_where_the_council_employs_or_the_role_is_no_council_office() -> None:
    council = answers("trust-places-dph")
    council["employer"] = "council"
    council["exit"]["postholder_reverts_to"] = "council"
    assert not _gp054(council)
    wales = answers("trust-places-dph")  # no council's office in Wales: a health board's
    wales["jurisdiction"] = "wales"
    assert not _gp054(wales)
    other = answers("trust-places-dph")
    other["post"]["statutory_roles"] = [{"party": "council", "role": "Caldicott Guardian"}]
    assert not _gp054(other)
