"""Shortcuts in checking an answer file say exactly what the plain way said: answers
without a character to refuse or convert are copied without the full walk
(``characters._copied``), and the values not known yet and those holding a marker are
found in one walk (``notknown.not_known_and_partly``)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.answers import characters
from docgen.answers.notknown import (
    NOT_PRINTED,
    not_known_and_partly,
    not_known_paths,
    partly_not_known,
)
from docgen.answers.yamlfile import Located

WORDS = ["tbc", "TBA", " tbd. ", "Grade TBC", "xXx", "XXXX", "___", "<grade>", "{name}",
         "[name]", "?", "to be agreed", "not known", "a-tbc", "tbc-b", "Mr <", "{", "ok",
         "Chief Officer", "\x0b", "\x85", "\u2028", "\x00", "\x1f", "\x7f", "\t", "\n", "\r",
         "\ud800", "\ufffe", "é", "–", "ſ", "K"]
TEXT = st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=5).map("".join)
KEYS = st.sampled_from([*NOT_PRINTED, "post", "title", "grade", "a\tb", "x\x0by", "k"]) | TEXT
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner)
    | st.dictionaries(KEYS | st.integers(), inner, max_size=4), max_leaves=30)
ANSWERS = st.dictionaries(KEYS, VALUES, max_size=6)


def _checked(data: dict[str, Any], plain: bool, monkeypatch: pytest.MonkeyPatch
             ) -> tuple[Any, ...]:
    located = Located(data=copy.deepcopy(data), path=Path("post.yaml"), lines={})
    with monkeypatch.context() as m:
        if plain:  # the full walk, as every file took it before
            m.setattr(characters, "_copied", _refuse)
        problems = characters.check_characters(located)
    return (problems, located.warnings, located.data, _types(located.data))


def _refuse(node: Any) -> Any:
    raise characters._Special


def _types(node: Any) -> Any:
    if isinstance(node, dict):
        return ("dict", type(node), [(_types(k), _types(v)) for k, v in node.items()])
    if isinstance(node, list | tuple):
        return (type(node), [_types(v) for v in node])
    return type(node)


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_both_shortcuts_find_what_the_plain_walks_found(data: dict[str, Any]) -> None:
    """Each of 300 drawn answer files: its characters are checked and copied as the full
    walk does, and the values not known yet and those holding a marker are found as the
    two walks found them. One draw serves both shortcuts (drawing the nested answers is
    most of the time: two tests, each drawing its own 300, took 5 s of CPU); each is still
    checked on 300 files."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _checked(data, False, monkeypatch) == _checked(data, True, monkeypatch)
    assert not_known_and_partly(data) == (not_known_paths(data), partly_not_known(data))


def test_the_copy_is_new_where_the_full_walk_made_one() -> None:
    data: dict[str, Any] = {"post": {"title": "Head of HR", "sites": ["a", {"b": "c"}]},
                            "n": (1, 2)}
    located = Located(data=data, path=Path("post.yaml"), lines={})
    assert characters.check_characters(located) == []
    assert located.data == data and located.data is not data
    assert located.data["post"] is not data["post"]
    assert located.data["post"]["sites"] is not data["post"]["sites"]
    assert located.data["n"] is data["n"]  # a tuple is kept, as the full walk keeps it
