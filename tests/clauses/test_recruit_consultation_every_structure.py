"""A lawyer's reading asked that the agreement never record the officer as consulted (s.113(1)
LGA 1972 placement: the officer is consulted first, domain notes) while the post is being
recruited to. The background clause already says so only when a post-holder is named; this
reads the generated agreement of every legal structure with no post-holder and checks the
recruit's wording (the appointment made on terms that include the Arrangement, the person
selected consulted before it is confirmed) and that nothing in the whole agreement says, in
any past tense, that the Post-holder (or the person) was consulted or has agreed."""

from __future__ import annotations

import re

import pytest
from legal_answers import ALL, LEGAL, answers, clause, text

STRUCTURES = sorted({*ALL, *(p.stem for p in LEGAL.glob("*.yaml"))})
RECRUIT = ("The Post is vacant and is being recruited to. The Employer shall make working under "
           "the Arrangement a term of the appointment, explain the Arrangement to candidates, "
           "and consult the person selected about it before the appointment is confirmed.")

#: a statement that the Post-holder's consultation took place: "the Employer has consulted the
#: Post-holder", "the Post-holder was consulted", "has agreed to work under it" (a body that
#: "has consulted the Secretary of State" is another matter)
CONSULTED = re.compile(
    r"\bconsulted\s+(?:with\s+)?(?:the\s+)?(?:Post-holder|officer|person)\b"
    r"|\b(?:Post-holder|officer|person)\b[^.]*?\b(?:was|were|has been|have been|had been)"
    r"\s+consulted\b"
    r"|\bhas agreed to work under it\b", re.IGNORECASE)


def test_the_pattern_finds_past_consultation() -> None:
    for said in ("The Employer has consulted the Post-holder about the Arrangement.",
                 "The Post-holder was consulted before this Agreement was made.",
                 "The officer has been consulted.", "The Council consulted the Post-holder."):
        assert CONSULTED.search(said), said
    for said in ("consult the person selected about it before the appointment is confirmed.",
                 "it has consulted the Secretary of State as section 73A requires."):
        assert not CONSULTED.search(said), said


@pytest.mark.parametrize("name", STRUCTURES)
def test_a_recruit_is_to_be_consulted_not_recorded_as_consulted(name: str) -> None:
    data = answers(name)
    data.pop("postholder", None)
    whole = text(data)
    assert RECRUIT in clause(whole, "Background", "Interpretation")
    said = [s for s in whole.splitlines() if CONSULTED.search(s)]
    assert said == []
