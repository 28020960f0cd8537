"""Text after `` #`` is a YAML comment, so ``title: Head of HR #2`` silently loses "#2".

YAML cannot tell that from a note, and docgen cannot either in general: ``salary: 92000  #
midpoint`` is a real comment. But a ``#`` glued to the word after it, right after a value
(``#2``, ``#NHS``, ``#ref``), is far more often part of the value than a note, so it is
reported as a warning at its line, with both fixes: quote the value, or put a space after
the ``#``. Comments on lines of their own, and comments with a space after the ``#``, are
left alone (the shipped examples and ``docgen new`` write those).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from docgen.errors import KeyPath, Problem

#: a ``#`` glued to what follows it, after a blank: the whole text is searched for this
#: first, so a file without one (every example) costs one regular-expression search
GLUED = re.compile(r"[ \t]#[^\s#]")
#: what follows a plain value on its line when a glued comment does
_AFTER_VALUE = re.compile(r"[ \t]+#([^\s#][^\n]*)")
SHOWN_MAX = 40  # characters of a comment or value quoted in a message


def glued_comments(root: yaml.Node, text: str, file: Path) -> list[Problem]:
    """A warning for each plain value followed on its line by a glued ``#`` comment."""
    if not GLUED.search(text):
        return []
    found: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:  # an alias: one node reached twice
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(v, (*path, k.value if isinstance(k, yaml.ScalarNode) else str(k.value)))
                      for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(v, (*path, i)) for i, v in enumerate(node.value)]
        elif isinstance(node, yaml.ScalarNode) and not node.style:  # plain: libyaml says ""
            after = _AFTER_VALUE.match(text, node.end_mark.index)
            if after:
                found.append(_warning(node, path, after.group(1).rstrip(), file))
    return sorted(found, key=lambda p: p.line or 0)


def _warning(node: yaml.ScalarNode, path: KeyPath, comment: str, file: Path) -> Problem:
    whole = f"{node.value} #{comment}"
    quoted = f"'{whole}'" if "'" not in whole else json.dumps(whole, ensure_ascii=False)
    example = f"{path[-1]}: {quoted}" if path and isinstance(path[-1], str) else f"- {quoted}"
    return Problem(
        message=f"the text '#{_short(comment)}' after this value was read as a YAML comment "
        "and left out of the documents; if it belongs to the value, put the whole value in "
        f"quotes, for example {_short(example, 2 * SHOWN_MAX)}; if it is a note, put a space "
        "after the #",
        path=path, file=file, line=node.end_mark.line + 1, severity="warning", rule="INPUT",
        code="glued_comment")


def _short(text: str, limit: int = SHOWN_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
