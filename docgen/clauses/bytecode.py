"""The command line's cache of compiled clause text: a speed-up, never a reason to fail.

A full disk, a read-only or removed cache folder, or a damaged cache file must not stop
a build whose ``--out`` has room: each is treated as a cache miss. Entries are named
for this version of the sandbox (every ``{% for %}`` counted), so code compiled by an
older docgen, without those bounds, is never loaded.
"""

from __future__ import annotations

import contextlib
import marshal
import pickle
from io import BytesIO
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache, bc_magic

#: changes whenever the code clause text compiles to changes (the sandbox's loop guard)
PATTERN = "__docgen_bounded_1_%s.cache"


class BestEffortCache(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, whose failures are misses."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory, PATTERN)

    def load_bytecode(self, bucket: Bucket) -> None:
        """Jinja's own checks of an entry (its magic, then the checksum of the source), with
        the code read by ``marshal.loads`` from the file's bytes: ``marshal.load`` on an
        open file asks the file for every object, six times slower (12 ms of the 90
        entries a command-line run reads)."""
        try:  # a damaged checksum fails in pickle, damaged code in marshal
            data = Path(self._get_cache_filename(bucket)).read_bytes()
            head = BytesIO(data)
            if (head.read(len(bc_magic)) != bc_magic
                    or pickle.load(head) != bucket.checksum):
                bucket.reset()
                return
            bucket.code = marshal.loads(memoryview(data)[head.tell():])
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # no room, or no folder: the next run compiles
            super().dump_bytecode(bucket)
