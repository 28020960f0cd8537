"""A lawyer's read of built contracts (7 December 2026, finding 7): a recruit's contract said
continuous employment begins on the first day in the Post "unless your letter of appointment
records that earlier employment counts towards it", as though the letter decided it; statutory
continuity comes from the law (Part XIV of the Employment Rights Act 1996; in Northern Ireland
the Employment Rights (Northern Ireland) Order 1996), which the letter cannot change. It now
says earlier employment may count by law or because the letter recognises it."""

from __future__ import annotations

import copy

import pytest
from legal_answers import NHS, NI, answers, numbered


@pytest.mark.parametrize("name", [NHS, NI])
def test_a_recruits_continuity_counts_by_law_or_by_the_letter(name: str) -> None:
    data = copy.deepcopy(answers(name))
    data.pop("postholder", None)
    said = next(v for v in numbered(data, "contract").values()
                if v.startswith("Your period of continuous employment begins"))
    assert said.startswith(
        "Your period of continuous employment begins on the first day of your employment in "
        "the Post, unless earlier employment counts towards it by law or your letter of "
        "appointment recognises it.")
