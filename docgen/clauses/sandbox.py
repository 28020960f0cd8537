"""Bounds on clause rendering: clause text is a template a lawyer (or anyone who can
write an overlay folder) edits, so a loop, a repeated string or a slow condition must
end with an error naming the clause, not hang a build or exhaust memory.

Jinja's sandbox already forbids attribute tricks; this adds a short ``range``
counted against a budget per render, ``*`` and ``**`` that cannot build huge
values, and a time limit (SIGALRM, where it can be used safely).
"""

from __future__ import annotations

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


class BoundedEnvironment(ImmutableSandboxedEnvironment):
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


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a render that loops without printing (POSIX, main thread, SIGALRM unused).

    Elsewhere (a web server's worker thread) the output and loop budgets still hold.
    """
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is
              threading.main_thread() and signal.getsignal(signal.SIGALRM) in
              (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
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
