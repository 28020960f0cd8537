"""On a phone the question comes first: at 320 px the section's heading and its first
question are above "The money" panel, which stays above Continue; on a laptop the panel is
still the column beside the questions. An HR officer on a phone met the money panel
before the question it follows (the side column was moved above the questions)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import EXAMPLES, Server

#: the first box of each page with the money panel (the error summary's anchor for it)
FIRST = {"payment": "#f-payment-mechanism", "post": "#f-post-title"}


@pytest.fixture(scope="module")
def pages(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One page on one server (a folder holding the Head of HR example), opened on it."""
    folder = tmp_path_factory.mktemp("question-first") / "answers"
    folder.mkdir()
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", folder)
    with Server(folder) as server:
        context = browser.new_context(viewport={"width": 320, "height": 800},
                                      base_url=server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto("/open/shared-head-of-hr.yaml")
        yield page, page.url.rsplit("/", 1)[0]
        context.close()


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    return dict(box)


@pytest.mark.parametrize("slug", FIRST)
def test_on_a_phone_the_question_comes_before_the_money(pages: Any, slug: str) -> None:
    page, base = pages
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{base}/{slug}")
    money = _box(page, "#money")
    heading, first = _box(page, "h1"), _box(page, FIRST[slug])
    continue_ = _box(page, "#continue")
    assert heading["y"] + heading["height"] <= money["y"], (heading, money)
    assert first["y"] + first["height"] <= money["y"], (first, money)
    assert money["y"] + money["height"] <= continue_["y"], (money, continue_)
    # the questions keep the page's margins: nothing touches the screen's edge
    for box in (_box(page, "#step-form .govuk-form-group"), money, continue_):
        assert box["x"] >= 15 and box["x"] + box["width"] <= 320 - 15 + 1, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("slug", FIRST)
def test_on_a_laptop_the_money_is_beside_the_questions(pages: Any, slug: str) -> None:
    page, base = pages
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/{slug}")
        money, first = _box(page, "#money"), _box(page, FIRST[slug])
        column = _box(page, "#step-form")
        side = _box(page, ".docgen-side")
        assert side["x"] >= column["x"] + column["width"], (side, column)
        assert money["x"] > first["x"] + first["width"], (money, first)
        assert abs(side["y"] - column["y"]) < 40, (side, column)  # the rows start together
        assert _box(page, "#continue")["x"] < side["x"]  # Continue under the questions
        assert page.locator(".docgen-steps").is_visible()  # the list of sections beside
    finally:
        page.set_viewport_size({"width": 320, "height": 800})
