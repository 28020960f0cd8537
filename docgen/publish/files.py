"""Stage 5: write outputs safely — atomically, with a manifest, never over a person's edits.

Each document goes to a temporary file in the same folder and is moved into
place with ``os.replace``, so an interrupted run never leaves half a file. The
manifest records what each output was built from and its hash; a document
whose bytes no longer match the manifest was edited by someone and is not
overwritten unless the caller says ``force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Collection
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from docgen.answers.folder_names import MANIFEST

#: a manifest is a few kB; a larger file is not one docgen wrote, and is not read whole
MANIFEST_MAX = 5_000_000
#: what reading a JSON file docgen wrote into an output folder can raise, when it is
#: missing, unreadable, not JSON, or nested deeper than json parses (RecursionError, not a
#: ValueError): each is read as a damaged file, never shown to the user as a traceback
UNREADABLE_JSON = (OSError, ValueError, RecursionError)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    return sha256(path.read_bytes())


def unique_name(folder: Path, prefix: str, suffix: str) -> Path:
    """A name in ``folder`` that nothing has yet (callers create it exclusively)."""
    return folder / f"{prefix}{secrets.token_hex(6)}{suffix}"


def edited_name(folder: Path, name: str, taken: Collection[str] = ()) -> str:
    """The name a person's edited copy of ``name`` is kept under, beside docgen's new one:
    ``<stem>.edited-1<suffix>`` (``-2`` and on when that is in ``folder`` or ``taken``)."""
    stem, dot, suffix = name.rpartition(".")
    n = 1
    while (new := f"{stem}.edited-{n}{dot}{suffix}") in taken or (folder / new).exists():
        n += 1
    return new


def keep_edits(folder: Path, edited: list[str], files: dict[str, bytes]) -> dict[str, str]:
    """With ``--force``, a person's edited document goes into the new set ``files`` under a
    new name (``…-agreement.edited-1.docx``, :func:`edited_name`), so forcing a rebuild
    never loses their work. Each edited name → the name it is kept under."""
    kept: dict[str, str] = {}
    for name in edited:
        new = edited_name(folder, name, files)
        try:
            files[new] = (folder / name).read_bytes()
        except OSError:
            continue
        kept[name] = new
    return kept


def create_exclusive(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new file, opened for writing, with the permissions the user's umask gives
    (mkstemp's 0600 would keep colleagues out; reading the umask would change it)."""
    for _ in range(100):
        path = unique_name(folder, prefix, suffix)
        try:
            return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_exclusive(path.parent, f".{path.name}.", ".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """:func:`atomic_write`, unless ``path`` already holds exactly ``data`` (a register
    rebuilt with the same rows is not written, synced and renamed again); True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(path, data)
    return True


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The folder's manifest, or None when missing, unreadable or not shaped as docgen
    writes it (a damaged manifest proves nothing, so it is treated as absent)."""
    try:
        with (folder / MANIFEST).open("rb") as fh:
            raw = fh.read(MANIFEST_MAX + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MANIFEST_MAX else None
    except UNREADABLE_JSON:
        return None
    return data if _well_formed(data) else None


def manifest_unreadable(folder: Path) -> str | None:
    """Why the folder's manifest exists but cannot be read (permissions, a folder of that
    name), or None (it is readable, or absent): a manifest that cannot be read says
    nothing about the documents, and is reported as such, never as documents "edited"."""
    path = folder / MANIFEST
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _well_formed(data: Any) -> bool:
    """The parts every reader of a manifest relies on have the types docgen writes."""
    if not isinstance(data, dict):
        return False
    documents, extra = data.get("documents", {}), data.get("extra", [])
    return (isinstance(data.get("answer_file", {}), dict)
            and isinstance(documents, dict)
            and all(isinstance(d, dict) for d in documents.values())
            and isinstance(extra, list) and all(isinstance(x, dict) for x in extra)
            and isinstance(data.get("sources", []), list)
            and isinstance(data.get("overlays", []), list))


def manifest_text(manifest: dict[str, Any]) -> bytes:
    """The manifest as people read it: ``json.dumps(manifest, indent=2, sort_keys=True,
    ensure_ascii=False)``, built by :func:`_pretty` when it can (the same text)."""
    try:
        text = _pretty(manifest, "")
    except _Unusual:
        text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode()


class _Unusual(Exception):
    """A value :func:`_pretty` leaves to ``json.dumps`` (a float, a key that is not text)."""


def _pretty(value: Any, pad: str) -> str:
    """What ``json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`` writes for text,
    whole numbers, true/false/null, lists and mappings with text keys: one join per list
    or mapping, where json's indenting encoder (pure Python) yields every piece through a
    generator: a post's manifest in 0.35 ms instead of 0.83 ms."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = pad + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(type(k) is str for k in value):
            raise _Unusual
        types = tuple(map(type, value.values()))
        if not _SCALARS.issuperset(types):
            return _mapping(value, pad, inner)
        # (the types are in the key: True == 1, but they are written differently)
        key = (pad, types, tuple(value.items()))
        text = _WRITTEN.get(key)
        if text is None:
            if len(_WRITTEN) >= WRITTEN_MAX:
                _WRITTEN.clear()
            text = _WRITTEN[key] = _mapping(value, pad, inner)
        return text
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + f"\n{pad}]"
    raise _Unusual


def _mapping(value: dict[str, Any], pad: str, inner: str) -> str:
    return "{\n" + ",\n".join(f"{inner}{encode_basestring(k)}: {_pretty(v, inner)}"
                               for k, v in sorted(value.items())) + f"\n{pad}}}"


#: exact types of the values whose mappings :data:`_WRITTEN` remembers
_SCALARS = frozenset({str, int, bool, type(None)})
#: the text of a mapping of scalars, by indent, value types and items: the clause records
#: (id, version, hash, number, file) are the same in most posts of a batch, some 100 a post
_WRITTEN: dict[tuple[str, tuple[type, ...], tuple[tuple[str, Any], ...]], str] = {}
WRITTEN_MAX = 4096


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    atomic_write(folder / MANIFEST, manifest_text(manifest))
