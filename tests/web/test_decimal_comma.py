"""A decimal comma ("2,5", as much of Europe writes 2.5) is refused, never read as a
thousands separator: "2,5" extra pay was kept as 25 per cent ("(25%) £19,500.00" on the
money panel) and "37,5" hours a week as 375. Only commas between groups of exactly three
digits ("78,000", "1,234,567.50") are dropped."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from docgen.web.forms import parse_number

from .helpers import Interview


@pytest.mark.parametrize(("typed", "read"), [
    ("78,000", 78000), ("£1,234,567.50", 1234567.5), ("1,000%", 1000), ("2.5", 2.5),
    ("-1,000", -1000)])
def test_commas_between_groups_of_three_digits_are_dropped(typed: str, read: object) -> None:
    assert parse_number(typed) == read


@pytest.mark.parametrize("typed", ["2,5", "37,5", "1,23", "1,2345", "78,000,00", ",5",
                                   "1,,000", "1,000,5", "1,000.5,0", "12,000 5", "0,5%"])
def test_any_other_comma_is_kept_as_typed(typed: str) -> None:
    assert parse_number(typed) == typed.strip()


def _sent(folder: Path, slug: str, **typed: str) -> tuple[Interview, int, list[str]]:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit(slug, **typed)
    page = interview.client.get(f"{interview.base}/check").text if response.status_code == 200 \
        else response.text
    summary = [" ".join(a.text_content().split()) for a in lxml.html.fromstring(page).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//a")]
    return interview, response.status_code, summary


@pytest.mark.parametrize(("slug", "name", "typed", "said"), [
    ("payment", "payment__premium_percent", "2,5",
     "Enter the extra pay as a number, for example 2.5"),
    ("post", "post__hours_per_week", "37,5",
     "Enter the hours a week as a number, for example 37.5"),
])
def test_a_decimal_comma_is_refused_with_the_number_written_with_a_point(
        folder: Path, slug: str, name: str, typed: str, said: str) -> None:
    interview, status, summary = _sent(folder, slug, **{name: typed})
    assert status == 422, status
    assert said in summary, summary
    section, key = name.split("__")
    assert interview.on_disk()[section][key] == typed  # kept as typed, never 25 or 375
    again = interview.client.get(f"{interview.base}/{slug}")
    assert again.status_code == 200 and f'value="{typed}"' in again.text
    assert interview.client.get(f"{interview.base}/check").status_code == 200


def test_a_whole_number_with_a_comma_is_asked_for_whole(folder: Path) -> None:
    _, status, summary = _sent(folder, "exit", exit__notice_months="6,5")
    assert status == 422, status
    assert "Enter the months of notice as a whole number, for example 6" in summary, summary
