"""The walkthrough's journey in Chromium, and over HTTP as a browser without JavaScript
sends it: a partner's short code changed after its share of the time was given
(``northshire`` → ``nicb``); the time split keeps its share under the new code and check
your answers names it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, begin_page
from .helpers import Browser

COUNTY = "Northshire County Council"


@pytest.fixture
def folder(folder: Path) -> Path:
    shutil.copytree(ROOT / "inputs" / "organisations", folder / "organisations")
    return folder


def test_a_short_code_changed_in_the_browser_keeps_the_share(browser, server):
    page = begin_page(browser, server)
    page.fill("#reference", "REN-B-01")
    page.check("input[name=partners][value=eastwick]")
    page.check("#partners-other")
    page.fill("#other_name", COUNTY)
    page.check("#other_kind")  # local authority
    page.check("input[name=employer][value=eastwick]")
    page.check("#postholder_known-2")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners/1")
    base = page.url.rsplit("/partners", 1)[0]
    for field, value in (("short_name", "Northshire"), ("address", "County Hall"),
                         ("signatory.name", "Alex Moore"),
                         ("signatory.title", "Chief Executive"),
                         ("notices.title", "Monitoring Officer"),
                         ("notices.email", "legal@northshire.example.gov.uk")):
        page.fill(f"[name='parties.1.{field}']", value)
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners")
    page.goto(f"{base}/time-split")
    page.fill("[name='time_split.shares.eastwick']", "60")
    page.fill("[name='time_split.shares.northshire']", "40")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.goto(f"{base}/partners/1")
    page.click("#change-short-code summary")  # the short code waits behind a details
    page.fill("[name='parties.1.id']", "nicb")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners")
    page.goto(f"{base}/time-split")
    assert page.input_value("[name='time_split.shares.nicb']") == "40"
    assert page.query_selector("[name='time_split.shares.northshire']") is None
    page.goto(f"{base}/check")
    text = page.inner_text("main")
    assert f"{COUNTY}: 40%" in text
    assert "Select one of the partners" not in text and "add up to" not in text
    page.context.close()


def test_a_short_code_changed_without_javascript_keeps_the_share(folder):
    web = Browser(folder)
    page = web.press(web.go("/"), "#new-post")
    page = web.press(page, reference="REN-B-01", partners=["eastwick", "-other-"],
                     other_name=COUNTY, other_kind="local_authority", employer="eastwick",
                     postholder_known="no")
    assert page.path.endswith("/partners/1"), page.url
    base = page.url.rsplit("/partners", 1)[0]
    page = web.press(page, fields={f"parties.1.{field}": value for field, value in (
        ("short_name", "Northshire"), ("address", "County Hall"),
        ("signatory.name", "Alex Moore"), ("signatory.title", "Chief Executive"),
        ("notices.title", "Monitoring Officer"),
        ("notices.email", "legal@northshire.example.gov.uk"))})
    assert page.path.endswith("/partners"), page.url
    web.press(web.go(f"{base}/time-split"), fields={
        "time_split.shares.eastwick": "60", "time_split.shares.northshire": "40"})
    page = web.press(web.go(f"{base}/partners/1"), fields={"parties.1.id": "nicb"})
    assert page.path.endswith("/partners"), page.url
    page = web.go(f"{base}/time-split")
    assert page.value("time_split.shares.nicb") == "40"
    assert not page.find("//*[@name='time_split.shares.northshire']")
    text = web.go(f"{base}/check").text()
    assert f"{COUNTY}: 40%" in text
    assert "Select one of the partners" not in text and "add up to" not in text
