"""An answer file is composed before its nesting is measured when it holds too few
indicators to nest dangerously deep (``safeyaml.composes_safely``), and the nesting, the
values and the characters are then read in one walk of the nodes (``safeyaml.survey``).
The bounds say what measuring the events first said, on the line it said it, whatever
the text: deep, aliased, broken after the deep part, or plain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.answers import safeyaml
from docgen.answers.safeyaml import (
    COMPOSE_FIRST_MAX,
    MAX_DEPTH,
    SafeLoader,
    composes_safely,
    count_nodes,
    expanded_chars,
    survey,
    too_deep_in_text,
)
from docgen.answers.yamlfile import parse_yaml
from docgen.errors import AnswerFileError

SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=12)
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=40)


def _nest(depth: int, flow: bool, leaf: str = "1") -> str:
    """``depth`` collections inside each other, in flow or block style, mappings and lists
    taking turns."""
    if flow:
        text = leaf
        for i in range(depth):
            text = f"[{text}]" if i % 2 else f"{{k{i}: {text}}}"
        return text
    lines, pad = [], ""
    for i in range(depth):
        lines.append(f"{pad}- " if i % 2 else f"{pad}k{i}:")
        pad += "  "
    return "\n".join(lines) + f" {leaf}\n" if lines else leaf


def _texts() -> list[str]:
    """Texts a person or a tool might write, in all the shapes that open a collection."""
    texts = ["", "a: 1\n", "- - - - x\n", "[a: [b: [c: d]]]\n", "? [a, b]\n: c\n",
             "a: &x [1, 2]\nb: *x\nc: *x\n", "a: &x [*x]\n", "a: 1\n---\nb: 2\n",
             "a: *nowhere\n", "a: [1, 2\n", "a: b: c\n", "{a: 1, b: {c: [1, {d: e}]}}\n",
             "- a: 1\n  b:\n  - c\n  - d: [e]\n", "docgen: 1\nx: &a {k: [1, 2, 3]}\ny: [*a, *a]\n"]
    for depth in (MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 6, 300):
        for flow in (True, False):
            body = _nest(depth, flow)
            texts += [f"docgen: 1\nx: {body}\n" if flow else f"docgen: 1\nx:\n{_indent(body)}",
                      body, f"a: 1\nb: {body}\nc: [1, 2\n" if flow else f"{body}: : :\n",
                      f"a: 1\nb: {body}\nc: *missing\n" if flow else f"{body}*missing\n",
                      f"a: &deep {body}\nb: [*deep]\n" if flow else body + "---\nb: 1\n"]
    texts.append("a: " + "[" * 600 + "]" * 600 + "\n")  # over COMPOSE_FIRST_MAX: events first
    texts.append("a: " + "[" * 30 + "]" * 30 + "\nb: " + "-" * 2000 + "\n")
    return texts


def _indent(text: str) -> str:
    return "".join(f"  {line}\n" for line in text.splitlines())


def _outcome(raw: bytes) -> Any:
    try:
        data, lines = parse_yaml(raw, Path("post.yaml"), [])
    except AnswerFileError as exc:
        return [(p.message, p.line) for p in exc.problems]
    return data, lines


def _events_first(text: str) -> Any:
    """What measuring the events before composing says: too deep on that line, else what
    the loader goes on to say."""
    try:
        deep = too_deep_in_text(text)
    except yaml.YAMLError:
        return None  # the text's own mistake, said as parse_yaml says it
    if deep is not None:
        return [(f"values are nested more than {MAX_DEPTH} levels deep here; answer files "
                 "need far fewer", deep)]
    return None


def _check(text: str) -> None:
    raw = text.encode("utf-8")
    said = _outcome(raw)
    expected = _events_first(text)
    if expected is not None:
        assert said == expected, text[:200]
    # the bound the shortcut rests on: each collection opens at an indicator of its own
    assert _deepest(text) <= sum(text.count(c) for c in "[{-:?")
    if not composes_safely(text):
        return
    assert _deepest(text) <= COMPOSE_FIRST_MAX
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()
    if node is None:
        return
    written, chars, deep = survey(node)
    assert deep == too_deep_in_text(text)
    if "*" not in text:  # no alias: a tree, walked without looking among the nodes seen
        assert survey(node, tree=True) == (written, chars, deep)
    if "*" not in text and deep is None:  # a tree: its counts are the expanded ones
        assert (written, chars) == (count_nodes(node, {}), expanded_chars(node, {}))


def _deepest(text: str) -> int:
    loader = SafeLoader(text)
    depth = deepest = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return deepest


@pytest.mark.parametrize("text", _texts())
def test_written_texts_are_bounded_as_the_events_bound_them(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(DATA, st.sampled_from([True, False, None]), st.integers(0, 30))
def test_any_data_dumped_any_way_is_bounded_the_same(data: Any, flow: bool | None,
                                                     cut: int) -> None:
    shared = [data, {"k": data}]  # the same object twice: the dump writes an anchor and an alias
    for value in (data, shared, {"a": data, "b": [data, shared]}):
        text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True) \
            if value is data else yaml.dump(value, default_flow_style=flow)
        _check(text)
        _check(text[:len(text) - cut])  # cut short: often broken


def test_survey_stops_at_the_first_line_too_deep() -> None:
    text = "a:\n" + _indent(_nest(MAX_DEPTH + 4, False)) + "b: " + _nest(40, True) + "\n"
    node = SafeLoader(text).get_single_node()
    assert survey(node)[2] == too_deep_in_text(text) == MAX_DEPTH + 1


# --- building the values: directly for a tree of plain nodes, else by PyYAML's constructor

CONSTRUCTED = [
    "a: 1\nb: 012345\nc: 0x1F\nd: 1:30\ne: 2027_01\nf: 33.3\ng: .inf\nh: .nan\ni: 1e3\n",
    "a: 2027-02-28\nb: 2027-02-30\nc: 2027-01-01 10:00:00\nd: yes\ne: No\nf: ~\ng: null\n",
    "a: !!str 123\nb: !!int '7'\nc: !!float '1.50'\nd: !!binary aGk=\ne: !!set {a}\n",
    "a: !custom x\n", "a: !!map x\n", "a: !!seq x\n", "a: !!str [1]\n", "a: !!bool maybe\n",
    "a: 1\na: 2\n", "<<: {a: 1}\nb: 2\n", "a: {<<: {x: 1}, y: 2}\n", "=: 1\n",
    "? [1, 2]\n: x\n", "? {a: 1}\n: x\n", "a: " + "9" * 5000 + "\n", "- 1\n- [2, {3: 4}]\n",
    "'': x\n1: one\n1.0: float\ntrue: t\n~: n\n2027-01-01: d\n", "a: !!timestamp 2027-13-01\n",
    "a: !!omap [{b: 1}]\n", "a: !!pairs [{b: 1}]\n", "a: !!null ''\nb: !!bool true\n",
    "a: 1.5\nb: -0.25\nc: 2027-03-01\nd: [true, null, 7]\n",
]


def _typed(value: Any) -> Any:
    """A value with the type of everything in it, so 1.5 is not Decimal('1.5')."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value), repr(value))


def _built(raw: bytes, direct: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        if not direct:  # PyYAML's constructor for every file, as before
            m.setattr(safeyaml, "_plain", _not_plain)
        try:
            data, lines = parse_yaml(raw, Path("post.yaml"), [])
        except AnswerFileError as exc:
            return [(p.message, p.line, p.path) for p in exc.problems]
        except Exception as exc:  # noqa: BLE001  (what escapes must escape alike)
            return type(exc), str(exc)
    return _typed(data), lines


def _not_plain(loader: Any, node: yaml.Node) -> Any:
    raise safeyaml._NotPlain


@pytest.mark.parametrize("text", CONSTRUCTED + _texts())
def test_written_values_are_built_as_pyyaml_builds_them(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        raw = text.encode("utf-8")
        assert _built(raw, True, monkeypatch) == _built(raw, False, monkeypatch)


@settings(max_examples=150, deadline=None)
@given(DATA, st.sampled_from([True, False, None]), st.integers(0, 30))
def test_any_data_is_built_as_pyyaml_builds_it(data: Any, flow: bool | None,
                                               cut: int) -> None:
    text = yaml.safe_dump({"k": data}, default_flow_style=flow, allow_unicode=True)
    with pytest.MonkeyPatch.context() as monkeypatch:
        for raw in (text.encode(), text[:len(text) - cut].encode()):
            assert _built(raw, True, monkeypatch) == _built(raw, False, monkeypatch)
