"""Syncing a staged set's files to the disk all at once: each on one of the process's sync
threads, so the file system joins them into one journal commit (:mod:`docgen.publish.stage`
writes the set, then renames it into place)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait

#: the most syncs of one set issued at once (a set is a post's documents, its review
#: copies and its manifest: ten at most); more wait for a thread of these
SYNC_THREADS = 12


class _Pool:
    """This process's sync threads, kept for its life: starting a thread for each sync cost
    a post 1.0 ms of CPU against 0.4 ms handing them to threads kept waiting (five syncs,
    2026-12-07). A fork copies the pool but not its threads (nor a lock another thread
    held): the child starts afresh (``os.register_at_fork``)."""

    lock = threading.Lock()
    executor: ThreadPoolExecutor | None = None

    @classmethod
    def get(cls) -> ThreadPoolExecutor:
        with cls.lock:
            if cls.executor is None:
                cls.executor = ThreadPoolExecutor(SYNC_THREADS, "docgen-sync")
            return cls.executor

    @classmethod
    def forget(cls) -> None:
        cls.lock, cls.executor = threading.Lock(), None


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_Pool.forget)


class _Call:
    """One :func:`sync_together`'s syncs handed to the pool. A sync whose thread could not
    be started stays queued in the pool (``submit`` queues before it starts a thread) and
    is synced here instead; should a thread take it later, it must not sync a descriptor
    the caller may have closed (or the system given to another file) by then: once the
    call ends, no queued sync of it starts, and the call waits for those already begun."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.ended = False
        self.running = 0

    def run(self, sync: Callable[[int], None], fd: int) -> None:
        with self.changed:
            if self.ended:
                return
            self.running += 1
        try:
            sync(fd)
        finally:
            with self.changed:
                self.running -= 1
                self.changed.notify_all()

    def end(self) -> None:
        with self.changed:
            self.ended = True
            self.changed.wait_for(lambda: self.running == 0)


def sync_together(fds: Sequence[int], folder: int | None = None) -> None:
    """``os.fsync`` each descriptor, and ``folder`` (a folder's, whose OSError is ignored,
    as :func:`fsync_dir` ignores it), all at once, each in a thread of the process's sync
    threads but the first; once every one has returned (an interruption too waits for
    them, so no descriptor is closed under a sync), raises the error that came first. Each
    sync waits for the disk to flush its cache: one after another, a one-post build's five
    summed 19-25 ms on this project's machine (strace -T, 2026-12-07), issued together 2-8
    ms, the file system joining them into one journal commit. Where no thread can start,
    the sync runs here."""
    errors: list[BaseException] = []

    def sync(fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:
            if fd != folder:
                errors.append(exc)
        except BaseException as exc:  # (a test's stand-in for fsync) reaches the caller
            errors.append(exc)

    every = [*fds, *([] if folder is None else [folder])]
    call = _Call()
    pending: list[Future[None]] = []
    try:
        for fd in every[1:]:
            try:
                pending.append(_Pool.get().submit(call.run, sync, fd))
            except RuntimeError:  # no thread to be had (a process limit): sync it here
                sync(fd)
        if every:
            sync(every[0])
    finally:
        wait(pending)
        call.end()
    if errors:
        raise errors[0]


__all__ = ["SYNC_THREADS", "sync_together"]
