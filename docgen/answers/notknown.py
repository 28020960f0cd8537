""""Not known yet": ``tbc`` is a real value, and so is what people type instead.

An answer file is often written before everything is settled. ``tbc`` (any
case) says so; ``TBA``, ``XXX``, ``?``, ``[name]`` and the like are read the
same way, so they never print into a contract as if they were the answer. The
documents show a highlighted gap, ``docgen check`` warns, and ``status: final``
is refused until the value is given.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.errors import KeyPath

NOT_KNOWN = "tbc"
LABEL = "to be confirmed"
PATTERN = re.compile(
    r"\s*(?:tbc|tba|tbd|tbconfirmed|to be (?:confirmed|agreed|advised|decided)|not known(?: yet)?"
    r"|x{3,}|\?+|\[[^\[\]\n]{0,40}\]|_{3,})\s*[.!]?\s*",
    re.IGNORECASE,
)


def is_not_known(value: Any) -> bool:
    """True for ``tbc`` and the other ways people write "not known yet"."""
    return isinstance(value, str) and PATTERN.fullmatch(value) is not None


def not_known_paths(data: Any, path: KeyPath = ()) -> list[KeyPath]:
    """Every key path in plain answer data whose value says "not known yet"."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in not_known_paths(v, (*path, k))]
    if isinstance(data, list | tuple):
        return [p for i, v in enumerate(data) for p in not_known_paths(v, (*path, i))]
    return [path] if is_not_known(data) else []
