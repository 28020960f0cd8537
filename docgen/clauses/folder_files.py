"""The files of the clause folders, listed and fingerprinted without reading them: which
``*.yaml`` files a folder holds (:func:`yaml_files`) and their names, sizes and times
(:func:`library_signature`), the cheap key a loaded library and a post's inputs hash are
kept under. Apart from :mod:`docgen.clauses.library`, which loads what they hold.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

#: each clause file as (path, size, mtime in ns): changes when any file does
Signature = tuple[tuple[str, int, int], ...]


def yaml_files(folder: str) -> list[str]:
    """The paths ``Path(folder).rglob("*.yaml")`` finds (every entry named ``*.yaml`` in
    the folder and the folders below it that are not symbolic links), read with
    ``os.scandir`` alone: a build asks twice per post, and pathlib took three times as long.
    """
    found: list[str] = []
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            if entry.name.endswith(".yaml"):
                found.append(entry.path)
            try:
                if entry.is_dir() and not entry.is_symlink():
                    todo.append(entry.path)
            except OSError as exc:
                if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
                    raise
    return sorted(found)


def library_signature(dirs: list[Path]) -> Signature:
    """What the library's files look like now (names, sizes, mtimes): a cheap cache key."""
    sig: list[tuple[str, int, int]] = []
    for folder in dirs:
        for f in yaml_files(str(folder)) if folder.is_dir() else []:
            st = os.stat(f)
            sig.append((f, st.st_size, st.st_mtime_ns))
    return tuple(sig)
