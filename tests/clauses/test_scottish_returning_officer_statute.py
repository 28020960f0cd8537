"""A Scottish council's returning officer (a lawyer's review, 7 December 2026, item 1).

The review asked for the Scottish paragraph to cite s.41 of the Local Government (Scotland)
Act 1973 instead of the Representation of the People Act 1983. The appointment is under the
1983 Act: its s.41 ("Returning officers: local elections in Scotland") has every council in
Scotland appoint an officer of the council as returning officer for the election of its
councillors (the 1973 Act's election provisions were consolidated into the 1983 Act), s.25
makes that officer the returning officer at a UK Parliament election in a constituency in
the council's area, and s.8(3) has the council appoint the electoral registration officer.
So the paragraph's "a personal office under the Representation of the People Act 1983" is
right in Scotland as in England and Wales, and is kept: this test holds the Scottish
agreement to it, read back, so that the 1973 Act is not cited for the office."""

from __future__ import annotations

from legal_answers import SCOT, answers, statutory_roles

RPA = "a personal office under the Representation of the People Act 1983"


def test_a_scottish_councils_returning_officer_is_an_office_under_the_1983_act() -> None:
    roles = statutory_roles(answers(SCOT, post__statutory_roles=[
        {"party": "council", "role": "Returning Officer"}]))
    assert ("The office of Returning Officer held by the Post-holder for the Council is "
            f"{RPA}, not a function of the Post.") in roles
    assert "Local Government (Scotland) Act 1973" not in roles


def test_its_electoral_registration_officer_too() -> None:
    roles = statutory_roles(answers(SCOT, post__statutory_roles=[
        {"party": "council", "role": "Returning Officer"},
        {"party": "council", "role": "Electoral Registration Officer"}]))
    assert ("The offices of Returning Officer and Electoral Registration Officer held by the "
            "Post-holder for the Council are personal offices under the Representation of "
            "the People Act 1983") in roles
