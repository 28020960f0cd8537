"""A legal review (6 December 2026), read back from the built agreement: a director of
children's services is appointed under s.18(1) of the Children Act 2004 ("A children's
services authority in England must appoint an officer, to be known as the director of
children's services"), as a director of adult social services is under s.6(A1) of the Local
Authority Social Services Act 1970 (tests/clauses/test_legal_review_dass_appointment.py).
``OFFICES`` in ``docgen/facts/roles.py`` now gives s.18(1) as the office's own-officer
provision: the statutory-roles clause lists a council's director of children's services as
"appointed by … under section 18(1) …", and the note after 2.4 (an NHS body's officer placed
under s.113(1A)(b)) makes the "officer" point for it as it does for a director of adult social
services."""

from __future__ import annotations

from typing import Any

from legal_answers import FOUR, NHS, answers, rules_fired, statutory_roles, text

from docgen.facts.roles import OFFICES

S18_1 = "section 18(1) of the Children Act 2004"
DCS = "Director of Children's Services"


def _dcs(name: str, party: str, **changes: Any) -> dict[str, Any]:
    """An example whose one statutory role is ``party``'s director of children's services."""
    data = answers(name, **changes)
    data["post"]["statutory_roles"] = [{"party": party, "role": DCS}]
    return data


def test_a_council_employers_director_is_listed_as_appointed_under_s18_1() -> None:
    """Four district councils, Hartmoor employing (England, s.113(1)); and a host's."""
    assert (f"{DCS} of Hartmoor, appointed by Hartmoor under {S18_1}."
            in statutory_roles(_dcs(FOUR, "hartmoor")))
    assert (f"{DCS} of Fenwick, appointed by Fenwick under {S18_1}."
            in statutory_roles(_dcs(FOUR, "fenwick")))


def test_an_nhs_bodys_officer_placed_with_the_council_is_listed_as_appointed_by_it() -> None:
    """The ICB employs and places the officer with the Council under s.113(1A)(b)."""
    roles = statutory_roles(_dcs(NHS, "council"))
    # listed among the roles the Parties intend it be given (legal.doubted_hosts)
    assert f"{DCS} of the Council, by the Council under {S18_1}." in roles


def test_the_note_after_2_4_says_the_director_must_be_an_officer_of_the_council() -> None:
    t = text(_dcs(NHS, "council"))
    assert ("but the point should be confirmed for this structure before the Agreement is "
            "signed, all the more for a director of children's services, whom "
            f"{S18_1} requires to be an officer of the local authority.") in t


def test_both_offices_are_named_in_the_note_in_the_tables_order() -> None:
    data = answers(NHS)
    data["post"]["statutory_roles"].append({"party": "council", "role": DCS})
    t = text(data)
    assert ("all the more for a director of adult social services, whom section 6(A1) of the "
            "Local Authority Social Services Act 1970 requires to be an officer of the local "
            f"authority and for a director of children's services, whom {S18_1} requires to be "
            "an officer of the local authority.") in t


def test_a_host_councils_director_under_another_power_is_cited_in_that_note() -> None:
    """The note on an office under a power that does not make the post-holder the council's
    officer cites the same provision (``legal.own_office_duties``), and GP054 still fires."""
    data = _dcs(FOUR, "fenwick", legal_basis="other",
                legal_basis_text="section 75 of the National Health Service Act 2006")
    assert f"only one of its own officers ({S18_1} for a director of children's services)" \
        in statutory_roles(data)
    assert "GP054" in rules_fired(data)


def test_england_and_wales_cites_the_same_provision() -> None:
    roles = statutory_roles(_dcs(NHS, "council", jurisdiction="england_and_wales"))
    assert f"by the Council under {S18_1}" in roles


def test_no_words_for_a_body_that_is_not_a_council_nor_in_wales() -> None:
    """s.18(1) binds a children's services authority: the ICB's role gets no appointment
    words (GP055 says the documents print none of the office's wording for it), and in Wales
    the office is not a council's (GP056)."""
    assert "Children Act 2004" not in statutory_roles(_dcs(NHS, "icb"))
    wales = _dcs(FOUR, "fenwick", jurisdiction="wales")
    assert "Children Act 2004" not in statutory_roles(wales)


def test_the_provision_has_one_home_the_table_of_offices() -> None:
    for jurisdiction in ("england", "england_and_wales"):
        assert OFFICES["director of children's services"][jurisdiction].own_officer == S18_1
    for jurisdiction in ("wales", "scotland"):
        assert not OFFICES["director of children's services"][jurisdiction].own_officer
