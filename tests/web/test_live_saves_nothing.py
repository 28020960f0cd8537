"""The live checks (live.js posting a step's fields when one is left) check and save
nothing: "37 hrs" typed and tabbed out of was kept in the draft, and another browser
opened the post with it as an error. Answers are saved by a button ("Continue", "Save and
return to the task list", "Save and come back later"); with JavaScript, a link away from a
page with changed answers sends the form first, so what was typed is not lost either."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402


def _hours(interview: Interview) -> str:
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/post").text)
    return str(page.get_element_by_id("f-post-hours_per_week").get("value"))


def test_a_live_check_keeps_nothing(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    before = _hours(interview)
    values = interview.form("post")
    values["post.hours_per_week"] = ["37 hrs"]
    values["changed"] = ["post.hours_per_week"]
    live = interview.client.post(f"{interview.base}/post/live", data=values).json()
    assert live["fields"]["f-post-hours_per_week"]  # the error is said
    assert _hours(interview) == before  # and nothing kept
    assert "37 hrs" not in interview.client.get(f"{interview.base}/check").text


def test_save_and_return_to_the_task_list(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("post", action="tasks", post__hours_per_week="30")
    assert response.status_code == 200 and response.url.path.endswith("/tasks")
    assert _hours(interview) == "30"
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/post").text)
    assert page.xpath('//button[@value="tasks"]')[0].text_content() == \
        "Save and return to the task list"


def test_save_and_return_with_answers_to_correct_says_so_on_the_task_list(
        folder: Path) -> None:
    """Saved as typed ("37 hrs"), and the task list says which page has answers to correct
    (a review found the officer told nothing: the section only turned "In progress")."""
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    fine = interview.submit("post", action="tasks", post__hours_per_week="30")
    assert "need correcting" not in fine.text
    response = interview.submit("post", action="tasks", post__hours_per_week="37 hrs")
    assert response.status_code == 200 and response.url.path.endswith("/tasks")
    assert _hours(interview) == "37 hrs"  # kept as typed
    banner = lxml.html.fromstring(response.text).get_element_by_id("to-correct")
    said = " ".join(banner.text_content().split())
    assert "Some answers on the page The post need correcting" in said, said
    [link] = banner.xpath(".//a/@href")
    assert link.endswith("/post")
    odd = interview.client.get(f"{interview.base}/tasks?to_correct=nonsense")
    assert "need correcting" not in odd.text  # only a section docgen has


def test_a_page_is_left_only_for_this_draft(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    elsewhere = interview.submit("post", action="goto", to="https://example.org/")
    assert elsewhere.url.path.endswith("/tasks")
    base = interview.base.removeprefix("http://testserver")
    there = interview.submit("post", action="goto", to=f"{base}/payment")
    assert there.url.path.endswith("/payment")


def test_a_link_away_saves_what_was_typed_with_javascript(browser: Any, server: Any) -> None:
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto("/open/shared-head-of-hr.yaml")
        base = page.url.rsplit("/", 1)[0]
        page.goto(base + "/post")
        page.fill("#f-post-hours_per_week", "37 hrs")
        page.locator("#f-post-hours_per_week").blur()
        page.locator("#f-post-hours_per_week-error").wait_for(state="visible")
        other = browser.new_context(base_url=server.url)  # another browser: nothing kept
        seen = other.new_page()
        seen.goto(base.removeprefix(server.url) + "/post")
        assert seen.input_value("#f-post-hours_per_week") == "37"
        other.close()
        page.fill("#f-post-hours_per_week", "30")
        page.click("nav.docgen-steps a:text('Payment')")
        page.wait_for_url("**/payment")
        page.goto(base + "/post")
        assert page.input_value("#f-post-hours_per_week") == "30"
    finally:
        context.close()
