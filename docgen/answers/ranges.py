"""A number's allowed range in words: "more than 0 and at most 80", "from 1 to 600".

One wording for the messages ``docgen check`` gives (read from the model's constraints)
and for ``docs/answer-file.md`` (read from the JSON Schema), so a bound that refuses its
own value (``gt=0``) is never described as allowing it, and a large bound is written
100,000,000, not 1e+08.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic.fields import FieldInfo

from docgen._records import record


def number_words(value: Any) -> str:
    """``100000000`` → ``100,000,000``; ``0.5`` → ``0.5``; ``80.0`` → ``80``."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return format(number.normalize(), ",f")


@record(frozen=True)
class Bounds:
    """The lowest and highest values allowed; ``*_open``: the bound itself is refused."""

    low: Any = None
    low_open: bool = False
    high: Any = None
    high_open: bool = False

    def _low(self) -> str:
        return f"{'more than' if self.low_open else 'at least'} {number_words(self.low)}"

    def _high(self) -> str:
        return f"{'less than' if self.high_open else 'at most'} {number_words(self.high)}"

    def holds(self, value: Any) -> bool:
        """Whether ``value`` is within these bounds (as the model's validation would find)."""
        return ((self.low is None or (value > self.low if self.low_open else value >= self.low))
                and (self.high is None
                     or (value < self.high if self.high_open else value <= self.high)))

    def sentence(self) -> str:
        """For a message: ``from 1 to 600``, ``more than 0 and at most 80``."""
        if self.low is not None and self.high is not None:
            if not (self.low_open or self.high_open):
                return f"from {number_words(self.low)} to {number_words(self.high)}"
            return f"{self._low()} and {self._high()}"
        return self._low() if self.low is not None else (
            self._high() if self.high is not None else "")

    def table(self) -> str:
        """For the reference's type column: ``0 to 100``, ``more than 0 up to 80``."""
        if self.low is not None and self.high is not None:
            if not (self.low_open or self.high_open):
                return f"{number_words(self.low)} to {number_words(self.high)}"
            top = ("up to, not including" if self.high_open else "up to")
            return f"{self._low()} {top} {number_words(self.high)}"
        return self.sentence()


def _tighter_low(bounds: Bounds, value: Any, is_open: bool) -> Bounds:
    if bounds.low is None or value > bounds.low or (value == bounds.low and is_open):
        return Bounds(value, is_open, bounds.high, bounds.high_open)
    return bounds


def _tighter_high(bounds: Bounds, value: Any, is_open: bool) -> Bounds:
    if bounds.high is None or value < bounds.high or (value == bounds.high and is_open):
        return Bounds(bounds.low, bounds.low_open, value, is_open)
    return bounds


def _metadata(info: FieldInfo) -> list[Any]:
    """The field's constraints; for ``Annotated[int, Field(...)] | None``, the inner type's."""
    found = list(info.metadata)
    for arg in typing.get_args(info.annotation):
        for extra in getattr(arg, "__metadata__", ()):
            found += list(getattr(extra, "metadata", [extra]))
    return found


def field_bounds(info: FieldInfo | None) -> Bounds:
    """The range the model allows for a field (empty :class:`Bounds` if it sets none)."""
    bounds = Bounds()
    for item in _metadata(info) if info is not None else []:
        if isinstance(item, Gt | Ge):
            low: Any = item.gt if isinstance(item, Gt) else item.ge
            bounds = _tighter_low(bounds, low, isinstance(item, Gt))
        elif isinstance(item, Lt | Le):
            high: Any = item.lt if isinstance(item, Lt) else item.le
            bounds = _tighter_high(bounds, high, isinstance(item, Lt))
    return bounds


def error_bounds(kind: str, ctx: dict[str, Any]) -> Bounds:
    """The one bound a pydantic range error names (``greater_than``: ``ctx['gt']``)."""
    sides = {"greater_than": ("gt", True, True), "greater_than_equal": ("ge", True, False),
             "less_than": ("lt", False, True), "less_than_equal": ("le", False, False)}
    name, is_low, is_open = sides[kind]
    value = ctx.get(name)
    return Bounds(value, is_open) if is_low else Bounds(high=value, high_open=is_open)


def schema_bounds(node: dict[str, Any]) -> Bounds:
    """The range a JSON Schema number allows."""
    bounds = Bounds()
    for key, is_open in (("minimum", False), ("exclusiveMinimum", True)):
        if key in node:
            bounds = _tighter_low(bounds, node[key], is_open)
    for key, is_open in (("maximum", False), ("exclusiveMaximum", True)):
        if key in node:
            bounds = _tighter_high(bounds, node[key], is_open)
    return bounds


RANGE_ERRORS = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")

__all__ = ["RANGE_ERRORS", "Bounds", "error_bounds", "field_bounds", "number_words",
           "schema_bounds"]
