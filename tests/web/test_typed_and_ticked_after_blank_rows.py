"""Words typed and "Not known yet" ticked in a row of a list that comes after a blank row.
Saving the page drops blank rows, so the rows after one move up; the page shown again must
ask which was meant beside the words where they now are. Before, the question was linked to
the row's old index (a box of another row, or none), so it was shown at the list's own error
slot and the officer could not see which answer it meant: after Continue, and after
"Remove", which allowed only for the row removed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, Shown  # noqa: E402

POST = "shared-head-of-hr.yaml"
TICK = "\u2018Not known yet\u2019"
ASKED = f"Enter the site, or tick {TICK}, not both"
ANNEXE = "Civic Centre annexe, Westmere"


def _three_rows(tmp_path: Path) -> tuple[Browser, Shown]:
    """The post page with its two places of work and a third row added by "Add another"."""
    web = Browser.opened(tmp_path, POST)
    page = web.press(web.go(f"{web.base}/post"), "add-row:post.locations")
    assert page.status == 200 and not page.errors(), page.errors()
    assert page.find("//input[@name='post.locations.__n']")[0].get("value") == "3"
    return web, page


def _blank_then_both() -> dict[str, str | list[str]]:
    """Row 2 left blank (its partner and site cleared), row 3 the annexe with the tick."""
    return {"post.locations.1.party": [], "post.locations.1.site": "",
            "post.locations.2.party": "westmere", "post.locations.2.site": ANNEXE,
            "post.locations.2.site-tbc": "tbc"}


def _asked_beside_the_words(shown: Shown, row: int) -> None:
    """The question is linked to the annexe's box, at the row it is shown in now, and said
    at that box (not at the list's own error slot)."""
    box = f"post.locations.{row}.site"
    said = shown.errors()
    assert [ASKED, f"#f-{box.replace('.', '-')}"] in said, said
    assert shown.value(box) == ANNEXE
    assert not shown.checked(f"{box}-tbc")
    at_box = [" ".join(p.text_content().replace("Error:", "").split()) for p in shown.find(
        f"//input[@name='{box}']/ancestor::div[contains(concat(' ', @class, ' '),"
        " ' govuk-form-group ')][1]//p[contains(@class, 'govuk-error-message')]"
        "[not(@hidden)]")]
    assert ASKED in at_box, at_box
    elsewhere = [" ".join(p.text_content().split()) for p in shown.find(
        "//p[contains(@class, 'govuk-error-message')][not(@hidden)]")
        if ASKED in p.text_content()]
    assert len(elsewhere) == 1, elsewhere  # once, beside the words


def test_remove_with_a_blank_row_before_the_words_asks_beside_them(tmp_path: Path) -> None:
    web, page = _three_rows(tmp_path)
    shown = web.press(page, "remove:post.locations:0", _blank_then_both())
    assert shown.status == 422 and shown.path.endswith("/post"), shown.url
    # row 1 removed, row 2 blank and dropped: the annexe is the first row now
    assert shown.find("//input[@name='post.locations.__n']")[0].get("value") == "1"
    _asked_beside_the_words(shown, 0)


@pytest.mark.parametrize("button", ["continue", "tasks"])  # Continue, and a button that
def test_continue_with_a_blank_row_before_the_words_asks_beside_them(  # leaves the page
        tmp_path: Path, button: str) -> None:
    web, page = _three_rows(tmp_path)
    shown = web.press(page, button, _blank_then_both())
    assert shown.status == 422 and shown.path.endswith("/post"), shown.url
    # row 2 blank and dropped: the annexe is the second row now
    assert shown.find("//input[@name='post.locations.__n']")[0].get("value") == "2"
    _asked_beside_the_words(shown, 1)
