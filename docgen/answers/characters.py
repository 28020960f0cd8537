"""The characters of an answer file's keys and values that a Word document cannot hold.

Never dropped silently (docxtpl and lxml's recover mode do, and a lone surrogate even
truncates the rest of the document): a control character is refused, at its key, and a
line or page break pasted from Word is converted to a line break, with a warning. Apart
from :mod:`docgen.answers.validation` because it runs first, on the data as loaded, for an
answer file and an organisation profile alike, and has a fast path of its own (answers
without such a character are only copied).
"""

from __future__ import annotations

import re
from typing import Any

from docgen.answers.yamlfile import Located
from docgen.errors import KeyPath, Problem

# characters Word pastes for a line break; converted (with a warning), since the intent is clear.
# NEL (U+0085) is a line break to YAML and to Python's str.splitlines (which the clause
# engine uses), so left alone it would silently split a value into two paragraphs.
CONVERTIBLE = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# a mapping key is a one-line label (job.dimensions): line breaks and tabs there are refused
KEY_FORBIDDEN = re.compile(f"{FORBIDDEN.pattern}|[\t\n\r{''.join(CONVERTIBLE)}]")


#: a character that :func:`check_characters` refuses or converts in a value
_SPECIAL = re.compile(f"{FORBIDDEN.pattern}|[{''.join(CONVERTIBLE)}]")


class _Special(Exception):
    """A key or a value holds a character to refuse or convert: the full check says how."""


def _copied(node: Any) -> Any:
    """``node`` copied as :func:`check_characters` copies it when no key or value holds a
    character to refuse or convert (raises :class:`_Special` at the first that does): the
    same walk without a key path made for every value, nor five looks into each text."""
    if isinstance(node, dict):
        for k in node:
            if isinstance(k, str) and KEY_FORBIDDEN.search(k):
                raise _Special
        return {k: _copied(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copied(v) for v in node]
    if isinstance(node, str) and _SPECIAL.search(node):
        raise _Special
    return node


def check_characters(located: Located) -> list[Problem]:
    """Reject characters a Word file cannot hold; convert pasted line breaks, with a warning.

    Never drop a character silently: docxtpl and lxml's recover mode do, and a
    lone surrogate even truncates the rest of the document.
    """
    try:  # the usual answers, without such a character: copied, nothing to say
        located.data = _copied(located.data)
        return []
    except (_Special, RecursionError):
        pass
    problems: list[Problem] = []

    def check_key(key: Any, path: KeyPath) -> None:
        """Mapping keys are printed too (``job.dimensions``): no control characters there."""
        bad = KEY_FORBIDDEN.search(key) if isinstance(key, str) else None
        if bad:
            file, line = located.where((*path, key))
            shown = key.encode("unicode_escape").decode("ascii")
            problems.append(Problem(
                message=f"the key '{shown}' contains the control character "
                f"U+{ord(bad.group()):04X} at position {bad.start() + 1}; delete it",
                path=(*path, shown), file=file, line=line))

    def walk(node: Any, path: KeyPath) -> Any:
        if isinstance(node, dict):
            for k in node:
                check_key(k, path)
            return {k: walk(v, (*path, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, (*path, i)) for i, v in enumerate(node)]
        if not isinstance(node, str):
            return node
        bad = FORBIDDEN.search(node)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            problems.append(located.problem(
                path, f"contains the control character {code} at position {bad.start() + 1}, "
                "which a Word document cannot hold; delete it (it is often pasted from "
                "another program)"))
            return node
        if any(c in node for c in CONVERTIBLE):
            for c, repl in CONVERTIBLE.items():
                node = node.replace(c, repl)
            located.warnings.append(located.problem(
                path, "contained a pasted line or page break character; it was converted to "
                "a line break", severity="warning", rule="INPUT"))
        return node

    located.data = walk(located.data, ())
    return problems
