"""Check your answers' words for an out-of-date clause overlay (OVERLAY) that the clause's
condition leaves out of the post, counted as used while docgen checks with stand-ins: with
an answer not known yet, "until every answer is given"; with an answer docgen refuses (every
answer given, one wrong), words that say the wrong answer must be put right too, never that
it waits only for an answer to be given."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from tests.publish.overlay_posts import profiled_post, welsh_overlay  # noqa: E402

from .helpers import Browser, own_wording_said  # noqa: E402

GRADE = "grade: Chief Officer Grade 3\n"
#: a steering group without a member for Westmere: an answer docgen refuses once the
#: whole file has its shape (its rule's error), the other warnings found beside it
WESTMERE = "      - {party: westmere, role: Director of Resources}\n"
#: the warning, up to the words that say how long it is counted as used
WARNING = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause in the "
           "inter-organisation agreement was written for an earlier version of docgen's "
           "standard clause. Ask whoever looks after Eastwick's organisation profile to review "
           "it; until then the inter-organisation agreement cannot be final. ")
NOT_GIVEN = ("Until every answer is given, docgen counts this warning as if the post's "
             "documents have that clause")
WRONG = ("Until every answer is given and every error is put right, docgen counts this "
         "warning as if the post's documents have that clause")


def _said(folder: Path, *changes: tuple[str, str]) -> str:
    """Check your answers' words for the overlay of the Head of HR example whose employer
    Eastwick's profile holds an out-of-date overlay of the Welsh language clause (left out
    of this post, in England and Wales), with ``changes`` made to its answers."""
    text = profiled_post(folder, overlay=welsh_overlay).read_text("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return own_wording_said(Browser.on(folder, "post.yaml", text))


def test_with_every_answer_given_but_one_wrong_it_says_to_put_it_right(
        tmp_path: Path) -> None:
    said = _said(tmp_path, (WESTMERE, ""))
    assert said == WARNING + WRONG, said


def test_with_one_wrong_and_one_not_known_it_says_both(tmp_path: Path) -> None:
    said = _said(tmp_path, (WESTMERE, ""), (GRADE, "grade: tbc\n"))
    assert said == WARNING + WRONG, said


def test_with_an_answer_not_known_alone_it_says_until_given(tmp_path: Path) -> None:
    assert _said(tmp_path, (GRADE, "grade: tbc\n")) == WARNING + NOT_GIVEN
