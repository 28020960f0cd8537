"""The error summary lists a page's problems in the order their answers are on the page
(GOV.UK's error summary pattern), not in docgen's order of checks: a number typed with
words in it ("hours") was listed before an end date before the start date, though the end
date is higher on the page (docgen/web/views.py ``step_views``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown  # noqa: E402


def test_the_summary_follows_the_page(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    page = Shown(web.submit("post", **{
        "post__hours_per_week": "37 hrs", "post__end_date-day": "1",
        "post__end_date-month": "1", "post__end_date-year": "2027"}))
    assert page.status == 422
    listed = [href.removeprefix("#") for _, href in page.errors()]
    assert listed == ["f-post-end_date-day", "f-post-hours_per_week"], page.errors()
    boxes = [e.get("id") for e in page.find("//form[@id='step-form']//input")]
    assert [boxes.index(i) for i in listed] == sorted(boxes.index(i) for i in listed)
    assert "hours a week" in page.errors()[1][0]


def test_a_reason_not_given_comes_after_the_questions(tmp_path: Path) -> None:
    """"Accept this warning" without a reason: the reason's box is in the warnings, after
    the page's questions (test_focus_follows_panel.py), so its error is listed after
    theirs; it was listed first."""
    welsh = (EXAMPLES / "joint-director-public-health.yaml").read_text("utf-8").replace(
        "jurisdiction: england\n", "jurisdiction: wales\n")  # The post warns: no DPH there
    (tmp_path / "welsh.yaml").write_text(welsh, "utf-8")
    web = Interview(tmp_path)
    web.open("welsh.yaml")
    page = Shown(web.submit("post", action="accept:GP056", **{
        "post__end_date-day": "1", "post__end_date-month": "1", "post__end_date-year": "2020"}))
    assert page.status == 422
    assert [href for _, href in page.errors()] == ["#f-post-end_date-day", "#ack-GP056"]
    boxes = [e.get("id") for e in page.find("//form[@id='step-form']//*[@id]")]
    assert boxes.index("f-post-end_date-day") < boxes.index("ack-GP056")
