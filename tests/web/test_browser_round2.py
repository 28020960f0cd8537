"""Every page in Chromium at 375 px (a phone's width) and at 1280 px: screenshots, no
sideways scrolling, no serious accessibility violation (axe-core, vendored); and on a phone
the money comes before Continue. The scripted HR officer is in test_browser_round2_officer.py
(each file is one worker's share under pytest-xdist)."""

from __future__ import annotations

from .helpers import page_problems, round2_workspace


def test_every_page_fits_a_phone_and_1280_px_and_has_no_serious_accessibility_problem(
        browser, tmp_path, shots):
    """One walk: each page loaded at a phone's width and checked, then widened to 1280 px and
    checked again (each problem names its page and width)."""
    problems = page_problems(browser, round2_workspace(tmp_path), (375, 1280), shots / "round2")
    assert not problems, "\n".join(problems)


def test_on_a_phone_the_money_and_warnings_come_before_continue(page, shots):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/open/shared-head-of-hr.yaml")
    page.goto(page.url.rsplit("/", 1)[0] + "/payment")
    money = page.locator("#money").bounding_box()
    button = page.locator("#continue").bounding_box()
    assert money and button and money["y"] < button["y"]
