"""Wales' director of social services is one of the council's own officers, read back from
the built agreement (lawyer's review, 7 December 2026, point 1).

s.144(1) of the Social Services and Well-being (Wales) Act 2014 reads "A local authority must
appoint an officer, to be known as the director of social services, for the purposes of its
social services functions"; s.144(2) bars an appointment unless the authority is satisfied
that the person has demonstrated the competencies the Welsh Ministers specify (s.144(3)); and
s.144(5) has an authority that has appointed, or jointly appointed, a director secure adequate
staff to assist the director. docgen had said s.144 has no own-officer provision: with a
Local Health Board employing, the note after clause 2.4 left out the "requires an officer
of the local authority" sentence an English director of adult social services gets (s.6(A1)
of the Local Authority Social Services Act 1970), and nothing was printed on s.144(2) or
(5). Whether a director shared under s.144(4) is one appointment or one by each authority
stays an open question (docs/sources.md): a note for legal review.
"""

from __future__ import annotations

from typing import Any

from legal_answers import NHS, WALES, answers, numbered, statutory_roles, text

from docgen.facts.roles import OFFICES

S144_1 = "section 144(1) of the Social Services and Well-being (Wales) Act 2014"


def _health_board_employs() -> dict[str, Any]:
    """The ICB example moved to Wales: a Local Health Board employs; the council's director
    of social services is placed with it under s.113(1A)(b)."""
    data = answers(NHS, jurisdiction="wales",
                   post__statutory_roles=[{"party": "council",
                                           "role": "Director of Social Services"}])
    data["parties"][0]["name"] = "Aneurin Bevan University Health Board"
    data["parties"][0]["short_name"] = "the Health Board"
    return data


def _two_councils() -> dict[str, Any]:
    return answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Director of Social Services"},
        {"party": "hafren", "role": "Director of Social Services"}])


def test_the_table_gives_s144_1_as_the_own_officer_provision_in_wales_only() -> None:
    by = OFFICES["director of social services"]
    assert by["wales"].own_officer == S144_1
    assert not by["england"].own_officer and not by["england_and_wales"].own_officer


def test_the_note_after_2_4_says_the_director_must_be_the_councils_officer() -> None:
    assert ("all the more for a director of social services, whom " + S144_1
            + " requires to be an officer of the local authority.") in text(
                _health_board_employs())


def test_clause_18_cites_s144_1_and_the_competencies_and_staff_duties() -> None:
    n = numbered(_health_board_employs())
    [dss] = [t for t in n.values() if t.startswith("As director of social services")]
    # an LHB's officer placed under s.113(1A)(b): the role is to be given (legal.doubted_hosts)
    assert dss.startswith("As director of social services of the Council, once appointed by the "
                          f"Council under {S144_1}, the Post-holder is accountable to its "
                          "chief executive")
    [staff] = [t for t in n.values() if "section 144(5)" in t]
    assert staff == (
        "Before appointing the Post-holder as its director of social services, the Council "
        "shall satisfy itself that the Post-holder has demonstrated the competencies "
        "specified by the Welsh Ministers under section 144(3) of the Social Services and "
        "Well-being (Wales) Act 2014, as section 144(2) of that Act requires, and, having "
        "appointed the Post-holder, shall secure the provision of adequate staff for the "
        "purposes of its social services functions in order to assist the Post-holder, as "
        "section 144(5) of that Act requires.")


def test_a_shared_director_leaves_the_s144_4_question_to_a_note() -> None:
    roles = statutory_roles(_two_councils())
    assert ("appointed under section 144(1) and (4) of the Social Services and Well-being "
            "(Wales) Act 2014 (subsection (4) allows two or more local authorities to appoint "
            "one person as director of social services for both or all of them)") in roles
    assert "each of Dyffryn Teifi and Bro Hafren shall satisfy itself" in roles
    assert ("Confirm whether Dyffryn Teifi and Bro Hafren make one appointment together or "
            "one each") in roles


def test_under_another_power_the_note_cites_s144_1_for_the_host_council() -> None:
    data = _health_board_employs()
    data["legal_basis"] = "other"
    data["legal_basis_text"] = "section 33 of the National Health Service (Wales) Act 2006"
    assert f"({S144_1} for a director of social services)" in statutory_roles(data)
