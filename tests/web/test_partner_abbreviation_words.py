"""A partner's id (what links its answers inside the post's file, such as ``ewk``) was
called its "short code" on the pages: a word an HR officer does not use, beside the "Short
name" the documents print. It is now its abbreviation, the same in the label, its hint, the
summary it waits behind, and each message about it (a malformed one, one another partner
has, one no partner has: test_message_codes, test_partner_code_renamed, test_partner_clash,
test_check_rows_whole); the words are problem_words.yaml's and question_words.yaml's."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Shown  # noqa: E402
from .test_hr_review_a_words import _four  # noqa: E402

LABEL = "Abbreviation for this partner"
MALFORMED = "Enter an abbreviation in lower-case letters, for example ewk"


def _no_code(page: Shown) -> None:
    said = page.text("//body").lower()
    assert "short code" not in said and "the code that" not in said, said


def test_the_partner_page_asks_for_its_abbreviation(tmp_path: Path) -> None:
    web = _four(tmp_path)
    page = web.go(f"{web.base}/partners/2")
    box = page.by_id("f-parties-2-id")
    assert page.label(box) == LABEL
    hint = page.text("//div[@id='f-parties-2-id-hint']")
    assert "for example ewk for Eastwick" in hint and "abbreviation" in hint, hint
    assert hint.startswith("Not the short name, and never shown in the documents."), hint
    assert page.text("//details[@id='change-short-code']/summary") == \
        "Change the abbreviation that links this partner's answers (rarely needed)"
    _no_code(page)



def test_a_malformed_abbreviation_is_asked_for_again(tmp_path: Path) -> None:
    """In a folder of organisation profiles docgen refuses such an id before it reads the
    partner, in the command line's words ("A party given by its id alone needs a short
    lower-case id such as eastwick; or write the party out in full (id, name, short_name,
    ...)", with a partner's name put for "eastwick"): the page said that. It now asks for
    the abbreviation at its box, as without profiles, and check your answers says the same."""
    web = _four(tmp_path)
    sent = web.press(web.go(f"{web.base}/partners/2"), **{"parties.2.id": "North Town"})
    assert sent.status == 422 and sent.path.endswith("/partners/2"), sent.url
    assert sent.errors() == [[MALFORMED, "#f-parties-2-id"]]
    assert sent.text("//p[@id='f-parties-2-id-error']") == f"Error: {MALFORMED}"
    assert sent.by_id("change-short-code").get("open") is not None  # opened at the error
    _no_code(sent)
    check = web.go(f"{web.base}/check")
    said = [text for text, _ in check.errors()]
    assert f"Partners: {MALFORMED}" in said, said
    for words in ("id alone", "signatory, notices", "Mayor and Burgesses"):
        assert words not in check.text("//div[@class='govuk-error-summary']"), words
