""""Add another partner" offers the folder's organisation profiles, as "Start a new post"
does: it opened a blank partner page only, so a profiled council removed by mistake, or a
post whose partners were begun on the partners page, could only be typed in by hand. It
now asks which organisation to add (each profile not yet a partner, or "An organisation
not listed here", which opens the partner page as before). And "Start a new post" no
longer says the post was started there when its partners were only added by hand."""

from __future__ import annotations

from pathlib import Path

from .conftest import add_profiles
from .helpers import Browser, Shown

NOT_LISTED = "-other-"


def _chooser(web: Browser) -> Shown:
    listed = web.go(f"{web.base}/partners")
    return web.follow(listed, "add-partner")


def _offered(page: Shown) -> list[str]:
    return [str(e.get("value")) for e in page.find("//input[@name='organisation']")]


def _new(tmp_path: Path) -> Browser:
    """A new post in a folder with the test profiles, not started on "Start a new post"."""
    web = Browser(add_profiles(tmp_path))
    begin = web.press(web.go("/"), "#new-post")
    web.base = begin.path.rsplit("/", 1)[0]
    return web


def test_a_profiled_organisation_can_be_added_on_the_partners_page(tmp_path: Path) -> None:
    web = _new(tmp_path)
    page = _chooser(web)
    assert page.status == 200 and page.path.endswith("/partners/add"), page.url
    assert _offered(page) == ["eastwick", "westmere", NOT_LISTED], _offered(page)
    assert "London Borough of Eastwick" in page.text(), page.text()
    listed = web.press(page, organisation="eastwick")
    assert listed.path.endswith("/partners"), listed.url
    assert "London Borough of Eastwick" in listed.text("//*[@id='partners-list']")
    assert web.on_disk()["parties"] == ["eastwick"]
    again = web.follow(listed, "add-partner")
    assert _offered(again) == ["westmere", NOT_LISTED], _offered(again)  # not twice


def test_an_organisation_not_listed_opens_the_partner_page(tmp_path: Path) -> None:
    web = _new(tmp_path)
    shown = web.press(_chooser(web), organisation=NOT_LISTED)
    assert shown.status == 200 and shown.path.endswith("/partners/0"), shown.url
    assert shown.by_id("f-parties-0-name") is not None


def test_nothing_chosen_is_asked_for(tmp_path: Path) -> None:
    web = _new(tmp_path)
    shown = web.press(_chooser(web))
    assert shown.status == 422, shown.status
    assert shown.errors() == [["Select the organisation to add, or \u2018An organisation "
                               "not listed here\u2019", "#organisation"]], shown.errors()


def test_a_partner_removed_by_mistake_can_be_added_back(tmp_path: Path) -> None:
    web = Browser(add_profiles(tmp_path))
    web.base = web.start("READD-01").path.rsplit("/", 1)[0]
    web.remove_partner(1)
    page = _chooser(web)
    assert _offered(page) == ["westmere", NOT_LISTED], _offered(page)
    listed = web.press(page, organisation="westmere")
    assert web.on_disk()["parties"] == ["eastwick", "westmere"], listed.text()


def test_every_profile_a_partner_goes_straight_to_the_partner_page(tmp_path: Path) -> None:
    web = Browser(add_profiles(tmp_path))
    web.base = web.start("ALL-01").path.rsplit("/", 1)[0]
    page = _chooser(web)
    assert page.path.endswith("/partners/2"), page.url  # nothing left to choose


def test_the_start_page_does_not_claim_partners_added_by_hand(tmp_path: Path) -> None:
    web = _new(tmp_path)
    web.press(_chooser(web), organisation="eastwick")
    begin = web.go(f"{web.base}/begin")
    said = begin.text("//*[@id='already-started']")
    assert "already has partners" in said and "first sent" not in said, said
    assert "started" not in said, said
