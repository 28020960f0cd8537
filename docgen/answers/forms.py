"""The right form of a value, with an example, for error messages people can act on.

A shape error names what is wrong and shows the key written the right way,
using the file's own party ids ("write it as shares: {eastwick: 50,
westmere: 50}"); the examples come from the model, like the reference.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known
from docgen.answers.typed_money import money_hint
from docgen.errors import KeyPath

MONEY_KEYS = {"salary", "rate", "amounts", "pay_range"}
PARTY_REFS = {"employer", "party", "hr_lead", "postholder_reverts_to"}
PARTY_KEYED = {"shares", "line_managers", "cost_shares", "amounts", "objectives",
               "responsibilities"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_KNOWN_PATTERN = "^[Tt][Bb][Cc]$"
#: what a field's description says leaving it out means ("leave out for no trial";
#: "Left out, the documents show a placeholder")
LEAVE_OUT = re.compile(r"\bleave out ([^.;]+)", re.IGNORECASE)
LEFT_OUT = re.compile(r"\bLeft out[,:] ([^.;]+)")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X | None``, ``list[X]``, ``dict[str, X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _walk(path: KeyPath) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model reached by following ``path`` from the top, and the last field named on the
    way (list indices and party-id keys inside mappings are passed over)."""
    model: type[BaseModel] | None = AnswerFile
    found: FieldInfo | None = None
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            continue  # a party id or label inside a mapping
        found, model = info, _model_in(info.annotation)
    return model, found


def field_at(path: KeyPath) -> FieldInfo | None:
    """The model field a key path names."""
    return _walk(path)[1]


def model_at(path: KeyPath) -> type[BaseModel] | None:
    """The model whose keys belong in the mapping at ``path`` (None below a plain value)."""
    return _walk(path)[0]


def _owner_fields(path: KeyPath) -> set[str]:
    """Names of every model field along ``path`` (to tell a field from a party-id key)."""
    names: set[str] = set()
    model: type[BaseModel] | None = AnswerFile
    for part in path:
        if isinstance(part, str) and model is not None and part in model.model_fields:
            names.add(part)
            model = _model_in(model.model_fields[part].annotation)
    return names


def yaml_value(value: Any) -> Any:
    """Example values as YAML would read them (ISO date strings become dates)."""
    if isinstance(value, str) and ISO_DATE.match(value):
        return dt.date.fromisoformat(value)
    if isinstance(value, dict):
        return {k: yaml_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [yaml_value(v) for v in value]
    return value


def as_yaml(key: str, value: Any) -> str:
    """``key: value`` on one line, in YAML flow style."""
    text = yaml.safe_dump({key: yaml_value(value)}, default_flow_style=True, width=10**6,
                          allow_unicode=True, sort_keys=False).strip()
    return text[1:-1] if text.startswith("{") else text


#: a section's example longer than this is shown with its longer values as ``...``
SHORT_EXAMPLE = 120
#: a value of a section's example longer than this is shown as ``...`` when it is abridged
SHORT_VALUE = 32
#: what an abridged example (a long section's) is written with in place of a value
ELIDED = "..."


def _section(info: FieldInfo | None) -> type[BaseModel] | None:
    """The model a key holds itself (``post: {...}``), not in a list or a mapping of them."""
    if info is None or get_origin(info.annotation) in (list, dict, tuple):
        return None
    model = _model_in(info.annotation)
    return model if info.annotation is model or model in get_args(info.annotation) else None


def _required_keys(path: KeyPath, model: type[BaseModel],
                   party_ids: list[str]) -> dict[str, Any]:
    """The keys ``model`` requires with their examples (this file's party ids in them), so
    the example of a missing section is one that validates, not one optional key."""
    value: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.is_required():
            shown = _example_value((*path, name), party_ids)
            value[name] = shown[1] if shown is not None else ELIDED
    return value


def _with_parties(value: Any, party_ids: list[str]) -> Any:
    """A list example's items with this file's party ids (``locations: [{party: ...}]``)."""
    if not party_ids or not isinstance(value, list):
        return value
    return [{**item, "party": party_ids[min(i, len(party_ids) - 1)]}
            if isinstance(item, dict) and "party" in item else item
            for i, item in enumerate(value)]


def _example_value(path: KeyPath, party_ids: list[str]) -> tuple[str, Any] | None:
    """The key at ``path`` and its example value, with this file's party ids."""
    info = field_at(path)
    key = next((p for p in reversed(path) if isinstance(p, str) and info is not None
                and p in _owner_fields(path)), None)
    if info is None or key is None:
        return None
    section = _section(info) if path[-1] == key else None
    required = _required_keys(path, section, party_ids) if section is not None else {}
    if required:
        return key, required
    if not info.examples:
        return None
    value = _with_parties(info.examples[0], party_ids)
    if key in PARTY_KEYED and isinstance(value, dict) and len(party_ids) >= 2:
        sample = list(value.values())
        if key in ("shares", "cost_shares") and sample and isinstance(sample[0], int | float):
            each = round(100 / len(party_ids), 2)  # an even split: the shares add up
            value = {pid: int(each) if each == int(each) else each for pid in party_ids}
        else:
            value = {pid: sample[min(i, len(sample) - 1)] for i, pid in enumerate(party_ids)}
    elif key in PARTY_REFS and party_ids:
        value = party_ids[0]
    if path and path[-1] != key and isinstance(value, dict) and value:
        # one entry of a mapping: this party's own, so the example is right for the key
        key, value = str(path[-1]), value.get(path[-1], next(iter(value.values())))
    return key, value


def example(path: KeyPath, party_ids: list[str]) -> str | None:
    """The key at ``path`` written the right way, with this file's party ids where it has
    any; a section (``job:``) with every key it requires, its longer values as ``...`` when
    written whole it would be too long to read; None when the model gives no example."""
    return _example(tuple(path), tuple(party_ids))


@functools.lru_cache(maxsize=1024)
def _example(path: KeyPath, party_ids: tuple[str, ...]) -> str | None:
    """:func:`example`, remembered: it depends on the model alone, and the interview's check
    of a half-answered post asks it for each missing key on every page (PyYAML writes each
    example out: 1% of the test suite's time went here)."""
    shown = _example_value(path, list(party_ids))
    if shown is None:
        return None
    key, value = shown
    text = as_yaml(key, value)
    if len(text) > SHORT_EXAMPLE and _section(field_at(path)) is not None \
            and isinstance(value, dict):
        text = as_yaml(key, {k: v if len(as_yaml(k, v)) - len(k) - 2 <= SHORT_VALUE
                             else ELIDED for k, v in value.items()})
    return text.replace(f"'{ELIDED}'", ELIDED)  # a gap to fill in, not a value in quotes


def to_fill_in(shown: str | None) -> str:
    """What to do with an abridged example's ``...`` (nothing when it has none)."""
    return (f", giving each {ELIDED} its value; docgen new --like hr FILE writes a complete "
            "answer file to copy them from") if shown and f" {ELIDED}" in shown else ""


def as_written(value: Any) -> str:
    """A value as the person would write it in the file: ``2027-04-01``, ``92000.555``,
    ``true``, ``[88000]``, ``nothing`` (never a Python repr such as ``Decimal('1.5')``)."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):  # a datetime too: 2027-04-01T09:00:00
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(as_written(v).strip("'") for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {as_written(v).strip(chr(39))}"
                               for k, v in value.items()) + "}"
    return str(value)


#: the longest value a message names as what an answer left out takes (an answer file's
#: base or its employer's profile, a workbook row's Base file); a longer one is "its value"
SHOWN_CHARS = 60


def value_taken(value: Any) -> str:
    """A value another file gives, as a message names it: as written, or "its value" when
    longer than :data:`SHOWN_CHARS` (the answer file and the workbook say it alike)."""
    shown = as_written(value).strip("'")
    return shown if len(shown) <= SHOWN_CHARS else "its value"


def found(value: Any) -> str:
    """`` (found …)``: the value as written, shortened."""
    text = as_written(value)
    return f" (found {text if len(text) <= 40 else text[:37] + '...'})"


def _number_meant(value: Any) -> int | float | None:
    """The number in '60%', '£520' or '1,000' (the sign or commas dropped), if there is one,
    so a suggestion repeats the person's own number, not the model's example."""
    text = value.strip().rstrip("%").lstrip("£").replace(",", "").strip() if isinstance(
        value, str) else ""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return None
    if not number.is_finite():
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def needed_now(value: Any, eg: str = "", left_out: str = "") -> str:
    """A value not known yet (``tbc``) where docgen needs one to write the documents, said
    one way wherever it is found: an answer file, an Other answers row, a workbook's cell
    (``eg``: ", e.g. 92000", or nothing). A key that may be left out (``left_out``: "leave
    end_date out for an open-ended arrangement") is not needed: both fixes are offered."""
    if left_out:
        return (f"is not known yet{found(value)}, and this key takes no tbc: it is given or "
                f"left out; fill it in{eg}, or {left_out}")
    return (f"is not known yet{found(value)}, but docgen needs it to write the documents; "
            f"fill it in{eg}")


def leaving_out(path: KeyPath) -> str:
    """How to leave out the optional key at ``path`` and what that means, from the model
    ("leave trial_months out for no trial"); "" for a key docgen needs or a list item."""
    key = path[-1] if path else None
    owner = model_at(path[:-1])
    info = owner.model_fields.get(key) if owner and isinstance(key, str) else None
    if info is None or info.is_required():
        return ""
    said = LEAVE_OUT.search(info.description or "")
    if said is not None:
        return f"leave {key} out {said.group(1).strip()}"
    said = LEFT_OUT.search(info.description or "")
    if said is not None:
        return f"leave {key} out ({said.group(1).strip()})"
    if info.default not in (None, [], {}):
        return f"leave {key} out for the default, {as_written(info.default).strip(chr(39))}"
    return f"leave {key} out (it is optional)"


def right_form(err: ErrorDetails, path: KeyPath, party_ids: list[str],
               left_out: str | None = None) -> str | None:
    """A message for a shape error that shows the right form, or None to keep the default.
    ``left_out``: what leaving the key out takes, where not what the model says (a base
    file gives it)."""
    kind: str = err["type"]
    value = err.get("input")
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    shown = example(path, party_ids)
    eg = f", e.g. {shown}" if shown else ""
    if is_not_known(value) and kind not in ("missing", "extra_forbidden"):
        if kind == "literal_error":
            eg = f" with one of {(err.get('ctx') or {}).get('expected', '')}"
        return needed_now(value, eg, leaving_out(path) if left_out is None else left_out)
    if kind.startswith(("date_", "datetime_")):
        info = field_at(path)
        also = " (or tbc while not known)" if info and "tbc" in (info.description or "") else ""
        if isinstance(value, dt.datetime) and key:  # 2027-04-01T09:00:00: drop the time
            return (f"write the date without a time, as {as_yaml(key, value.date())}"
                    f"{found(value)}")
        return f"write dates as 2027-04-01 (year-month-day){also}{found(value)}"
    if kind.startswith(("decimal_", "float_", "int_")) and kind.endswith(
            ("_type", "_parsing", "_from_float")):
        if key in MONEY_KEYS or (len(path) > 1 and path[-2] in MONEY_KEYS):
            hint = money_hint(value, plain_only=True) if isinstance(value, str) else ""
            return (f"write money as a number, e.g. 78000 (no £ sign or commas){found(value)}"
                    f"{hint}")
        whole = "a whole number" if kind.startswith("int_") else "a number"
        meant = _number_meant(value) if whole == "a number" else None
        shown = as_yaml(key, meant) if meant is not None and key else shown
        return f"must be {whole}{found(value)}; write it as {shown or 'a number'}"
    if kind.startswith("bool_"):
        return f"write true or false{found(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list{found(value)}; write it as {shown or key + ': [...]'}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        what = ("must map each party id to a value" if key in PARTY_KEYED
                else "must be a mapping of keys to values")
        return f"{what}{found(value)}; write it as {shown or key + ': {...}'}{to_fill_in(shown)}"
    if kind == "string_pattern_mismatch" and key in PARTY_REFS | {"decided_by"} and party_ids:
        extra = " (or steering_group)" if key == "decided_by" else ""
        return (f"must be the id of one of the parties{extra}: {', '.join(party_ids)}"
                f"{found(value)}")
    return None


def not_known_branch(err: ErrorDetails) -> bool:
    """The ``tbc`` branch of a ``date | tbc`` union: reported once, by the date message."""
    return err["type"] == "string_pattern_mismatch" and (
        (err.get("ctx") or {}).get("pattern") == NOT_KNOWN_PATTERN)
