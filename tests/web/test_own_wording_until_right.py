"""Check your answers' words for an out-of-date clause overlay (OVERLAY) that the clause's
condition leaves out of the post. Where docgen's check of the real answers ran its rules
(every answer given, one refused by a rule: a steering group without a member for a
partner), the overlay is said as that check says it: nothing needs doing for this post, or,
with a draft's answer not known yet, "until every answer is given". Where the check stopped
at the answers' shape (a section left out), the live check uses stand-ins and counts the
overlay as used: "until every answer is given", or, with an answer refused among the errors
shown, "until every question is answered without errors" (the words "Final" refused uses),
never that it waits only for an answer to be given."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.errors import MISSING, TOO_FEW, Problem  # noqa: E402
from docgen.web.before_final import (  # noqa: E402
    FINAL_COUNTED,
    FINAL_UNSURE,
    UNTIL_KNOWN,
    UNTIL_RIGHT,
    until,
)
from tests.publish.overlay_posts import profiled_post, welsh_overlay  # noqa: E402

from .helpers import Browser, own_wording_said  # noqa: E402

GRADE = "grade: Chief Officer Grade 3\n"
#: a steering group without a member for Westmere: an answer docgen refuses once the
#: whole file has its shape (its rule's error), the other warnings found beside it
WESTMERE = "      - {party: westmere, role: Director of Resources}\n"
#: the review section, left out: docgen's check stops at the file's shape
REVIEW = "\nreview:\n"
#: the warning, up to the words that say how long it is counted as used
WARNING = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause in the "
           "inter-organisation agreement was written for an earlier version of docgen's "
           "standard clause. Ask whoever looks after Eastwick's organisation profile to review "
           "it; until then the inter-organisation agreement cannot be final. ")
NOT_GIVEN = ("Until every answer is given, docgen counts this warning as if the post's "
             "documents have that clause")
WRONG = ("Until every question is answered without errors, docgen counts this warning as "
         "if the post's documents have that clause")
#: the warning of a post none of whose documents takes the clause, by docgen's rules
NOTHING = ("Eastwick's own wording of the \u2018Welsh language\u2019 clause was written for an "
           "earlier version of docgen's standard clause. That clause is in none of this post's "
           "documents, so nothing needs doing for this post")
#: the error check your answers shows for the steering group
NO_MEMBER = "Westmere has no member on the steering group"


def _opened(folder: Path, *changes: tuple[str, str], review: bool = True,
            status: str = "draft") -> Browser:
    """The Head of HR example whose employer Eastwick's profile holds an out-of-date overlay
    of the Welsh language clause (left out of this post, in England and Wales), with
    ``status`` and ``changes`` made to its answers, without its review section unless
    ``review``, opened."""
    text = profiled_post(folder, status=status, overlay=welsh_overlay).read_text("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    if not review:
        head, rest = text.split(REVIEW, 1)
        text = head + "\n" + rest.split("\n\n", 1)[1]
        assert REVIEW not in text
    return Browser.on(folder, "post.yaml", text)


def _summary(web: Browser) -> str:
    return web.go(f"{web.base}/check").text("//div[contains(@class, 'govuk-error-summary')]")


def test_with_every_answer_given_but_one_wrong_nothing_needs_doing(tmp_path: Path) -> None:
    # docgen's rules ran on the real answers and left the overlay out: no stand-in
    web = _opened(tmp_path, (WESTMERE, ""))
    assert NO_MEMBER in _summary(web)
    assert own_wording_said(web) == NOTHING


def test_with_one_wrong_and_one_not_known_it_says_until_given(tmp_path: Path) -> None:
    # the rules ran on the draft's placeholder: counted until the grade is given, as when
    # the answers check without errors
    said = own_wording_said(_opened(tmp_path, (WESTMERE, ""), (GRADE, "grade: tbc\n")))
    assert said == WARNING + NOT_GIVEN, said


def test_with_an_answer_not_known_alone_it_says_until_given(tmp_path: Path) -> None:
    said = own_wording_said(_opened(tmp_path, (GRADE, "grade: tbc\n")))
    assert said == WARNING + NOT_GIVEN, said


def test_with_a_section_left_out_and_one_wrong_it_says_without_errors(
        tmp_path: Path) -> None:
    # the check stops at the shape (the review left out), the stand-ins' check finds the
    # steering group's error, which the officer is shown: counted until it is put right too
    web = _opened(tmp_path, (WESTMERE, ""), review=False)
    assert NO_MEMBER in _summary(web)
    said = own_wording_said(web)
    assert said == WARNING + WRONG, said


def test_a_final_post_with_a_section_left_out_says_until_given(tmp_path: Path) -> None:
    # the stand-ins' count of the warnings open (said without its figure) is no answer
    # docgen refuses: the review alone is to give
    said = own_wording_said(_opened(tmp_path, review=False, status="final"))
    assert said == WARNING + NOT_GIVEN, said


@pytest.mark.parametrize("code", [MISSING, TOO_FEW, FINAL_UNSURE, FINAL_COUNTED])
def test_an_answer_left_out_or_the_final_count_is_an_answer_to_give(code: str) -> None:
    # a list without the items it needs is asked for as one left out is ("Enter …")
    assert until([Problem("x", ("governance",), code=code)]) == UNTIL_KNOWN
    assert until([Problem("x", ("governance",), code=code),
                  Problem("x", ("governance",), rule="GE006")]) == UNTIL_RIGHT
