"""A withdrawal at the end of the trial takes effect the notice period after the trial's
last day. From a start on a month's last day, 31 August 2027 with a 6-month trial, the trial
ends on 29 February 2028 and 3 months' notice runs from 1 March to 31 May; the agreement
said 30 May (the period was counted from the start date, 9 months, clamped)."""

from __future__ import annotations

import datetime as dt

import pytest
from legal_answers import FOUR, answers, numbered

from docgen import load
from docgen.facts.people import exit_facts


@pytest.mark.parametrize(("start", "trial_end", "exit_on"), [
    (dt.date(2027, 8, 31), "29 February 2028", dt.date(2028, 5, 31)),
    (dt.date(2027, 9, 1), "29 February 2028", dt.date(2028, 5, 31)),
    (dt.date(2027, 8, 30), "29 February 2028", dt.date(2028, 5, 31)),
    (dt.date(2027, 1, 15), "14 July 2027", dt.date(2027, 10, 14)),
])
def test_the_trial_withdrawal_date_follows_the_trial_end(start: dt.date, trial_end: str,
                                                          exit_on: dt.date) -> None:
    d = answers(FOUR)
    d["post"]["start_date"] = start
    d["review"].update(trial_months=6, trial_notice_months=3)
    assert exit_facts(load(d)).trial_exit == exit_on
    said = next(s for s in numbered(d).values() if "the last day of the Trial Period" in s)
    assert f"no later than {trial_end}, the last day of the Trial Period" in said
    assert f"on {exit_on.day} {exit_on:%B %Y}," in said
