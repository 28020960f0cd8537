"""A number that is a number but wrong for the post keeps the checker's reason: any
message with "must be" at a number question became "Enter the hours a week as a number"
(the officer had typed one), the same mistake as the dates' (test_date_message_kept.py).
Only a value that is not a number is asked for as a number."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from docgen.web.messages import error, problem_text  # noqa: E402

HOURS = ("post", "hours_per_week")


@pytest.mark.parametrize(("message", "said"), [
    ("must be between 1 and 48 (found 60)", "The hours a week must be between 1 and 48"),
    ("must be at most 48 (found 60); for example hours_per_week: 37",
     "The hours a week must be at most 48"),
    ("must be less than the hours of the whole post (found 40)",
     "The hours a week must be less than the hours of the whole post"),
])
def test_a_number_wrong_for_the_post_keeps_the_reason(message: str, said: str) -> None:
    assert error(message, HOURS, "number") == said
    assert problem_text(message, HOURS) == f"The post: {said}"


@pytest.mark.parametrize(("message", "code", "said"), [
    ("must be a number (found '37 hrs'); write it as hours_per_week: 37", "not_a_number",
     "Enter the hours a week as a number, for example 37"),
    ("must be a number (found 'x')", "", "Enter the hours a week as a number, for example 37"),
    ("Input should be a valid number, unable to parse string as a number", "",
     "Enter the hours a week as a number, for example 37"),
    ("write money as a number, e.g. 78000 (no £ sign or commas) (found 'abc')",
     "not_a_number", "Enter the hours a week as a number, for example 37"),
])
def test_a_value_that_is_not_a_number_is_asked_for_as_one(message: str, code: str,
                                                           said: str) -> None:
    assert error(message, HOURS, "number", code=code) == said


def test_a_whole_number_is_asked_for_as_one() -> None:
    said = error("must be a whole number (found 1.5); write it as notice_months: 6",
                 ("exit", "notice_months"), "number", code="not_a_number")
    assert said == "Enter the months of notice as a whole number, for example 6"


def test_a_list_of_months_keeps_its_reason_too() -> None:
    said = error("must be in increasing order (found [12, 6])",
                 ("review", "reviews_after_months"), "intlist")
    assert said.endswith("must be in increasing order") and "as a number" not in said
    assert "reviews_after_months" not in said


def test_one_partners_share_away_from_its_page_is_asked_for_as_its_box_asks() -> None:
    """Check your answers said "Time split: Must be a number; write it as <partner>: 50"
    for a share typed as a word (the per-partner question's kind was not its boxes')."""
    said = problem_text("must be a number (found 'x'); write it as westmere: 50",
                        ("time_split", "shares", "westmere"),
                        {"westmere": "Westmere"}, code="not_a_number")
    assert said == "Time split: Enter each partner's share of the time as a number, " \
        "for example 60"
    total = problem_text("shares add up to 90%; they must add up to 100%",
                         ("time_split", "shares"))
    assert total == "Time split: Shares add up to 90%; they must add up to 100%"
