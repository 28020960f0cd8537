"""A director of (adult) social services who is also the same council's chief executive or
head of paid service is not made "accountable to its chief executive", that is to
themself (lawyer's audit): they answer to the full council, and a draft asks legal review
to confirm the arrangements against the statutory guidance."""

from __future__ import annotations

from legal_answers import NHS, WALES, answers, text


def _sentence(t: str, start: str) -> str:
    return next(s for s in t.splitlines() if s.startswith(start))


def test_welsh_director_of_social_services_and_chief_executive() -> None:
    d = answers(WALES)
    d["post"]["statutory_roles"].append({"party": "hafren", "role": "Director of Social Services"})
    said = _sentence(text(d), "As director of social services of Bro Hafren")
    assert ("the Post-holder is accountable for the social services functions of Bro Hafren, "
            "whose chief executive the Post-holder also is, for children as well as adults, to "
            "its full council. No other Party may direct") in said
    assert "chief executive, as the code of practice" not in said


def test_english_dass_and_head_of_paid_service() -> None:
    d = answers(NHS)
    d["post"]["statutory_roles"].append({"party": "council", "role": "Head of Paid Service"})
    said = _sentence(text(d), "As director of adult social services of")
    assert "whose head of paid service the Post-holder also is, to its full council." in said
    assert "accountable to its chief executive" not in said
    assert any("expects the director to be accountable to the chief executive, who for"
               in n for n in text(d).splitlines())


def test_a_dass_who_is_not_chief_executive_keeps_the_guidance_wording() -> None:
    said = _sentence(text(answers(NHS)), "As director of adult social services of")
    assert "the Post-holder is accountable to its chief executive for its adult social " \
        "services functions, as the statutory guidance" in said
