"""A value the checker quotes is shown exactly as the person typed it: only the checker's
own words are put into plain words ("tbc" is "not known yet" there, never inside a
reference such as ``TBC-01.``)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.messages import plain  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


def test_a_quoted_value_keeps_its_tbc() -> None:
    answers = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    answers["reference"] = "TBC-01."
    found = [p for p in docgen.check(answers).errors if p.path[:1] == ("reference",)]
    assert found, "the reference ending in a dot is refused"
    said = plain(found[0].message, code=found[0].code, rule=found[0].rule,
                 path=found[0].path, fix=found[0].fix)
    assert said.startswith("‘TBC-01.’ ends in a dot"), said
    assert "not known yet-01" not in said


@pytest.mark.parametrize(("message", "expected"), [
    ("the start date is tbc, so the trial cannot end", "The start date is not known yet"),
    ("'GP12-true' is not a party", "‘GP12-true’ is not a party"),
    ("'tbc' says the reference is not known yet", "‘not known yet’ says the reference"),
])
def test_only_the_checkers_own_words_are_rewritten(message: str, expected: str) -> None:
    assert plain(message).startswith(expected), plain(message)
