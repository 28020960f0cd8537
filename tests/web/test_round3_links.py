"""Round 3: GOV.UK patterns on the check pages. The problems listed on check your answers
linked to the top of their section's page, not to the answer; a per-partner question's
error (shares, line managers) linked to an id no element had; and a section's own "Check
your answers" page sent Change to the section, whose Continue then went on to the next
section instead of back to the section's answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import add_profiles, new_two_partner_post
from .helpers import Browser


@pytest.fixture
def folder(folder: Path) -> Path:
    """The Head of HR example beside the test organisations' profiles."""
    return add_profiles(folder)


def test_check_pages_link_to_the_answer_and_change_returns_there(browser, server):
    page, base = new_two_partner_post(browser, server, "EWK-WSM-LINKS-01", True)
    page.goto(f"{base}/check")
    hrefs = page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => "
                                      "e.getAttribute('href'))")
    assert f"{base.split(server.url)[1]}/post#f-post-title" in hrefs
    assert any(h.endswith("/time-split#f-time_split-shares-eastwick") for h in hrefs)
    assert any(h.endswith("/post#f-post-start_date-day") for h in hrefs)
    for href in hrefs:  # every link lands on a box or choice of its page
        assert "#" in href, href
        page.goto(server.url + href)
        assert page.locator(f"#{href.split('#')[1]}").count() == 1, href
    # a section's own check page: Change, then Continue (or Back), returns to it
    page.goto(f"{base}/check/exit")
    page.click("main a:has-text('Change') >> nth=0")
    assert page.url.endswith("/exit?then=section#f-exit-notice_months"), page.url
    page.wait_for_selector("#f-exit-notice_months:focus", state="attached")  # focused
    page.fill("[name='exit.notice_months']", "9")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/check/exit")
    assert "9" in page.inner_text("main")
    page.click("main a:has-text('Change') >> nth=0")  # and Back (it saves the page first)
    page.fill("[name='exit.notice_months']", "8")
    page.click("#back")
    page.wait_for_url("**/check/exit")
    assert "8" in page.inner_text("main")
    page.context.close()


def test_check_pages_link_to_the_answer_and_change_returns_there_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    base = web.start("EWK-WSM-LINKS-01").path.rsplit("/", 1)[0]
    page = web.go(f"{base}/check")
    hrefs = [href for _, href in page.errors()]
    assert f"{base}/post#f-post-title" in hrefs
    assert any(h.endswith("/time-split#f-time_split-shares-eastwick") for h in hrefs)
    assert any(h.endswith("/post#f-post-start_date-day") for h in hrefs)
    for href in hrefs:  # every link lands on a box or choice of its page
        assert "#" in href, href
        assert web.go(href, page).by_id(href.split("#")[1]) is not None, href
    # a section's own check page: Change, then Continue (or Back), returns to it
    page = web.go(f"{base}/check/exit")
    change = [href for text, href in page.links("//main//a") if "Change" in text][0]
    assert change.endswith("/exit?then=section#f-exit-notice_months"), change
    page = web.go(change, page)
    assert page.url.endswith("/exit?then=section"), page.url  # the fragment is not sent
    page.by_id("f-exit-notice_months")  # the question the link names is on the page
    assert web.back(page).path.endswith("/check/exit")  # Back (saving the page) goes there
    page = web.press(page, fields={"exit.notice_months": "9"})
    assert page.path.endswith("/check/exit"), page.url
    assert "Months of notice to leave the arrangement 9 Change" in page.text()
