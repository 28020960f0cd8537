"""A post-holder's details are not lost on the way: choosing "Not yet: we are recruiting"
with their details on the page asks first (and keeps them if the answer is no), and
"Yes, a named person" stays chosen with nothing typed yet (a post with no post-holder
block reopened as "Not yet")."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402


def _chosen(interview: Interview) -> list[str]:
    return interview.form("postholder").get("postholder_known", [])


def _confirm(interview: Interview, html: str) -> object:
    button = lxml.html.fromstring(html).xpath('//button[@id="confirm-discard"]')[0]
    form = button.getparent().getparent()
    return interview.client.post(f"{interview.base}/postholder",
                                 data={**dict(form.form_values()), "action": button.get("value")})


def test_not_yet_asks_before_removing_the_details(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    asked = interview.submit("postholder", postholder_known="no",
                             postholder__name="Sam Okafor")
    assert asked.status_code == 200
    assert "Remove the post-holder's details?" in asked.text and "Sam Okafor" in asked.text
    # "No, keep their details": the page still has them, as typed, and "Yes" chosen
    assert _chosen(interview) == ["yes"]
    assert interview.form("postholder")["postholder.name"] == ["Sam Okafor"]
    done = _confirm(interview, asked.text)
    assert done.status_code == 200
    assert _chosen(interview) == ["no"]
    assert "Sam Okafor" not in interview.client.get(f"{interview.base}/check").text


def test_an_opened_post_without_a_post_holder_shows_not_yet(folder: Path) -> None:
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    start, end = text.index("\npostholder:\n"), text.index("\ntime_split:")
    (folder / "recruiting.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    interview = Interview(folder)
    interview.open("recruiting.yaml")
    assert _chosen(interview) == ["no"]


def test_yes_with_nothing_typed_stays_yes(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    blank = {f"postholder__{k}": "" for k in ("name", "address", "pension_scheme")}
    asked = interview.submit("postholder", postholder_known="no", **blank, **{
        "postholder__consulted_on-day": "", "postholder__consulted_on-month": "",
        "postholder__consulted_on-year": "", "postholder__continuous_service_from-day": "",
        "postholder__continuous_service_from-month": "",
        "postholder__continuous_service_from-year": ""})
    assert asked.status_code == 200 and "Remove the post-holder" not in asked.text
    assert _chosen(interview) == ["no"]
    again = interview.submit("postholder", postholder_known="yes")
    assert again.status_code == 422  # the name, address and consultation date are asked
    summary = lxml.html.fromstring(again.text).xpath(
        '//div[contains(@class, "govuk-error-summary")]//a')
    assert "Enter the post-holder's name" in [a.text_content() for a in summary]
    assert _chosen(interview) == ["yes"]
