"""On a phone the keyboard meets a section's page in the order it is seen (WCAG 2.4.3):
the questions, then the money and the warnings (with their "Accept this warning" parts),
then Continue. CSS once showed the side column above Continue while the page held it
after Continue, so Tab went from Continue back up to the warnings. The page now holds the
side column between the questions and Continue; a laptop shows it beside the questions
(test_question_before_money.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import EXAMPLES, Server

#: a Welsh post with a Director of Public Health: The post warns of it, with the money
WELSH = (EXAMPLES / "joint-director-public-health.yaml").read_text("utf-8").replace(
    "jurisdiction: england\n", "jurisdiction: wales\n")

#: what is focused, where it is, and whether it is in the side column
FOCUSED = """() => {
  const e = document.activeElement, box = e.getBoundingClientRect();
  return {id: e.id, text: e.textContent.trim().slice(0, 40), y: box.top + window.scrollY,
          side: !!e.closest('.docgen-side'), warning: !!e.closest('#warnings'),
          buttons: !!e.closest('.govuk-button-group')};
}"""


@pytest.fixture(scope="module")
def post(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The Welsh post's page The post, at 320 px."""
    folder = tmp_path_factory.mktemp("focus") / "answers"
    folder.mkdir()
    (folder / "welsh.yaml").write_text(WELSH, "utf-8")
    with Server(folder) as server:
        context = browser.new_context(viewport={"width": 320, "height": 800},
                                      base_url=server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto("/open/welsh.yaml")
        page.goto(page.url.rsplit("/", 1)[0] + "/post")
        assert page.locator("#warnings button[value^='accept:']").count() == 1
        yield page
        context.close()


def _tabbed(page: Any) -> list[dict[str, Any]]:
    """Each element Tab reaches from the first question to the last button of the page."""
    page.focus("#f-post-title")
    seen = [page.evaluate(FOCUSED)]
    while seen[-1]["id"] != "later" and len(seen) < 200:
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    assert seen[-1]["id"] == "later", seen[-5:]
    return seen


def test_on_a_phone_tab_goes_questions_then_warnings_then_continue(post: Any) -> None:
    seen = _tabbed(post)
    at = [e["id"] for e in seen].index("continue")
    warning = [i for i, e in enumerate(seen) if e["warning"]]
    assert warning and max(warning) < at, seen  # the warning's parts before Continue
    side = [i for i, e in enumerate(seen) if e["side"]]
    assert side == list(range(side[0], side[-1] + 1)), seen  # the side column in one run
    assert not any(e["side"] or e["buttons"] for e in seen[:side[0]]), seen  # questions
    downward = [(a, b) for a, b in zip(seen, seen[1:], strict=False) if b["y"] < a["y"] - 1]
    assert not downward, downward  # each next stop is at or below the one before


def test_a_reason_typed_and_left_keeps_the_focus(post: Any) -> None:
    """The warnings are in the page's form now: leaving a reason's box must not run the
    live check, which redraws the panel and would drop the focus from its Accept button
    (static/live.js checks only the questions)."""
    post.reload()
    post.click("#warnings .govuk-details__summary")
    post.fill("#warnings textarea", "Agreed by both partners")
    post.keyboard.press("Tab")
    post.wait_for_timeout(600)  # a live check starts 120 ms after a box is left
    assert post.evaluate("document.activeElement.id").startswith("accept-")
    assert post.evaluate("document.getElementById('step-form').dataset.checking") is None
    assert post.input_value("#warnings textarea") == "Agreed by both partners"


def test_on_a_laptop_continue_comes_before_the_list_of_sections(browser: Any,
                                                               post: Any) -> None:
    """At 1280 px the list of sections shows in the right-hand column, under the money;
    Tab from the last question reaches the warnings and Continue before its sixteen links
    (they were between the questions and Continue: a reviewer's find)."""
    post.set_viewport_size({"width": 1280, "height": 900})
    try:
        post.reload()
        seen = _tabbed(post)
        links = post.locator("nav.docgen-steps a")
        assert links.count() >= 10
        assert not any(e["text"] == links.first.inner_text().strip() for e in seen), seen
        nav, questions = (post.locator(s).bounding_box()
                          for s in ("nav.docgen-steps", ".docgen-questions"))
        live = post.locator("#live").bounding_box()
        assert nav is not None and questions is not None and live is not None
        assert nav["x"] >= questions["x"] + questions["width"]  # beside the questions
        assert nav["y"] >= live["y"] + live["height"] - 1  # under the money and warnings
        go = post.locator("#continue").bounding_box()
        assert go is not None and go["y"] - (questions["y"] + questions["height"]) < 60, go
        # Continue straight under the questions, however long the column beside them
        post.goto(post.url.rsplit("/", 1)[0] + "/exit")  # a short page, a long column
        questions = post.locator(".docgen-questions").bounding_box()
        go = post.locator("#continue").bounding_box()
        assert questions is not None and go is not None
        assert go["y"] - (questions["y"] + questions["height"]) < 60, (go, questions)
    finally:
        post.goto(post.url.rsplit("/", 1)[0] + "/post")
        post.set_viewport_size({"width": 320, "height": 800})
        post.reload()
