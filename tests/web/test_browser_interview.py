"""The interview in a real browser (Debian's Chromium through Playwright), as an HR officer
would use it: an example changed and saved, mistakes shown, live checks, the keyboard alone
and JavaScript off. The new post typed from a brief, saved, built and read back is
test_browser_interview_brief.py (its own file so pytest-xdist runs it beside these)."""

from __future__ import annotations

import pytest

from .conftest import screenshot
from .helpers import choose, fill


@pytest.mark.parametrize("step", ["time-split"])
def test_a_wrong_split_shows_the_error_summary_and_the_inline_error(page, shots, step):
    page.goto("/open/shared-head-of-hr.yaml")
    page.goto(page.url.replace("/check", f"/{step}"))
    fill(page, "time_split-shares-eastwick", "60")
    fill(page, "time_split-shares-westmere", "30")
    page.click("#continue")
    page.wait_for_load_state()  # its scripts run (a click waits only for the page to begin)
    summary = page.locator(".govuk-error-summary")
    assert "Shares add up to 90%; they must add up to 100%" in summary.inner_text()
    inline = page.locator("#f-time_split-shares-error")
    assert inline.is_visible() and "add up to 90%" in inline.inner_text()
    screenshot(page, shots / "wrong-split.png")
    summary.locator("a").first.click()  # the summary links to the question's first box
    # (GOV.UK Frontend's error summary focuses it; the old link, #f-time_split-shares,
    # named no element, so nothing was focused)
    assert page.evaluate("document.activeElement.id") == "f-time_split-shares-eastwick"


def test_an_example_opened_changed_and_saved_keeps_its_comments(page, server, shots):
    page.goto("/")
    page.click("text=EWK-WSM-HR-01")
    page.click("a[href$='/payment?then=check#f-payment-salary']")  # "Change" beside the
    # salary: the page opens at the salary's box (its id after #), focused (live.js)
    assert page.url.endswith("/payment?then=check#f-payment-salary"), page.url
    page.wait_for_selector("#f-payment-salary:focus", state="attached")  # focused
    fill(page, "payment-salary", "94000")
    screenshot(page, shots / "example-payment.png")
    page.click("#continue")
    page.wait_for_load_state()  # the whole page read, not the part parsed so far
    assert page.url.endswith("/check")  # straight back to check your answers
    assert "£94,000.00" in page.inner_text("main")
    page.click("#save")
    page.wait_for_load_state()
    assert "Saved as shared-head-of-hr.yaml" in page.inner_text(".govuk-notification-banner")
    text = (server.folder / "shared-head-of-hr.yaml").read_text()
    assert text.splitlines()[1].startswith("# A Head of HR shared by two London boroughs")
    assert "  salary: 94000\n" in text
    assert "    signatory: {name: Priya Shah, title: Chief Executive}\n" in text  # flow style
    assert "pay_range: [88000, 96000]" in text


def test_live_checks_and_money_update_when_a_field_is_left(page, shots):
    page.goto("/open/shared-head-of-hr.yaml")
    base = page.url.rsplit("/", 1)[0]
    page.goto(base + "/time-split")
    fill(page, "time_split-shares-westmere", "30")
    page.locator("#f-time_split-shares-westmere").blur()
    inline = page.locator("#f-time_split-shares-error")
    inline.wait_for(state="visible")
    assert "Shares add up to 90%" in inline.inner_text()  # no submit: the script checked
    fill(page, "time_split-shares-westmere", "40")
    page.locator("#f-time_split-shares-westmere").blur()
    inline.wait_for(state="hidden")
    page.goto(base + "/payment")
    assert "£133,187.28" in page.inner_text("#money")
    fill(page, "payment-salary", "100000")
    page.locator("#f-payment-salary").blur()
    page.locator("#money", has_text="£100,000.00").wait_for()
    screenshot(page, shots / "live-money.png")
    assert "pay range" in page.inner_text("#warnings")  # salary outside the pay range


def test_keyboard_only_tab_to_fields_and_enter_submits(page, shots):
    page.goto("/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    for _ in range(30):  # Tab through the start page to the New post button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "new-post":
            break
    else:
        raise AssertionError("the New post button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/begin")  # start from what is known
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "reference":
            break
    else:
        raise AssertionError("the first question cannot be reached with Tab")
    page.keyboard.type("KEY-1")
    page.keyboard.press("Tab")  # to "Do you know who will hold the post?"
    page.keyboard.press("Space")
    page.focus("#reference")
    page.keyboard.press("Enter")  # Enter in a text field submits the page (Continue)
    page.wait_for_url("**/about")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-reference":
            break
    else:
        raise AssertionError("the first question cannot be reached with Tab")
    page.keyboard.press("Tab")  # to the status radios; arrows choose
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.name") == "jurisdiction"
    page.focus("#f-reference")
    screenshot(page, shots / "keyboard-about.png")
    page.keyboard.press("Enter")  # Enter in a text field submits the step (Continue)
    page.wait_for_url("**/basis")
    assert page.locator(".govuk-error-summary").count() == 0


def test_everything_works_with_javascript_off(browser, server, shots):
    context = browser.new_context(java_script_enabled=False, base_url=server.url)
    page = context.new_page()
    try:
        page.goto("/open/shared-head-of-hr.yaml")
        base = page.url.rsplit("/", 1)[0]
        page.goto(base + "/payment")
        rate = page.locator("#f-payment-fee-rate")
        assert rate.is_visible()  # conditional questions are simply shown
        choose(page, "payment.mechanism", "time_fee")
        rate.fill("450")
        choose(page, "payment.fee.per", "day")
        fill(page, "payment-fee-weeks_per_year", "44")
        page.click('button[value="add-row:payment.on_costs"]')  # a row, by a real submit
        assert page.locator("#f-payment-on_costs-2-name").input_value() == ""
        screenshot(page, shots / "no-js-payment.png")
        page.click("#continue")
        assert page.url.endswith("/check")  # every section completed: no section to walk
        page.goto(base + "/check")
        assert "A fee for time worked" in page.inner_text("main")
        page.click("#save")
        text = (server.folder / "shared-head-of-hr.yaml").read_text()
        assert "  fee:\n    rate: 450\n    per: day\n    weeks_per_year: 44\n" in text
    finally:
        context.close()
