"""The command line's cache of compiled clause text: a speed-up, never a reason to fail.

A full disk, a read-only or removed cache folder, or a damaged cache file must not stop
a build whose ``--out`` has room: each is treated as a cache miss. Entries are named
for this version of the sandbox (every ``{% for %}`` counted), so code compiled by an
older docgen, without those bounds, is never loaded.

Entries are also named for the code that compiled them (:func:`pattern`): a docgen
whose sandbox compiles differently, or another Jinja, never loads them; and for the
Python that runs it, whose bytecode they hold. Jinja's header says which Python, so
another's entry is only a miss; but under one name, two Pythons sharing the cache
folder (docgen installed with pipx, and in a project's venv) would each overwrite the
other's entries and compile every clause again on every run (0.3 s of a one-post build).

Each entry is Jinja's own (its magic, the checksum of the source, the marshalled code)
behind the hash of those bytes, written whole (:func:`~docgen.clauses.cachefolder.write_entry`):
Jinja's format alone lets a flipped byte load as other code, or fail in ``marshal``
with errors of any kind. Read whole, the entry is checked without unpickling anything.
"""

from __future__ import annotations

import contextlib
import marshal
import pickle
import sys
from io import BytesIO
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache, bc_magic

from docgen.clauses.cachefolder import read_entry, write_entry

#: the entries' format (2: behind the hash of their bytes); the code that compiles
#: (the sandbox with its loop guard, Jinja's version) is named by its hash in each name
FORMAT = "2"
#: the Python whose bytecode an entry holds, as Jinja's header tells them apart
PYTHON = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"


def pattern(code: str) -> str:
    """Jinja's file-name pattern for entries compiled by the code whose hash is ``code``,
    run by this Python."""
    return f"__docgen_bounded_{FORMAT}_{PYTHON}_{code[:16]}_%s.cache"


class BestEffortCache(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, whose entries are checked whole and whose
    failures are misses; ``code`` is the hash of the code that compiles (see
    :func:`docgen.clauses.engine.compiling_code`)."""

    def __init__(self, directory: str, code: str) -> None:
        super().__init__(directory, pattern(code))

    def load_bytecode(self, bucket: Bucket) -> None:
        """The code, if the entry is whole and was compiled from this very source.

        Read with ``marshal.loads`` from the entry's bytes: ``marshal.load`` on an open
        file, as Jinja reads, asks the file for every object (the 90 entries of a
        command-line run, warm: 12.8 ms that way, 3.7 ms this way)."""
        body = read_entry(Path(self._get_cache_filename(bucket)))
        head = bc_magic + pickle.dumps(bucket.checksum, 2)  # as Jinja writes them
        if body is None or not body.startswith(head):
            bucket.reset()
            return
        try:
            bucket.code = marshal.loads(memoryview(body)[len(head):])
        except Exception:  # noqa: BLE001 - whatever marshal makes of bad bytes: a miss
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Jinja's entry, behind the hash of its bytes (no room, or no folder: the next
        run compiles again)."""
        entry = BytesIO()
        with contextlib.suppress(OSError):
            bucket.write_bytecode(entry)
            write_entry(Path(self._get_cache_filename(bucket)), entry.getvalue())
