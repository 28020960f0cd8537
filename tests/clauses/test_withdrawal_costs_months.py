"""exit.withdrawal_costs_months sets the window after an exit within which shared redundancy
and pension strain costs are shared, in every post, and with three or more parties a
withdrawing party's tail of liability. A lawyer's read found 0 left a four-party agreement
silent on whether a party that has left still shares."""

from __future__ import annotations

from legal_answers import FOUR, WALES, answers, text

NO_SHARE = ("A Party that withdraws while the Arrangement continues between the other Parties "
            "bears no share of any cost under this clause that arises after its own Exit Date.")


def _with(name: str, months: int) -> dict:
    d = answers(name)
    d["exit"]["withdrawal_costs_months"] = months
    d["exit"]["redundancy_costs"] = "cost_shares"
    d["exit"].setdefault("pension_strain_costs", "cost_shares")
    return d


def test_zero_months_says_a_withdrawing_party_bears_none() -> None:
    t = text(_with(FOUR, 0))
    assert NO_SHARE in t
    assert "remains liable for its share" not in t


def test_months_give_a_withdrawing_party_its_tail() -> None:
    t = text(_with(FOUR, 6))
    assert NO_SHARE not in t
    assert "that arises from a dismissal taking effect within 6 months after its own Exit " \
        "Date" in t


def test_two_parties_have_the_window_but_no_withdrawing_clause() -> None:
    t = text(_with(WALES, 3))
    assert "and the dismissal takes effect within 3 months after the relevant Exit Date" in t
    assert NO_SHARE not in t and "remains liable for its share" not in t
