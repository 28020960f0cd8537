"""A time split's share asked for with an example in the split's own unit.

The share boxes take a number in the unit chosen (percent, days or hours a week), and
docgen reads a decimal share in any of them (1.5 days of a 5-day week). Their words give
one example, a percentage ("for example 60"), which told an officer dividing days, who
typed "1.5 days", to write 60: a share that could never fit a 5-day week."""

from __future__ import annotations

from typing import Any

from docgen.errors import KeyPath
from docgen.web.wording import words

SHARES: KeyPath = ("time_split", "shares")
#: an example share in each unit other than percent (whose example the words give)
BY_UNIT = {"days_per_week": "2.5", "hours_per_week": "18.5"}


def by_unit(said: str, path: KeyPath, answers: Any) -> str:
    """``said`` (a problem's words at ``path``) with a share's example in the time split's
    unit in ``answers``; unchanged for any other question, or a split in percent."""
    if tuple(path[:2]) != SHARES or not isinstance(answers, dict):
        return said
    split = answers.get("time_split")
    example = BY_UNIT.get(str(split.get("unit"))) if isinstance(split, dict) else None
    found = words(SHARES)
    if example is None or found is None or not found.example:
        return said
    return said.replace(f", for example {found.example}", f", for example {example}")


__all__ = ["BY_UNIT", "by_unit"]
