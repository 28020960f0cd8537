""""Remove this answer" on a partner's page (an answer docgen does not use, ``colour: blue``
under Eastwick) sends the partner's own form, as on a section's page: what the officer
typed on the page is saved before the confirmation, and words typed with "Not known yet"
ticked for one answer are asked about first. Before, the button sat in a small form of its
own, so everything typed on the partner's page was lost when it was pressed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402

EASTWICK = "    notices: {title: Director of Law and Governance, email: " \
    "legal@eastwick.example.gov.uk}\n"
REMOVE = "drop-ask:parties.0.colour"


def _odd(tmp_path: Path) -> Browser:
    """The worked example with an answer docgen does not use under Eastwick, opened."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert EASTWICK in text
    return Browser.on(tmp_path, "odd.yaml", text.replace(EASTWICK, EASTWICK +
                                                         "    colour: blue\n", 1))


def _eastwick(web: Browser) -> dict[str, Any]:
    """Eastwick's answers as the draft keeps them on disk (what a restart would open)."""
    found = web.on_disk()["parties"][0]
    assert isinstance(found, dict), found
    return found


def _confirmed(web: Browser, page: Shown) -> Shown:
    """The confirmation asked for ``colour``, then "Yes, remove it": the page again."""
    return web.answer_removed(page, "colour", "/partners/0")


def test_what_was_typed_on_the_partner_page_is_kept(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/partners/0")
    asked = web.press(page, REMOVE, {
        "parties.0.signatory.name": "Jo Bloggs",
        "parties.0.notices.email": "contracts@eastwick.example.gov.uk"})
    done = _confirmed(web, asked)
    assert done.value("parties.0.signatory.name") == "Jo Bloggs"
    assert done.value("parties.0.notices.email") == "contracts@eastwick.example.gov.uk"
    saved = _eastwick(web)
    assert saved["signatory"]["name"] == "Jo Bloggs"
    assert saved["notices"]["email"] == "contracts@eastwick.example.gov.uk"
    assert "colour" not in saved


def test_a_new_short_code_typed_is_kept_and_the_removal_still_confirmed(
        tmp_path: Path) -> None:
    """The confirmation names the partner by the code just saved: "Yes, remove it" is not
    refused as if the partner had gone."""
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/partners/0")
    done = _confirmed(web, web.press(page, REMOVE, {"parties.0.id": "eastwick_lbc"}))
    assert done.value("parties.0.id") == "eastwick_lbc"
    saved = _eastwick(web)
    assert saved["id"] == "eastwick_lbc" and "colour" not in saved


def test_words_typed_with_not_known_yet_ticked_are_asked_about_first(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/partners/0")
    shown = web.press_with_both(page, REMOVE, "parties.0.signatory.name", "Jo Bloggs")
    assert "Remove the answer" not in shown.text("//h1")  # not the confirmation yet
    said = [text for text, _ in shown.errors()]
    notice = shown.text("//div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]")
    assert "Your answers are saved" in notice, notice
    assert "Then press \u2018Remove this answer\u2019 again." in notice, notice
    for word in ("tbc", "parties.", "drop-ask", "yaml"):
        assert word not in notice and all(word not in text for text in said), word
    saved = _eastwick(web)
    assert saved["signatory"]["name"] == "Jo Bloggs"  # the words, never "not known yet"
    assert saved["colour"] == "blue"  # not removed: the officer has not confirmed
    done = _confirmed(web, web.press(shown, REMOVE))  # chosen: now it asks to confirm
    assert done.value("parties.0.signatory.name") == "Jo Bloggs"
