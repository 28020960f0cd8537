"""Every page in Chromium at 375 px, a phone's width: screenshots, no sideways scrolling, no
serious accessibility violation (axe-core, vendored). The same pages at 1280 px are checked
in test_browser_round2.py (two files, so pytest-xdist runs the widths on both cores)."""

from __future__ import annotations

from .helpers import page_problems, round2_workspace


def test_every_page_fits_a_phone_and_has_no_serious_accessibility_problem(browser, tmp_path,
                                                                          shots):
    problems = page_problems(browser, round2_workspace(tmp_path), 375, shots / "round2")
    assert not problems, "\n".join(problems)
