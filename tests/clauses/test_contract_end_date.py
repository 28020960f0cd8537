"""A fixed-term arrangement's end date reaches the contract, not only the agreement and the
job specification: the post-holder is told when the premium stops and the return to the
post held before applies (the written particulars record a change of terms, ERA 1996 ss.1
and 4). A lawyer's read found the contract silent on it."""

from __future__ import annotations

import datetime as dt

from legal_answers import FOUR, answers, numbered


def test_the_contract_says_when_a_fixed_term_arrangement_is_due_to_end() -> None:
    d = answers(FOUR)
    d["post"]["end_date"] = dt.date(2030, 6, 30)
    subs = numbered(d, "contract")
    term = next(n for n, s in subs.items() if s.startswith("The Arrangement is due to end"))
    reversion = next(n for n, s in subs.items()
                     if s.startswith("If the Arrangement ends, whether under clause"))
    assert subs[term] == (
        "The Arrangement is due to end on 30 June 2030, unless the Partner Organisations agree "
        f"to extend it or it ends earlier as this clause describes. When it ends, clause "
        f"{reversion} applies.")
    assert term.split(".")[0] == reversion.split(".")[0]
    assert "30 June 2030" in numbered(d)["4.1"]


def test_an_open_ended_arrangement_has_no_end_date_in_the_contract() -> None:
    subs = numbered(answers(FOUR), "contract")
    assert not any(s.startswith("The Arrangement is due to end") for s in subs.values())
