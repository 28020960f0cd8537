"""Bounds on clause rendering: clause text is a template a lawyer (or anyone who can
write an overlay folder) edits, so a loop, a repeated string or a slow condition must
end with an error naming the clause, not hang a build or exhaust memory.

Jinja's sandbox already forbids attribute tricks. This adds, in one place and the same
in every thread (the web server renders in worker threads, where no signal can stop
a render), a :class:`Budget` per render: every loop iteration and every call is
counted and the clock checked as it goes; ``range`` is short; and every operator,
filter and string method that builds text (``*``, ``+``, ``%``, ``~``, ``center``,
``format``, ``replace``, ``join``, ``indent``...) is refused before it would build more
than :data:`MAX_OUTPUT` characters. SIGALRM, where it can be used safely (the main
thread), is a second guard (:mod:`docgen.clauses.alarm`).
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import re
import time
from collections.abc import Callable, Iterable, Iterator
from types import CodeType, FunctionType
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError

from docgen.clauses.attributes import RememberingSandbox as RememberingSandbox  # fill's too
from docgen.clauses.printing import ESCAPES, FinalizedOutput

MAX_RANGE = 1_000  # items in one range(); clauses count parties and dates, not more
MAX_RANGEBUDGET = 20_000  # range() items in one render, nested loops included
MAX_OUTPUT = 200_000  # characters one clause may render (the longest is about 3,000)
MAX_SECONDS = 5.0  # one clause's render
MAX_STEPS = 200_000  # loop iterations and calls in one render (a clause makes a few hundred)
#: what every ``{% for %}`` iterates through, and every part ``~`` joins passes: attributes
#: of the environment (``environment.docgen_counted``), which clause text cannot name, so
#: cannot replace (as a name, ``{% set %}`` or a macro of that name set the loop guard aside)
LOOP_GUARD = "docgen_counted"
CONCAT_GUARD = "docgen_bounded"


class Budget:
    """What one render may still spend: range() items, steps, and time (a plain class
    with slots: a document makes some forty)."""

    __slots__ = ("ranges", "steps", "deadline")

    def __init__(self) -> None:
        self.ranges = MAX_RANGEBUDGET
        self.steps = MAX_STEPS
        self.deadline = time.monotonic() + MAX_SECONDS


BUDGET: contextvars.ContextVar[Budget] = contextvars.ContextVar("docgen_render_budget")


class render_budget:  # noqa: N801 - used as the function it was: ``with render_budget():``
    """A fresh budget for one clause's text or condition (per thread and context).

    A class, not a generator-based context manager: a post enters some 200 of them.
    """

    __slots__ = ("_token",)

    def __enter__(self) -> Budget:
        budget = Budget()
        self._token = BUDGET.set(budget)
        return budget

    def __exit__(self, *exc: object) -> None:
        BUDGET.reset(self._token)


def step(n: int = 1) -> None:
    """Spend ``n`` steps of the render's budget; past it, or past its time, stop."""
    budget = BUDGET.get(None)
    if budget is None:
        return
    budget.steps -= n
    if budget.steps < 0:
        raise SecurityError(f"loops in this clause run more than {MAX_STEPS:,} times in all; "
                            "simplify them")
    if budget.steps & 255 == 0 and time.monotonic() > budget.deadline:
        raise SecurityError(f"it took over {MAX_SECONDS:g} s")


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """What every ``{% for %}`` of clause text iterates: each item is a step."""
    for item in iterable:
        step()
        yield item


def bounded_range(*args: int) -> range:
    """``range`` for clause text: short, and counted against the render's budget."""
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range() of {len(r):,} items; clause text may loop over at most "
                            f"{MAX_RANGE:,}")
    budget = BUDGET.get(None)
    if budget is not None:
        budget.ranges -= len(r)
        if budget.ranges < 0:
            raise SecurityError(f"loops in this clause run more than {MAX_RANGEBUDGET:,} "
                                "times in all; simplify them")
    return r


def _too_long(size: int) -> None:
    if size > MAX_OUTPUT:
        raise SecurityError(f"a text or list of more than {MAX_OUTPUT:,} characters or items "
                            "would be built")


def bounded(value: Any) -> Any:
    """``value``, unless it is a text or list longer than :data:`MAX_OUTPUT`."""
    if isinstance(value, str | list | tuple):
        _too_long(len(value))
    return value


#: a width or precision in %-formatting or str.format: "%0999999d", "{:>999999}", "{:{}}"
_PERCENT_WIDTH = re.compile(r"%[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_SPEC = re.compile(r"\{[^{}]*:([^{}]*)(\{)?")
_DIGITS = re.compile(r"\d+")


def _check_widths(template: str, percent: bool) -> None:
    """Refuse a format whose widths could build a huge text (or come from arguments)."""
    if percent:
        found = [g for m in _PERCENT_WIDTH.finditer(template) for g in m.groups() if g]
    else:
        found = [g for m in _FORMAT_SPEC.finditer(template)
                 for g in (*_DIGITS.findall(m.group(1)), m.group(2)) if g]
    for width in found:
        if not width.isdigit():
            raise SecurityError("a format width taken from an argument in clause text; write "
                                f"widths as numbers of at most {MAX_OUTPUT:,}")
        if int(width) > MAX_OUTPUT:
            raise SecurityError(f"a format width of {int(width):,} in clause text; widths are "
                                f"at most {MAX_OUTPUT:,}")


def _join_size(items: list[Any], sep: str) -> int:
    return sum(len(str(x)) for x in items) + len(sep) * max(len(items) - 1, 0)


def _replace_size(text: str, old: str, new: str, count: int | None = None) -> int:
    times = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


def _str_method_size(obj: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a string method that would build a huge text, before it runs."""
    text = obj.__self__
    if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        _too_long(args[0])
    elif name == "expandtabs":
        _too_long(len(text) * int(args[0] if args else kwargs.get("tabsize", 8)))
    elif name == "replace" and len(args) >= 2:
        _too_long(_replace_size(text, str(args[0]), str(args[1]), *args[2:3]))
    elif name in ("format", "format_map"):
        _check_widths(text, percent=False)


def _bounded_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses, before running, what would build a huge text, and whose
    result is bounded too."""
    # a filter marked pass_context/eval_context/environment gets that first
    offset = 1 if getattr(original, "jinja_pass_arg", None) is not None else 0
    if name in _PRECHECKED:  # only these read their arguments (inspect is slow to ask)
        signature = _signature(original, offset)

    prechecked = name in _PRECHECKED

    @functools.wraps(original)  # keeps Jinja's pass_context/eval_context marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        step()
        if prechecked:
            given = signature.bind(*args[offset:], **kwargs).arguments
            if name == "center":
                _too_long(int(given.get("width", 80)))
            elif name == "format":
                _check_widths(str(given.get("value", "")), percent=True)
            elif name == "replace":
                _too_long(_replace_size(str(given["s"]), str(given["old"]), str(given["new"]),
                                        given.get("count")))
            elif name == "indent":
                width = given.get("width", 4)
                text = str(given.get("s", ""))
                _too_long(len(text) + (text.count("\n") + 1) * (
                    width if isinstance(width, int) else len(str(width))))
            elif name == "join":
                items = list(counted(given.get("value", ())))  # a generator, read once
                if len(args) > offset:
                    args = (*args[:offset], items, *args[offset + 1:])
                _too_long(_join_size(items, str(given.get("d", ""))))
            elif name in ("slice", "batch"):
                count = given.get("slices", given.get("linecount", 1))
                if isinstance(count, int) and count > MAX_RANGE:
                    raise SecurityError(f"{name} into more than {MAX_RANGE:,} parts")
        return bounded(original(*args, **kwargs))
    return guarded


_PRECHECKED = frozenset({"center", "format", "replace", "indent", "join", "slice", "batch"})


def _signature(original: Callable[..., Any], offset: int) -> inspect.Signature:
    """The arguments a filter's caller passes: its signature (followed to the function it
    wraps), without the context Jinja passes first, which it may or may not show."""
    signature = inspect.signature(original)
    params = list(signature.parameters.values())
    if offset and params and params[0].name in ("eval_ctx", "context", "environment", "env"):
        signature = signature.replace(parameters=params[1:])
    return signature


class BoundedEnvironment(RememberingSandbox):
    """The sandbox, with loops counted, ``*``, ``**``, ``+``, ``%`` and ``~`` unable to build
    huge texts or numbers, and every filter and call bounded (see the module's doc).

    With a ``finalize`` marked :func:`escaping`, printed values are not escaped twice."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if getattr(self.finalize, ESCAPES, False):
            self.code_generator_class = FinalizedOutput
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.docgen_counted = counted  # LOOP_GUARD
        self.docgen_bounded = bounded  # CONCAT_GUARD
        self._plain: set[CodeType] = set()
        self.trust(counted, bounded, bounded_range)

    def trust(self, *functions: Callable[..., Any]) -> None:
        """Let clause text call these plain functions of docgen's without Jinja's checks for
        marks they do not have (no context passed, not unsafe, not wrapping another): a
        call through Jinja cost some 3 µs, and a document makes 35. Each call is still a
        step, and its result bounded."""
        for fn in functions:
            if type(fn) is not FunctionType or fn.__dict__:
                raise TypeError(f"{fn!r} is not a plain function")
            self._plain.add(fn.__code__)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every ``{% for %}`` iterates through :func:`counted` (so each item is a step)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = self._call(LOOP_GUARD, loop.iter, loop.lineno)
        for concat in list(tree.find_all(nodes.Concat)):  # ``~``: bounded like ``+``
            concat.nodes = [self._call(CONCAT_GUARD, n, concat.lineno) for n in concat.nodes]
        return tree

    def _call(self, name: str, arg: nodes.Node, lineno: int) -> nodes.Call:
        """``environment.name(arg)`` as a node of the parsed template, at ``lineno``: no name
        a template can bind (a global could be shadowed by ``{% set %}``)."""
        call = nodes.Call(nodes.EnvironmentAttribute(name), [arg], [], None, None)
        call.set_lineno(lineno)  # both set the node and its children in place
        call.set_environment(self)
        return call

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        step()
        if type(__obj) is FunctionType and __obj.__code__ in __self._plain and not __obj.__dict__:
            kwargs.pop("_block_vars", None)  # what Jinja's Context.call does for these
            kwargs.pop("_loop_vars", None)
            try:
                return bounded(__obj(*args, **kwargs))
            except StopIteration:
                return bounded(__self.undefined("value was undefined because a callable "
                                                "raised a StopIteration exception"))
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        if isinstance(getattr(method, "__self__", None), str):
            name = getattr(method, "__name__", "")
            _str_method_size(method, name, args, kwargs)
            if name == "join" and args:  # a generator is counted as it is read
                items = list(counted(args[0]))
                _too_long(_join_size(items, method.__self__))
                args = (items, *args[1:])
        return bounded(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        step()
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("an exponent over 64 in clause text")
        if operator == "*":
            seq, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(seq, str | list | tuple) and isinstance(times, int) and \
                    len(seq) * times > MAX_OUTPUT:
                raise SecurityError(f"a repeated text of more than {MAX_OUTPUT:,} characters")
        if operator == "+" and isinstance(left, str | list | tuple) and \
                isinstance(right, str | list | tuple):
            _too_long(len(left) + len(right))
        if operator == "%" and isinstance(left, str):
            _check_widths(left, percent=True)
        return bounded(super().call_binop(context, operator, left, right))
