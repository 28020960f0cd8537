"""The line of every key path is recorded once, the key's, before its value is walked
(``walk_keys`` in answers/key_lines.py), not first the value's and then the key's again: the same
lines, in the same order (which line a value is found by depends on it), and the same
duplicate keys, as the walk that wrote each line twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.answers.key_lines import MERGE_TAG
from docgen.answers.key_lines import walk_keys as _walk
from docgen.answers.safeyaml import SafeLoader
from docgen.errors import KeyLines, KeyPath, Problem

FILE = Path("post.yaml")


def _twice(node: yaml.Node, path: KeyPath, lines: KeyLines, problems: list[Problem]) -> None:
    """The key walk as it was (``_walk`` in answers/yamlfile.py, before ``walk_keys``)."""
    lines[path] = (FILE, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        merges = [(k, v) for k, v in node.value if k.tag == MERGE_TAG]
        for k, v in node.value:
            if k.tag == MERGE_TAG:
                continue
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
            child = (*path, key)
            if key in seen:
                problems.append(Problem(
                    message=f"'{key}' is given twice (first on line {seen[key]}); keep only "
                    "one", path=child, file=FILE, line=k.start_mark.line + 1))
            seen[key] = k.start_mark.line + 1
            lines[child] = (FILE, k.start_mark.line + 1)
            _twice(v, child, lines, problems)
            lines[child] = (FILE, k.start_mark.line + 1)
        for k, v in merges:
            for base in v.value if isinstance(v, yaml.SequenceNode) else [v]:
                for bk, bv in base.value if isinstance(base, yaml.MappingNode) else []:
                    key = bk.value if isinstance(bk, yaml.ScalarNode) else str(bk.value)
                    if bk.tag == MERGE_TAG or key in seen:
                        continue
                    seen[key] = k.start_mark.line + 1
                    _twice(bv, (*path, key), lines, problems)
                    lines[(*path, key)] = (FILE, k.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _twice(item, (*path, i), lines, problems)


TEXTS = [
    "a: 1\nb:\n  c: 2\n  d: [3, 4]\n", "a: 1\na: 2\nb: {a: 1, a: 2}\n",
    "base: &b\n  x: 1\n  y: {z: 2}\npost:\n  <<: *b\n  x: 3\n",
    "a: &a {x: 1}\nb: &b {y: 2, x: 5}\nc:\n  <<: [*a, *b]\n  w: 0\n",
    "a: &a {x: 1}\nc:\n  <<: *a\n  <<: {x: 2, q: 3}\n  k: 1\n",
    "a: &a {x: 1, <<: {m: 1}}\nc: {<<: *a, x: 2}\n", "? [1, 2]\n: x\n? {a: 1}\n: y\n",
    "- a: 1\n  a: 2\n- [1, {b: 2}]\n- - - c\n", "a: &s [1, 2]\nb: *s\nc: [*s, *s]\n",
    "parties:\n- id: x\n  name: X\n- id: y\n  <<: {name: Y, id: z}\n", "1: a\n1: b\n~: c\n",
]
DATA = st.recursive(st.none() | st.integers() | st.text(max_size=4),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["a", "b", "<<", "c"]) | st.text(max_size=2),
                                      inner, max_size=3), max_leaves=25)


def _same(text: str) -> None:
    node = SafeLoader(text).get_single_node()
    if node is None:
        return
    once: KeyLines = {}
    twice: KeyLines = {}
    said_once: list[Problem] = []
    said_twice: list[Problem] = []
    _walk(node, (), FILE, once, said_once)
    _twice(node, (), twice, said_twice)
    assert list(once.items()) == list(twice.items())  # the order too
    assert said_once == said_twice


@pytest.mark.parametrize("text", TEXTS)
def test_written_keys_are_placed_as_before(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(DATA, st.sampled_from([True, False, None]))
def test_any_data_is_placed_as_before(data: Any, flow: bool | None) -> None:
    shared = {"s": data, "t": [data, {"k": data}]}  # dumped with anchors and aliases
    for value in ({"x": data}, shared):
        _same(yaml.dump(value, default_flow_style=flow))
