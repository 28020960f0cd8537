"""``Bounds.holds`` answers as the model's validation does, at each bound, open or closed
(the ``--ask`` prompts refuse by it before a file is written)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.answers.forms import field_at
from docgen.answers.ranges import Bounds, field_bounds


@pytest.mark.parametrize(("value", "held"), [
    (Decimal(0), False), (Decimal("0.01"), True), (Decimal(80), True), (Decimal("80.01"), False)])
def test_hours_a_week_more_than_0_and_at_most_80(value: Decimal, held: bool) -> None:
    bounds = field_bounds(field_at(("post", "hours_per_week")))
    assert bounds.sentence() == "more than 0 and at most 80"
    assert bounds.holds(value) is held


def test_open_and_missing_bounds() -> None:
    assert Bounds(low=1, high=600).holds(1) and Bounds(low=1, high=600).holds(600)
    assert not Bounds(high=100, high_open=True).holds(100)
    assert Bounds().holds(-10**9)
