"""Round 3, journey 3: three partners, the time split answered, then one partner removed.
The removed partner's share, place of work and steering-group seat stayed in the post, so
the time split page said "Select one of the partners" above three share boxes with nothing
to select, and The post and Governance failed the same way on check your answers. Its
own answers now go with it, and the next page says so with a link to each page to check.
Removing is confirmed first ("Are you sure you want to remove …?"), as one click beside the
list removed a partner typed in full with no way back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
import pytest

from .conftest import EXAMPLES, WESTMERE, add_profiles
from .helpers import Browser, Interview


@pytest.fixture
def folder(folder: Path) -> Path:
    out = add_profiles(folder)
    eastwick = (out / "organisations" / "eastwick.yaml").read_text(encoding="utf-8")
    (out / "organisations" / "northam.yaml").write_text(
        eastwick.replace("Eastwick", "Northam").replace("eastwick", "northam"), encoding="utf-8")
    return out


def _continue(page) -> None:  # type: ignore[no-untyped-def]
    page.click("form#step-form button[value=continue] >> nth=-1")


def _errors(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => "
                                     "e.textContent.trim())")


def test_removing_a_partner_takes_its_answers_and_says_so(browser, server, folder):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/")
    page.click("#new-post")
    page.fill("#reference", "THREE-01")
    ids = page.eval_on_selector_all("input[name=partners]", "i => i.map(e => e.value)")
    for value in ("eastwick", "northam", "westmere"):
        assert value in ids
        page.check(f"input[name=partners][value={value}]")
    page.check("input[name=employer][value=eastwick]")
    page.check("#postholder_known-2")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/tasks")
    base = page.url.rsplit("/", 1)[0]
    page.goto(f"{base}/time-split")
    for value, share in (("eastwick", "50"), ("northam", "30"), ("westmere", "20")):
        page.fill(f"[name='time_split.shares.{value}']", share)
    _continue(page)
    assert not _errors(page)
    page.goto(f"{base}/partners")
    page.click("#remove-partner-1")  # London Borough of Northam: asked first
    assert "Are you sure you want to remove London Borough of Northam?" in page.inner_text("h1")
    page.click("#cancel-remove")
    page.wait_for_url("**/partners")
    assert "London Borough of Northam" in page.inner_text("#partners-list")  # kept
    page.click("#remove-partner-1")
    page.click("#confirm-remove")
    page.wait_for_url("**/partners")
    banner = page.inner_text(".govuk-notification-banner")
    assert "London Borough of Northam was removed" in banner
    links = page.eval_on_selector_all(".govuk-notification-banner a", "a => a.map(e => "
                                      "[e.textContent.trim(), e.getAttribute('href')])")
    assert ["Time split", f"/edit/{base.rsplit('/', 1)[1]}/time-split"] in links
    page.click(".govuk-notification-banner a:has-text('Time split')")
    assert page.query_selector("[name='time_split.shares.northam']") is None
    assert page.input_value("[name='time_split.shares.eastwick']") == "50"
    assert "Select one of the partners" not in page.inner_text("main")
    _continue(page)
    assert _errors(page) == ["Shares add up to 70%; they must add up to 100%"]
    page.fill("[name='time_split.shares.eastwick']", "80")
    _continue(page)
    assert not _errors(page)
    page.goto(f"{base}/check")
    assert not [e for e in _errors(page) if "Select one of the partners" in e]
    draft = next((folder / ".docgen-drafts").glob("*.json"))
    assert "northam" not in json.loads(draft.read_text(encoding="utf-8"))["text"]
    context.close()


def test_removing_a_partner_takes_its_answers_and_says_so_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    page = web.press(web.go("/"), "#new-post")
    ids = [e.get("value") for e in page.find("//input[@name='partners']")]
    for value in ("eastwick", "northam", "westmere"):
        assert value in ids
    page = web.press(page, reference="THREE-01", partners=["eastwick", "northam", "westmere"],
                     employer="eastwick", postholder_known="no")
    assert page.path.endswith("/tasks"), page.url
    base = page.url.rsplit("/", 1)[0]
    page = web.press(web.go(f"{base}/time-split"), fields={
        "time_split.shares.eastwick": "50", "time_split.shares.northam": "30",
        "time_split.shares.westmere": "20"})
    assert not page.errors()
    page = web.follow(web.go(f"{base}/partners"), "remove-partner-1")  # Northam: asked first
    assert "Are you sure you want to remove London Borough of Northam?" in page.text("//h1")
    page = web.follow(page, "cancel-remove")
    assert page.path.endswith("/partners"), page.url
    assert "London Borough of Northam" in page.text("//*[@id='partners-list']")  # kept
    page = web.press(web.follow(page, "remove-partner-1"), "#confirm-remove")
    assert page.path.endswith("/partners"), page.url
    banner = "//*[contains(@class, 'govuk-notification-banner')]"
    assert "London Borough of Northam was removed" in page.text(banner)
    links = page.links(f"{banner}//a")
    assert ["Time split", f"/edit/{base.rsplit('/', 1)[1]}/time-split"] in links
    page = web.go(next(href for text, href in links if text == "Time split"), page)
    assert not page.find("//*[@name='time_split.shares.northam']")
    assert page.value("time_split.shares.eastwick") == "50"
    assert "Select one of the partners" not in page.text()
    page = web.press(page)
    assert [text for text, _ in page.errors()] == [
        "Shares add up to 70%; they must add up to 100%"]
    page = web.press(page, fields={"time_split.shares.eastwick": "80"})
    assert not page.errors()
    page = web.go(f"{base}/check")
    assert not [text for text, _ in page.errors() if "Select one of the partners" in text]
    draft = next((folder / ".docgen-drafts").glob("*.json"))
    assert "northam" not in json.loads(draft.read_text(encoding="utf-8"))["text"]


def test_a_remove_not_sent_from_the_confirmation_page_asks_first(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    asked = web.client.post(f"{web.base}/partners/1/remove", data={"csrf_token": web.token})
    assert asked.url.path.endswith("/partners/1/remove")
    assert f"Are you sure you want to remove {WESTMERE}?" in asked.text
    assert WESTMERE in web.client.get(f"{web.base}/partners").text


def test_yes_remove_sent_twice_removes_only_the_partner_asked_about(tmp_path):
    """A double click on "Yes, remove", or Back and Yes again: the second send finds another
    partner in that place and removes nothing (before, it removed that partner too)."""
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(EXAMPLES / "shared-legal-services-three-councils.yaml", folder)
    web = Interview(folder)
    web.open("shared-legal-services-three-councils.yaml")
    asked = web.client.get(f"{web.base}/partners/1/remove")
    assert "Are you sure you want to remove Brookfield" in asked.text
    form = next(f for f in lxml.html.fromstring(asked.text).forms
                if f.get("action", "").endswith("/partners/1/remove"))
    sent = dict(form.form_values())
    assert sent["which"] and sent["confirm"] == "yes"
    for _ in range(2):  # the same form, sent again
        web.client.post(f"{web.base}/partners/1/remove", data=sent)
    shown = web.client.get(f"{web.base}/partners").text
    assert "Brookfield" not in shown
    assert "Ashby" in shown and "Coldharbour" in shown
