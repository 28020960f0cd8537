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
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

_CHOSEN: list[Path] = []  # the folder the command line chose, if it did


def default_cache_dir() -> Path:
    """Where the command line keeps what it prepared between runs."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docgen" / "jinja"


def choose_cache_folder(root: Path) -> bool:
    """Use ``root`` for what the command line prepares from now on, if it can be made and
    written (a folder that cannot is no cache, never an error); True when it is used."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(root, os.W_OK):
        return False
    _CHOSEN[:] = [root]
    return True


def chosen_cache_folder() -> Path | None:
    return _CHOSEN[0] if _CHOSEN else None


def read_entry(path: Path) -> bytes | None:
    """The body of a whole entry (its first line is the hash of the rest), else None."""
    with contextlib.suppress(OSError):
        digest, _, body = path.read_bytes().partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode("ascii") == digest:
            return body
    return None


def write_entry(path: Path, body: bytes) -> None:
    """``path`` holds the digest line and ``body``, or stays as it was (no room, no folder)."""
    data = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
