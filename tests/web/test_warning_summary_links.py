"""Accepting a warning with no reason showed two "There is a problem" boxes on one page
(the reason missing, and what stops the documents); a warning naming a page ("on the page
‘Review’") did not link to it (accessibility, HR walkthrough)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402


def _new(tmp_path: Path) -> Interview:
    web, _ = profiled_interview(tmp_path)
    web.begin("WARN-LINKS-01")
    return web


def test_a_warning_accepted_without_a_reason_gives_one_error_summary(tmp_path: Path) -> None:
    web = _new(tmp_path)
    check = lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
    assert check.xpath("//div[@class='govuk-error-summary']")  # errors to put right
    rule = check.xpath("//form[contains(@action, '/acknowledge')]//input[@name='rule']")[0]
    sent = web.client.post(f"{web.base}/acknowledge", data={
        "csrf_token": web.token, "rule": rule.get("value"), "reason": "", "back": "check"})
    assert sent.status_code == 422
    page = lxml.html.fromstring(sent.text)
    summaries = page.xpath("//div[@class='govuk-error-summary']")
    assert len(summaries) == 1, [" ".join(s.text_content().split()) for s in summaries]
    links = [a.get("href") for a in summaries[0].xpath(".//a")]
    assert links[0] == f"#ack-{rule.get('value')}" and len(links) > 1  # and the others
    assert "Give a reason for accepting this warning" in summaries[0].text_content()


def test_a_warning_naming_a_page_links_to_it(tmp_path: Path) -> None:
    web = _new(tmp_path)  # a new post's standing answers raise no warning about Review:
    web.submit("review", review__trial_months="24")  # a trial of two years does (GP001)
    page = lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
    warnings = page.xpath(
        "//div[@id='warnings']//div[contains(@class, 'govuk-warning-text__text')]")
    named = [w for w in warnings if "on the page ‘Review’" in w.text_content()]
    assert named, [" ".join(w.text_content().split()) for w in warnings]
    links = {a.text_content(): a.get("href") for w in named for a in w.xpath(".//a")}
    assert links.get("‘Review’", "").endswith("/review"), links
    assert links["‘Review’"] == f"{web.base.split('testserver', 1)[-1]}/review"
