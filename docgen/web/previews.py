"""Previews made in advance, while the person reads "check your answers": one job for each
draft, for the draft's content as it was then (keyed by its hash), and a few at most.

A draft's answers changed since its job was asked for make that job stale: a job not yet
started is cancelled, one already running stops before its next document (a render cannot
be interrupted, but the pandoc runs after it are skipped), so the app's one background
thread never works through a queue of answers nobody will preview. At most ``BOUND`` jobs
wait or run at once, across all drafts: asking for another cancels the oldest (its preview
is made when its page is opened, as without this). A draft deleted forgets its job.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

#: jobs waiting or running at once, across all drafts
BOUND = 4
#: drafts whose last job (done) is remembered, so the same answers are not made twice
REMEMBERED = 64

#: a preview job: given "is this job still wanted?", it makes the previews (asking before
#: each document)
Job = Callable[[Callable[[], bool]], None]


def content_key(answers: dict[str, Any]) -> str:
    """The answers a job renders, as a short key: the hash of their JSON, each value that
    JSON has no form for written with its type (a date and the string of its digits render
    differently). Not the draft's YAML: writing that out takes ten times as long, and a
    comment changed makes no other preview."""
    try:
        text = json.dumps(answers, default=lambda v: [type(v).__name__, str(v)])
    except (TypeError, ValueError):  # a key JSON cannot write (a date, from a base file)
        text = repr(answers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Previews:
    """The previews asked for, by draft: the content each was asked for and its job."""

    def __init__(self, bound: int = BOUND) -> None:
        self.bound = bound
        self._lock = threading.Lock()
        self._jobs: dict[str, tuple[str, Future[Any]]] = {}  # oldest first

    def ask(self, executor: Executor, draft_id: str, key: str, job: Job) -> Future[Any] | None:
        """Have ``job`` run for the draft's content ``key``, unless it has been already (or
        is under way); a job for the draft's earlier content is cancelled or told to stop.
        The job's future, or None when nothing new was asked for."""
        with self._lock:
            held = self._jobs.get(draft_id)
            if held is not None and held[0] == key and not held[1].cancelled():
                return None
            if held is not None:
                held[1].cancel()  # not started: never runs; running: its wanted() says no
                del self._jobs[draft_id]
            waiting = [d for d, (_, f) in self._jobs.items() if not f.done()]
            for oldest in waiting[:max(0, len(waiting) - self.bound + 1)]:
                self._jobs.pop(oldest)[1].cancel()
            done = [d for d, (_, f) in self._jobs.items() if f.done()]
            for old in done[:max(0, len(self._jobs) - REMEMBERED + 1)]:
                del self._jobs[old]
            future = executor.submit(job, lambda: self.wanted(draft_id, key))
            self._jobs[draft_id] = (key, future)
            return future

    def wanted(self, draft_id: str, key: str) -> bool:
        """Whether the job for this draft and content is still the one asked for."""
        with self._lock:
            held = self._jobs.get(draft_id)
            return held is not None and held[0] == key

    def forget(self, draft_id: str) -> None:
        """The draft is gone: its job is cancelled, or stops before its next document."""
        with self._lock:
            held = self._jobs.pop(draft_id, None)
        if held is not None:
            held[1].cancel()

    def outstanding(self) -> int:
        """Jobs waiting or running."""
        with self._lock:
            return sum(not f.done() for _, f in self._jobs.values())
