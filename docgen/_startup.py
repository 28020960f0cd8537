"""How the ``docgen`` command starts: quietly on Ctrl-C, and without collecting garbage.

Loading docgen's modules (pydantic, lxml, Jinja) takes a moment; a Ctrl-C then would
print a traceback from deep inside an import. When, and only when, this process is
the ``docgen`` command (the console script, or ``python -m docgen``), Ctrl-C ends it
with status 130 until the command's modules are loaded (:func:`loaded` restores Python's
own handling, which click turns into "Aborted!"). Imported as a library, nothing changes.
Python cannot raise an exception out of a weakref callback or a ``__del__`` (the import
system runs such a callback after every import): raised there, it is printed as
"Exception ignored in ..." with its traceback, and the program goes on. So until then,
Ctrl-C ends the process outright (nothing is written yet); after, a KeyboardInterrupt
lost that way is sent again, to arrive where it can propagate (:func:`_interrupted_anyway`).

Loading those modules makes some 40,000 objects the collector tracks, all living as long as
the process, and it would traverse them over and over while they load
(about 20 ms of a one-post build, 5%). So the command starts with the collector off;
:func:`loaded` turns it back on once the command's modules are in, with what exists
by then frozen (never traversed again): the pattern the :mod:`gc` documentation gives
for a process that then forks workers, as a batch build does. When the command ends,
:func:`finished` freezes what is left, so shutting down does not traverse it either.

Once the command is done, a process that runs nothing after it (the console script, or
``python -m docgen``) ends at once (:func:`end`): ``atexit`` handlers run and the output is
flushed, then the process exits without Python taking apart every module and object it
loaded one by one (about 10 ms of CPU of a one-post build), memory the system takes back
whole anyway. Only then: with another thread still running, or an exit status that is
not a number, Python ends the process the usual way.

What the libraries and docgen's modules compile as they load (each dataclass's methods,
string annotations, each regular expression's program: 40-60 ms of every start, the same
every run) the command takes from a table in its cache folder, made once
(:mod:`docgen._codecache`, installed here before anything else loads; a program that
imports docgen never loads it). If loading or installing it fails in any way, the command
runs with the builtins, as without it; ``DOCGEN_NO_CODE_CACHE=1`` (any value but empty or
``0``) keeps it from loading at all.

The command also asks pydantic not to look for plugins (``PYDANTIC_DISABLE_PLUGINS``,
unless the environment already says): docgen's models use none, and looking means
reading the entry points of every installed package before the first answer file is
validated (about 10 ms here, more where more is installed). A plugin installed for
another program would otherwise also instrument docgen's validation. Set
``PYDANTIC_DISABLE_PLUGINS=`` (empty) to let pydantic load them.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import signal
import sys
import threading
import time
from types import ModuleType

INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C
#: the environment variable that turns the table of compiled code off (docgen._codecache)
NO_CODE_CACHE = "DOCGEN_NO_CODE_CACHE"


def is_the_command() -> bool:
    """This process runs the ``docgen`` command (not a program that imports docgen)."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    orig = list(getattr(sys, "orig_argv", []))
    by_module = any(a == "-m" and b == "docgen" for a, b in zip(orig, orig[1:], strict=False))
    return name in ("docgen", "docgen.exe", "docgen-script.py") or by_module


def _quiet_exit(_signum: int, _frame: object) -> None:
    """Ctrl-C while the command starts: end here. SystemExit would be lost (and printed)
    if the signal came in a weakref callback; nothing is written yet to unwind."""
    with contextlib.suppress(OSError):
        os.write(2, b"\ninterrupted\n")
    os._exit(INTERRUPTED)


def _interrupted_anyway(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C's KeyboardInterrupt raised where it cannot propagate (a weakref callback,
    a ``__del__``: Python would print "Exception ignored" and a traceback, and go on) is
    sent again, once the callback has returned: the command then unwinds as from any other
    Ctrl-C (a LibreOffice it started stopped, its temporary folders removed, its workers
    told; click says "Aborted!"). It cannot be raised again from here: the next check of
    the signal would be in this hook. Anything else is reported as before."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        _OTHER_UNRAISABLE(unraisable)
        return
    main = threading.main_thread().ident
    # (no new thread while Python shuts down: the command is ending anyway)
    with contextlib.suppress(RuntimeError):
        if main is not None:
            threading.Thread(target=_interrupt_again, args=(main,), daemon=True).start()


#: how long the Ctrl-C sent again waits: the import system's weakref callback, where it
#: was met, is a few instructions long (landing in one again, it is sent again)
AGAIN_AFTER = 0.005


def _interrupt_again(main: int) -> None:
    """SIGINT to the main thread (a real signal, so a wait it is blocked in ends too)."""
    time.sleep(AGAIN_AFTER)
    with contextlib.suppress(OSError, ValueError):  # (the process is ending: no one to tell)
        signal.pthread_kill(main, signal.SIGINT)


_OTHER_UNRAISABLE = sys.unraisablehook
if is_the_command() and threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGINT, _quiet_exit)
    sys.unraisablehook = _interrupted_anyway


def loaded() -> None:
    """The command's modules are loaded: Ctrl-C is Python's again (click says "Aborted!",
    the command unwinds); collect garbage again, leaving what start-up made (modules,
    classes, functions, all kept to the end) out of every collection. Not before: a
    KeyboardInterrupt raised while a library loads can be swallowed by its own start (lxml's
    did, and the build went on to the end)."""
    if (signal.getsignal(signal.SIGINT) is _quiet_exit
            and threading.current_thread() is threading.main_thread()):
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if not gc.isenabled() and _STARTED_WITHOUT_GC:
        gc.freeze()
        gc.enable()


def finished() -> None:
    """The command is done: leave everything still alive out of the collections Python
    runs while it shuts down. They would traverse every object the command made only to
    find the few cycles among them, whose memory the process's end returns anyway (from
    the end of ``main`` to the process's end, a one-post build: 21 ms median before, 17
    ms after); ``atexit`` handlers and every object's release by reference count still
    run."""
    if _STARTED_WITHOUT_GC:
        if _CODE_CACHE is not None:  # what this run compiled that the folder lacked, if any
            with contextlib.suppress(Exception):  # a speed-up, never a reason to fail
                _CODE_CACHE.save()
        gc.freeze()


def runs_alone() -> bool:
    """Nothing runs in this process after the command: its main program is the console
    script (``bin/docgen``, which only exits with the command's status) or ``python -m
    docgen``; not a program (or a test) that calls :func:`docgen.cli.main` and goes on."""
    program = sys.modules.get("__main__")
    spec = getattr(program, "__spec__", None)
    if spec is not None and spec.name == "docgen.__main__":
        return True
    name = os.path.basename(getattr(program, "__file__", None) or "")
    return is_the_command() and name in ("docgen", "docgen-script.py")


def end(status: object) -> None:
    """End the command's process now with ``status`` (a :class:`SystemExit`'s code), if it
    runs alone (:func:`runs_alone`) with no other thread: ``atexit`` handlers run, the
    output is flushed, and the modules and objects are left for the system to take back.
    Otherwise, or if the output cannot be flushed, return: Python ends it as usual."""
    if status is None:
        status = 0
    if not isinstance(status, int) or threading.active_count() > 1 or not runs_alone():
        return
    if not _flushed():  # a closed pipe: Python reports it, and exits with 120
        return
    atexit._run_exitfuncs()  # (as Python would, once: they are then cleared)
    if _flushed():
        os._exit(status)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


_STARTED_WITHOUT_GC = is_the_command()
#: docgen._codecache, once installed (the command only, unless turned off or it failed)
_CODE_CACHE: ModuleType | None = None
if _STARTED_WITHOUT_GC:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # before anything else loads: what the libraries and docgen compile as they load comes
    # from the cache folder (a program that imports docgen never loads this module)
    if os.environ.get(NO_CODE_CACHE, "") in ("", "0"):
        try:
            from docgen import _codecache

            if _codecache.install():
                _CODE_CACHE = _codecache
        except Exception:  # noqa: BLE001, S110 - the builtins stay: the command runs as usual
            pass
