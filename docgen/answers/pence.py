"""Money written with three figures after the point is refused, never read as pence.

``salary: 104.250`` is a thousands separator typed the continental way. pydantic's "two
decimal places" counts it as ``104.25`` (the last zero dropped), so the contract would
pay a salary of £104.25 without a word. docgen's loader keeps a number as written
(``Decimal('104.250')``), so the figures typed after the point can still be counted here,
once the answers are a model: every value of a ``Money`` field (``fields.Money``, marked
for the schema with ``PLACES_MARK``) is looked at, wherever the model holds one.
"""

from __future__ import annotations

import functools
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.answers.fields import PLACES_MARK
from docgen.answers.yamlfile import Located
from docgen.errors import KeyPath, Problem


def _is_money(tp: Any) -> bool:
    """Whether a type is, or holds, ``Money`` (a pair of them, a mapping to them, optional)."""
    for meta in getattr(tp, "__metadata__", ()):
        extra = getattr(meta, "json_schema_extra", None)
        if isinstance(meta, FieldInfo) and isinstance(extra, dict) and PLACES_MARK in extra:
            return True
    return any(_is_money(arg) for arg in typing.get_args(tp))


@functools.cache
def _holds_money(model: type[BaseModel], name: str) -> bool:
    """Whether a model's field holds money (worked out once a field, and only for a field
    holding a number: a model's 150 fields, each type walked, are a millisecond a run)."""
    return is_money_field(model.model_fields[name])


def is_money_field(info: FieldInfo | None) -> bool:
    """Whether a model field holds money (``Money``, or a pair, mapping or option of it):
    the interview reads what is typed at such a question as money (``answers/typed_money``)."""
    return info is not None and (_is_money(info.annotation) or _is_money_info(info))


def _is_money_info(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and PLACES_MARK in extra


Field = tuple[type[BaseModel], str] | None  # the model field a value is in, if any


#: values that hold no money and nothing inside: passed over at once
_PLAIN = frozenset({str, int, bool, type(None), date})


def _values(answers: BaseModel) -> list[tuple[KeyPath, Decimal]]:
    """Every value of a ``Money`` field, wherever the model holds one, in the model's order
    (one recursive walk, the key path made into a tuple only for a value found)."""
    found: list[tuple[KeyPath, Decimal]] = []
    trail: list[str | int] = []

    def walk(value: Any, field: Field) -> None:
        if type(value) in _PLAIN:
            return
        if isinstance(value, BaseModel):
            model = type(value)
            for name in model.model_fields:
                trail.append(name)
                walk(getattr(value, name), (model, name))
                trail.pop()
        elif isinstance(value, dict | list | tuple):
            for key, item in value.items() if isinstance(value, dict) else enumerate(value):
                trail.append(key)
                walk(item, field)
                trail.pop()
        elif isinstance(value, Decimal) and field is not None and _holds_money(*field):
            found.append((tuple(trail), value))

    walk(answers, None)
    return found


def pence_problems(answers: BaseModel, located: Located) -> list[Problem]:
    """An error for each sum of money written with three or more figures after the point,
    or as a power of ten ("1e5": Decimal reads it as 100000, where the workbook and the
    interview refuse it; a figure written out, or a YAML number, never has an exponent)."""
    problems = []
    for path, value in _values(answers):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            problems.append(located.problem(path, (
                f"is written as a power of ten ({value}); write money in figures, e.g. "
                f"{value:f}")))
        elif isinstance(exponent, int) and exponent <= -3:
            problems.append(located.problem(path, (
                f"has {-exponent} figures after the point ({value}): a point marks pence, "
                f"never thousands; {_meant(value, exponent)}")))
    return problems


def _meant(value: Decimal, exponent: int) -> str:
    """What to write instead. ``104.250`` may be £104,250 typed with a thousands point, or
    £104.25; ``92000.000`` (a thousand or more before the point) is £92,000 with zeros
    after it, never £92,000,000: telling the user to write 92000000 would make the contract
    pay that."""
    pence = value.quantize(Decimal("0.01"))
    if value >= 1000 or -exponent != 3:
        return f"write {pence.normalize():f}" if pence == pence.to_integral() else \
            f"write {pence}"
    return f"for £{value.scaleb(3):,} write {value.scaleb(3)}; for £{pence} write {pence}"
