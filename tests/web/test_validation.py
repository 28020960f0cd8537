"""Validation as GOV.UK does it: one clear message per mistake, on Continue; live only for
fields the person changed; dates typed as people type them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NAME = "shared-head-of-hr.yaml"


@pytest.fixture
def web(tmp_path: Path) -> Interview:
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(ROOT / "docgen" / "data" / "examples" / NAME, folder)
    web = Interview(folder)
    web.open(NAME)
    return web


def _messages(html: str) -> list[str]:
    doc = lxml.html.fromstring(html)
    return [" ".join(li.text_content().split())
            for li in doc.xpath("//ul[contains(@class, 'govuk-error-summary__list')]/li")]


@pytest.mark.parametrize("typed", ["01/09/2027", "1/9/2027", "1.9.27", "2027-09-01",
                                   "1 September 2027", "1st Sept 2027", "Sept 1 2027",
                                   "1 Sept 2027", "September 1, 2027", "Sept. 1st, 2027",
                                   "1st/9/2027"])
def test_a_whole_date_typed_in_one_box_is_understood(web, typed):
    response = web.submit("post", **{"post.start_date-day": typed, "post.start_date-month": "",
                                     "post.start_date-year": ""})
    assert response.status_code == 200, _messages(response.text)
    assert web.form("post")["post.start_date-day"] == ["1"]
    web.save(NAME)
    assert docgen.load(web.folder / NAME).post.start_date == dt.date(2027, 9, 1)


def test_a_date_that_cannot_be_read_is_kept_as_typed_with_one_message(web):
    response = web.submit("post", **{"post.start_date-day": "31/02/2027",
                                     "post.start_date-month": "", "post.start_date-year": ""})
    assert response.status_code == 422
    assert _messages(response.text) == ["The start date must be a real date"]
    form = lxml.html.fromstring(response.text)
    boxes = [form.xpath(f"//input[@name='post.start_date-{p}']/@value")[0]
             for p in ("day", "month", "year")]
    assert boxes == ["31", "02", "2027"]  # never discarded


@pytest.mark.parametrize(("day", "month", "year", "said"), [
    ("1", "", "2027", "The start date must include a month"),
    ("", "9", "2027", "The start date must include a day"),
    ("1", "9", "", "The start date must include a year"),
    ("", "", "2027", "The start date must include a day and month"),
    ("31", "2", "2027", "The start date must be a real date"),
])
def test_date_boxes_say_what_is_missing_as_the_govuk_date_pattern_does(web, day, month,
                                                                       year, said):
    response = web.submit("post", **{"post.start_date-day": day,
                                     "post.start_date-month": month,
                                     "post.start_date-year": year})
    assert response.status_code == 422
    assert _messages(response.text) == [said]
    form = lxml.html.fromstring(response.text)
    boxes = [form.xpath(f"//input[@name='post.start_date-{p}']/@value")[0]
             for p in ("day", "month", "year")]
    assert boxes == [day, month, year]  # each box keeps what was typed in it


@pytest.mark.parametrize(("typed", "day", "month"), [
    ("01/09/2027", 1, 9), ("2/3/2027", 2, 3), ("12.11.27", 12, 11), ("2nd March 2027", 2, 3),
    ("March 2nd, 2027", 2, 3), ("3rd Jun 2027", 3, 6)])
def test_numbers_stay_day_first_and_only_a_month_name_may_lead(typed, day, month):
    from docgen.web.forms import parse_date
    assert parse_date(typed, "", "") == dt.date(2027, month, day)
    assert parse_date("1st", "Sept", "2027") == dt.date(2027, 9, 1)
    assert parse_date("Smarch 1 2027", "", "") == "Smarch 1 2027"  # not a month: kept


def test_honest_mistakes_each_get_one_clear_message(web):
    money = web.submit("payment", payment__salary="£52,000")
    assert money.status_code == 200  # understood, not a mistake
    shares = web.submit("time-split", **{"time_split.shares.eastwick": "60",
                                         "time_split.shares.westmere": "50"})
    assert _messages(shares.text) == ["Shares add up to 110%; they must add up to 100%"]
    empty = web.submit("post", post__title="")
    assert _messages(empty.text) == ["Enter the job title"]
    word = web.submit("payment", payment__salary="lots")
    assert _messages(word.text) == ["Enter the salary as a number, for example 52000"]


def test_live_messages_only_for_fields_the_person_changed(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    web = Interview(folder)
    web.new()
    values = web.form("about")
    values["reference"] = ["has spaces"]
    values["changed"] = ["reference"]
    live = web.client.post(f"{web.base}/about/live", data=values).json()
    assert live["fields"]["f-reference"] == [
        "Use only letters, numbers, dots, hyphens and underscores, starting with a letter or "
        "number, for example EWK-WSM-HR-01"]
    assert live["fields"]["f-status"] is None and live["fields"]["f-jurisdiction"] is None
    assert [s["href"] for s in live["summary"]] == ["#f-reference"]
    on_continue = web.submit("about", reference="has spaces")
    assert len(_messages(on_continue.text)) == 3  # Continue: every answer the page needs
