"""Error messages an HR officer can act on: a missing answer in a row of a list names the
row ("Select the partner" did not say which: it meant statutory role 1's), and a date typed
without a day ("April 2027") asks for day, month and year rather than "must be a real
date"."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from docgen.web.messages import error, problem_text

from .helpers import Interview, profiled_interview


def _errors(html: str) -> tuple[list[str], list[str]]:
    """The error summary's links and the messages at the questions."""
    doc = lxml.html.fromstring(html)
    summary = [" ".join(a.text_content().split()) for a in
               doc.xpath('//div[contains(@class, "govuk-error-summary")]//a')]
    at = [" ".join(p.text_content().replace("Error:", "").split()) for p in
          doc.xpath('//p[contains(@class, "govuk-error-message")][not(@hidden)]')]
    return summary, at


def _post_page(tmp_path: Path, **changes: str) -> tuple[list[str], list[str]]:
    interview, _ = profiled_interview(tmp_path)
    interview.begin("EWK-WSM-ROWS")
    response = interview.submit("post", **changes)
    assert response.status_code == 422
    return _errors(response.text)


def test_a_statutory_role_without_its_partner_names_the_row(tmp_path: Path) -> None:
    summary, at = _post_page(tmp_path, **{
        "post__statutory_roles__0__role": "Director of Public Health"})
    assert "Select the partner for statutory role 1" in summary
    assert "Select the partner for statutory role 1" in at
    assert "Select the partner" not in summary  # the old words, which named no row


@pytest.mark.parametrize("typed", ["April 2027", "1 April", "next spring"])
def test_a_date_without_a_day_asks_for_day_month_and_year(tmp_path: Path, typed: str) -> None:
    summary, at = _post_page(tmp_path, **{"post__start_date-day": typed,
                                          "post__start_date-month": "",
                                          "post__start_date-year": ""})
    said = "Enter the start date as day, month and year, for example 1 4 2027"
    assert said in summary and said in at
    assert not [s for s in summary if "real date" in s], summary


def test_a_date_that_does_not_exist_is_still_called_one(tmp_path: Path) -> None:
    summary, _ = _post_page(tmp_path, **{"post__start_date-day": "31 2 2027",
                                         "post__start_date-month": "",
                                         "post__start_date-year": ""})
    assert "The start date must be a real date" in summary


def test_a_box_left_empty_still_names_it(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("post", **{"post__start_date-day": "1",
                                           "post__start_date-month": "",
                                           "post__start_date-year": "2027"})
    assert "The start date must include a month" in _errors(response.text)[0]


@pytest.mark.parametrize(("path", "kind", "said"), [
    (("post", "locations", 1, "party"), "party", "Select the partner for location 2"),
    (("post", "statutory_roles", 0, "role"), "", "Enter the role for statutory role 1"),
    (("governance", "steering_group", "members", 2, "party"), "party",
     "Select the partner for member 3"),
    (("payment", "on_costs", 0, "percent"), "number",
     "Enter the percentage for on-cost 1, for example 13.9"),
    (("job", "person_specification", 1, "criterion"), "", "Enter criterion 2"),
    (("job", "person_specification", 0, "area"), "select", "Select the area for criterion 1"),
    # a partner's own page is about that partner: no row to name
    (("parties", 1, "name"), "", "Enter the partner's legal name"),
    (("post", "title"), "", "Enter the job title"),
])
def test_a_missing_answer_in_a_row_names_the_row(path: tuple[str | int, ...], kind: str,
                                                 said: str) -> None:
    assert error("Field required", path, kind, code="missing") == said


def test_check_your_answers_names_the_row_too() -> None:
    assert problem_text("Field required", ("post", "statutory_roles", 0, "party"),
                        code="missing") == "The post: Select the partner for statutory role 1"
    assert error("not a party", ("post", "locations", 0, "party"), "party",
                 code="not_a_party") == "Select one of the partners for location 1"
