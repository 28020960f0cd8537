"""Every page in Chromium at 1280 px (test_browser_round2_phone.py: at 375 px): screenshots,
no sideways scrolling, no serious accessibility violation (axe-core, vendored); and on a phone
the money comes before Continue. The scripted HR officer is in test_browser_round2_officer.py
(each file is one worker's share under pytest-xdist)."""

from __future__ import annotations

from .helpers import page_problems, round2_workspace


def test_every_page_at_1280_px_has_no_sideways_scroll_or_serious_accessibility_problem(
        browser, tmp_path, shots):
    problems = page_problems(browser, round2_workspace(tmp_path), 1280, shots / "round2")
    assert not problems, "\n".join(problems)


def test_on_a_phone_the_money_and_warnings_come_before_continue(page, shots):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/open/shared-head-of-hr.yaml")
    page.goto(page.url.rsplit("/", 1)[0] + "/payment")
    money = page.locator("#money").bounding_box()
    button = page.locator("#continue").bounding_box()
    assert money and button and money["y"] < button["y"]
