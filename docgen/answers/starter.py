"""Starter answer files: every key with a comment saying what it means, what it may be
and an example, written from the model's schema (``docgen new``).

Values come from an example or from a person's answers; anything not answered
is ``tbc`` ("not known yet"), which ``docgen check`` lists until it is filled in.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from functools import cache
from typing import Any

import yaml

from docgen.answers.forms import yaml_value
from docgen.answers.notknown import NOT_KNOWN
from docgen.answers.schema import (
    PROFILE_MARK,
    SCHEMA_FILE,
    answer_file_schema,
    object_of,
    resolve,
    type_text,
)

WIDTH = 96
#: the schema is only read here, and making it takes ~0.15 s: once, not once per file
_schema = cache(answer_file_schema)
#: asked for by ``docgen new`` in a terminal; tbc (an error until given) when not answered
ESSENTIAL = {"start_date", "hours_per_week", "shares", "salary", "notice_months"}
PARTY_KEYED = {"shares", "line_managers", "cost_shares", "amounts", "objectives",
               "responsibilities"}


def scalar(value: Any) -> str:
    """One value as YAML on one line (quoted only when YAML needs it)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, default_flow_style=True, width=10**6, allow_unicode=True,
                          sort_keys=False).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _comment(schema: dict[str, Any], node: dict[str, Any], indent: str, key: str) -> list[str]:
    title = node.get("title") or key.replace("_", " ").capitalize()
    text = f"{title}: {node.get('description', '')}".strip()
    allowed = type_text(schema, node)
    if allowed.startswith("one of"):
        text += f" Allowed: {allowed.removeprefix('one of: ')}."
    examples = node.get("examples")
    if examples and object_of(schema, node) is None:
        text += f" Example: {scalar(yaml_value(examples[0]))}"
    return textwrap.wrap(text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}#   ", break_on_hyphens=False)


def _mapping(schema: dict[str, Any], obj: dict[str, Any] | None, data: dict[str, Any],
             indent: str, comments: bool, out: list[str], first_prefix: str = "") -> None:
    props = (obj or {}).get("properties", {})
    for i, (key, value) in enumerate(data.items()):
        lead = first_prefix if i == 0 and first_prefix else indent
        node = props.get(key, {})
        if comments and node:
            out += _comment(schema, node, indent, key)
        child = object_of(schema, node) if node else None
        if isinstance(value, dict) and value and child is not None and "properties" in \
                resolve(schema, node) | (child or {}):
            out.append(f"{lead}{key}:")
            _mapping(schema, child, value, indent + "  ", comments, out)
        elif isinstance(value, dict) and value:
            if all(not isinstance(v, dict | list) for v in value.values()) and \
                    len(scalar(value)) + len(lead) + len(key) < WIDTH:
                out.append(f"{lead}{key}: {scalar(value)}")
            else:
                out.append(f"{lead}{key}:")
                for k, v in value.items():
                    if isinstance(v, list):
                        out.append(f"{indent}  {scalar(k)}:")
                        out += [f"{indent}    - {scalar(x)}" for x in v] or [f"{indent}    []"]
                    else:
                        out.append(f"{indent}  {scalar(k)}: {scalar(v)}")
        elif isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            out.append(f"{lead}{key}:")
            for j, item in enumerate(value):
                _mapping(schema, child, item, indent + "    ", comments and j == 0, out,
                         first_prefix=f"{indent}  - ")
        elif isinstance(value, list) and value and (
                len(scalar(value)) + len(lead) + len(key) >= WIDTH):
            out.append(f"{lead}{key}:")
            out += [f"{indent}  - {scalar(x)}" for x in value]
        else:
            out.append(f"{lead}{key}: {scalar(value)}")
    if comments and data:
        _left_out(schema, props, data, indent, out)


def _left_out(schema: dict[str, Any], props: dict[str, Any], data: dict[str, Any], indent: str,
              out: list[str]) -> None:
    """Optional keys not in ``data``, as comments, so a reader knows they exist."""
    for key, node in props.items():
        if key in data or key in ("extends", "currency", "clauses") or not node.get("examples"):
            continue
        out += _comment(schema, node, indent, key)
        out.append(f"{indent}# {key}: {scalar(yaml_value(node['examples'][0]))}")


def starter_text(data: dict[str, Any], header: list[str], comments: bool = True) -> str:
    """``data`` as an answer file, each key commented from the model."""
    schema = _schema()
    out = [f"# yaml-language-server: $schema={SCHEMA_FILE}", *(f"# {h}" for h in header), ""]
    _mapping(schema, schema, data, "", comments, out)
    return "\n".join(out) + "\n"


def _blank(schema: dict[str, Any], node: dict[str, Any], key: str, party_ids: list[str]) -> Any:
    """A value for a required key nobody has answered: tbc, or the structure around it."""
    node = resolve(schema, node)
    examples = node.get("examples") or [None]
    if "const" in node:
        return node["const"]
    if key in ESSENTIAL and key not in PARTY_KEYED:
        return NOT_KNOWN
    if "enum" in node or node.get("type") in ("boolean", "integer", "number") or (
            "anyOf" in node and examples[0] is not None):
        return examples[0]  # the common choice; its comment lists the others
    obj = object_of(schema, node)
    if key in PARTY_KEYED:
        lists = key in ("objectives", "responsibilities")
        if lists:
            return {pid: [NOT_KNOWN] for pid in ["shared", *party_ids]}
        return {pid: NOT_KNOWN for pid in party_ids}
    if node.get("type") == "array":
        if obj is not None:
            return [_blank_object(schema, obj, party_ids)]
        items = resolve(schema, node.get("items", {}))
        return examples[0] if "enum" in items else [NOT_KNOWN]
    if obj is not None:
        return _blank_object(schema, obj, party_ids)
    return NOT_KNOWN


def _blank_object(schema: dict[str, Any], obj: dict[str, Any],
                  party_ids: list[str]) -> dict[str, Any]:
    required = obj.get("required", [])
    return {key: _blank(schema, node, key, party_ids)
            for key, node in obj["properties"].items()
            if key in required or node.get(PROFILE_MARK)}


def blank_answers(party_ids: list[str], reference: str) -> dict[str, Any]:
    """Every required key, with tbc where nothing is known yet."""
    schema = _schema()
    data = _blank_object(schema, schema, party_ids)
    data.update(reference=reference, status="draft")
    data["parties"] = [{**_blank_object(schema, object_of(schema, schema["properties"]
                                                          ["parties"]) or {}, party_ids),
                        "id": pid} for pid in party_ids]
    for item in data["parties"]:
        item["short_name"] = item["name"] = NOT_KNOWN
    data["employer"] = party_ids[0]
    data["post"]["locations"] = [{"party": pid, "site": NOT_KNOWN} for pid in party_ids]
    data["governance"]["steering_group"]["members"] = [
        {"party": pid, "role": NOT_KNOWN} for pid in party_ids]
    data["conflicts_of_interest"]["decided_by"] = "steering_group"
    data["exit"]["postholder_reverts_to"] = party_ids[0]
    return data
