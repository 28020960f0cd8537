"""HR review B5: without JavaScript, Back on a section's page threw away what was typed
(/post?from=tasks, a job title and grade typed, Back, The post opened again: both boxes
empty); with JavaScript the same click saved them (live.js sends the form first). Back is
now a button of the page's form, shaped as GOV.UK's back link, so it saves in both, and
asks, as the page's other buttons do, when words are typed and "Not known yet" ticked."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import add_profiles, new_two_partner_post
from .helpers import Browser, inputs_workspace

TITLE, GRADE = "Head of People and Culture", "Chief Officer Band 2"


def _post_from_tasks(tmp_path: Path) -> tuple[Browser, str]:
    web = Browser(inputs_workspace(tmp_path))
    tasks = web.start("B5-BACK-01")
    assert tasks.path.endswith("/tasks"), tasks.url
    return web, tasks.path


def test_back_without_javascript_saves_what_was_typed(tmp_path: Path) -> None:
    web, tasks = _post_from_tasks(tmp_path)
    post = web.go(tasks.replace("/tasks", "/post?from=tasks"))
    assert post.by_id("back").get("form") == "step-form"  # a button of the page's form
    left = web.press(post, "#back", **{"post.title": TITLE, "post.grade": GRADE})
    assert left.path == tasks, left.url  # where the link went: the task list
    assert left.url.endswith("?to_correct=post"), left.url  # saved, with answers to give
    again = web.go(tasks.replace("/tasks", "/post?from=tasks"))
    assert again.value("post.title") == TITLE and again.value("post.grade") == GRADE


def test_back_goes_where_the_link_went(tmp_path: Path) -> None:
    """After a Change link, back to check your answers; otherwise to the section before."""
    web, tasks = _post_from_tasks(tmp_path)
    base = tasks.removesuffix("/tasks")
    assert web.press(web.go(f"{base}/post?then=check"), "#back").path == f"{base}/check"
    assert web.press(web.go(f"{base}/exit?then=section"), "#back").path == \
        f"{base}/check/exit"
    assert web.press(web.go(f"{base}/review"), "#back").path == f"{base}/governance"


def test_back_with_words_typed_and_not_known_ticked_asks_which(tmp_path: Path) -> None:
    web, tasks = _post_from_tasks(tmp_path)
    post = web.go(tasks.replace("/tasks", "/post?from=tasks"))
    shown = web.press_with_both(post, "#back", "post.title", TITLE)  # asked, not left
    notice = shown.text("//div[contains(@class, 'govuk-notification-banner')]")
    assert "Then press \u2018Back\u2019 again." in notice, notice


def test_enter_in_a_box_still_continues(tmp_path: Path) -> None:
    """A form's first button is what Enter presses: the hidden Continue comes before Back."""
    web, tasks = _post_from_tasks(tmp_path)
    post = web.go(tasks.replace("/tasks", "/post?from=tasks"))
    buttons = post.find("//button[@form='step-form'] | //form[@id='step-form']//button")
    assert buttons[0].get("value") == "continue", [b.get("value") for b in buttons]


def test_back_with_javascript_saves_what_was_typed(browser, server):  # noqa: ANN001
    """The same, in Chromium with the script (its live checks run as boxes are left)."""
    page, base = new_two_partner_post(browser, server, "B5-BACK-JS", javascript=True)
    tasks = f"{base}/tasks"
    page.goto(tasks.replace("/tasks", "/post?from=tasks"))
    page.fill("#f-post-title", TITLE)
    page.fill("#f-post-grade", GRADE)
    page.click("#back")
    page.wait_for_url(f"{tasks}?to_correct=post")  # saved: the task list says what to
    # correct on it, as after "Save and return to the task list"
    page.goto(tasks.replace("/tasks", "/post?from=tasks"))
    assert page.input_value("#f-post-title") == TITLE
    assert page.input_value("#f-post-grade") == GRADE
    page.context.close()


@pytest.fixture
def folder(folder: Path) -> Path:
    return add_profiles(folder)
