""""Final" and check your answers agree about an out-of-date clause overlay (OVERLAY) whose
clause's condition (``when``) leaves it out of the post while an answer is not known yet:
"Final", counted with stand-ins (or the answers as a draft), counts it as used, so check
your answers says it as used too (review it; until then the document cannot be final, and
that it is counted so until every answer is given), never that nothing needs doing. Once
the answer is given, both say nothing needs doing: "Final" is kept, and the warning is said
as not used."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web import guards  # noqa: E402
from tests.publish.overlay_posts import profiled_post, welsh_overlay  # noqa: E402

from .helpers import Browser, Shown, own_wording_said  # noqa: E402

GRADE = "grade: Chief Officer Grade 3\n"
#: the refusal's item for the overlay, linked to the warning on check your answers
TODO = ("Ask whoever looks after Eastwick's organisation profile to review Eastwick's own "
        "wording of the \u2018Welsh language\u2019 clause (this warning cannot be accepted)")
#: check your answers' warning while the grade is not known yet
SAID = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause in the "
        "inter-organisation agreement was written for an earlier version of docgen's "
        "standard clause. Ask whoever looks after Eastwick's organisation profile to review "
        "it; until then the inter-organisation agreement cannot be final. Until every "
        "answer is given, docgen counts this warning as if the post's documents have that "
        "clause")
NOTHING = "so nothing needs doing for this post"


def _final(folder: Path, grade: str) -> tuple[Browser, Shown]:
    """The Head of HR example whose employer Eastwick's profile holds an out-of-date overlay
    of the Welsh language clause (``when: a.jurisdiction == 'wales'``: false for this post,
    in England and Wales), with ``grade``, "Final" pressed."""
    post = profiled_post(folder, overlay=welsh_overlay)
    text = post.read_text("utf-8")
    assert GRADE in text
    web = Browser.on(folder, "post.yaml", text.replace(GRADE, f"grade: {grade}\n", 1))
    return web, web.press(web.go(f"{web.base}/about"), status="final")


def _refused_for_the_overlay(web: Browser, refused: Shown) -> None:
    """"Final" refused, its item for the overlay linked to the warning on check your
    answers, which says the same: review it, never that nothing needs doing."""
    assert refused.status == 422, refused.text()
    todo = dict(refused.links("//div[@id='before-final']//a"))
    assert todo.get(TODO, "").endswith("/check#warnings"), todo
    said = own_wording_said(web)
    assert said == SAID and NOTHING not in said


def test_while_the_grade_is_not_known_final_and_check_your_answers_agree(
        tmp_path: Path) -> None:
    web, refused = _final(tmp_path, "tbc")
    _refused_for_the_overlay(web, refused)


def test_counted_from_the_answers_as_a_draft_they_agree_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the stand-ins still stopping docgen before its rules: "Final" counts the warnings
    # of the answers as a draft, whose facts hold the not-known placeholder
    monkeypatch.setattr(guards, "_stood_in", lambda *_: None)
    web, refused = _final(tmp_path, "tbc")
    _refused_for_the_overlay(web, refused)


def test_with_the_grade_given_both_say_nothing_needs_doing(tmp_path: Path) -> None:
    web, saved = _final(tmp_path, "Chief Officer Grade 3")
    assert saved.status == 200 and saved.url.endswith("/check"), saved.text()
    assert own_wording_said(web).endswith(NOTHING)


#: a section left out of the answers (docgen stops at the file's shape, before it finds the
#: grade not known yet), or the law not given (the scaffold stands in England and Wales)
LEFT_OUT = {"review": ("review:\n", "exit:\n"), "jurisdiction": ("jurisdiction:", "\n")}


@pytest.mark.parametrize("left_out", sorted(LEFT_OUT))
def test_with_an_answer_left_out_check_your_answers_says_it_as_used(
        tmp_path: Path, left_out: str) -> None:
    # the live check with stand-ins: every clause condition is evaluated over them, so the
    # overlay left out is said as "Final" counts it, never "nothing needs doing"
    start, end = LEFT_OUT[left_out]
    post = profiled_post(tmp_path, overlay=welsh_overlay)
    text = post.read_text("utf-8").replace(GRADE, "grade: tbc\n", 1)
    head, rest = text.split("\n" + start, 1)
    text = head + "\n" + (end + rest.split("\n" + end, 1)[1] if end != "\n"
                          else rest.split("\n", 1)[1])
    assert f"\n{left_out}:" not in text
    web = Browser.on(tmp_path, "post.yaml", text)
    said = own_wording_said(web)
    assert said == SAID and NOTHING not in said
