"""The manifest's text (docgen/publish/files.py) is exactly what ``json.dumps(indent=2,
sort_keys=True, ensure_ascii=False)`` writes, whatever the values: built faster for the
usual ones, left to json for the rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen import build
from docgen.publish.files import manifest_text

ROOT = Path(__file__).resolve().parents[2]


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


USUAL = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30)
UNUSUAL = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=True, allow_infinity=True),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text() | st.integers(), inner, max_size=4),
    max_leaves=30)


# Drawing the nested values is the time of these tests (the writing is fractions of a
# millisecond): 200 and 100 values a run, each run new ones (the seed is not fixed)
@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(), USUAL, max_size=6))
def test_usual_values_are_written_as_json_writes_them(manifest: dict[str, Any]) -> None:
    assert manifest_text(manifest) == _json(manifest)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(), UNUSUAL, max_size=6))
def test_floats_tuples_and_number_keys_are_written_as_json_writes_them(
        manifest: dict[str, Any]) -> None:
    try:
        expected: bytes | type[Exception] = _json(manifest)
    except TypeError:  # keys of two types cannot be sorted
        expected = TypeError
    try:
        got: bytes | type[Exception] = manifest_text(manifest)
    except TypeError:
        got = TypeError
    assert got == expected


def test_a_built_manifest_is_json_s_own_text(tmp_path: Path) -> None:
    assert build([ROOT / "inputs" / "shared-head-of-hr.yaml"], tmp_path, jobs=1).ok
    [written] = tmp_path.glob("*/manifest.json")
    data = written.read_bytes()
    assert data == _json(json.loads(data)) and b'"clauses": [\n' in data


def test_remembered_mappings_keep_their_value_types_and_indent() -> None:
    """Mappings of scalars are remembered by their text (files._WRITTEN): True == 1 and
    hash alike, and the same mapping at two depths is indented twice differently."""
    for value in ({"a": True}, {"a": 1}, {"a": False}, {"a": 0}, {"a": None}, {"a": "1"},
                  {"a": 1}, {"a": True}, {"x": {"a": 1}}, {"x": {"a": True}},
                  {"x": [{"a": 1}, {"a": True}]}, {"a": 1, "b": "c"}, {"b": "c", "a": 1}):
        assert manifest_text(value) == _json(value)
