"""A lawyer's reading asked that the agreement never record the officer as consulted (s.113(1)
LGA 1972 placement: the officer is consulted first, domain notes) while the post is being
recruited to. The background clause already says so only when a post-holder is named; this
reads the generated agreement of every legal structure with no post-holder and checks the
recruit's wording (the appointment made on terms that include the Arrangement, the person
selected consulted before it is confirmed) and that nothing says consultation took place."""

from __future__ import annotations

import pytest
from legal_answers import ALL, LEGAL, answers, clause, text

STRUCTURES = sorted({*ALL, *(p.stem for p in LEGAL.glob("*.yaml"))})
RECRUIT = ("The Post is vacant and is being recruited to. The Employer shall make working under "
           "the Arrangement a term of the appointment, explain the Arrangement to candidates, "
           "and consult the person selected about it before the appointment is confirmed.")


@pytest.mark.parametrize("name", STRUCTURES)
def test_a_recruit_is_to_be_consulted_not_recorded_as_consulted(name: str) -> None:
    data = answers(name)
    data.pop("postholder", None)
    t = clause(text(data), "Background", "Interpretation")
    assert RECRUIT in t
    assert "consulted the Post-holder" not in t and "has agreed to work under it" not in t
