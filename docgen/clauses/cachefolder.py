"""Where the command line keeps what it prepared between runs (compiled clause text, parsed
clause files, prepared templates), chosen before anything is compiled.

A light module (no Jinja): the command line records the choice before it parses its
arguments, without loading the clause engine (so ``docgen --version`` answers at once);
the engine takes it up when it makes its environment
(:func:`docgen.clauses.engine.environment`). Without a chosen folder (the library's
``render``), nothing touches the disk.

Entries other than Jinja's own are written by :func:`write_entry`: the hash of the body
on the first line (a damaged or half-written entry is a miss, never wrong data), and
written whole (a unique name, then a rename), so two builds at once never read half of
one. The cache is a speed-up, never a reason to fail: no room or no folder is a miss.

Entries are named by the hash of what they were made from (and of the code that made
them: :func:`code_hash`, taken when that code is imported), so every edited clause file,
template or docgen adds new ones. The folder is kept bounded: the first entry a process
writes (a miss, so never in a warm run), and every :data:`PRUNE_EVERY` after it, first
removes the least recently used entries until the folder holds at most
:data:`MAX_ENTRIES` of them and :data:`MAX_BYTES` (an entry's time is when it was written,
or last read a day or more after that). An entry removed while still in use is a miss
next time, nothing worse.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import time
from pathlib import Path
from types import ModuleType

from docgen.sourcehash import source_hash

_CHOSEN: list[Path] = []  # the folder the command line chose, if it did
_WRITES: dict[Path, int] = {}  # entries this process has written, by folder

#: a warm run of one post reads about 130 entries; each edit of a clause file or template
#: adds a few, so this keeps many versions' worth (a few tens of MB at most)
MAX_ENTRIES = 2_000
MAX_BYTES = 100_000_000
#: a process prunes at its first write and after every so many more (a long-running server)
PRUNE_EVERY = 500
#: an entry read this long after it was written is touched: entries every run reads are
#: never the oldest, so pruning removes what is no longer used (at most one touch a day)
TOUCH_AFTER = 86_400
#: what docgen writes here (and its temporaries, left by a run killed mid-write); anything
#: else in the folder is never removed
OURS = ("__docgen_", "__jinja2_", ".__docgen_", ".__jinja2_")


def default_cache_dir() -> Path:
    """Where the command line keeps what it prepared between runs."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docgen" / "jinja"


def choose_cache_folder(root: Path) -> bool:
    """Use ``root`` for what the command line prepares from now on, if it can be made and
    written (a folder that cannot is no cache, never an error); True when it is used.

    What is kept there is run as code (compiled Jinja, a pickled validator, and the
    marshalled code objects and regular-expression programs of :mod:`docgen._codecache`,
    which ``DOCGEN_NO_CODE_CACHE=1`` turns off), so on POSIX a folder another user owns,
    or that others may write to, is not used."""
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = root.stat()
    except OSError:
        return False
    if not os.access(root, os.W_OK):
        return False
    if os.name == "posix" and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return False
    _CHOSEN[:] = [root]
    return True


def chosen_cache_folder() -> Path | None:
    return _CHOSEN[0] if _CHOSEN else None


@functools.cache
def code_hash(*modules: ModuleType, versions: tuple[str, ...] = ()) -> str | None:
    """The hash of the source of the modules that make a kind of entry (and of the
    ``versions`` of the libraries they call), to name its entries by: a change to that
    code names new entries, so what it no longer makes is never served, without anyone
    remembering to bump a number. None when a module's source cannot be read (a frozen
    install): the caller then keeps no entries.

    Callers take it when their module is imported (it is remembered): taken later, a
    long-running server whose files were upgraded meanwhile would file what its old code
    makes under the new code's name."""
    return source_hash(modules, versions)


def read_entry(path: Path) -> bytes | None:
    """The body of a whole entry (its first line is the hash of the rest), else None."""
    try:
        with path.open("rb") as fh:
            data = fh.read()
            written = os.fstat(fh.fileno()).st_mtime
    except OSError:
        return None
    digest, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode("ascii") != digest:
        return None
    if time.time() - written > TOUCH_AFTER:
        with contextlib.suppress(OSError):
            os.utime(path)
    return body


def write_entry(path: Path, body: bytes) -> None:
    """``path`` holds the digest line and ``body``, or stays as it was (no room, no folder)."""
    written = _WRITES.get(path.parent, 0)
    _WRITES[path.parent] = written + 1
    if written % PRUNE_EVERY == 0:
        prune(path.parent)
    data = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def prune(folder: Path, max_entries: int | None = None, max_bytes: int | None = None) -> int:
    """Remove docgen's oldest entries from ``folder`` until at most ``max_entries`` are
    left, taking at most ``max_bytes``; the number removed. Failures are ignored."""
    limit = MAX_ENTRIES if max_entries is None else max_entries
    room = MAX_BYTES if max_bytes is None else max_bytes
    entries: list[tuple[int, int, str]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for item in found:
            if item.name.startswith(OURS):
                with contextlib.suppress(OSError):
                    if item.is_file(follow_symlinks=False):
                        st = item.stat(follow_symlinks=False)
                        entries.append((st.st_mtime_ns, st.st_size, item.name))
    entries.sort(reverse=True)  # newest first: kept while they fit
    kept = size = 0
    removed = 0
    for _, bytes_, name in entries:
        if kept < limit and size + bytes_ <= room:
            kept, size = kept + 1, size + bytes_
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed += 1
    return removed
