"""A lawyer's review (round 3, point 3), read back from the built agreement: a council may
designate or appoint only one of its own officers to a statutory office (section 5(1) of the
Local Government and Housing Act 1989 for a monitoring officer; section 73A(2) of the National
Health Service Act 2006 for a director of public health: the note cites the provision for each
office the host councils are to give, ``legal.own_office_duties``). Under ``legal_basis:
other`` (here section 75 of the National Health Service Act 2006) nothing treats the
post-holder as a host council's officer, as section 113(2) of the Local Government Act 1972
would, so the statutory roles clause carries a drafting note saying so, unless the power named
cites section 113."""

from __future__ import annotations

from legal_answers import FOUR, answers, statutory_roles

S75 = "section 75 of the National Health Service Act 2006"
ONE = ("Note for legal review: nothing in section 75 of the National Health Service Act 2006 "
       "treats the Post-holder as an officer of the County Council, which may "
       "designate or appoint only one of its own officers (section 73A(2) of the National "
       "Health Service Act 2006 for a director of public health). Place the Post-holder under "
       "section 113 of the Local Government Act 1972, or have the role held by the County "
       "Council's own officer.")


def test_a_host_councils_office_under_another_power_gets_the_note() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    assert ONE in statutory_roles(data)


def test_several_host_councils_are_named_together() -> None:
    data = answers(FOUR, legal_basis="other", legal_basis_text=S75)
    roles = statutory_roles(data)
    assert ("nothing in section 75 of the National Health Service Act 2006 treats the "
            "Post-holder as an officer of Fenwick, Stowbridge or Cradley Vale, each of which may "
            "designate or appoint only one of its own officers") in roles
    assert "or have each role held by an officer of the Party concerned." in roles


def test_no_note_under_section_113_or_a_power_citing_it() -> None:
    assert "nothing in" not in statutory_roles(answers("nhs-trust-employs-dph"))
    data = answers("nhs-trust-employs-dph", legal_basis="other",
                   legal_basis_text="section 113 of the Local Government Act 1972 and "
                   "section 75 of the National Health Service Act 2006")
    assert "treats the Post-holder as an officer of" not in statutory_roles(data)


def test_no_note_when_only_the_employer_council_holds_the_office() -> None:
    data = answers(FOUR, legal_basis="other", legal_basis_text=S75,
                   post__statutory_roles=[{"party": "hartmoor", "role": "Monitoring Officer"}])
    assert "treats the Post-holder as an officer of" not in statutory_roles(data)
