"""HR review B3: each Change link on Check your answers opened the top of its section's page
(``…/job?then=check``; the Job page is some 3,000 px tall), not the question. Each now
names its question's first box or choice (``…/payment?then=check#f-payment-salary``, the
ids the error summary links to), which is on the page it opens; ``then=check`` still
brings Continue back to Check your answers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .helpers import Browser, Shown, inputs_workspace


def _changes(page: Shown) -> list[tuple[str, str]]:
    """(label, href) of each Change link on ``page``."""
    return [(text.removeprefix("Change "), href) for text, href in page.links(
        "//dd[contains(@class, 'govuk-summary-list__actions')]//a") if text.startswith(
        "Change")]


def _lands(web: Browser, page: Shown, then: str, least: int = 10) -> None:
    """Every Change link on ``page`` names, after ``?then=``, an element of the page it
    opens; the links of one page are fetched once each."""
    changes = _changes(page)
    assert len(changes) >= least, changes
    opened: dict[str, Shown] = {}
    for label, href in changes:
        address = urlsplit(href)
        assert address.query == f"then={then}", href
        assert address.fragment and address.fragment != "main-content", (label, href)
        if address.path not in opened:
            opened[address.path] = web.go(href, page)
        target = opened[address.path]
        assert target.status == 200, href
        target.by_id(address.fragment)  # exactly one element with that id


def test_each_change_link_lands_on_its_question(folder: Path) -> None:
    web = Browser(folder)
    web.open("shared-head-of-hr.yaml")
    check = web.go(f"{web.base}/check")
    hrefs = dict(_changes(check))
    base = web.base.split("testserver", 1)[1]
    assert hrefs["salary"] == f"{base}/payment?then=check#f-payment-salary", hrefs
    assert hrefs["which law applies?"] == f"{base}/about?then=check#f-jurisdiction", hrefs
    assert hrefs["partners"] == f"{base}/partners?then=check#partners-list", hrefs
    _lands(web, check, "check")
    _lands(web, web.go(f"{web.base}/check/job"), "section", least=4)


def test_a_new_post_recruiting_lands_on_its_questions(tmp_path: Path) -> None:
    """A new post (rows "Not answered yet", the post-holder not known yet)."""
    web = Browser(inputs_workspace(tmp_path))
    tasks = web.start("B3-NEW-01")
    post = tasks.url.rsplit("/", 1)[0]
    check = web.go(f"{post}/check")
    hrefs = dict(_changes(check))
    assert hrefs["do you know who will hold the post?"].endswith(
        "/postholder?then=check#postholder_known"), hrefs
    _lands(web, check, "check")


@pytest.mark.parametrize("then", ["check", "section"])
def test_continue_after_a_change_still_goes_back(folder: Path, then: str) -> None:
    web = Browser(folder)
    web.open("shared-head-of-hr.yaml")
    where = f"{web.base}/check" if then == "check" else f"{web.base}/check/payment"
    check = web.go(where)
    href = dict(_changes(check))["salary"]
    assert href.endswith(f"/payment?then={then}#f-payment-salary"), href
    payment = web.go(href, check)
    shown = web.press(payment, "continue", payment__salary="93000")
    assert shown.path == urlsplit(where).path, shown.url
