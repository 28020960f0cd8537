"""A drafting note is printed once for one point on one clause (lawyer's review, 7 December
2026, point 4), read back from the built agreement.

GP046 finds each Welsh council whose role is written "Head of Paid Service" (a county or
county borough council appoints a chief executive under s.54 of the Local Government and
Elections (Wales) Act 2021). Its note is in legal terms and names no key, so two councils
gave two identical notes on clause 18, printed one after the other at the front and as two
comments on the heading. The documents still print each role as "Chief Executive (Head of
Paid Service)", the s.54 office (``printed_role``).
"""

from __future__ import annotations

from legal_answers import WALES, answers, notes, rules_fired, statutory_roles

from docgen import check

S54 = "section 54 of the Local Government and Elections (Wales) Act 2021"


def test_two_welsh_heads_of_paid_service_give_one_note_and_two_findings() -> None:
    data = answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Head of Paid Service"},
        {"party": "hafren", "role": "Head of Paid Service"}])
    assert "GP046" in rules_fired(data)
    found = [p for p in check(data).problems if p.rule == "GP046" and not p.acknowledged]
    assert len(found) == 2  # the check still names each key
    said = [n for n in notes(data, "agreement") if S54 in n and "head of paid service" in n]
    assert len(said) == 1, said
    roles = statutory_roles(data)
    assert f"Chief Executive (Head of Paid Service) of Dyffryn Teifi, appointed under {S54};" \
        in roles
