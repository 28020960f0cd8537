"""CODE_ONLY (the markers an import refuses to see changed) covers every marker of CONTROLS
that takes an expression, written as code ("= …"), and every calculation: reworded
marker words in one place and not the other would let a changed calculation through."""

from __future__ import annotations

import pytest

from docgen.clauses.booklines import CODE_ONLY, CONTROLS

#: each control that takes an expression, as an export writes it with the code shown
SAMPLES = {"if": "Only when = a.x == 1:", "elif": "Otherwise, when = a.x == 1:",
           "for": "For each r in = a.roles:", "set": "Let x be = a.y",
           "code": "Code: a.y"}


@pytest.mark.parametrize(("tag", "text"), sorted(SAMPLES.items()))
def test_every_control_with_code_is_code_only(tag: str, text: str) -> None:
    pattern = next(p for p, t in CONTROLS if t == tag)
    assert pattern.match(text), (tag, text)  # the sample is the control's own marker
    assert CODE_ONLY.match(f"⟦{text}⟧"), text


def test_every_control_that_takes_an_expression_has_a_sample() -> None:
    takes = {t for p, t in CONTROLS if p.groups}
    assert takes == set(SAMPLES)


def test_words_are_not_code_only() -> None:
    assert not CODE_ONLY.match("⟦Only when «trial period agreed»:⟧")
    assert not CODE_ONLY.match("«salary»")
    assert CODE_ONLY.match("«= money.total»")
