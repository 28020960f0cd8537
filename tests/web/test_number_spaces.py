"""A sum typed with spaces between its digit groups ("110 000", as many people write it)
is read as the number, as one with commas ("£85,000.00") is: it was refused with "Enter
the salary as a number, for example 52000"."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from .helpers import Interview


def _salary(folder: Path, typed: str) -> tuple[int, str]:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("payment", **{"payment__salary": typed})
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/check").text)
    return response.status_code, " ".join(page.text_content().split())


@pytest.mark.parametrize(("typed", "shown"), [("110 000", "£110,000.00"),
                                              ("£1 250 000.50", "£1,250,000.50"),
                                              ("110\u00a0000", "£110,000.00")])
def test_spaces_between_digit_groups_are_read_as_commas_are(folder: Path, typed: str,
                                                            shown: str) -> None:
    status, check = _salary(folder, typed)
    assert status == 200, status
    assert f"Salary {shown}" in check


def test_commas_are_read_as_before(folder: Path) -> None:
    status, check = _salary(folder, "£85,000.00")
    assert status == 200 and "Salary £85,000.00" in check


@pytest.mark.parametrize("typed", ["110 00", "37 5"])
def test_spaces_that_do_not_group_digits_are_still_refused(folder: Path, typed: str) -> None:
    status, _ = _salary(folder, typed)
    assert status == 422
