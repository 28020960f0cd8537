"""Round 3, journey 2: a council and an NHS trust with no organisation profile, the trust
employing. "Start a new post" offered only the profiled councils and needed two of them,
so a post with any partner not in ``organisations/`` could not be started from what is
known (a dead end: "Select at least two partners" with one council to pick)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import add_profiles
from .helpers import Browser

TRUST = "Northtown Hospitals NHS Foundation Trust"


@pytest.fixture
def folder(folder: Path) -> Path:
    """The Head of HR example beside the test organisations' profiles."""
    return add_profiles(folder)


def _start(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.click("#new-post")
    page.wait_for_url("**/begin")
    page.fill("#reference", "EWK-NHS-DPH-01")
    page.check("#partners")  # London Borough of Eastwick, from its profile
    page.check("#partners-other")


def test_a_partner_with_no_profile_can_be_chosen_and_employ(browser, server):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _start(page)
    page.check("#employer-other")
    page.check("#postholder_known")
    page.click("button[value=continue] >> nth=-1")
    # the name and kind are asked beside the box, and an error links to each
    links = page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => [e.textContent"
                                      ".trim(), e.getAttribute('href')])")
    assert ["Enter the legal name of the organisation not listed", "#other_name"] in links
    assert ["Select what kind of body the organisation not listed is", "#other_kind"] in links
    assert page.is_checked("#partners") and page.is_checked("#partners-other")
    assert page.is_checked("#employer-other") and page.input_value("#reference")
    page.fill("#other_name", TRUST)
    page.check("#other_kind-2")  # NHS body
    page.click("button[value=continue] >> nth=-1")
    # straight to the trust's own page: what was typed is there, no error before Continue
    page.wait_for_url("**/partners/1")
    assert page.input_value("[name='parties.1.name']") == TRUST
    assert page.is_checked("[name='parties.1.kind'][value=nhs_body]")
    assert page.query_selector(".govuk-error-summary") is None
    page.fill("[name='parties.1.short_name']", "the Trust")
    page.fill("[name='parties.1.address']", "Northtown General Hospital, Northtown NT1 1AA")
    page.fill("[name='parties.1.signatory.name']", "Sam Jones")
    page.fill("[name='parties.1.signatory.title']", "Chief Executive")
    page.fill("[name='parties.1.notices.title']", "Company Secretary")
    page.fill("[name='parties.1.notices.email']", "cosec@northtown.example.nhs.uk")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners")
    assert TRUST in page.inner_text("#partners-list")
    page.click("button[value=continue] >> nth=-1")
    # the law first (the trust employs, and no profile states its law: for the officer),
    # not the employer, answered on the start page
    page.wait_for_url("**/about")
    page.goto(page.url.replace("/about", "/employer"))
    checked = page.query_selector("input[name=employer]:checked")
    assert checked is not None
    assert page.inner_text(f"label[for='{checked.get_attribute('id')}']") == TRUST
    # an employer typed in has no profile to state its law, so neither the law nor the
    # power is chosen for the officer (d6e8ebe): never a wrong law assumed
    page.goto(page.url.replace("/employer", "/basis"))
    assert page.query_selector("input[name=legal_basis]:checked") is None
    s113 = page.query_selector("input[name=legal_basis][value=lga_1972_s113]")
    assert s113 is not None and not s113.is_checked()  # offered, for the officer to choose
    page.goto(page.url.replace("/basis", "/about"))
    assert page.query_selector("input[name=jurisdiction]") is not None
    assert page.query_selector("input[name=jurisdiction]:checked") is None
    context.close()


def test_a_partner_with_no_profile_can_be_chosen_and_employ_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    page = web.press(web.go("/"), "#new-post")
    assert page.by_id("partners").get("value") == "eastwick"  # its profile's
    page = web.press(page, reference="EWK-NHS-DPH-01", partners=["eastwick", "-other-"],
                     employer="-other-", postholder_known="yes")
    assert ["Enter the legal name of the organisation not listed", "#other_name"] in \
        page.errors()
    assert ["Select what kind of body the organisation not listed is", "#other_kind"] in \
        page.errors()
    for _, href in page.errors():
        assert page.by_id(href[1:]) is not None
    assert page.checked("partners") == ["eastwick", "-other-"]
    assert page.checked("employer") == ["-other-"] and page.value("reference")
    page = web.press(page, other_name=TRUST, other_kind="nhs_body")
    # straight to the trust's own page: what was typed is there, no error before Continue
    assert page.path.endswith("/partners/1"), page.url
    assert page.value("parties.1.name") == TRUST
    assert page.checked("parties.1.kind") == ["nhs_body"]
    assert not page.find("//div[contains(@class, 'govuk-error-summary')]")
    page = web.press(page, fields={
        "parties.1.short_name": "the Trust",
        "parties.1.address": "Northtown General Hospital, Northtown NT1 1AA",
        "parties.1.signatory.name": "Sam Jones", "parties.1.signatory.title": "Chief Executive",
        "parties.1.notices.title": "Company Secretary",
        "parties.1.notices.email": "cosec@northtown.example.nhs.uk"})
    assert page.path.endswith("/partners"), page.url
    assert TRUST in page.text("//*[@id='partners-list']")
    page = web.press(page)
    assert page.path.endswith("/about"), page.url  # the law first; the employer: not walked
    page = web.go(page.url.replace("/about", "/employer"))
    checked = page.find("//input[@name='employer'][@checked]")
    assert len(checked) == 1
    assert page.label(checked[0]) == TRUST
    # an employer typed in states no law: neither the law nor the power is chosen for them
    page = web.go(page.url.replace("/employer", "/basis"))
    assert page.checked("legal_basis") == []
    offered = [str(e.get("value")) for e in page.find("//input[@name='legal_basis']")]
    assert "lga_1972_s113" in offered  # offered, unchecked: for the officer to choose
    page = web.go(page.url.replace("/basis", "/about"))
    assert page.find("//input[@name='jurisdiction']")
    assert page.checked("jurisdiction") == []
