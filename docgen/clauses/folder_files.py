"""The files of the clause folders, listed and fingerprinted without reading them: which
``*.yaml`` files a folder holds (:func:`yaml_files`) and their names, sizes and times
(:func:`library_signature`), the cheap key a loaded library and a post's inputs hash are
kept under. Apart from :mod:`docgen.clauses.library`, which loads what they hold; what a
clause file's required keys are for, said when one is missing (:func:`missing_keys`).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Set
from pathlib import Path
from typing import Any

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


#: what each key a clause or definition file must have is for, and an example as docgen's
#: own clause files (docgen/data/clauses, see its README) write it, in the order they do
REQUIRED_KEYS: dict[str, tuple[str, str]] = {
    "term": ("the defined term, as the definitions clause prints it", "term: Steering Group"),
    "id": ("the clause's own name: lower-case words joined by dots, unique, and an overlay "
           "giving the id of one of docgen's clauses replaces it", "id: ours.local_meetings"),
    "title": ("the clause's heading, as printed", "title: Local meetings"),
    "version": ("the wording's version, raised whenever the wording changes", "version: 1"),
    "documents": ("the documents the clause is in: any of agreement, contract, job_spec",
                  "documents: [agreement]"),
    "order": ("where the clause goes in the document: clauses are printed in ascending "
              "order, docgen's own numbered in hundreds as their file names show, "
              "0200-background.yaml at 200 and 0300-interpretation.yaml at 300, so 250 puts "
              "a clause between them", "order: 250"),
    "text": ("the wording, or for a definition its meaning, one sub-clause a line after "
             "`text: |`", "text: |"),
}
_RANK = {key: i for i, key in enumerate(REQUIRED_KEYS)}


def missing_keys(path: Path, missing: Set[str], lines: Mapping[tuple[Any, ...], Any]) -> str:
    """The error for a clause file without keys it must have: the file and the line to add
    the first below (``lines``: the file's key lines, each ``(file, line)``), what each
    key is for and an example, not only their names."""
    keys = sorted(missing, key=lambda k: (_RANK.get(k, len(_RANK)), k))
    before = [k for k in REQUIRED_KEYS if _RANK[k] < _RANK.get(keys[0], 0) and (k,) in lines]
    where = lines.get((before[-1],) if before else (), (path, 1))[1]
    said = ", ".join(f"'{k}' ({REQUIRED_KEYS[k][0]})" if k in REQUIRED_KEYS else f"'{k}'"
                     for k in keys)
    shown = ", ".join(f"`{REQUIRED_KEYS[k][1]}`" for k in keys if k in REQUIRED_KEYS)
    if len(keys) == 1:
        place = f"below `{before[-1]}:`" if before else "as the file's first key"
        return (f"{path}:{where}: missing key {said}; add it {place}, as docgen's own clause "
                f"files write it: {shown}")
    return (f"{path}:{where}: missing keys {said}; add them in the order docgen's own clause "
            f"files give them ({', '.join(k for k in REQUIRED_KEYS if k != 'term')}), as "
            f"those write them: {shown}")
