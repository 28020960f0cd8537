"""Shape errors that pydantic words for programmers, said for the person who wrote the file.

``validation.py`` turns every model error into a message; the kinds here have general
rules (an empty value, text the YAML reader took for a date or a yes/no answer, a value
too long, too many decimal places, a pair with one item, a list with too few items, a
value not in the form a pattern asks for), so no message shows a validator's wording
("String should have at least 1 character", "List should have at least 2 items") or a
Python value (``Decimal('1.5')``, ``None``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, get_args

from pydantic_core import ErrorDetails

from docgen.answers.forms import as_written, as_yaml, example, field_at, found, to_fill_in
from docgen.answers.notknown import is_not_known
from docgen.answers.ranges import RANGE_ERRORS, error_bounds, field_bounds
from docgen.errors import EDITED_RULE, OVERLAY_RULE, KeyPath

#: a rule id's form (an acceptance's ``rule``: terms.Acknowledgement's pattern)
RULE_ID_PATTERN = r"^[A-Z]+[0-9]+$"
RULE_ID = re.compile(RULE_ID_PATTERN)
#: the forms a pattern-checked value takes, in words, by the pattern (docgen/answers/fields.py
#: and terms.py); the reference and party ids have messages of their own in validation.py
PATTERNS = {
    RULE_ID_PATTERN: "must be a rule id as docgen rules lists it: capital letters then "
                     "digits, such as GP014",
}
#: warnings docgen gives that are no good-practice rule's, so no acknowledgement accepts
#: them (their ids are not in a rule id's form): each with its way out, as the form's
#: message would only say the id is not a rule id
NOT_ACKNOWLEDGED = {
    OVERLAY_RULE: f"the {OVERLAY_RULE} warning cannot be acknowledged: review the clause "
                  "overlay it names, then set its replaces_version as the warning says; "
                  "remove this entry",
    EDITED_RULE: f"the {EDITED_RULE} warning cannot be acknowledged: it says a document of "
                 "this post was changed by hand since docgen wrote it; keep the edited "
                 "document as it is, or build with --force to write the documents again "
                 "(the edited copy is kept beside them); remove this entry",
}
#: the party ids the "two or more partners" example adds to those a file gives
EXAMPLE_PARTIES = ("eastwick", "westmere")
#: what each pair (a tuple in the model) holds, in words
PAIRS = {"pay_range": "two amounts, the bottom and top of the range"}


def _may_be_tbc(path: KeyPath) -> str:
    info = field_at(path)
    return (" (or tbc while not known)" if info and "tbc while not known" in (
        info.description or "") else "")


def pair_path(err: ErrorDetails, path: KeyPath) -> KeyPath | None:
    """The key of a pair (``pay_range: [88000, 96000]``) given too few or too many items:
    pydantic names the missing item (``pay_range[1]``), the person wrote the pair."""
    info = field_at(path)
    text = str(info.annotation) if info is not None else ""
    if "tuple" not in text:
        return None
    if err["type"] == "missing" and path and isinstance(path[-1], int):
        return path[:-1]
    return path if err["type"] == "too_long" else None


def pair_message(path: KeyPath, party_ids: list[str]) -> str:
    key = str(path[-1])
    shown = example(path, party_ids)
    return f"give {PAIRS.get(key, 'two values')}" + (f", for example {shown}" if shown else "")


def plainly(err: ErrorDetails, path: KeyPath, party_ids: list[str]) -> str | None:
    """A message for the kinds of error with a general rule here, or None."""
    kind: str = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if is_not_known(value):
        return None  # tbc where docgen needs the value: forms.right_form says so
    if value is None and kind != "missing":  # 'key:' with nothing after it
        shown = example(path, party_ids)
        return ("must not be empty; fill it in" + (f", e.g. {shown}" if shown else "")
                + to_fill_in(shown) + _may_be_tbc(path)
                + (", or leave the key out" if _optional(path) else ""))
    if kind == "string_type":
        return _not_text(value, key)
    if kind == "string_too_short":
        least = int(ctx.get("min_length", 1))
        return "must not be empty" if least <= 1 else (
            f"must be at least {least:,} characters long{found(value)}")
    if kind == "string_too_long":
        return (f"must be at most {int(ctx.get('max_length', 0)):,} characters long "
                f"(this one has {len(str(value)):,})")
    if kind == "decimal_max_places":
        places = int(ctx.get("decimal_places", 2))
        rounded = (Decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                   if isinstance(value, Decimal | int) else None)
        eg = f", for example {as_written(rounded)}" if rounded is not None else ""
        unit = "to pence" if places == 2 else f"to {places} decimal places"
        return f"has more than {places} decimal places{found(value)}; round it {unit}{eg}"
    if kind == "literal_error" and (number := _number_quoted(value, path)) is not None:
        return (f"must be the number {number}, written without quotes{found(value)}; write "
                f"it as {as_yaml(key, number)}")
    if kind in RANGE_ERRORS:
        return _out_of_range(kind, ctx, value, path, party_ids)
    if kind == "too_short" and isinstance(value, list):
        return _too_few(int(ctx.get("min_length", 1)), value, path, party_ids)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERNS:
        pattern = str(ctx["pattern"])
        fixed = value.strip().upper() if isinstance(value, str) else ""
        if key == "rule" and fixed in NOT_ACKNOWLEDGED:
            return NOT_ACKNOWLEDGED[fixed]
        hint = f"; write it as {as_yaml(key, fixed)}" if fixed and key and re.match(
            pattern, fixed) else ""
        return f"{PATTERNS[pattern]}{found(value)}{hint}"
    return None


def _out_of_range(kind: str, ctx: dict[str, Any], value: Any, path: KeyPath,
                  party_ids: list[str]) -> str:
    """``must be more than 0 and at most 80 (found 0); for example hours_per_week: 37``:
    the whole range the key allows, and the model's example."""
    bounds = field_bounds(field_at(path))
    if bounds.low is None and bounds.high is None:  # an entry of a mapping: the error's bound
        bounds = error_bounds(kind, ctx)
    shown = example(path, party_ids)
    return (f"must be {bounds.sentence()}{found(value)}"
            + (f"; for example {shown}" if shown else ""))


def _too_few(least: int, value: list[Any], path: KeyPath, party_ids: list[str]) -> str:
    """A list with fewer items than it needs, said without pydantic's "List should have at
    least 2 items" and its dump of what was found: for ``parties``, that a shared post needs
    two partners, with the file's own ids in the example."""
    count = {0: "none", 1: "one"}.get(len(value), str(len(value)))
    if path == ("parties",):
        ids = [*party_ids, *(p for p in EXAMPLE_PARTIES if p not in party_ids)][:max(
            least, len(party_ids) + 1)]
        given = f": {', '.join(party_ids)}" if party_ids else ""
        return (f"a shared post needs two or more partners (found {count}{given}); list each "
                f"partner, e.g. parties: [{', '.join(ids)}]; a partner is given by its id when "
                "it has an organisation profile, else written out in full")
    shown = example(path, party_ids)
    return (f"needs at least {least} item{'s' if least != 1 else ''} (found {count})"
            + (f"; for example {shown}" if shown else "") + to_fill_in(shown))


def _number_quoted(value: Any, path: KeyPath) -> int | None:
    """The number a choice of numbers (``docgen: 1``) allows, written in quotes (``'1'``):
    YAML reads a quoted number as text."""
    info = field_at(path)
    allowed = get_args(info.annotation) if info is not None else ()
    return next((v for v in allowed if isinstance(v, int) and not isinstance(v, bool)
                 and isinstance(value, str) and value.strip() == str(v)), None)


def _optional(path: KeyPath) -> bool:
    info = field_at(path)
    return info is not None and not info.is_required() and not isinstance(path[-1], int)


def _not_text(value: Any, key: str) -> str:
    """Text expected, something else written: YAML read an unquoted date or yes/no."""
    if isinstance(value, bool):
        return ("must be text, not a yes/no answer (YAML reads an unquoted yes, no, on, off, "
                "true or false as one); put the text in quotes")
    if isinstance(value, dt.date):
        return (f"must be text{found(value)}, which YAML reads as a date; put it in quotes: "
                f"{key}: \"{as_written(value)}\"")
    what = "a list" if isinstance(value, list) else (
        "a mapping of keys to values" if isinstance(value, dict) else "a value of another kind")
    return f"must be text, not {what}{found(value)}"
