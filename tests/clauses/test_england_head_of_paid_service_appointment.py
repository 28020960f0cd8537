"""England's head of paid service: full-council approval before an offer of appointment and
the pay policy statement, read back from the built agreement (lawyer's review, 7 December
2026, point 5).

Wales' s.54 chief executive had both (the full council approves the appointment before any
offer is made; the pay is consistent with each council's pay policy statement under ss.38 to
41 of the Localism Act 2011); an English head of paid service had neither, though
docs/sources.md records that paragraph 4(1) of Schedule 1 to the Local Authorities (Standing
Orders) (England) Regulations 2001 does the same for a head of paid service as the Welsh
Regulations do for a chief executive, and ss.38-41 apply in England. Which Part of the
Schedule applies, and how paragraph 4(1) reads for a designation of another body's officer,
are left to a note for legal review.
"""

from __future__ import annotations

from typing import Any

from legal_answers import FOUR, answers, numbered, statutory_roles

PARA_4 = ("paragraph 4(1) of Schedule 1 to the Local Authorities (Standing Orders) (England) "
          "Regulations 2001")


def _heads(jurisdiction: str = "england") -> dict[str, Any]:
    return answers(FOUR, jurisdiction=jurisdiction, post__statutory_roles=[
        {"party": "hartmoor", "role": "Chief Executive and Head of Paid Service"},
        {"party": "fenwick", "role": "Head of Paid Service"}])


def test_full_council_approval_and_the_pay_policy_statement_are_printed() -> None:
    n = numbered(_heads())
    [approval] = [t for t in n.values() if PARA_4 in t]
    assert approval == (
        "The full council of each Party that designates the Post-holder as its head of paid "
        "service under section 4 of the Local Government and Housing Act 1989 shall approve "
        "the appointment before any offer of appointment is made, as " + PARA_4 + " provides "
        "for an officer designated as head of paid service, and that Party shall give the "
        "other Parties a copy of its resolution.")
    [pay] = [t for t in n.values() if "pay policy statement" in t]
    assert pay == (
        "The Post-holder's remuneration as head of paid service, including any premium, shall "
        "be consistent with the pay policy statement under sections 38 to 41 of the Localism "
        "Act 2011 of each Party that designates the Post-holder as its head of paid service, "
        "and each such Party shall reflect the Arrangement in its statement.")
    assert "confirm which Part of Schedule 1" in statutory_roles(_heads())


def test_not_printed_for_a_monitoring_officer_alone_nor_outside_england() -> None:
    assert PARA_4 not in statutory_roles(answers(FOUR))
    assert PARA_4 not in statutory_roles(_heads("scotland"))
