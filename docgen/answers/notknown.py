""""Not known yet": ``tbc`` is a real value, and so is what people type instead.

An answer file is often written before everything is settled. ``tbc`` (any
case) says so; ``TBA``, ``XXX``, ``?``, ``[name]`` and the like are read the
same way, so they never print into a contract as if they were the answer. The
documents show a highlighted gap, ``docgen check`` warns, and ``status: final``
is refused until the value is given.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
    return isinstance(value, str) and len(value) <= 48 and _not_known_text(value)


@lru_cache(maxsize=4096)
def _not_known_text(value: str) -> bool:
    """(remembered: a post asks about the same few hundred values a thousand times, as
    every value printed into a clause or a template is asked)"""
    return PATTERN.fullmatch(value) is not None


def not_known_paths(data: Any, path: KeyPath = ()) -> list[KeyPath]:
    """Every key path in plain answer data whose value says "not known yet" (iterative:
    the data may be deep)."""
    found: list[KeyPath] = []
    stack: list[tuple[Any, KeyPath]] = [(data, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            stack += [(v, (*where, k)) for k, v in reversed(node.items())]
        elif isinstance(node, list | tuple):
            stack += [(v, (*where, i)) for i, v in reversed(list(enumerate(node)))]
        elif is_not_known(node):
            found.append(where)
    return found  # in the order written
