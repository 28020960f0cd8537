"""Run the ``docgen`` command with a Python audit hook watching its output folder.

The kill tests (tests/publish/test_faults_kill.py) run :data:`COMMAND` instead of
``docgen``, so no hook for them lives in docgen itself. The process is named docgen
(docgen._startup.is_the_command): it starts as the command does; it ends the usual Python
way (``runs_alone()`` is False under ``python -c``)::

    python -c COMMAND <log> <out> <target>:<k> | - <exchange|rename-aside> <docgen args>

Every file-system event (``sys.addaudithook``) under ``<out>`` is appended to ``<log>``,
one line each, ``<pid> <event> <path> [<path>]``. The hook is installed after docgen's
modules are imported (this module imports them; importing writes nothing under ``<out>``)
and before the command runs; the batch's workers are forked (docgen/publish/workers.py),
so they inherit it. With ``<target>:<k>``, the process whose ``k``-th event naming
``<target>`` (a post's reference or ``register.csv``) is about to happen says ``docgen:
paused at <k> <event> <paths>`` on stderr and sleeps, for the test to ``kill -9`` the
build right before it. Events inside ``recover`` (the clean-up of what an earlier, killed
run left, at the batch's start and end) are logged but not counted: what they remove of a
post depends on how far another worker had got when that run was killed, so counting them
would move the ``k``-th event by chance.

A name relative to a folder's descriptor (``dir_fd``) cannot be placed from its event
(Python 3.11's ``open`` event does not even carry the ``dir_fd``), so any such event is
logged as ``<pid> FORBIDDEN <event> <args>``, which the test's in-place check rejects;
the one exception is a removal inside ``shutil.rmtree`` (whose own event, naming the tree,
is logged), which :func:`run` marks by wrapping ``shutil.rmtree``. ``os.open`` is wrapped
to raise ``fs_audit.open_at`` for a relative name with a ``dir_fd``; ``os.mknod`` and
``os.mkfifo``, which raise no event in 3.11, are wrapped to raise theirs. An event on a
descriptor (``os.fchmod``: ``os.chmod`` with an int) is placed by ``/proc/self/fd``.

Python 3.11 raises no audit event when a ctypes function is called (only ``ctypes.dlsym``
when ``renameat2`` is looked up), so the folders' exchange (``renameat2(RENAME_EXCHANGE)``
in docgen/publish/stage.py) is made visible here: the function stage.py finds is wrapped
to raise ``docgen.exchange`` (both names and both folder descriptors) first, and to log
``<pid> result docgen.exchange <rc> <errno>`` after. ``rename-aside`` makes stage.py find
none (as on macOS and Windows: the old folder is renamed aside and the new one renamed in).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docgen.publish.batch as batch
import docgen.publish.stage as stage
from docgen.cli import main

#: ``python -c`` this, then the arguments (see above)
HERE = str(Path(__file__).parent)
COMMAND = (f"import sys; sys.argv[0] = 'docgen'; sys.path.insert(0, {HERE!r}); "
           "import fs_audit; fs_audit.run(sys.argv[1:])")

#: the events that change the file system, and the places of their paths in the arguments
WATCHED = {"open": (0,), "fs_audit.open_at": (0,), "os.rename": (0, 1), "os.remove": (0,),
           "os.mkdir": (0,), "os.rmdir": (0,), "os.link": (1,), "os.symlink": (1,),
           "os.truncate": (0,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,),
           "os.setxattr": (0,), "os.removexattr": (0,), "os.mknod": (0,),
           "os.mkfifo": (0,), "shutil.copyfile": (1,), "shutil.copytree": (1,),
           "shutil.rmtree": (0,), "shutil.move": (0, 1), "docgen.exchange": (0, 1)}
#: the places of the arguments saying a path is relative to a folder's descriptor
DIR_FD = {"fs_audit.open_at": (2,), "os.remove": (1,), "os.mkdir": (2,), "os.rmdir": (1,),
          "os.rename": (2, 3), "os.link": (2, 3), "os.symlink": (2,), "os.chmod": (2,),
          "os.chown": (3,), "os.utime": (3,), "os.mknod": (3,), "os.mkfifo": (2,),
          "shutil.rmtree": (1,), "docgen.exchange": (2, 3)}
#: a dir_fd argument meaning none (the working directory): os's -1, renameat2's AT_FDCWD
NO_DIR_FD = (None, -1, -100)
#: what shutil.rmtree does to the tree it was given, by names relative to its descriptors
RMTREE_REMOVALS = ("os.remove", "os.rmdir")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
#: how long a paused process waits for the kill before it carries on
PAUSE_SECONDS = 120

#: per thread: inside how many shutil.rmtree calls, and whether the hook is running
_state = threading.local()


def names(target: str, path: str) -> bool:
    """``path`` (relative to the output folder) is ``target``'s: its post folder, a staged or
    aside set of it (``<target>~...``), or a temporary file of it (``.<target>.....part``).
    Casefolded, as docgen matches a reference to its folder: a reference respelt only in
    case names the same post, and its case rename (old spelling to new) is one event."""
    target = target.casefold()
    return any((part := name.casefold()) == target
               or part.startswith((f"{target}~", f".{target}."))
               for name in path.split(os.sep))


def writes(event: str, args: tuple[Any, ...]) -> bool:
    """The event changes something (an open is only a change when it may write)."""
    if event == "open":
        path, mode, flags = args
        return not isinstance(path, int) and bool(
            flags & WRITE_FLAGS or set(mode or "") & set("wxa+"))
    if event == "fs_audit.open_at":
        return bool(args[1] & WRITE_FLAGS)
    return event in WATCHED


def forbidden(event: str, args: tuple[Any, ...]) -> bool:
    """A changing event whose names are relative to a folder's descriptor (so cannot be
    placed), other than shutil.rmtree removing the tree it was given."""
    places = [i for i in DIR_FD.get(event, ()) if i < len(args)]
    if not places or all(args[i] in NO_DIR_FD for i in places):
        return False
    return not (event in RMTREE_REMOVALS and getattr(_state, "rmtree", 0))


def placed(arg: Any) -> str | None:
    """The absolute path of a path argument, or of the file a descriptor is open on."""
    if isinstance(arg, int):
        try:
            return os.readlink(f"/proc/self/fd/{arg}")
        except OSError:
            return None
    return os.path.abspath(os.fsdecode(arg))


def paths_of(event: str, args: tuple[Any, ...]) -> list[str] | None:
    """The paths a changing event changes (None when it changes nothing or is forbidden)."""
    if not writes(event, args) or forbidden(event, args):
        return None
    found = [placed(args[place]) for place in WATCHED[event]]
    return None if None in found else found


def install(log: str, out: str, pause: str) -> Callable[[str], None]:
    """Log (and maybe pause at) each event under ``out``, and each forbidden event anywhere;
    the log is opened once, appended to with one write a line (whole lines, whichever
    process writes). Returns the function writing a line of the log."""
    under = os.path.abspath(out) + os.sep
    target, _, k = pause.rpartition(":")
    counted = [0]
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)

    def note(line: str) -> None:
        os.write(fd, f"{os.getpid()} {line}\n".encode())

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in WATCHED or getattr(_state, "busy", False):
            return
        _state.busy = True
        try:
            if writes(event, args) and forbidden(event, args):
                note(f"FORBIDDEN {event} {args!r}".replace("\n", " "))
                return
            paths = paths_of(event, args)
            if not paths or not any(p.startswith(under) for p in paths):
                return
            line = f"{event} {' '.join(paths)}"
            note(line)
            if target and not getattr(_state, "recovering", False) and any(
                    names(target, p[len(under):]) for p in paths):
                counted[0] += 1
                if counted[0] == int(k):
                    os.write(2, f"docgen: paused at {k} {line}\n".encode())
                    time.sleep(PAUSE_SECONDS)
        finally:
            _state.busy = False

    sys.addaudithook(hook)
    return note


def audited(renameat2: Callable[..., int] | None,
            note: Callable[[str], None]) -> Callable[..., int] | None:
    """``renameat2``, raising ``docgen.exchange`` (old, new, their folders' descriptors)
    before each call and logging its return code and errno after."""
    if renameat2 is None:
        return None

    def call(fd_a: int, a: bytes, fd_b: int, b: bytes, flags: int) -> int:
        sys.audit("docgen.exchange", a, b, fd_a, fd_b)
        rc = renameat2(fd_a, a, fd_b, b, flags)
        note(f"result docgen.exchange {rc} {ctypes.get_errno() if rc else 0}")
        return rc

    return call


def uncounted(recover: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
    """``recover``, its events not counted toward the pause (see above)."""

    def call(out: Path) -> list[str]:
        _state.recovering = True
        try:
            return recover(out)
        finally:
            _state.recovering = False

    return call


def watch_os() -> None:
    """Make visible what the hook cannot see by itself: a name ``os.open`` resolves against
    a folder's descriptor, ``os.mknod``/``os.mkfifo`` (no event in 3.11), and whether a
    removal by descriptor is shutil.rmtree's own (only while one runs, in this thread)."""
    real_open, real_mknod, real_mkfifo = os.open, os.mknod, os.mkfifo
    real_rmtree = shutil.rmtree

    def open_at(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if dir_fd is not None and not os.path.isabs(os.fsdecode(path)):
            sys.audit("fs_audit.open_at", path, flags, dir_fd)
        return real_open(path, flags, mode, dir_fd=dir_fd)

    def mknod(path: Any, mode: int = 0o600, device: int = 0, *,
              dir_fd: int | None = None) -> None:
        sys.audit("os.mknod", path, mode, device, dir_fd)
        real_mknod(path, mode, device, dir_fd=dir_fd)

    def mkfifo(path: Any, mode: int = 0o666, *, dir_fd: int | None = None) -> None:
        sys.audit("os.mkfifo", path, mode, dir_fd)
        real_mkfifo(path, mode, dir_fd=dir_fd)

    def rmtree(*args: Any, **kwargs: Any) -> None:
        _state.rmtree = getattr(_state, "rmtree", 0) + 1
        try:
            real_rmtree(*args, **kwargs)
        finally:
            _state.rmtree -= 1

    os.open, os.mknod, os.mkfifo, shutil.rmtree = open_at, mknod, mkfifo, rmtree


def run(argv: list[str]) -> None:
    """Install the hook, then run docgen's command as ``docgen <args>`` would."""
    log, out, pause, way, *args = argv
    note = install(log, out, "" if pause == "-" else pause)
    watch_os()
    batch.recover = uncounted(batch.recover)
    sys.argv = ["docgen", *args]
    found = stage._libc_renameat2
    stage._libc_renameat2 = (lambda: None) if way == "rename-aside" else (
        lambda: audited(found(), note))
    main()
