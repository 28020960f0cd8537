"""A staged set's files and its folder are synced all at once (docgen/publish/syncs.py:
``sync_together``, called by docgen/publish/stage.py), not one after another, and a failed
sync of a file is still an error."""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from docgen.publish import stage, syncs

FILES = {"REF-agreement.docx": b"a" * 5000, "REF-contract.docx": b"c" * 4000,
         "REF-job-spec.docx": b"j" * 3000, "manifest.json": b"{}"}


pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads what a descriptor "
                                "is open on from /proc (and Windows opens no folder)")


def place(fd: int) -> str:
    """The path a descriptor is open on."""
    return os.readlink(f"/proc/self/fd/{fd}")


def to_sync(folder: Path) -> list[str]:
    """The paths a set's syncs are open on: its files and its folder."""
    return [os.path.realpath(p) for p in [*(folder / name for name in FILES), folder]]


def test_the_files_and_their_folder_are_synced_at_once(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sync waits until all five are in flight (a barrier): one after another, the
    first would wait alone and the barrier break."""
    real = os.fsync
    together = threading.Barrier(len(FILES) + 1, timeout=10)
    synced: list[str] = []

    def waits_for_the_others(fd: int) -> None:
        synced.append(place(fd))
        together.wait()
        real(fd)

    monkeypatch.setattr(stage.os, "fsync", waits_for_the_others)
    stage.write_synced(tmp_path, FILES)
    expected = set(to_sync(tmp_path))
    assert set(synced) == expected and len(synced) == len(expected)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == FILES


def test_a_files_failed_sync_is_raised_once_all_have_returned(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contract's sync fails at once, the manifest's takes 0.2 s: the error comes only
    after the manifest's sync has returned (its file not closed under it)."""
    real, returned, slow_done = os.fsync, [], threading.Event()

    def contract_fails(fd: int) -> None:
        try:
            if place(fd).endswith("REF-contract.docx"):
                raise OSError(errno.EIO, "Input/output error")
            if place(fd).endswith("manifest.json"):
                time.sleep(0.2)
                real(fd)
                slow_done.set()
                return
            real(fd)
        finally:
            returned.append(fd)

    monkeypatch.setattr(stage.os, "fsync", contract_fails)
    with pytest.raises(OSError) as raised:
        stage.write_synced(tmp_path, FILES)
    assert raised.value.errno == errno.EIO
    assert slow_done.is_set() and len(returned) == len(FILES) + 1


def test_the_folders_failed_sync_is_ignored_as_fsync_dir_ignores_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some file systems cannot sync a folder (EINVAL): the files' syncs are what count."""
    real = os.fsync

    def folder_cannot(fd: int) -> None:
        if place(fd) == os.path.realpath(tmp_path):
            raise OSError(errno.EINVAL, "Invalid argument")
        real(fd)

    monkeypatch.setattr(stage.os, "fsync", folder_cannot)
    stage.write_synced(tmp_path, FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)


def test_nothing_to_sync_is_no_error() -> None:
    stage.sync_together([])


def test_where_no_thread_can_start_each_is_synced_here(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A process limit ("can't start new thread"): the syncs run one after another, as
    before, and the set is written, not refused. (A process whose sync threads have
    started keeps them: a pool made afresh here has none, so each must start one.)"""
    real, synced = os.fsync, []
    monkeypatch.setattr(syncs._Pool, "executor", None)

    def refused(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    def counted(fd: int) -> None:
        synced.append((place(fd), threading.current_thread() is threading.main_thread()))
        real(fd)

    monkeypatch.setattr(threading.Thread, "start", refused)
    monkeypatch.setattr(stage.os, "fsync", counted)
    stage.write_synced(tmp_path, FILES)
    assert sorted(synced) == sorted((path, True) for path in to_sync(tmp_path))


def test_the_sync_threads_are_kept_for_the_next_set(tmp_path: Path) -> None:
    """A thread for each sync cost a post 1 ms of CPU: the second set's syncs run on the
    threads the first started, none started for it."""
    (tmp_path / "first").mkdir()
    stage.write_synced(tmp_path / "first", FILES)
    started = threading.active_count()
    names: list[str] = []
    real = os.fsync

    def named(fd: int) -> None:
        names.append(threading.current_thread().name)
        real(fd)

    (tmp_path / "second").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stage.os, "fsync", named)
        stage.write_synced(tmp_path / "second", FILES)
    assert threading.active_count() == started
    assert sum(1 for n in names if n.startswith("docgen-sync")) == len(FILES)


def test_a_forked_child_syncs_on_threads_of_its_own(tmp_path: Path) -> None:
    """A fork copies the parent's pool but not its threads: the child makes its own (a
    copied pool would queue the syncs for threads that are not there, and hang)."""
    (tmp_path / "parent").mkdir()
    stage.write_synced(tmp_path / "parent", FILES)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's exit code is the assertion
        try:
            (tmp_path / "child").mkdir()
            stage.write_synced(tmp_path / "child", FILES)
            os._exit(0 if len(list((tmp_path / "child").iterdir())) == len(FILES) else 1)
        finally:
            os._exit(2)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(child, 9)
    os.waitpid(child, 0)
    pytest.fail("the child's sync hung on its parent's pool")


def test_a_sync_left_queued_by_a_thread_that_would_not_start_never_runs_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``submit`` queues a sync before it starts a thread: when the start fails, that sync
    is done here, and the queued one must not run once the call has returned, when its
    descriptor may be closed or given to another file (a later call's thread would take it)."""
    monkeypatch.setattr(syncs._Pool, "executor", None)
    real_start, real_fsync = threading.Thread.start, os.fsync
    refusals = [1]

    def first_refused(self: threading.Thread) -> None:
        if refusals:
            refusals.pop()
            raise RuntimeError("can't start new thread")
        real_start(self)

    first = [os.open(tmp_path / name, os.O_CREAT | os.O_WRONLY) for name in ("a", "b")]
    returned, late = [False], []

    def watched(fd: int) -> None:
        if returned[0] and fd in first:
            late.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(threading.Thread, "start", first_refused)
    monkeypatch.setattr(syncs.os, "fsync", watched)
    syncs.sync_together(first)  # b's thread would not start: b synced here, and queued
    returned[0] = True
    second = [os.open(tmp_path / name, os.O_CREAT | os.O_WRONLY) for name in ("c", "d")]
    syncs.sync_together(second)  # starts a thread, which takes the queue in order
    syncs._Pool.get().submit(lambda: None).result(timeout=10)  # the queue drained
    for fd in first + second:
        os.close(fd)
    assert late == []
