"""The walkthrough's journey in Chromium, and over HTTP as a browser without JavaScript
sends it: an answer docgen does not use under a partner (``colour: blue`` under Eastwick)
is reached from check your answers' link to the partner page's list, removed there after
confirming, and gone from check your answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Browser

EASTWICK = "    notices: {title: Director of Law and Governance, email: " \
    "legal@eastwick.example.gov.uk}\n"


@pytest.fixture
def folder(folder: Path) -> Path:
    path = folder / "shared-head-of-hr.yaml"
    text = path.read_text(encoding="utf-8")
    assert EASTWICK in text
    path.write_text(text.replace(EASTWICK, EASTWICK + "    colour: blue\n", 1),
                    encoding="utf-8")
    return folder


def test_an_unknown_partner_answer_is_removed_in_the_browser(browser, server):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/open/shared-head-of-hr.yaml")
    page.wait_for_url("**/check")
    link = page.locator(".govuk-error-summary a", has_text="colour")
    assert link.count() == 1
    assert link.get_attribute("href").endswith("/partners/0#unknown-answers")
    link.click()
    page.wait_for_url("**/partners/0#unknown-answers")
    assert page.locator("#unknown-answers").is_visible()
    page.click("#unknown-answers button[value='drop-ask:parties.0.colour']")
    page.wait_for_selector("text=Remove the answer ‘colour’?")
    page.click("#confirm-remove")
    page.wait_for_url("**/partners/0")
    assert page.locator("#unknown-answers").count() == 0
    page.goto(page.url.rsplit("/partners", 1)[0] + "/check")
    assert page.locator(".govuk-error-summary a", has_text="colour").count() == 0
    context.close()


def test_an_unknown_partner_answer_is_removed_without_javascript(folder):
    web = Browser(folder)
    page = web.go("/open/shared-head-of-hr.yaml")
    assert page.path.endswith("/check")
    links = [href for text, href in page.errors() if "colour" in text]
    assert len(links) == 1
    assert links[0].endswith("/partners/0#unknown-answers")
    page = web.go(links[0], page)
    assert page.path.endswith("/partners/0")
    shown = page.by_id("unknown-answers")  # not hidden, nor inside anything hidden
    assert not [e for e in (shown, *shown.iterancestors()) if e.get("hidden") is not None]
    assert page.find("//*[@id='unknown-answers']//button[@value='drop-ask:parties.0.colour']")
    page = web.press(page, "drop-ask:parties.0.colour")
    assert "Remove the answer ‘colour’?" in page.text()
    page = web.press(page, "#confirm-remove")
    assert page.path.endswith("/partners/0"), page.url
    assert not page.find("//*[@id='unknown-answers']")
    page = web.go(page.url.rsplit("/partners", 1)[0] + "/check")
    assert not [text for text, _ in page.errors() if "colour" in text]
