"""A lawyer's review (round 3, point 7), read back from the built agreement: in Northern
Ireland each Party that is a public authority under section 75 of the Northern Ireland Act
1998 must follow its equality scheme approved under Schedule 9 to that Act. The agreement now
carries a drafting note asking legal review to check that each Party has considered the
Arrangement under its equality scheme."""

from __future__ import annotations

from legal_answers import FOUR, NI, SCOT, answers, text

NOTE = ("Note for legal review: to check: each Party that is a public authority for the "
        "purposes of section 75 of the Northern Ireland Act 1998 must, in carrying out its "
        "functions, have due regard to the need to promote equality of opportunity and regard "
        "to the desirability of promoting good relations, and must follow its equality scheme "
        "approved under Schedule 9 to that Act. Confirm that each Party has considered the "
        "Arrangement under its equality scheme (including any screening the scheme requires) "
        "before this Agreement is signed.")


def test_a_northern_irish_agreement_asks_about_the_equality_schemes() -> None:
    assert NOTE in text(answers(NI))


def test_nowhere_else() -> None:
    for name in (FOUR, SCOT):
        assert "equality scheme" not in text(answers(name))

