"""A time split's share asked for with an example in the split's own unit.

The share boxes take a number in the unit chosen (percent, days or hours a week), and
docgen reads a decimal share in any of them (1.5 days of a 5-day week). Their words gave
one example, a percentage ("for example 60"), which told an officer dividing days, who
typed "1.5 days", to write 60: a share that could never fit a 5-day week.

The example is chosen by unit before the words are made (:func:`example_at`, which
``messages.error`` asks), never swapped into them afterwards: each unit's example other
than percent is data, ``share_examples`` in problem_words.yaml (:data:`EXAMPLES`); in
percent, the question's own example in question_words.yaml is given.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen.errors import KeyPath
from docgen.web.wording import Words
from docgen.wording_files import Keys, file_state, read_wording

SHARES: KeyPath = ("time_split", "shares")
#: docgen's own file of the interview's words, which gives each unit's example
SHIPPED = Path(__file__).with_name("problem_words.yaml")
#: the file read (read at each call, so a test can point it at an edited copy)
EXAMPLES = SHIPPED
#: the units whose example the file gives, each under ``share_examples``
UNITS = ("days_per_week", "hours_per_week")
KEYS: Keys = {f"share_examples.{unit}": frozenset() for unit in UNITS}
MAX_BYTES = 64_000


def example_at(path: KeyPath, answers: Any, found: Words | None) -> str:
    """The example a problem at ``path`` is asked for with: a partner's share of the time
    in the unit ``answers`` divide it in ("2.5" days, "18.5" hours); else the question's
    own (``found``, its words), as for a split in percent or any other question."""
    own = found.example if found is not None else ""
    if tuple(path[:2]) != SHARES or not isinstance(answers, dict) or not own:
        return own
    split = answers.get("time_split")
    unit = str(split.get("unit")) if isinstance(split, dict) else ""
    if unit not in UNITS:
        return own
    words_file = EXAMPLES  # looked up now: a test points it at an edited copy
    return _examples(words_file, *file_state(words_file, "reinstall docgen"))[
        f"share_examples.{unit}"]


@lru_cache(maxsize=8)
def _examples(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    return read_wording(path, size, KEYS, what="the interview's words", limit=MAX_BYTES,
                        shipped=SHIPPED)


__all__ = ["EXAMPLES", "SHARES", "UNITS", "example_at"]
