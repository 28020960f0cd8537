"""A lawyer's review (round 3, point 2), read back from the built agreement: section 113(1A)
of the Local Government Act 1972 gives the power to a local authority ("a local authority may
enter into an agreement with [an NHS body] ... (b) for the placing at the disposal of the
local authority ... of the services of officers employed by [the NHS body]"). The agreements
for an NHS employer said that section 113(1A)(b) "allows an NHS body ... to place the services
of officers it employs at the disposal of a local authority", giving the power to the wrong
body. They now say it allows the local authority to enter into the agreement; the NHS body's
own power to agree stays in the list of powers the Parties rely on (clause 2.5(b))."""

from __future__ import annotations

import pytest
from legal_answers import NHS, answers, icb_council_and_trust, numbered, text

RIGHT = ("under section 113(1A)(b) of that Act, which allows a local authority to enter into "
         "an agreement with an NHS body named in that subsection for the placing at the local "
         "authority's disposal of the services of officers employed by that body.")
WRONG = "to place the services of officers it employs at the disposal of a local authority"


@pytest.mark.parametrize("name", [NHS, "nhs-trust-employs-dph"])
def test_clause_2_3_gives_the_power_to_the_local_authority(name: str) -> None:
    clauses = numbered(answers(name))
    assert clauses["2.3"].endswith(RIGHT), clauses["2.3"]
    assert WRONG not in "\n".join(clauses.values())
    # the NHS body's own power to agree is still named among the powers relied on (2.5(b))
    assert clauses["2.5"] == "The Parties also rely, so far as necessary, on the following powers:"
    assert "its powers under the National Health Service Act 2006." in text(answers(name))


def test_the_power_clause_of_a_partly_seconded_post_says_the_same() -> None:
    t = text(icb_council_and_trust())
    assert ("and to enter into an agreement with such an NHS body for the placing at the local "
            "authority's disposal of the services of officers employed by that body; it does "
            "not extend to") in t
    assert WRONG not in t
    assert "such an NHS body to place" not in t
