"""A post between two organisations with no saved profile (an NHS trust and a county
council) could not be started: the start page had one "organisation not listed" box, so
with one profiled council not chosen it said "Select at least two partners" (audit,
item 2). It now names up to two, each a partner with the id ``docgen new`` would give it,
either of which can employ; with JavaScript or without."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import add_profiles, begin_page
from .helpers import Interview

TRUST = "Northtown Hospitals NHS Foundation Trust"
COUNTY = "Northshire County Council"


@pytest.fixture
def folder(folder: Path) -> Path:
    return add_profiles(folder)


# Without JavaScript too, in Chromium (the other round 3 journeys run without it over HTTP,
# helpers.Browser): the names of organisations not listed are typed into a GOV.UK
# conditional reveal, which the stylesheet hides until the script marks the page
# (.govuk-frontend-supported .govuk-checkboxes__conditional--hidden); only a real browser
# shows whether the boxes can be seen and typed in with the script off.
@pytest.mark.parametrize("javascript", [True, False])
def test_two_organisations_not_listed_start_a_post(browser, server, javascript):
    page = begin_page(browser, server, javascript)
    page.fill("#reference", "NHS-CC-01")
    page.check("#partners-other")  # no profiled partner at all
    page.fill("#other_name", TRUST)
    page.check("#other_kind-2")  # NHS body
    page.check("#employer-other-2")  # the county council employs
    page.check("#postholder_known-2")
    page.click("button[value=continue] >> nth=-1")
    # only one named: two partners are asked for, and the second can employ only if named
    links = page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => [e.textContent"
                                      ".trim(), e.getAttribute('href')])")
    assert links == [["Select at least two partners", "#partners"],
                     ["Select which of the partners employs the post-holder", "#employer"]]
    page.fill("#other_name_2", COUNTY)
    page.check("#other_kind_2")  # local authority
    page.check("#employer-other-2")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/partners/0")  # the first one's own page, then the second's
    assert page.input_value("[name='parties.0.name']") == TRUST
    page.goto(page.url.replace("/partners/0", "/partners"))
    listed = page.inner_text("#partners-list")
    assert TRUST in listed and COUNTY in listed
    page.goto(page.url.replace("/partners", "/partners/1"))
    assert page.input_value("[name='parties.1.name']") == COUNTY
    assert page.is_checked("[name='parties.1.kind'][value=local_authority]")
    assert page.input_value("[name='parties.1.id']") == "northshire"  # docgen new's id
    page.goto(page.url.replace("/partners/1", "/employer"))
    checked = page.query_selector("input[name=employer]:checked")
    assert checked is not None
    assert page.inner_text(f"label[for='{checked.get_attribute('id')}']") == COUNTY
    page.context.close()


def test_the_second_one_named_without_its_kind_is_asked_for(tmp_path: Path) -> None:
    web = Interview(add_profiles(tmp_path), previews_in_advance=False)
    response = web.begin("NHS-CC-02", partners=("-other-",), employer="-other-",
                         other_name=TRUST, other_kind="nhs_body", other_name_2=COUNTY)
    assert response.status_code == 422
    text = " ".join(response.text.split())
    assert "Select what kind of body the second organisation not listed is" in text
    assert "Select at least two partners" not in text
    assert f'value="{COUNTY}"' in text  # kept
