""""Not known yet": ``tbc`` is a real value, and so is what people type instead.

An answer file is often written before everything is settled. ``tbc`` (any
case) says so; ``TBA``, ``XXX``, ``?``, ``[name]`` and the like are read the
same way, so they never print into a contract as if they were the answer. The
documents show a highlighted gap, ``docgen check`` warns, and ``status: final``
is refused until the value is given.

A marker inside a longer value ("Chief Officer Grade TBC", "Morgan Ellis (TBC)",
"<grade>") cannot become a gap: it is printed as written, so ``docgen check`` warns
about it too, and ``status: final`` is refused until it is gone.
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


#: a marker inside a longer value: an abbreviation as a word of its own, a run of x or _,
#: or a word in angle or curly brackets. Phrases such as "to be agreed" are left out (free
#: text uses them of the future: "targets to be agreed each year"), and so are square
#: brackets, which real titles use ("Director [interim] of HR")
PART = re.compile(r"(?<![\w-])(?:tbc|tba|tbd)(?![\w-])|x{3,}|_{3,}|<[^<>\n]{1,40}>"
                  r"|\{[^{}\n]{1,40}\}", re.IGNORECASE)
#: top-level keys whose values are never printed as answers (reasons, paths, clause ids)
NOT_PRINTED = ("acknowledge", "extends", "clauses")


def is_not_known(value: Any) -> bool:
    """True for ``tbc`` and the other ways people write "not known yet"."""
    return isinstance(value, str) and len(value) <= 48 and _not_known_text(value)


@lru_cache(maxsize=4096)
def _not_known_text(value: str) -> bool:
    """(remembered: a post asks about the same few hundred values a thousand times, as
    every value printed into a clause or a template is asked)"""
    return PATTERN.fullmatch(value) is not None


def not_known_paths(data: Any, path: KeyPath = ()) -> list[KeyPath]:
    """Every key path in plain answer data whose value says "not known yet"."""
    return [where for where, value in _leaves(data, path) if is_not_known(value)]


def partly_not_known(data: dict[str, Any]) -> list[tuple[KeyPath, str]]:
    """Every key path whose value holds a "not known yet" marker inside other text, with
    the marker (in the order written)."""
    found: list[tuple[KeyPath, str]] = []
    printed = {k: v for k, v in data.items() if k not in NOT_PRINTED}
    for where, value in _leaves(printed, ()):
        if isinstance(value, str) and not is_not_known(value):
            marker = PART.search(value)
            if marker is not None:
                found.append((where, marker.group(0)))
    return found


#: what every match of :data:`PART` holds, asked first: most values hold none of it, and
#: this pattern, which starts with no look-behind, is much quicker to rule them out
_PART_HINT = re.compile(r"tb[acd]|xxx|___|[<{]", re.IGNORECASE)


def not_known_and_partly(data: dict[str, Any]) -> tuple[list[KeyPath],
                                                        list[tuple[KeyPath, str]]]:
    """``not_known_paths(data)`` and ``partly_not_known(data)``, in one walk of the data
    that makes a key path only for a value found."""
    paths: list[KeyPath] = []
    found: list[tuple[KeyPath, str]] = []
    trail: list[Any] = []  # the key path of the value looked at, made a tuple if it is found

    def walk(node: Any) -> None:
        """(recursive: the answers have been through ``check_characters``'s walk, as deep)"""
        if isinstance(node, dict):
            items: Any = node.items()
        elif isinstance(node, list | tuple):
            items = enumerate(node)
        else:
            if isinstance(node, str):
                if is_not_known(node):
                    paths.append(tuple(trail))
                elif trail[0] not in NOT_PRINTED and _PART_HINT.search(node):
                    marker = PART.search(node)
                    if marker is not None:
                        found.append((tuple(trail), marker.group(0)))
            return
        for key, value in items:
            trail.append(key)
            walk(value)
            trail.pop()

    walk(data)
    return paths, found


def _leaves(data: Any, path: KeyPath) -> list[tuple[KeyPath, Any]]:
    """Every value below ``data`` that is not a mapping or a list, with its key path, in
    the order written (iterative: the data may be deep)."""
    found: list[tuple[KeyPath, Any]] = []
    stack: list[tuple[Any, KeyPath]] = [(data, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            stack += [(v, (*where, k)) for k, v in reversed(node.items())]
        elif isinstance(node, list | tuple):
            stack += [(v, (*where, i)) for i, v in reversed(list(enumerate(node)))]
        else:
            found.append((where, node))
    return found
