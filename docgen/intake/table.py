"""The column table (``columns.yaml``) and what the model says about each column.

Pure: reads only package data. Which answer-file key a column fills, and how a cell
is written, is data a maintainer edits; the allowed values, descriptions and
examples come from the answer-file model, so the workbook never disagrees with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docgen.answers.safeyaml import load_plain
from docgen.answers.schema import QUOTED_MONEY, answer_file_schema, object_of, resolve
from docgen.errors import KeyPath

TABLE_FILE = Path(__file__).with_name("columns.yaml")
POSTS = "Posts"
README = "Read me"
REFERENCE = "Reference"
#: rows read from one sheet at most: a programme of posts, not a data warehouse
MAX_ROWS = 5_000
#: Excel's own limits on a data-validation input message
PROMPT_TITLE, PROMPT_TEXT = 32, 255


@dataclass(frozen=True)
class Column:
    """One column: its heading, the key (or item field) it fills and how cells are written."""

    heading: str
    key: str  # dotted answer-file key; for a sheet's column, the item's field
    kind: str = "text"
    width: int = 16
    value: str = "text"  # party_map: number or text
    field: str = "site"  # party_records: the field beside "party"
    breaks: str = ""  # text of one line: what a line break becomes (space, comma)
    help: str = ""  # the cell's help in the sheet's words, where the model's would mislead
    schema: tuple[tuple[str, Any], ...] = ()  # (title, description, example, choices)

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split("."))

    def meta(self, name: str) -> Any:
        return dict(self.schema).get(name)

    @property
    def choices(self) -> list[str]:
        return list(self.meta("choices") or [])


@dataclass(frozen=True)
class Sheet:
    """A sheet of repeating facts, keyed by reference (or by organisation id)."""

    name: str
    key: str
    shape: str  # records, groups, organisations, other
    columns: tuple[Column, ...]

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split(".")) if self.key else ()


@dataclass(frozen=True)
class Table:
    posts: tuple[Column, ...]
    sheets: tuple[Sheet, ...]
    organisations: Sheet
    other: Sheet

    def column(self, heading: str) -> Column:
        return next(c for c in self.posts if c.heading == heading)


@cache
def model_schema() -> dict[str, Any]:
    """The answer file's JSON Schema, made once (read, never changed, by intake)."""
    return answer_file_schema()


def branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    """``node`` and each of its options, through refs and nested ``anyOf`` / ``oneOf``
    (a Payment's fee is an optional Fee; a Money a number or a quoted amount)."""
    schema = model_schema()
    node = resolve(schema, node)
    found = [node]
    for key in ("anyOf", "oneOf"):
        for option in node.get(key, []):
            if isinstance(option, dict):
                found += branches(option)
    return found


def _step(node: dict[str, Any], part: str) -> dict[str, Any] | None:
    """The node one key below ``node``: a property, a list's item (``on_costs.0``) or a
    map's value (``fee.amounts.icb``), in whichever option of ``node`` has it."""
    obj = object_of(model_schema(), node)
    if obj is not None and part in obj.get("properties", {}):
        return dict(obj["properties"][part])
    for option in branches(node):
        if part in option.get("properties", {}):
            return dict(option["properties"][part])
        if part.isdigit() and option.get("type") == "array" and \
                isinstance(option.get("items"), dict):
            return dict(option["items"])
        values = next(iter(option.get("patternProperties", {}).values()), None) or \
            option.get("additionalProperties")
        if isinstance(values, dict):
            return dict(values)
    return None


def is_money(node: dict[str, Any]) -> bool:
    """True when ``node`` is the model's Money (in any of its options): its quoted form has
    the schema's money pattern (:data:`~docgen.answers.schema.QUOTED_MONEY`)."""
    return any(o.get("pattern") == QUOTED_MONEY for o in branches(node))


def is_percent(node: dict[str, Any]) -> bool:
    """True when ``node`` is the model's Percent, a number from 0 to 100 (in any of its
    options): ``payment.cost_shares.<party>`` as much as a key named ``percent``."""
    return any(o.get("type") == "number" and o.get("minimum") == 0 and o.get("maximum") == 100
               for o in branches(node))


def node_at(path: tuple[str, ...]) -> dict[str, Any]:
    """The model's schema node for a dotted key (through objects, lists, maps and the
    options of a union); ``{}`` when the model has no such key."""
    schema = model_schema()
    node: dict[str, Any] | None = schema
    for part in path:
        node = _step(node, part) if node is not None else None
    return resolve(schema, node) if node is not None else {}


def enum_of(node: dict[str, Any]) -> list[str]:
    """The closed choices of a node (its Literal values), through lists and optionals."""
    schema = model_schema()
    node = resolve(schema, node)
    if "enum" in node:
        return [str(v) for v in node["enum"]]
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return enum_of(node["items"])
    for option in node.get("anyOf", []):
        found = enum_of(option)
        if found:
            return found
    return []


def _schema_meta(path: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    node = node_at(path)
    examples = node.get("examples") or [None]
    return (("title", node.get("title", path[-1])), ("description", node.get("description", "")),
            ("example", examples[0]), ("choices", tuple(enum_of(node))))


def _column(raw: dict[str, Any], base: tuple[str, ...] = ()) -> Column:
    key = raw.get("key") or raw.get("field") or ""
    path = (*base, *key.split(".")) if key not in ("group", "item", "") else base
    meta = _schema_meta(path) if path else ()
    return Column(heading=raw["heading"], key=key, kind=raw.get("kind", "text"),
                  width=int(raw.get("width", 16)), value=raw.get("value", "text"),
                  field=raw.get("field", "site"), breaks=raw.get("breaks", ""),
                  help=raw.get("help", ""), schema=meta)


@cache
def load_table() -> Table:
    """The column table, each column carrying the model's title, description and choices."""
    raw = load_plain(TABLE_FILE.read_text(encoding="utf-8"))
    posts = tuple(_column(c) for c in raw["posts"])
    sheets = []
    for s in raw["sheets"]:
        base = tuple(s["key"].split("."))
        sheets.append(Sheet(s["name"], s["key"], s["shape"],
                            tuple(_column(c, base) for c in s["columns"])))
    org = raw["organisations"]
    organisations = Sheet(org["name"], "parties", "organisations",
                          tuple(_column(c, ("parties",)) for c in org["columns"]))
    other = Sheet(raw["other"]["name"], "", "other",
                  tuple(Column(c["heading"], "", width=c["width"]) for c in
                        raw["other"]["columns"]))
    return Table(posts, tuple(sheets), organisations, other)


#: a key path in the model's words ("post.days_per_week", "`above`")
_KEY = re.compile(r"`?\b[a-z][a-z_]*(?:\.[a-z][a-z_]*)+\b`?|`[a-z_]+`")
# the words :func:`_sheet_words` changes (compiled as the module loads, so the command's
# table of compiled patterns keeps them)
_WRITE_DATES = re.compile(r"\s*\(write dates as [^)]*\)")
_PARTY_ID = re.compile(r"\bparty id\b")
_PARTY_ID_CAPITAL = re.compile(r"\bParty id\b")
_TRUE = re.compile(r"\btrue\b")
_FALSE = re.compile(r"\bfalse\b")


def _sheet_words(text: str, column: Column) -> str:
    """The model's description in the workbook's words: a key is its column's heading (or,
    with none, the key to give on the Other answers sheet), a party an organisation, yes
    and no as the drop-down offers them, and no "write dates as" (the cells are dates)."""
    text = _WRITE_DATES.sub("", text)
    headings = {c.path: c.heading for c in load_table().posts}

    def key(m: re.Match[str]) -> str:
        token = m.group().strip("`")
        if token in ("e.g", "i.e"):
            return m.group()
        if tuple(token.split(".")) in headings:
            return f"'{headings[tuple(token.split('.'))]}'"
        field = next((c.heading for c in _siblings(column) if c.key == token), None)
        return f"'{field}'" if field else f"{token} (an Answer on the Other answers sheet)"
    text = _KEY.sub(key, text)
    text = _PARTY_ID.sub("organisation id", text)
    text = _PARTY_ID_CAPITAL.sub("Organisation id", text)
    if column.kind == "bool":
        text = _TRUE.sub("yes", _FALSE.sub("no", text))
    return text


def _siblings(column: Column) -> tuple[Column, ...]:
    """The columns of the sheet ``column`` is on."""
    table = load_table()
    return next((s.columns for s in (*table.sheets, table.organisations)
                 if column in s.columns), table.posts)


def _example(column: Column) -> str:
    """The model's example as a cell of the column is typed: yes or no, 15%."""
    example = column.meta("example")
    if column.kind == "bool":
        return "yes" if example else "no"
    if column.kind == "percent":
        return f"{example}%"
    return str(example)


def prompt(column: Column) -> tuple[str, str]:
    """A column's input message (title, text), within Excel's limits: its heading, and the
    model's description in the sheet's words (or the column's own help)."""
    title = column.heading[:PROMPT_TITLE]
    text = column.help or _sheet_words(str(column.meta("description") or ""), column)
    example = column.meta("example")
    if column.kind in ("party_map", "party_records"):
        text += " Write as: eastwick: 60; westmere: 40." if column.value == "number" else \
            " Write as: eastwick: first; westmere: second."
    elif column.kind == "parties":
        text = "The organisations sharing the post, by id, separated by commas: eastwick, westmere."
    elif example is not None and not isinstance(example, dict | list) and not column.help:
        text += f" Example: {_example(column)}"
    if len(text) > PROMPT_TEXT:
        text = text[:PROMPT_TEXT - 1].rsplit(" ", 1)[0] + "…"
    return title, text


def ordered(data: Any, node: dict[str, Any] | None = None) -> Any:
    """``data`` with each mapping's keys in the model's order (answer files read top down)."""
    schema = model_schema()
    node = schema if node is None else node
    obj = object_of(schema, node) if node else None
    if isinstance(data, dict) and obj is not None and "properties" in obj:
        props = obj["properties"]
        keys = sorted(data, key=lambda k: (list(props).index(k) if k in props else len(props)))
        return {k: ordered(data[k], props.get(k)) for k in keys}
    if isinstance(data, list) and obj is not None:
        return [ordered(item, resolve(schema, node).get("items", node)) for item in data]
    return data


def on_a_sheet(path: KeyPath) -> bool:
    """Whether a sheet of items (Objectives, Responsibilities) gives ``path``, or part of
    it: a post's own rows there, whatever its Base file gives beside them."""
    key = tuple(str(p) for p in path)
    return any(s.path[:len(key)] == key or key[:len(s.path)] == s.path
               for s in load_table().sheets)
