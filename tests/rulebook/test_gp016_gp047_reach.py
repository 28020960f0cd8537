"""GP016 and GP047 name the power of the post's own jurisdiction only when it reaches every
party. The auditor found GP016 telling a Scottish post with a health board host to "set
legal_basis: lgs_1966_s35", which GP047 then flagged (s.35 of the Local Government (Scotland)
Act 1966 places staff only between local authorities); and GP047, for s.35 in Northern
Ireland, recommending the Public Bodies (Joint Working) (Scotland) Act 2014 for an HSC trust.
Now GP016 offers a secondment or another power, and GP047 outside Scotland points at that
country's own power. In Scotland neither GP016, GP047 nor GP050 recommends the 2014 Act (or an
integration scheme) any more: the agreement's note says they are no power to share staff, and
a legal basis in their words is stated in no document (the facts' legal.basis_no_staff_power),
so the rules say so instead of sending the officer there."""

from __future__ import annotations

import re
from typing import Any

import pytest

from docgen.errors import Problem
from docgen.facts.legal import STATUTE_REACH
from docgen.rulebook.legal import _REACH_TEXT
from docgen.rulebook.registry import way

from .test_rules import example, problems_for

SECONDMENT_OR_OTHER = (way("legal_basis=secondment"), way("legal_basis=other",
                                                          "legal_basis_text"))


def _found(rule: str, **answers: Any) -> list[Problem]:
    """The Head of HR's findings of ``rule``, Westmere a health body."""
    data = example("hr")
    data["parties"][1]["kind"] = "nhs_body"
    data.update(answers)
    return [p for p in problems_for(data) if p.rule == rule]


def test_gp016_in_scotland_with_a_health_board_host_does_not_offer_section_35() -> None:
    [found] = _found("GP016", jurisdiction="scotland", legal_basis="lga_1972_s113")
    assert "lgs_1966_s35" not in found.message
    assert found.message == (
        "section 113 of the Local Government Act 1972 is a power in England and Wales, not "
        "Scotland; the power for Scotland, section 35 of the Local Government (Scotland) Act "
        "1966, places staff only between local authorities, so it does not reach Westmere. "
        "Set legal_basis: secondment, or state the power in legal_basis: other (the Public "
        "Bodies (Joint Working) (Scotland) Act 2014 and an integration scheme are no power to "
        "share staff), and have it confirmed by a lawyer")
    assert found.fix is not None and found.fix.ways == SECONDMENT_OR_OTHER


def test_following_gp016s_advice_in_scotland_raises_no_reach_warning() -> None:
    """Each way GP016 gives, taken, leaves neither GP016 nor GP047 (nor GP050)."""
    [found] = _found("GP016", jurisdiction="scotland", legal_basis="lga_1972_s113")
    assert found.fix is not None
    for one in found.fix.ways:
        data = example("hr")
        data["parties"][1]["kind"] = "nhs_body"
        data["jurisdiction"] = "scotland"
        for path, value in one:
            data[path[0]] = value or "the power a lawyer has confirmed for this post"
        assert not {"GP016", "GP047", "GP050"} & {p.rule for p in problems_for(data)}, one


def test_gp016_with_a_health_board_employer_does_not_offer_section_35() -> None:
    data = example("hr")
    data["parties"][0]["kind"] = "nhs_body"  # Eastwick employs; Westmere a council
    data["jurisdiction"] = "scotland"
    [found] = [p for p in problems_for(data) if p.rule == "GP016"]
    assert "so it does not reach Eastwick." in found.message
    assert found.fix is not None and found.fix.ways == SECONDMENT_OR_OTHER


def test_gp016_in_england_for_an_nhs_body_placing_with_another_names_no_s113() -> None:
    """Section 113 does not let an NHS body place its officer with another NHS body."""
    data = example("hr")
    data["parties"][0]["kind"] = data["parties"][1]["kind"] = "nhs_body"
    data.update(jurisdiction="england", legal_basis="lgs_1966_s35")
    [found] = [p for p in problems_for(data) if p.rule == "GP016"]
    assert "lga_1972_s113" not in found.message
    assert "(for NHS bodies, their own powers)" in found.message
    assert found.fix is not None and found.fix.ways == SECONDMENT_OR_OTHER


@pytest.mark.parametrize(("jurisdiction", "power"), [("scotland", "lgs_1966_s35"),
                                                     ("northern_ireland", "lgni_1972_s105")])
def test_gp016_between_councils_still_names_the_power_there(jurisdiction: str,
                                                            power: str) -> None:
    data = example("hr")
    data.update(jurisdiction=jurisdiction, legal_basis="lga_1972_s113")
    [found] = [p for p in problems_for(data) if p.rule == "GP016"]
    assert found.fix is not None
    assert found.fix.ways == (way(f"legal_basis={power}"), way("legal_basis=secondment"))


def test_gp047_in_northern_ireland_points_at_section_105_not_scottish_law() -> None:
    [found] = _found("GP047", jurisdiction="northern_ireland", legal_basis="lgs_1966_s35")
    assert "Joint Working" not in found.message and "integration" not in found.message
    assert found.message == (
        "section 35 of the Local Government (Scotland) Act 1966 does not reach Westmere, "
        "which is not a local authority, and it applies only in Scotland, not Northern "
        "Ireland; set legal_basis: lgni_1972_s105 (the power for this jurisdiction) or "
        "legal_basis: secondment, and have it confirmed by a lawyer")
    assert found.fix is not None
    assert found.fix.ways == (way("legal_basis=lgni_1972_s105"), way("legal_basis=secondment"))


def test_gp047_in_scotland_offers_a_secondment_and_says_the_2014_act_shares_no_staff() -> None:
    [found] = _found("GP047", jurisdiction="scotland", legal_basis="lgs_1966_s35")
    assert found.message == (
        "section 35 of the Local Government (Scotland) Act 1966 does not reach Westmere, which "
        "is not a local authority; set legal_basis: secondment, or state another power in "
        "legal_basis: other (the Public Bodies (Joint Working) (Scotland) Act 2014 and an "
        "integration scheme are no power to share staff), and have it confirmed by a lawyer")
    assert found.fix is not None and found.fix.ways == SECONDMENT_OR_OTHER


@pytest.mark.parametrize("rule,answers", [
    ("GP016", {"legal_basis": "lga_1972_s113"}), ("GP047", {"legal_basis": "lgs_1966_s35"})])
def test_scottish_advice_never_sends_the_officer_to_a_basis_the_documents_disown(
        rule: str, answers: dict[str, Any]) -> None:
    """Whatever words the advice gives for ``legal_basis: other``, a post that took them would
    not be one whose basis the documents refuse to state (legal.basis_no_staff_power)."""
    [found] = _found(rule, jurisdiction="scotland", **answers)
    advice = found.message.split("legal_basis: other", 1)[1]
    assert "no power to share staff" in advice
    assert not re.search(r"\b(name|cite|use|choose)\b[^.]*Joint Working", advice), advice


def test_the_reach_in_words_follows_the_statutes_reach() -> None:
    """GP016's words for what each power reaches are held to facts/legal.STATUTE_REACH: a
    power whose reach changes there must be worded again here."""
    assert set(_REACH_TEXT) == set(STATUTE_REACH)
    for basis, reach in STATUTE_REACH.items():
        kinds = {k for by_employer in reach.values() for k in by_employer} | set(reach)
        assert ("NHS body" in _REACH_TEXT[basis]) == ("nhs_body" in kinds), basis
