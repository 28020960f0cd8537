"""Ctrl-C while the ``docgen`` command is still starting ends it quietly.

Loading docgen's modules (pydantic, lxml, Jinja) takes a moment; a Ctrl-C then would
print a traceback from deep inside an import. When, and only when, this process is
the ``docgen`` command (the console script, or ``python -m docgen``), Ctrl-C exits
with status 130 until the command's ``main`` takes over (and restores Python's own
handling, which click turns into "Aborted!"). Imported as a library, nothing changes.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C


def is_the_command() -> bool:
    """This process runs the ``docgen`` command (not a program that imports docgen)."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    orig = list(getattr(sys, "orig_argv", []))
    by_module = any(a == "-m" and b == "docgen" for a, b in zip(orig, orig[1:], strict=False))
    return name in ("docgen", "docgen.exe", "docgen-script.py") or by_module


def _quiet_exit(_signum: int, _frame: object) -> None:
    sys.stderr.write("\ninterrupted\n")
    sys.exit(INTERRUPTED)


if is_the_command() and threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGINT, _quiet_exit)
