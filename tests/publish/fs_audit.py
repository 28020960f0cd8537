"""Run the ``docgen`` command with a Python audit hook watching its output folder.

The kill tests (tests/publish/test_faults_kill.py) run :data:`COMMAND` instead of
``docgen``, so no hook for them lives in docgen itself; it names the process docgen before
docgen loads (docgen._startup.is_the_command: it starts as the command does)::

    python -c COMMAND <log> <out> <target>:<k> | - <exchange|rename-aside> <docgen args>

Every file-system event (``sys.addaudithook``) under ``<out>`` is appended to ``<log>``,
one line each, ``<pid> <event> <path> [<path>]``: the hook is installed before docgen
loads, and the batch's workers are forked (docgen/publish/workers.py), so they inherit it.
With ``<target>:<k>``, the process whose ``k``-th event naming ``<target>`` (a post's
reference or ``register.csv``) is about to happen says ``docgen: paused at <k> <event>
<paths>`` on stderr and sleeps, for the test to ``kill -9`` the build right before it.

Python 3.11 raises no audit event when a ctypes function is called (only ``ctypes.dlsym``
when ``renameat2`` is looked up), so the folders' exchange (``renameat2(RENAME_EXCHANGE)``
in docgen/publish/stage.py) is made visible here: the function stage.py finds is wrapped
to raise ``docgen.exchange`` first. ``rename-aside`` makes stage.py find none (as on
macOS and Windows: the old folder is renamed aside and the new one renamed in).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docgen.publish.stage as stage
from docgen.cli import main

#: ``python -c`` this, then the arguments (see above)
HERE = str(Path(__file__).parent)
COMMAND = (f"import sys; sys.argv[0] = 'docgen'; sys.path.insert(0, {HERE!r}); "
           "import fs_audit; fs_audit.run(sys.argv[1:])")

#: the events that change the file system, and the places of their paths in the arguments
WATCHED = {"open": (0,), "os.rename": (0, 1), "os.remove": (0,), "os.mkdir": (0,),
           "os.rmdir": (0,), "os.link": (1,), "os.symlink": (1,), "os.truncate": (0,),
           "os.chmod": (0,), "os.utime": (0,), "shutil.copyfile": (1,),
           "shutil.copytree": (1,), "shutil.rmtree": (0,), "shutil.move": (0, 1),
           "docgen.exchange": (0, 1)}
#: the argument saying a path is relative to a folder's descriptor (-1 or None when not;
#: inside shutil.rmtree, whose own event is logged): such events are left out
DIR_FD = {"os.remove": 1, "os.mkdir": 2, "os.rmdir": 1, "os.rename": 2, "os.link": 2,
          "os.symlink": 2, "os.chmod": 2, "os.utime": 3}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
#: how long a paused process waits for the kill before it carries on
PAUSE_SECONDS = 120


def names(target: str, path: str) -> bool:
    """``path`` (relative to the output folder) is ``target``'s: its post folder, a staged or
    aside set of it (``<target>~...``), or a temporary file of it (``.<target>.....part``)."""
    return any(part == target or part.startswith((f"{target}~", f".{target}."))
               for part in path.split(os.sep))


def paths_of(event: str, args: tuple[Any, ...]) -> list[str] | None:
    """The paths an event changes, or None when it changes nothing (a file opened to read,
    a descriptor, a name relative to a folder's descriptor)."""
    places = WATCHED.get(event)
    if places is None:
        return None
    if event in DIR_FD and args[DIR_FD[event]] not in (None, -1):
        return None
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int) or not (flags & WRITE_FLAGS or set(mode or "") & set("wxa+")):
            return None
    paths = []
    for place in places:
        arg = args[place]
        if isinstance(arg, int):
            return None
        paths.append(os.path.abspath(os.fsdecode(arg)))
    return paths


def install(log: str, out: str, pause: str) -> None:
    """Log (and maybe pause at) each event under ``out``; the log is opened once, appended
    to with one write a line (whole lines, whichever process writes)."""
    under = os.path.abspath(out) + os.sep
    target, _, k = pause.rpartition(":")
    counted = [0]
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    busy = [False]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if busy[0] or event not in WATCHED:
            return
        busy[0] = True
        try:
            paths = paths_of(event, args)
            if not paths or not any(p.startswith(under) for p in paths):
                return
            line = f"{event} {' '.join(paths)}"
            os.write(fd, f"{os.getpid()} {line}\n".encode())
            if target and any(names(target, p[len(under):]) for p in paths):
                counted[0] += 1
                if counted[0] == int(k):
                    os.write(2, f"docgen: paused at {k} {line}\n".encode())
                    time.sleep(PAUSE_SECONDS)
        finally:
            busy[0] = False

    sys.addaudithook(hook)


def audited(renameat2: Callable[..., int] | None) -> Callable[..., int] | None:
    """``renameat2``, raising ``docgen.exchange`` (old, new) before each call."""
    if renameat2 is None:
        return None

    def call(fd_a: int, a: bytes, fd_b: int, b: bytes, flags: int) -> int:
        sys.audit("docgen.exchange", a, b)
        return renameat2(fd_a, a, fd_b, b, flags)

    return call


def run(argv: list[str]) -> None:
    """Install the hook, then run docgen's command as ``docgen <args>`` would."""
    log, out, pause, way, *args = argv
    install(log, out, "" if pause == "-" else pause)
    sys.argv = ["docgen", *args]
    found = stage._libc_renameat2
    stage._libc_renameat2 = (lambda: None) if way == "rename-aside" else (
        lambda: audited(found()))
    main()
