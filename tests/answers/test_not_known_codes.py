"""The codes of an answer not known yet and of one still holding a marker have one home,
``docgen.errors``: the answer file's check makes them from there (a draft's warning, a
final post's error) and the interview and "Final" read them from there; so is the code of an
answer left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES_DIR

from docgen import errors
from docgen.answers import validation
from docgen.errors import AnswerFileError, Problem

try:  # the interview's reader of the codes, with the serve extra installed
    from docgen.web.before_final import still_to_give
except ImportError:  # pragma: no cover - without Starlette
    still_to_give = None  # type: ignore[assignment]

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
GRADE = "grade: Chief Officer Grade 3"
ADDRESS = "  address: 14 Orchard Lane, London E17 3CD\n"


def _problems(tmp_path: Path, status: str, text: str = "") -> list[Problem]:
    """The answer file's check of the HR example (``text`` in its place if given), with the
    grade not known yet and the post-holder's address holding a marker, as ``status``."""
    assert GRADE in HR and ADDRESS in HR
    text = text or HR.replace(GRADE, "grade: tbc").replace(
        ADDRESS, "  address: 14 Orchard Lane, XXX\n")
    src = tmp_path / "post.yaml"
    src.write_text(text.replace("status: draft", f"status: {status}"))
    try:
        _, located = validation.load(src)
        return located.warnings
    except AnswerFileError as e:
        return e.problems


def _codes(tmp_path: Path, status: str) -> dict[tuple[str | int, ...], str]:
    return {p.path: p.code for p in _problems(tmp_path, status)
            if p.code in errors.NOT_KNOWN_CODES}


def test_a_draft_warns_with_the_shared_codes(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "draft")
    assert codes[("post", "grade")] == errors.NOT_KNOWN
    assert codes[("postholder", "address")] == errors.PLACEHOLDER


def test_a_final_post_refuses_with_the_shared_codes(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "final")
    assert codes[("post", "grade")] == errors.NOT_KNOWN_FINAL
    assert codes[("postholder", "address")] == errors.PLACEHOLDER_FINAL


@pytest.mark.skipif(still_to_give is None, reason="needs the serve extra (Starlette)")
def test_final_counts_them_as_answers_still_to_give(tmp_path: Path) -> None:
    # the interview's reader of the codes, given the answer file's own errors
    given = {p.path: p.code for p in still_to_give(_problems(tmp_path, "final"))}
    assert given[("post", "grade")] == errors.NOT_KNOWN_FINAL
    assert given[("postholder", "address")] == errors.PLACEHOLDER_FINAL


def test_an_answer_left_out_has_the_shared_code(tmp_path: Path) -> None:
    head, rest = HR.split("\nreview:\n", 1)
    found = _problems(tmp_path, "draft", head + "\n" + rest.split("\n\n", 1)[1])
    assert [p.code for p in found if p.path == ("review",)] == [errors.MISSING]
