"""A partner typed in with its short name left blank is asked for its short name, once:
the page said first "Enter an abbreviation for …", about the box behind "Change the
abbreviation … (rarely needed)", which is made from the short name and which the officer
had never been asked to fill in."""

from __future__ import annotations

from pathlib import Path

from .helpers import Browser, Shown


def _new_partner(tmp_path: Path, **typed: str) -> Shown:
    """A new post in a folder with no organisation profiles, its first partner's page sent
    with ``typed`` (the legal name and kind of body by default)."""
    folder = tmp_path / "noprof"
    folder.mkdir()
    web = Browser(folder)
    begin = web.press(web.go("/"), "#new-post")
    page = web.press(begin, reference="ABBR-01", postholder_known="no")
    web.base = page.path.rsplit("/", 1)[0]
    page = web.go(f"{web.base}/partners/0")
    return web.press(page, fields={"parties.0.name": "Northtown Borough Council",
                                   "parties.0.kind": "local_authority", **typed})


def test_a_blank_short_name_is_the_one_error(tmp_path: Path) -> None:
    shown = _new_partner(tmp_path)
    assert shown.status == 422, shown.status
    errors = shown.errors()
    assert [href for _, href in errors if "short_name" in href or "-id" in href] == [
        "#f-parties-0-short_name"], errors
    assert not any("abbreviation" in text.lower() for text, _ in errors), errors
    assert shown.by_id("change-short-code").get("open") is None  # left closed


def test_an_abbreviation_typed_wrong_is_still_refused(tmp_path: Path) -> None:
    shown = _new_partner(tmp_path, **{"parties.0.short_name": "Northtown",
                                      "parties.0.id": "North Town"})
    assert shown.status == 422, shown.status
    assert any(href == "#f-parties-0-id" for _, href in shown.errors()), shown.errors()
