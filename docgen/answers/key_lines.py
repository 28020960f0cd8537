"""Where each key of an answer file was written: the line of every key path, found on
the composed YAML nodes before they are turned into data.

Apart from :mod:`docgen.answers.yamlfile`, which bounds and parses the text, because this
is the one walk that knows what YAML forgets once it constructs a mapping: each key's
line (``'<<'`` merges folded in as YAML folds them), a key given twice, and the line of a
value that cannot be constructed (an impossible date), for messages that point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from docgen.answers.safeyaml import children
from docgen.errors import KeyLines, KeyPath, Problem

MERGE_TAG = "tag:yaml.org,2002:merge"


def bad_value(path: Path, root: yaml.Node, exc: Exception, lines: KeyLines) -> Problem:
    """The value YAML could not construct (an impossible date), found by its line."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":timestamp"):
            try:
                yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), node)
            except (ValueError, OverflowError) as why:
                line = node.start_mark.line + 1
                keys = [k for k, (_, at) in lines.items() if at == line]
                return Problem(f"'{node.value}' is not a real date ({why}); write a date as "
                               "YYYY-MM-DD, for example 2027-02-28", file=path, line=line,
                               path=max(keys, key=len, default=()))
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            try:
                yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
            except ValueError:  # more digits than Python converts (4,300)
                line = node.start_mark.line + 1
                keys = [k for k, (_, at) in lines.items() if at == line]
                return Problem(f"a number of {len(node.value):,} digits cannot be right; "
                               "write an amount as a plain number, for example 52000",
                               file=path, line=line, path=max(keys, key=len, default=()))
        stack += children(node)
    return Problem(f"a value cannot be read: {exc}", file=path)


def walk_keys(
    node: yaml.Node, path: KeyPath, file: Path, lines: KeyLines, problems: list[Problem]
) -> None:
    """Record the line of every key path and report duplicate keys."""
    lines[path] = (file, node.start_mark.line + 1)
    _walk_below(node, path, file, lines, problems)


def _walk_below(
    node: yaml.Node, path: KeyPath, file: Path, lines: KeyLines, problems: list[Problem]
) -> None:
    """:func:`walk_keys` of what ``node`` holds: the line of a key's path is the key's (set
    before its value is walked, so ``lines`` keeps the order the keys are written in)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        merges = []
        for k, v in node.value:
            if k.tag == MERGE_TAG:
                merges.append((k.start_mark.line + 1, v))
                continue
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
            child = (*path, key)
            line = k.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        message=f"'{key}' is given twice (first on line {seen[key]}); "
                        "keep only one",
                        path=child,
                        file=file,
                        line=line,
                    )
                )
            seen[key] = line
            lines[child] = (file, line)
            _walk_below(v, child, file, lines, problems)
        for merge_line, v in merges:  # '<<: *base': keys written here win, then the first
            for base in v.value if isinstance(v, yaml.SequenceNode) else [v]:
                for bk, bv in base.value if isinstance(base, yaml.MappingNode) else []:
                    key = bk.value if isinstance(bk, yaml.ScalarNode) else str(bk.value)
                    if bk.tag == MERGE_TAG or key in seen:
                        continue
                    seen[key] = merge_line
                    lines[(*path, key)] = (file, merge_line)
                    _walk_below(bv, (*path, key), file, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = (file, item.start_mark.line + 1)
            _walk_below(item, (*path, i), file, lines, problems)
