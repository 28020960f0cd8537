"""Reading a file a user named, only if it is a regular file, and only so much of it.

A FIFO would block for ever, ``/dev/zero`` never ends and a folder cannot be read: so
the file is opened without waiting (``O_NONBLOCK``), asked what it is before it becomes
a file object (``os.fdopen`` refuses a folder with a bare ``IsADirectoryError`` and
would leave the descriptor open), and read up to a cap. Each caller says what went
wrong in its own words: an answer file's line and key, a Word file's fix.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFile(Exception):
    """The path is a folder, a device or a pipe; ``folder`` says which of the two kinds."""

    def __init__(self, path: Path, folder: bool) -> None:
        super().__init__(str(path))
        self.folder = folder


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path`` (so a caller can tell a
    file over ``limit``). OSError when it cannot be opened; NotARegularFile when it is
    not a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, stat.S_ISDIR(mode))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as fh:
        return fh.read(limit + 1)


__all__ = ["NotARegularFile", "read_regular"]
