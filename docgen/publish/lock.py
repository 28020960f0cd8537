"""One build per output folder at a time, and workers that end with their parent.

Two builds writing one ``--out`` at once could each publish half a programme and
delete each other's claims. A run holds an OS file lock (``filelock``: ``flock``
on POSIX, released by the kernel when the process dies, so a killed build never
leaves a stale lock) on ``<out>/.docgen.lock`` for its whole length.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from docgen.answers.folder_names import LOCK
from docgen.errors import DocgenError

_PR_SET_PDEATHSIG = 1


def _named(exc: OSError) -> Path | None:
    """The file an OS error names (never a descriptor number, as ``os.fdopen`` gives)."""
    return Path(exc.filename) if isinstance(exc.filename, (str, os.PathLike)) else None


def describe_build_error(exc: OSError, out: Path) -> str:
    """An OS error while building one post: a write into ``out``, or a read of an input
    (an answer file, a profile, a house style) outside it, said as what it was."""
    named = _named(exc)
    if named is None or named.resolve().is_relative_to(out.resolve()):
        return describe_write_error(exc, out)
    return (f"cannot read {named}: {exc.strerror or exc}; check that it is a file (not a "
            "folder) that you may read")


def describe_write_error(exc: OSError, out: Path) -> str:
    """An OS error while writing, as one sentence a person can act on."""
    where = _named(exc) or out
    reasons = {
        errno.EROFS: "the file system is read-only; choose another --out",
        errno.ENOSPC: "the disk is full; the post folders keep their previous documents",
        errno.EACCES: "permission denied; choose another --out",
        errno.EPERM: "permission denied; choose another --out",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EISDIR: "a folder is in the way of a file docgen writes",
    }
    return f"cannot write to {where}: {reasons.get(exc.errno or 0, exc.strerror or str(exc))}"


def prepare_out(out: Path) -> None:
    """Create ``--out``; a clear error when it is a file or cannot be written."""
    if out.exists() and not out.is_dir():
        raise DocgenError(f"--out {out} is a file, not a folder; give a folder for the "
                          "documents (for example --out build)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocgenError(describe_write_error(exc, out)) from None


@contextlib.contextmanager
def output_lock(out: Path, wait: float = 0) -> Iterator[None]:
    """Hold ``<out>/.docgen.lock``; wait up to ``wait`` seconds for another build."""
    lock = FileLock(out / LOCK, timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise DocgenError(
            f"another docgen build is writing to {out} (it holds {out / LOCK}); wait for it "
            "to finish, add --wait SECONDS to queue behind it, or use another --out") from None
    except OSError as exc:
        raise DocgenError(describe_write_error(exc, out)) from None
    try:
        yield
    finally:
        lock.release()


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` does (Linux: at once, by the kernel).

    Elsewhere the worker notices at its next task (``parent_alive``).
    """
    with contextlib.suppress(OSError, AttributeError):
        # the process's own symbols, libc's among them (find_library would run ldconfig)
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def parent_alive(parent: int) -> bool:
    return os.getppid() == parent
