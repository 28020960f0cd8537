""""Final" and an out-of-date clause overlay (OVERLAY) whose clause's condition (``when``)
leaves it out of this post: the interview asks docgen's check, which no longer counts it, so
the post is made final; check your answers still shows the warning, told that nothing needs
doing for this post (not that the agreement cannot be final). The same overlay with a
condition true for the post still refuses "Final"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from tests.publish.overlay_posts import profiled_post, welsh_overlay  # noqa: E402

from .helpers import Browser, Shown, own_wording_said  # noqa: E402

#: the warning as check your answers says it for a post none of whose documents takes it
SAID = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause was written for an "
        "earlier version of docgen's standard clause. That clause is in none of this post's "
        "documents, so nothing needs doing for this post")


def _final(folder: Path, when: str | None = None) -> tuple[Browser, Shown]:
    """The Head of HR example (in England and Wales, its parties by id) whose employer
    Eastwick's profile names a clause folder holding an out-of-date overlay of the
    agreement's Welsh language clause (condition ``when``, else the standard one: false
    for this post), "Final" pressed."""
    post = profiled_post(folder, overlay=lambda clauses: welsh_overlay(clauses, when))
    web = Browser.on(folder, "post.yaml", post.read_text("utf-8"))
    return web, web.press(web.go(f"{web.base}/about"), status="final")


def test_a_post_none_of_whose_documents_takes_the_clause_is_made_final(
        tmp_path: Path) -> None:
    web, saved = _final(tmp_path)
    assert saved.status == 200 and saved.url.endswith("/check"), saved.text()
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["status"] == "final"
    assert own_wording_said(web) == SAID  # still said, for whoever keeps the wording


def test_a_condition_true_for_the_post_still_refuses_final(tmp_path: Path) -> None:
    web, refused = _final(tmp_path, "a.jurisdiction != 'wales'")
    assert refused.status == 422, refused.text()
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert "It cannot be final yet: 1 warning is not put right." in said, said
    assert own_wording_said(web).endswith(
        "until then the inter-organisation agreement cannot be final")
