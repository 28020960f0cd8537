"""A date that is a real date but wrong for the post keeps the checker's reason, in plain
words: a consultation after the start date said "The date they were consulted must be a
real date" (any message about a date with "must be" in it was taken for an impossible
date). An impossible date still says so."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.messages import error  # noqa: E402

from .helpers import Interview  # noqa: E402


def _said(folder: Path, day: str, month: str, year: str) -> list[str]:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("postholder", **{
        "postholder__consulted_on-day": day, "postholder__consulted_on-month": month,
        "postholder__consulted_on-year": year})
    assert response.status_code == 422
    doc = lxml.html.fromstring(response.text)
    return [a.text_content().strip() for a in
            doc.xpath('//div[contains(@class, "govuk-error-summary")]//a')]


def test_a_consultation_after_the_start_date_says_so(folder: Path) -> None:
    said = _said(folder, "1", "5", "2027")
    assert len(said) == 1 and "real date" not in said[0]
    assert "before" in said[0] and "(1 April 2027)" in said[0]  # the start date, in words


def test_a_reason_with_must_be_is_kept() -> None:
    said = error("the post-holder must be consulted before the start date (2027-04-01); the "
                 "consultation date is later", ("postholder", "consulted_on"), "date")
    assert said == "The post-holder must be consulted before the start date (1 April 2027); " \
        "the consultation date is later"


def test_an_impossible_date_is_still_called_one(folder: Path) -> None:
    assert _said(folder, "31", "2", "2027") == ["The date they were consulted must be a "
                                                "real date"]
