"""Bounds on clause rendering: clause text is a template a lawyer (or anyone who can
write an overlay folder) edits, so a loop, a repeated string or a slow condition must
end with an error naming the clause, not hang a build or exhaust memory.

Jinja's sandbox already forbids attribute tricks; this adds a short ``range``
counted against a budget per render, ``*`` and ``**`` that cannot build huge
values, and a time limit (SIGALRM, where it can be used safely).
"""

from __future__ import annotations

import abc
import contextlib
import contextvars
import signal
import threading
from collections.abc import Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RANGE = 1_000  # items in one range(); clauses count parties and dates, not more
MAX_RANGEBUDGET = 20_000  # range() items in one render, nested loops included
MAX_OUTPUT = 200_000  # characters one clause may render (the longest is about 3,000)
MAX_SECONDS = 5.0  # one clause's render
BUDGET: contextvars.ContextVar[list[int]] = contextvars.ContextVar("docgen_range_budget")


def bounded_range(*args: int) -> range:
    """``range`` for clause text: short, and counted against the render's budget."""
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range() of {len(r):,} items; clause text may loop over at most "
                            f"{MAX_RANGE:,}")
    budget = BUDGET.get(None)
    if budget is not None:
        budget[0] -= len(r)
        if budget[0] < 0:
            raise SecurityError(f"loops in this clause run more than {MAX_RANGEBUDGET:,} "
                                "times in all; simplify them")
    return r


class RememberingSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, answering "may a template read this attribute?" once per
    (class, attribute name) instead of on every access (a post reads some 800).

    Jinja's answer depends on the attribute name and on ``isinstance`` checks of the
    object's class (functions, frames, generators; list, dict, set, deque and their
    abstract base classes). Remembered answers are keyed on the ABC registry's cache
    token as well, so registering a class as a mutable sequence later is seen at once;
    an object that claims another ``__class__`` is always asked afresh.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str, object], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        cls = type(obj)
        try:
            plain = obj.__class__ is cls
        except Exception:  # noqa: BLE001 - a strange __class__: ask Jinja every time
            plain = False
        if not plain:
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr, abc.get_cache_token())
        safe = self._safe.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(self._safe) < 4096:
                self._safe[key] = safe
        return safe


class BoundedEnvironment(RememberingSandbox):
    """The sandbox, with ``*`` and ``**`` unable to build huge strings or numbers."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("an exponent over 64 in clause text")
        if operator == "*":
            seq, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(seq, str | list | tuple) and isinstance(times, int) and \
                    len(seq) * times > MAX_OUTPUT:
                raise SecurityError(f"a repeated text of more than {MAX_OUTPUT:,} characters")
        return super().call_binop(context, operator, left, right)


class _TooSlow(TimeoutError):
    """A clause's render ran past MAX_SECONDS."""


#: inside ``time_limits()``: [seconds of the running timer (its handler's message), 1 while
#: one runs]; None elsewhere. Per thread and context, like the budget.
_SHARED: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar(
    "docgen_shared_alarm", default=None)


def _usable() -> bool:
    """SIGALRM can be used: POSIX, the main thread, and nobody else's alarm in use."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is
            threading.main_thread() and signal.getsignal(signal.SIGALRM) in
            (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextlib.contextmanager
def time_limits() -> Iterator[None]:
    """Let the time limits inside (one document's clauses) share one SIGALRM
    handler: each then only sets and clears its own timer, instead of checking and
    installing a handler every time (a document renders some 300 of them)."""
    if _SHARED.get() is not None or not _usable():
        yield
        return
    shared = [0.0, 0]

    def stop(_signum: int, _frame: object) -> None:
        raise _TooSlow(f"it took over {shared[0]:g} s")

    signal.signal(signal.SIGALRM, stop)
    token = _SHARED.set(shared)
    try:
        yield
    finally:
        _SHARED.reset(token)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a render that loops without printing (POSIX, main thread, SIGALRM unused).

    Elsewhere (a web server's worker thread) the output and loop budgets still hold.
    """
    shared = _SHARED.get()
    if shared is not None:  # inside time_limits(): the handler is in place
        if shared[1]:  # inside another time_limit: its timer runs (as below)
            yield
            return
        shared[:] = [seconds, 1]
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            shared[1] = 0
        return
    if not _usable():
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise _TooSlow(f"it took over {seconds:g} s")

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
