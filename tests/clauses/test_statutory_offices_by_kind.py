"""The statutory-roles wording follows the offices a role names (``facts/role_titles.role_kinds``,
which the rules read too), not words found in it.

- s.73A of the National Health Service Act 2006: a local authority in England appoints its
  director of public health jointly with the Secretary of State and consults the Secretary
  of State before ending the appointment. A deputy or assistant director of public health
  holds no such office, and neither does an NHS body's director of public health.
- s.5 of the Local Government and Housing Act 1989 (monitoring officer) and the Standing
  Orders Regulations (England 2001, Wales 2006): a deputy monitoring officer or deputy s.151
  officer is not the statutory officer they protect.
- Under jurisdiction: england_and_wales, an office that exists in England only (a council's
  director of public health, the director of adult social services) keeps its English
  wording: the title itself says the council is English (docs/sources.md).

Each test builds the documents and reads the .docx back.
"""

from __future__ import annotations

from typing import Any

import pytest
from clause_book_edits import exported, open_book
from legal_answers import FOUR, NHS, answers, clause, rules_fired, text

from docgen import load
from docgen.facts.derive import derive

DPH = "county-council-nhs-trust-dph"  # the County Council employs its DPH, shared with a Trust
TRUST_DPH = "nhs-trust-employs-dph"  # the Trust employs the County Council's DPH
S73A = "section 73A of the National Health Service Act 2006"


def _roles(data: dict[str, Any]) -> str:
    return clause(text(data), "Statutory roles", "Political restriction")


def _contract(data: dict[str, Any]) -> str:
    return text(data, "contract")


@pytest.mark.parametrize("role", ["Deputy Director of Public Health",
                                  "Assistant Director of Public Health",
                                  "Consultant in Public Health"])
def test_a_deputy_or_assistant_director_of_public_health_is_not_appointed_under_s73a(
        role: str) -> None:
    data = answers(DPH, post__statutory_roles=[{"party": "county", "role": role}])
    roles = _roles(data)
    assert f"{role} of the County Council." in roles  # the designation is still listed
    assert "73A" not in roles and "Faculty of Public Health" not in roles
    contract = _contract(data)
    assert "jointly with the Secretary of State" not in contract
    assert "Before ending your appointment as its director of public health" not in contract
    # the Trust employs the County Council's deputy: no s.73A(2) point in the legal note
    hosted = answers(TRUST_DPH, post__statutory_roles=[{"party": "county", "role": role}])
    assert "73A" not in text(hosted)
    # the director herself keeps every s.73A sentence
    director = answers(DPH)
    assert f"jointly with the Secretary of State under {S73A}" in _roles(director)
    assert "(in England, the appointment of a director of public health is made jointly " \
        "with the Secretary of State)" in _contract(director)
    assert "Before ending your appointment as its director of public health, the County " \
        "Council must consult the Secretary of State" in _contract(director)
    assert "all the more for a director of public health, whom section 73A(2)" in text(
        answers(TRUST_DPH))


def test_an_nhs_bodys_director_of_public_health_is_not_a_s73a_appointment() -> None:
    """s.73A reaches local authorities only; under england_and_wales the Trust's own
    director of public health (a Welsh Local Health Board has one) gets no s.73A wording,
    as the contract's duty to consult already did not."""
    for jurisdiction in ("england_and_wales", "england"):
        data = answers(DPH, jurisdiction=jurisdiction, post__statutory_roles=[
            {"party": "trust", "role": "Director of Public Health"}])
        assert "73A" not in _roles(data)
        assert "Secretary of State" not in _contract(data)
    # in England GP055 still says the office is a council's (it names the statute)
    assert "GP055" in rules_fired(answers(DPH, post__statutory_roles=[
        {"party": "trust", "role": "Director of Public Health"}]))


def test_a_deputy_monitoring_officer_is_not_the_monitoring_officer() -> None:
    data = answers(FOUR)
    roles = _roles(data)
    assert "shall not also designate the Post-holder as its chief finance officer" in roles
    assert "[discipline]" not in roles  # anchors are not printed
    assert "Disciplinary action against, or dismissal of, a head of paid service" in roles
    first = data["post"]["statutory_roles"][0]["party"]
    for role in ("Deputy Monitoring Officer", "Deputy Section 151 Officer",
                 "Deputy Chief Finance Officer"):
        data = answers(FOUR, post__statutory_roles=[{"party": first, "role": role}])
        roles = _roles(data)
        assert "shall not also designate" not in roles
        assert "Disciplinary action against" not in roles
        assert "Standing Orders" not in roles


def test_a_section_151_officer_keeps_the_discipline_paragraph() -> None:
    first = answers(FOUR)["post"]["statutory_roles"][0]["party"]
    for role in ("Section 151 Officer", "Chief Finance Officer (s.151)"):
        roles = _roles(answers(FOUR, post__statutory_roles=[{"party": first, "role": role}]))
        assert "Disciplinary action against, or dismissal of, a head of paid service, " \
            "monitoring officer or chief finance officer of a local authority" in roles


def test_england_and_wales_keeps_the_english_wording_for_englands_own_offices() -> None:
    """The titles name offices that exist in England only, so the English statute is the
    one they are held under (docs/sources.md, Statutory roles in Wales)."""
    dph = answers(DPH, jurisdiction="england_and_wales")
    assert f"jointly with the Secretary of State under {S73A}" in _roles(dph)
    assert "GP056" not in rules_fired(dph) and "GP034" in rules_fired(dph)
    dass = answers(NHS, jurisdiction="england_and_wales")
    assert "issued under section 7 of that Act expects" \
        in _roles(dass)
    assert "GP056" not in rules_fired(dass)


def test_the_facts_give_each_role_its_offices() -> None:
    data = answers(DPH, post__statutory_roles=[
        {"party": "county", "role": "Director of Public Health"},
        {"party": "county", "role": "Deputy Monitoring Officer"},
        {"party": "trust", "role": "Director of Public Health"}])
    facts = derive(load(data))
    assert [r["kinds"] for r in facts.post["statutory_roles"]] == [
        ["director of public health"], [], ["director of public health"]]
    assert facts.post["role_kinds"] == ["director of public health"]
    assert facts.legal is not None
    assert [p.id for p in facts.legal.public_health] == ["county"]


def test_the_clause_book_names_the_offices_for_lawyers() -> None:
    """The clause book shows the new values by name, not as code (``= post.role_kinds``)."""
    book = "\n".join(p.text for p in open_book(exported("agreement")).paragraphs)
    assert "Let kinds be «statutory offices the roles name (deputies and assistants hold " \
        "none)»" in book
    assert "“monitoring officer” is in «statutory offices named»" in book
    assert "role_kinds" not in book
