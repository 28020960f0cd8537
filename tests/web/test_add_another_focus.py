"""After "Add another" the page came back at the list's group, not at the box added, and
the focus stayed at the top of the page (accessibility, HR walkthrough). Now the address
names the new box (``#f-post-locations-2-party``) and, with JavaScript, the focus is in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from .conftest import add_profiles, new_two_partner_post  # noqa: E402
from .helpers import profiled_interview  # noqa: E402


def _went_to(response: Any) -> str:
    return str(response.history[0].headers["location"]).rsplit("#", 1)[1]


def test_add_another_names_the_new_box_in_the_address(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("ADD-FOCUS-01")
    added = web.submit("post", action="add-row:post.locations")
    assert _went_to(added) == "f-post-locations-2-party"  # the third place's partner
    assert 'id="f-post-locations-2-party"' in added.text
    added = web.submit("job", action="add-text:job.relationships.internal")
    box = _went_to(added)
    assert box.startswith("f-job-relationships-internal-") and f'id="{box}"' in added.text
    again = web.submit("job", action="add-text:job.relationships.internal")
    assert _went_to(again) != box and f'id="{_went_to(again)}"' in again.text  # the newest


def test_with_javascript_the_focus_is_in_the_new_box(browser, server, folder):  # type: ignore[no-untyped-def]
    add_profiles(folder)
    page, base = new_two_partner_post(browser, server, "ADD-FOCUS-02", javascript=True)
    page.goto(f"{base}/post")
    page.click("button[value='add-row:post.locations']")
    page.wait_for_url("**/post#f-post-locations-2-party")
    page.wait_for_selector("#f-post-locations-2-party:focus", state="attached")  # focused
    page.context.close()


def test_with_javascript_back_after_add_another_goes_to_the_task_list(  # type: ignore[no-untyped-def]
        browser, server, folder):
    """A section opened from the task list: after "Add another" and a box typed in (Back
    then saves the page first, live.js), Back returns to the task list."""
    add_profiles(folder)
    page, base = new_two_partner_post(browser, server, "ADD-FOCUS-03", javascript=True)
    page.goto(f"{base}/tasks")
    page.click("a.govuk-task-list__link:text-is('The post')")
    page.wait_for_url("**/post?from=tasks")
    page.click("button[value='add-row:post.locations']")
    page.wait_for_url("**/post?from=tasks#f-post-locations-2-party")
    page.fill("#f-post-title", "Head of People")
    page.click("#back")  # Back: a button of the page's form, which saves it
    page.wait_for_url(f"**{base}/tasks*")
    page.context.close()
