"""The trial's last day for a start on the 30th or 31st (a lawyer's review, 7 December 2026,
item 4, carried over): what the agreement and the contract print, read back. A period of N
months from a start date ends the day before the same date N months on, or, where that month
has no such date, on its last day (``period_end`` in ``docgen/facts/formatting.py``): every
date printed is a real one and the two documents agree. Checked, not changed: this test holds
the dates."""

from __future__ import annotations

import datetime as dt

import pytest
from legal_answers import WALES, answers, text


@pytest.mark.parametrize(("start", "months", "last_day"), [
    (dt.date(2027, 1, 31), 1, "28 February 2027"),
    (dt.date(2027, 1, 31), 6, "30 July 2027"),
    (dt.date(2026, 11, 30), 3, "28 February 2027"),
    (dt.date(2027, 11, 30), 3, "29 February 2028"),
])
def test_both_documents_print_the_trials_real_last_day(start: dt.date, months: int,
                                                       last_day: str) -> None:
    d = answers(WALES)
    d["post"]["start_date"] = start
    d["postholder"]["consulted_on"] = dt.date(2026, 10, 1)
    d["review"].update(trial_months=months, reviews_after_months=[months])
    assert (f"from the Commencement Date to {last_day} inclusive;") in text(d)
    assert f"the Trial Period, ending on {last_day}," in text(d, "contract")
