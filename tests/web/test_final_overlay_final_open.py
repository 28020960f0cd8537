"""A post opened as final whose only error is docgen's count of the warnings still open (a
warning not accepted), with an out-of-date clause overlay (OVERLAY) that the clause's
condition (``when``) leaves out of the post: docgen's rules ran on the real answers, no
stand-in was used, so "Final" does not count the overlay; check your answers says the same
(nothing needs doing for this post), never that it is counted as used until every answer is
given or every error put right. Both name the one warning to accept. The same with the
post being recruited to (the appointee's name and address a final post's gap to fill, beside
the count: docgen's rules ran too)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from tests.publish.overlay_posts import profiled_post, welsh_overlay  # noqa: E402

from .helpers import Browser, own_wording_said  # noqa: E402

#: the HR example's one accepted warning (the VAT treatment), taken out: it is then open
ACCEPTED = "\nacknowledge:\n  - rule: GP014\n"
#: the warning as check your answers says it for a post none of whose documents takes it
SAID = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause was written for an "
        "earlier version of docgen's standard clause. That clause is in none of this post's "
        "documents, so nothing needs doing for this post")
#: the count said on check your answers and by "Final" refused: the open warning alone
ONE_OPEN = "1 warning is not accepted or put right"
#: the post-holder, the HR example's last section before the time split: left out, the
#: post is being recruited to (the contract's gap: an answer a final post must give)
POSTHOLDER = "\npostholder:\n"


def _opened(folder: Path, recruiting: bool = False) -> Browser:
    """The Head of HR example, ``status: final``, its VAT warning not accepted, whose
    employer Eastwick's profile holds an out-of-date overlay of the agreement's Welsh
    language clause (``when: a.jurisdiction == 'wales'``: false for this post, in England
    and Wales), opened; without its post-holder when ``recruiting``."""
    text = profiled_post(folder, status="final", overlay=welsh_overlay).read_text("utf-8")
    assert "\nstatus: final\n" in text and ACCEPTED in text
    head, tail = text.split(ACCEPTED, 1)
    assert "\n" not in tail.strip().replace("\n    ", " "), tail  # GP014's alone, last
    if recruiting:
        before, after = head.split(POSTHOLDER, 1)
        head = before + "\n" + after.split("\n\n", 1)[1]
    return Browser.on(folder, "post.yaml", head + "\n")


def test_check_your_answers_says_nothing_needs_doing_for_the_overlay(
        tmp_path: Path) -> None:
    web = _opened(tmp_path)
    check = web.go(f"{web.base}/check")
    said = check.text("//div[contains(@class, 'govuk-error-summary')]")
    assert ONE_OPEN in said, said  # the post's only error: the open warning's count
    assert own_wording_said(web) == SAID


def test_final_refused_names_the_open_warning_alone(tmp_path: Path) -> None:
    web = _opened(tmp_path)
    web.press(web.go(f"{web.base}/about"), status="draft")
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422, refused.text()
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert f"It cannot be final yet: {ONE_OPEN}." in said, said
    todo = [text for text, _ in refused.links("//div[@id='before-final']//a")]
    assert len(todo) == 1 and "own wording" not in todo[0], todo
    assert own_wording_said(web) == SAID  # a draft again: said the same


def test_a_recruit_with_a_gap_to_fill_is_said_the_same(tmp_path: Path) -> None:
    web = _opened(tmp_path, recruiting=True)
    check = web.go(f"{web.base}/check")
    said = check.text("//div[contains(@class, 'govuk-error-summary')]")
    # the appointee, and the VAT warning and the post to return to, in the order "Final"
    # refused says them
    assert "1 answer is still to be given (shown as a highlighted gap in the documents) and " \
        "2 warnings are not accepted or put right" in said, said
    assert own_wording_said(web) == SAID
    web.press(web.go(f"{web.base}/about"), status="draft")
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422, refused.text()
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert "It cannot be final yet: 1 answer is still to be given and 2 warnings are not " \
        "accepted or put right." in said, said
    todo = [text for text, _ in refused.links("//div[@id='before-final']//a")]
    assert len(todo) == 3 and not [t for t in todo if "own wording" in t], todo
