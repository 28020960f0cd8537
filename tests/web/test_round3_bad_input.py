"""Round 3, journey 6: deliberately bad input on the kinds of field, in Chromium and over
HTTP as a browser without JavaScript sends it. A number out of range ("100" hours a week,
"-5") was answered "Enter the hours a week as a number, for example 37": the officer had
typed a number, and the page never said what was wrong, since docgen's range wording
("must be more than 0 and at most 80") had changed under the browser's. Each message now
says the range."""

from __future__ import annotations

from .helpers import Browser, Shown

LONG = "A" * 20_000
SCRIPT = "<script>alert('x')</script><b>bold</b>"


def _errors(page):  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => [e.textContent"
                                     ".trim(), e.getAttribute('href')])")


def _continue(page) -> None:  # type: ignore[no-untyped-def]
    page.click("form#step-form button[value=continue] >> nth=-1")


def test_bad_numbers_dates_and_text_each_get_a_message_that_says_what_to_do(browser, server):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/open/shared-head-of-hr.yaml")
    base = page.url.rsplit("/", 1)[0]
    page.goto(f"{base}/post")
    page.fill("#f-post-title", SCRIPT)
    page.fill("#f-post-purpose", LONG)
    page.fill("#f-post-start_date-day", "31")
    page.fill("#f-post-start_date-month", "2")
    page.fill("#f-post-start_date-year", "2027")
    page.fill("#f-post-hours_per_week", "100")
    page.fill("#f-post-days_per_week", "lots")
    _continue(page)
    errors = _errors(page)
    _the_post_page_s_errors(errors)
    for _, href in errors:  # each message links to a field on the page
        assert page.query_selector(href) is not None, href
    # what was typed is kept, shown as text, never run
    assert page.input_value("#f-post-hours_per_week") == "100"
    assert page.input_value("#f-post-title") == SCRIPT
    assert page.input_value("#f-post-purpose") == LONG
    assert not dialogs
    page.fill("#f-post-hours_per_week", "-5")
    _continue(page)
    assert ["The hours a week must be more than 0 and at most 80",
            "#f-post-hours_per_week"] in _errors(page)
    page.goto(f"{base}/payment")
    page.fill("#f-payment-salary", "0")
    page.fill("#f-payment-premium_percent", "150")
    _continue(page)
    errors = _errors(page)
    assert ["The salary must be more than 0 and at most 100,000,000",
            "#f-payment-salary"] in errors
    assert any(href == "#f-payment-premium_percent" and text.endswith("must be from 0 to 100")
               for text, href in errors), errors
    context.close()


def test_shares_that_do_not_add_up_are_said_while_another_page_has_a_mistake(browser, server):
    """A date that could not be read on The post stopped docgen before it checked the
    shares, so 60 and 50 passed the time split page and "Shares add up to 110%" came only
    once the date was put right, on another page."""
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/open/shared-head-of-hr.yaml")
    base = page.url.rsplit("/", 1)[0]
    page.goto(f"{base}/post")
    page.fill("#f-post-end_date-day", "next week")
    _continue(page)
    assert ["Enter the end date as day, month and year, for example 31 3 2029",
            "#f-post-end_date-day"] in _errors(page)
    page.goto(f"{base}/time-split")
    page.fill("[name='time_split.shares.eastwick']", "60")
    page.fill("[name='time_split.shares.westmere']", "50")
    _continue(page)
    assert ["Shares add up to 110%; they must add up to 100%",
            "#f-time_split-shares-eastwick"] in _errors(page)
    assert page.url.endswith("/time-split")
    context.close()


def _press(web: Browser, page: Shown, by_id: dict[str, str]) -> Shown:
    """Continue on ``page`` after typing ``by_id`` (a box's id: what is typed in it)."""
    return web.press(page, fields=page.typed(by_id))


def test_bad_input_gets_a_message_that_says_what_to_do_without_javascript(folder):
    """The first journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    base = web.go("/open/shared-head-of-hr.yaml").url.rsplit("/", 1)[0]
    page = _press(web, web.go(f"{base}/post"), {
        "f-post-title": SCRIPT, "f-post-purpose": LONG, "f-post-start_date-day": "31",
        "f-post-start_date-month": "2", "f-post-start_date-year": "2027",
        "f-post-hours_per_week": "100", "f-post-days_per_week": "lots"})
    errors = page.errors()
    _the_post_page_s_errors(errors)
    for _, href in errors:  # each message links to a field on the page
        assert page.by_id(href[1:]) is not None, href
    # what was typed is kept, shown as text: no element made of it
    assert page.value("post.hours_per_week") == "100"
    assert page.value("post.title") == SCRIPT
    assert page.value("post.purpose") == LONG
    assert not [e for e in page.find("//script") if "alert" in (e.text or "")]
    assert not page.find("//b[contains(., 'bold')]")
    page = _press(web, page, {"f-post-hours_per_week": "-5"})
    assert ["The hours a week must be more than 0 and at most 80",
            "#f-post-hours_per_week"] in page.errors()
    page = _press(web, web.go(f"{base}/payment"), {
        "f-payment-salary": "0", "f-payment-premium_percent": "150"})
    errors = page.errors()
    assert ["The salary must be more than 0 and at most 100,000,000",
            "#f-payment-salary"] in errors
    assert any(href == "#f-payment-premium_percent" and text.endswith("must be from 0 to 100")
               for text, href in errors), errors


def test_shares_that_do_not_add_up_are_said_without_javascript(folder):
    """The second journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    base = web.go("/open/shared-head-of-hr.yaml").url.rsplit("/", 1)[0]
    page = _press(web, web.go(f"{base}/post"), {"f-post-end_date-day": "next week"})
    assert ["Enter the end date as day, month and year, for example 31 3 2029",
            "#f-post-end_date-day"] in page.errors()
    page = web.press(web.go(f"{base}/time-split"), fields={
        "time_split.shares.eastwick": "60", "time_split.shares.westmere": "50"})
    assert ["Shares add up to 110%; they must add up to 100%",
            "#f-time_split-shares-eastwick"] in page.errors()
    assert page.path.endswith("/time-split"), page.url


def _the_post_page_s_errors(errors: list[list[str]]) -> None:
    """What the post page's summary says of the bad numbers and date typed, with or
    without JavaScript."""
    assert ["The hours a week must be more than 0 and at most 80",
            "#f-post-hours_per_week"] in errors
    assert ["The start date must be a real date", "#f-post-start_date-day"] in errors
    assert any(href == "#f-post-days_per_week" and "as a number" in text
               for text, href in errors)
