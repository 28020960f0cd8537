"""A lawyer's review (B1), read back from the .docx: a Welsh council's standing orders require
its full council to approve the appointment of its chief executive before an offer of
appointment is made (Local Authorities (Standing Orders) (Wales) Regulations 2006, Sch. 3
para. 4(1), as amended by SI 2022/355; reg. 7 keeps the approval with the council itself).
The agreement said "Each appointment takes effect only when the full council ... has approved
it by resolution"; it now says the approval comes before any offer. Where the post's pay
(salary and premium) is £100,000 or more, a drafting note says that Sch. 1 para. 1 (as
substituted in 2014) requires a statement of duties and public advertisement for a chief
officer appointment at that remuneration, unless an exception applies."""

from __future__ import annotations

from legal_answers import FOUR, WALES, answers, clause, text

OLD = "Each appointment takes effect only when the full council"
NEW = ("The full council of each Party that appoints the Post-holder shall approve the "
       "appointment before any offer of appointment is made, and that Party shall give the "
       "other Party a copy of its resolution")
NOTE = ("at a remuneration of £100,000 or more a year must draw up a statement of the duties "
        "of the post and of the qualifications or qualities sought, and arrange for the post to "
        "be publicly advertised, unless an exception applies")


def _roles(t: str) -> str:
    return clause(t, "Statutory roles", "Political restriction")


def test_full_council_approves_before_any_offer() -> None:
    t = _roles(text(answers(WALES)))
    assert NEW in t
    assert OLD not in t


def test_pay_of_100000_or_more_gets_the_advertisement_note() -> None:
    t = _roles(text(answers(WALES)))
    assert "the Post-holder's pay (salary and any premium) is £165,000.00 a year" in t
    assert NOTE in t
    assert "apply to each council's appointment of the Post-holder to such an office" in t


def test_pay_below_100000_has_no_note() -> None:
    data = answers(WALES, payment__salary=90000, payment__premium_percent=0, post__pay_range=None)
    t = _roles(text(data))
    assert NEW in t
    assert "£100,000" not in t


def test_england_has_no_welsh_note() -> None:
    t = text(answers(FOUR))
    assert "Local Authorities (Standing Orders) (Wales)" not in t
    assert "£100,000" not in t


def test_a_welsh_monitoring_officer_at_that_pay_gets_the_note_too() -> None:
    data = answers(WALES, post__statutory_roles=[{"party": "hafren", "role": "Monitoring Officer"}])
    t = _roles(text(data))
    assert NOTE in t
    assert NEW not in t
