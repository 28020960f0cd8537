"""The answer file's JSON Schema (2020-12), generated from the model.

Editors use it for completion and hover help (the ``yaml-language-server``
line at the top of an answer file); ``docs/answer-file.md`` and ``docgen new``
read the same titles, descriptions and examples, so the three never disagree.
"""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from docgen.answers.fields import PLACES_MARK  # set on Money; read and removed here
from docgen.answers.forms import as_written
from docgen.answers.model import AnswerFile
from docgen.answers.organisation import (
    PARTY_KEYS,
    POLICY_KEYS,
    SECTION_MODELS,
    WHOLE_SECTIONS,
)
from docgen.answers.party_ids import ID_MAX_LENGTH, ID_PATTERN
from docgen.answers.ranges import schema_bounds

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://docgen.example/schema/answer-file-1.json"
SCHEMA_FILE = "answer-file.schema.json"  # the name `docgen schema --out` suggests


#: a default the model leaves unset, so a rule can tell a key not chosen, that its meaning
#: names: "'employer' (the default)"
SAID_DEFAULT = re.compile(r"'([a-z_]+)' \(the default\)")


#: a number written in quotes, as docgen reads it ("92000", "37.5"); with a given number of
#: decimal places at most, for money (pence)
QUOTED_NUMBER = r"^ *[0-9]+(\.[0-9]*)? *$"


def _quoted_number(places: int | None) -> dict[str, Any]:
    pattern = QUOTED_NUMBER if places is None else rf"^ *[0-9]+(\.[0-9]{{0,{places}}})? *$"
    return {"type": "string", "pattern": pattern}


#: the pattern of money written in quotes (Money's two decimal places): a node with it is
#: an amount of money, whichever key it is under (the workbook reads such cells as money)
QUOTED_MONEY = _quoted_number(2)["pattern"]


def is_quoted_number(node: dict[str, Any]) -> bool:
    """The quoted form of a number field: not a second type to describe in the reference."""
    pattern = str(node.get("pattern", ""))
    return node.get("type") == "string" and pattern.startswith(r"^ *[0-9]+(\.")


def _typed_default(node: dict[str, Any]) -> None:
    """A Decimal default is a string in pydantic's schema ("5"): the number, as the field
    is (an editor that inserts defaults would otherwise offer a string)."""
    default = node.get("default")
    if isinstance(default, str) and any(
            o.get("type") == "number" for o in node.get("anyOf", [node])):
        number = Decimal(default)
        node["default"] = int(number) if number == number.to_integral_value() else float(number)


def numbers_as_docgen_reads_them(node: Any) -> Any:
    """Decimal fields accept "78000" as well as 78000: the schema says so (a quoted number's
    pattern, which also holds money to two decimal places), so an editor marks nothing
    ``docgen check`` accepts. A money *number* with three decimals is left to the check
    (its message says so): ``multipleOf: 0.01`` would say it, but validators that divide
    binary floats (python-jsonschema among them) then refuse 0.07 or 92000.07."""
    if isinstance(node, dict):
        node = {k: numbers_as_docgen_reads_them(v) for k, v in node.items()}
        places = node.pop(PLACES_MARK, None)
        options = node.get("anyOf")
        if isinstance(options, list) and any(o.get("type") == "number" for o in options):
            node["anyOf"] = [_quoted_number(places) if o == {"type": "string"} else o
                             for o in options]
        _typed_default(node)
        return node
    if isinstance(node, list):
        return [numbers_as_docgen_reads_them(v) for v in node]
    return node


def _field_titles(body: dict[str, Any]) -> None:
    """Pydantic drops a field's title where the value is another model (a ``$ref``):
    put it back, so hover help names every key."""
    models: dict[str, type[BaseModel]] = {AnswerFile.__name__: AnswerFile}
    queue: list[type[BaseModel]] = [AnswerFile]
    while queue:
        for info in queue.pop().model_fields.values():
            for arg in (info.annotation, *typing.get_args(info.annotation)):
                for inner in (arg, *typing.get_args(arg)):
                    if isinstance(inner, type) and issubclass(inner, BaseModel) and \
                            inner.__name__ not in models:
                        models[inner.__name__] = inner
                        queue.append(inner)
    for name, model in models.items():
        target = body if model is AnswerFile else body["$defs"].get(name, {})
        for key, prop in target.get("properties", {}).items():
            found = model.model_fields.get(key)
            if found is not None and found.title and "title" not in prop:
                prop["title"] = found.title


#: marks a key an organisation profile may supply: "party" (the party's own profile) or
#: "employer" (the employer's profile policy); required unless the profile gives it
PROFILE_MARK = "x-docgen-profile"
PROFILE_NOTE = {"party": " May be left out when the party's organisation profile gives it.",
                "employer": " May be left out when the employer's organisation profile "
                            "gives it."}


def _profile_keys(body: dict[str, Any]) -> None:
    """Keys an organisation profile may supply are not required in the file as written
    (they are after merging): marked, so the reference and ``docgen new`` still treat
    them as needed, and a party may be a bare id."""
    marks: list[tuple[str | None, str, str]] = [("Party", key, "party") for key in PARTY_KEYS]
    marks += [(SECTION_MODELS[s].__name__, key, "employer")
              for s, keys in POLICY_KEYS.items() for key in keys]
    marks += [(None, section, "employer") for section in WHOLE_SECTIONS]
    for owner, key, who in marks:
        target = body if owner is None else body["$defs"][owner]
        prop = target["properties"][key]
        if key in target.get("required", []):
            target["required"].remove(key)
            prop[PROFILE_MARK] = who
            prop["description"] = prop.get("description", "") + PROFILE_NOTE[who]
    items = body["properties"]["parties"]["items"]
    body["properties"]["parties"]["items"] = {"anyOf": [items, {
        "type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH,
        "title": "Party id",
        "description": "A party given by its id alone takes its keys from its organisation "
                       "profile, organisations/<id>.yaml (docs/profiles.md).",
        "examples": ["eastwick"]}]}


def answer_file_schema() -> dict[str, Any]:
    """The JSON Schema of format 1, with each key's title, description, allowed values
    and example."""
    body = numbers_as_docgen_reads_them(AnswerFile.model_json_schema(mode="validation"))
    _field_titles(body)
    _profile_keys(body)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        **body,
        "title": "docgen answer file (format 1)",
        "description": ("One post shared between public bodies. Not known yet? Write tbc in "
                        "a text field or a post-holder date."),
    }


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with a ``$ref`` to ``$defs`` replaced by its target (one level)."""
    ref = node.get("$ref")
    if ref:
        target = schema["$defs"][ref.rsplit("/", 1)[-1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def object_of(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema inside ``node`` (through refs, optional-null and arrays), if any."""
    node = resolve(schema, node)
    if "properties" in node:
        return node
    for option in node.get("anyOf", []):
        found = object_of(schema, option)
        if found:
            return found
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return object_of(schema, node["items"])
    return None


def type_text(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """What a value may be, in words: ``one of: a, b``, ``date (2027-04-01)``, ``list of …``."""
    node = resolve(schema, node)
    if "enum" in node:
        return "one of: " + ", ".join(str(v) for v in node["enum"])
    if "const" in node:
        return f"{node['const']}"
    if "anyOf" in node:
        parts = [type_text(schema, o) for o in node["anyOf"]
                 if o.get("type") != "null" and not is_quoted_number(o)]
        return " or ".join(dict.fromkeys(parts))
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return "date (2027-04-01)"
        if node.get("pattern") == "^[Tt][Bb][Cc]$":
            return "tbc"
        if node.get("pattern") == ID_PATTERN:
            return "id (lower case, digits, _)"
        return "text"
    if kind in ("number", "integer"):
        word = "whole number" if kind == "integer" else "number"
        allowed = schema_bounds(node).table()
        return f"{word} {allowed}" if allowed else word
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        if "prefixItems" in node:
            return "[" + ", ".join(type_text(schema, i) for i in node["prefixItems"]) + "]"
        return "list of " + type_text(schema, node.get("items", {}))
    if kind == "object":
        if "properties" in node:
            return "mapping"
        values = next(iter(node.get("patternProperties", {}).values()), None)
        if values is None:
            values = node.get("additionalProperties") or {}
        key = "party id" if "patternProperties" in node else "label"
        return f"{key} → {type_text(schema, values) if values else 'value'}"
    return "value"


def default_text(node: dict[str, Any]) -> str | None:
    """A key's default as an answer file writes it (``false``, ``[agreement, contract]``,
    never Python's ``False`` or ``['agreement', ...]``), or the one its meaning names when
    the model leaves it unset; None when it has none."""
    default = node.get("default")
    if default in (None, [], {}):
        said = SAID_DEFAULT.search(node.get("description") or "")
        return said.group(1) if said else None
    return default if isinstance(default, str) else as_written(default)
