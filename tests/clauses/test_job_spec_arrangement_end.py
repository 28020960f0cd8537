"""A lawyer's read of a built job specification (7 December 2026, P13): its summary's "End
date | 31 March 2029" read as a fixed-term post, when the employment is open-ended and only
the arrangement ends (the contract: "The Arrangement is due to end on …; when it ends, clause
… applies"). The job purpose now says that the date ends the arrangement, not the employment,
and points to the contract; an open-ended arrangement says nothing of it."""

from __future__ import annotations

import datetime as dt

from legal_answers import FOUR, answers, text


def test_a_fixed_term_arrangement_is_not_read_as_a_fixed_term_post() -> None:
    d = answers(FOUR)
    d["post"]["end_date"] = dt.date(2030, 6, 30)
    spec = text(d, "job_spec")
    assert ("The arrangement under which the post is shared is due to end on 30 June 2030. "
            "That is the end of the arrangement, not of the post-holder's employment with "
            "Hartmoor District Council: the post-holder's contract says what happens when the "
            "arrangement ends.") in spec
    # the contract says the same date ends the Arrangement
    assert "The Arrangement is due to end on 30 June 2030" in text(d, "contract")


def test_an_open_ended_arrangement_says_nothing_of_an_end() -> None:
    assert "is due to end on" not in text(answers(FOUR), "job_spec")
