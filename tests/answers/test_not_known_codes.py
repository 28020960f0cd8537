"""The codes of an answer not known yet and of one still holding a marker have one home,
``docgen.errors``: the answer file's check makes them from there (a draft's warning, a
final post's error) and the interview and "Final" read them from there."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES_DIR

from docgen import errors, final_open
from docgen.answers import validation
from docgen.errors import AnswerFileError

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
GRADE = "grade: Chief Officer Grade 3"
ADDRESS = "  address: 14 Orchard Lane, London E17 3CD\n"


def _codes(tmp_path: Path, status: str) -> dict[tuple[str | int, ...], str]:
    assert GRADE in HR and ADDRESS in HR
    text = HR.replace(GRADE, "grade: tbc").replace(ADDRESS, "  address: 14 Orchard Lane, XXX\n")
    src = tmp_path / "post.yaml"
    src.write_text(text.replace("status: draft", f"status: {status}"))
    try:
        _, located = validation.load(src)
        found = located.warnings
    except AnswerFileError as e:
        found = e.problems
    return {p.path: p.code for p in found if p.code in errors.NOT_KNOWN_CODES}


def test_a_draft_warns_with_the_shared_codes(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "draft")
    assert codes[("post", "grade")] == errors.NOT_KNOWN
    assert codes[("postholder", "address")] == errors.PLACEHOLDER


def test_a_final_post_refuses_with_the_shared_codes(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "final")
    assert codes[("post", "grade")] == errors.NOT_KNOWN_FINAL
    assert codes[("postholder", "address")] == errors.PLACEHOLDER_FINAL


@pytest.mark.parametrize("code", [errors.NOT_KNOWN_FINAL, errors.PLACEHOLDER_FINAL])
def test_final_counts_them_as_answers_still_to_give(code: str) -> None:
    assert code in final_open.STILL_TO_GIVE
