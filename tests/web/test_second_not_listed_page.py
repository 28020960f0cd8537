"""A post with two organisations not listed: the start page promises each its own page
next, but Continue on the first went to the list of partners; and the second, opened from
there with only its short name given, said "Enter the partner's legal name, address ...
(there is no profile for this organisation in the folder)" though its legal name was
given. Continue on the first now opens the second's page, then the list; a partner typed
in with details still to give is told which, each at its own question."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from .conftest import add_profiles, begin_page
from .helpers import Browser, Interview

TRUST = "Northtown Hospitals NHS Foundation Trust"
COUNTY = "Northshire County Council"


@pytest.fixture
def folder(folder: Path) -> Path:
    return add_profiles(folder)


def _details(page, index: int, short: str) -> None:  # type: ignore[no-untyped-def]
    page.fill(f"[name='parties.{index}.short_name']", short)
    page.fill(f"[name='parties.{index}.address']", f"1 High Street, {short}")
    page.fill(f"[name='parties.{index}.signatory.name']", "Sam Reid")
    page.fill(f"[name='parties.{index}.signatory.title']", "Chief Executive")
    page.fill(f"[name='parties.{index}.notices.title']", "Monitoring Officer")
    page.fill(f"[name='parties.{index}.notices.email']", "legal@example.gov.uk")


def test_each_organisation_not_listed_gets_its_own_page(browser, server):
    page = begin_page(browser, server)
    page.fill("#reference", "NHS-CC-09")
    page.check("#partners-other")
    page.fill("#other_name", TRUST)
    page.check("#other_kind-2")  # NHS body
    page.fill("#other_name_2", COUNTY)
    page.check("#other_kind_2")  # local authority
    page.check("#employer-other-2")
    page.check("#postholder_known-2")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners/0")
    _details(page, 0, "Northtown")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners/1")  # the second's own page, as the start page said
    assert page.input_value("[name='parties.1.name']") == COUNTY
    assert not page.query_selector(".govuk-error-summary")
    _details(page, 1, "Northshire")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners")
    assert not page.query_selector(".govuk-error-summary"), page.inner_text("main")
    listed = page.inner_text("#partners-list")
    assert TRUST in listed and COUNTY in listed
    page.context.close()


def _typed(index: int, short: str) -> dict[str, str]:
    """What ``_details`` types, by the boxes' names."""
    return {f"parties.{index}.{name}": value for name, value in (
        ("short_name", short), ("address", f"1 High Street, {short}"),
        ("signatory.name", "Sam Reid"), ("signatory.title", "Chief Executive"),
        ("notices.title", "Monitoring Officer"), ("notices.email", "legal@example.gov.uk"))}


def test_each_organisation_not_listed_gets_its_own_page_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    page = web.press(web.go("/"), "#new-post")
    assert page.path.endswith("/begin")
    page = web.press(page, reference="NHS-CC-09", partners=["-other-"], other_name=TRUST,
                     other_kind="nhs_body", other_name_2=COUNTY,
                     other_kind_2="local_authority", employer="-other-2",
                     postholder_known="no")
    assert page.path.endswith("/partners/0"), page.url
    page = web.press(page, fields=_typed(0, "Northtown"))
    assert page.path.endswith("/partners/1"), page.url  # the second's own page
    assert page.value("parties.1.name") == COUNTY
    assert not page.errors()
    page = web.press(page, fields=_typed(1, "Northshire"))
    assert page.path.endswith("/partners"), page.url
    assert not page.find("//div[contains(@class, 'govuk-error-summary')]"), page.text()
    listed = page.text("//*[@id='partners-list']")
    assert TRUST in listed and COUNTY in listed


def test_details_still_to_give_are_asked_for_at_their_questions(tmp_path: Path) -> None:
    web = Interview(add_profiles(tmp_path), previews_in_advance=False)
    response = web.begin("NHS-CC-10", partners=("-other-",), employer="-other-2",
                         other_name=TRUST, other_kind="nhs_body",
                         other_name_2=COUNTY, other_kind_2="local_authority")
    web.base = str(response.url).rsplit("/partners", 1)[0]
    response = web.submit("partners/1", **{"parties.1.short_name": "Northshire"})
    assert response.status_code == 422
    html = lxml.html.fromstring(response.text)
    summary = [" ".join(a.text_content().split())
               for a in html.xpath("//div[contains(@class, 'govuk-error-summary')]//a")]
    assert "Enter Northshire's address" in summary, summary  # the partner named
    assert "Enter the name of the person who signs for Northshire" in summary, summary
    assert not any("legal name" in s or "profile" in s for s in summary), summary
    listed = " ".join(web.submit("partners").text.split())
    assert f"Enter the details still missing for {COUNTY}" in listed
    assert listed.count(f"Enter the details still missing for {TRUST}") == 1, listed
    assert "Add at least two partners for" not in listed  # a block not given is a detail
    assert "no profile" not in listed
