"""The time limit of clause rendering: SIGALRM stops a render that runs too long.

A second guard, behind the budgets of :mod:`docgen.clauses.sandbox` (which hold in every
thread): where SIGALRM can be used safely (the main thread, nobody else's alarm in use),
a clause's render that takes more than its seconds stops with an error naming the clause.
A document's renders share one handler and one timer (:func:`time_limits`).
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import threading
import time
from collections.abc import Iterator


class _TooSlow(TimeoutError):
    """A clause's render ran past MAX_SECONDS."""


class _Alarm:
    """Inside ``time_limits()``: the running render's limit (for the message) and deadline,
    and when the timer goes off next (None: not armed)."""

    __slots__ = ("seconds", "deadline", "running", "rings_at")

    def __init__(self) -> None:
        self.seconds, self.deadline, self.running = 0.0, 0.0, False
        self.rings_at: float | None = None

    def ring(self, _signum: int, _frame: object) -> None:
        """The handler: stop the running render at its deadline. A timer set for an earlier
        render is set again for the rest of this one's time; between renders it is let be."""
        self.rings_at = None
        if not self.running:
            return
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _TooSlow(f"it took over {self.seconds:g} s")
        self.rings_at = self.deadline
        signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))  # 0 would clear it


#: inside ``time_limits()``, its :class:`_Alarm`; None elsewhere. Per thread and context,
#: like the budget.
_SHARED: contextvars.ContextVar[_Alarm | None] = contextvars.ContextVar(
    "docgen_shared_alarm", default=None)


def _usable() -> bool:
    """SIGALRM can be used: POSIX, the main thread, and nobody else's alarm in use."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is
            threading.main_thread() and signal.getsignal(signal.SIGALRM) in
            (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextlib.contextmanager
def time_limits() -> Iterator[None]:
    """Let the time limits inside (one document's clauses) share one SIGALRM handler and
    one timer: a render sets the timer only when it is not already due to go off by the
    render's deadline (setting and clearing it for each of some 40 renders cost a tenth of
    a document's rendering); going off early, the handler sets it again for the rest."""
    if _SHARED.get() is not None or not _usable():
        yield
        return
    alarm = _Alarm()
    signal.signal(signal.SIGALRM, alarm.ring)
    token = _SHARED.set(alarm)
    try:
        yield
    finally:
        _SHARED.reset(token)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


class _SharedTimer:
    """:func:`time_limit` inside ``time_limits()``, whose handler is in place: this render's
    deadline is noted, and the timer set if it would go off later (a class, not a generator:
    a post enters some 200)."""

    __slots__ = ("_alarm", "_seconds", "_own")

    def __init__(self, alarm: _Alarm, seconds: float) -> None:
        self._alarm, self._seconds, self._own = alarm, seconds, False

    def __enter__(self) -> None:
        alarm = self._alarm
        if alarm.running:  # inside another time_limit: its deadline holds (as below)
            return
        deadline = time.monotonic() + self._seconds
        alarm.seconds, alarm.deadline, alarm.running = self._seconds, deadline, True
        self._own = True
        if alarm.rings_at is None or alarm.rings_at > deadline:
            alarm.rings_at = deadline
            signal.setitimer(signal.ITIMER_REAL, self._seconds)

    def __exit__(self, *exc: object) -> None:
        if self._own:
            self._alarm.running = False


def time_limit(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Stop a render that loops without printing (POSIX, main thread, SIGALRM unused).

    Elsewhere (a web server's worker thread) the output and loop budgets still hold.
    """
    shared = _SHARED.get()
    if shared is not None:  # inside time_limits(): the handler is in place
        return _SharedTimer(shared, seconds)
    return _own_time_limit(seconds)


@contextlib.contextmanager
def _own_time_limit(seconds: float) -> Iterator[None]:
    """:func:`time_limit` alone: installs its own handler, where that is safe."""
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
