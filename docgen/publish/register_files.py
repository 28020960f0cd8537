"""The register's files in an output folder: a person's edits are kept, and posts whose
answer file is gone are named.

``register.csv``, ``register-parties.csv`` and ``register.xlsx`` are docgen's: every
build writes them again from the posts' manifests, so they always match the documents.
A person may still sort one, add a SUM row or a notes column and save it in place. The
next build then keeps their file beside the new one as ``register.edited-1.xlsx`` (the
name ``--force`` gives an edited document) and says so; it never refuses, since a
register left as it was would no longer match the posts just built. Which bytes docgen
wrote is known from their hashes, kept in ``.docgen-register.json``; a file docgen has
no hash for (a folder built by an older docgen) is taken as docgen's.

A post folder stays when its answer file is deleted or its ``reference:`` changed (the
documents may be signed); :func:`orphans` names those posts, as the workbook intake
names the files of rows taken out of the workbook.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from docgen.answers.folder_names import MANIFEST, REGISTER_RECORD, STATE
from docgen.publish.files import UNREADABLE_JSON, atomic_write, edited_name, sha256
from docgen.results import Notice

EDITED_COPY = re.compile(r"^(register(?:-parties)?)\.edited-\d+\.(csv|xlsx)$")


def read_record(out: Path) -> dict[str, str]:
    """The hash of each register file as docgen last wrote it (empty when unknown)."""
    try:
        data = json.loads((out / REGISTER_RECORD).read_text(encoding="utf-8"))
    except UNREADABLE_JSON:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def write_record(out: Path, record: dict[str, str]) -> None:
    if record != read_record(out):
        atomic_write(out / REGISTER_RECORD, json.dumps(record, indent=0, sort_keys=True).encode())


def keep_edited(out: Path, name: str, new: bytes, record: dict[str, str]) -> str | None:
    """Move ``out/name`` aside (``<name>.edited-1``) when a person changed it since docgen
    wrote it, before the new ``new`` is written; the copy's name, or None."""
    path = out / name
    try:
        data = path.read_bytes()
    except OSError:  # not there (or not a file: writing it says so)
        return None
    known = record.get(name)
    if known is None or data == new or sha256(data) == known:
        return None
    copy = edited_name(out, name)
    os.replace(path, out / copy)
    return copy


def edited_copies(out: Path) -> set[str]:
    """The kept copies of edited register files in ``out``."""
    try:
        return {p.name for p in out.iterdir() if EDITED_COPY.match(p.name)}
    except OSError:
        return set()


def kept_aside(copy: str) -> str:
    """What the build says about a register file it kept aside as ``copy``."""
    m = EDITED_COPY.match(copy)
    original = f"{m.group(1)}.{m.group(2)}" if m else copy
    return (f"{original} had been edited by hand; kept it as {copy} and wrote the build's "
            f"register (the register is written again by every build: keep notes elsewhere)")


def kept_notice(out: Path, copy: str) -> Notice:
    """:func:`kept_aside` as a :class:`~docgen.results.Notice`, the copy's path with it."""
    return Notice("register-edited", kept_aside(copy), path=out / copy)


#: each post folder's manifest in an output folder, as parsed JSON, by path
Manifests = list[tuple[Path, Any]]


def post_manifests(out: Path) -> Manifests:
    """Every ``<folder>/manifest.json`` in ``out``, sorted, parsed; one that cannot be read
    or is not JSON is left out. A batch reads them once for the register's rows
    (:func:`~docgen.publish.register_rows.collect_rows`) and :func:`orphan_notices`, so
    only what those read is kept (:func:`_read_by_both`): a whole manifest, its clauses'
    records, is some 50 kB in memory, and an output folder may hold thousands."""
    found: Manifests = []
    for manifest in sorted(out.glob(f"*/{MANIFEST}")):
        try:
            found.append((manifest, _read_by_both(
                json.loads(manifest.read_text(encoding="utf-8")))))
        except UNREADABLE_JSON:
            continue
    return found


def _read_by_both(data: Any) -> dict[str, Any] | None:
    """A manifest's register row, reference and answer file's resolved path, as its JSON
    has them (None for JSON that is not an object: both readers pass it by)."""
    if not isinstance(data, dict):
        return None
    kept = {key: data[key] for key in ("register", "reference") if key in data}
    if "answer_file" in data:  # its resolved path alone (a value of another shape: None)
        answer = data["answer_file"]
        kept["answer_file"] = {key: value for key, value in answer.items()
                               if key == "resolved"} if isinstance(answer, dict) else None
    return kept


def orphan_notices(out: Path, failed: dict[str, str] | None = None,
                   manifests: Manifests | None = None) -> list[Notice]:
    """Each post folder in ``out`` whose answer file is no longer there, or now has another
    reference: its documents and register row are kept. ``failed``: the reference each
    answer file (resolved) gave in this run's builds that failed, which the state does not
    record (it keeps the reference of each file's last successful build). ``manifests``:
    :func:`post_manifests` of ``out``, if already read."""
    try:
        state = json.loads((out / STATE).read_text(encoding="utf-8"))
    except UNREADABLE_JSON:
        state = {}
    state = state if isinstance(state, dict) else {}
    failed = failed or {}
    manifests = post_manifests(out) if manifests is None else manifests
    said = []
    for manifest, data in manifests:
        try:
            source = data["answer_file"]["resolved"]
            reference = str(data["reference"])
        except (TypeError, KeyError):
            continue
        if not isinstance(source, str) or not source:
            continue
        folder, now = manifest.parent, failed.get(source) or state.get(source)
        if not Path(source).exists():
            if Path(source).parent.is_dir():  # not a whole project moved or built elsewhere
                said.append(Notice(
                    "answer-file-gone", f"{folder}: post {reference}'s answer file {source} is "
                    "no longer there; its documents and its register row are kept (delete the "
                    "folder if the post is dropped)", reference, folder, Path(source)))
        elif isinstance(now, str) and now.casefold() != reference.casefold():
            # a failed file's last documents are this folder's only while no folder of the
            # reference it gives now was built from it
            stands = source in failed and not _built_under(manifests, source, now)
            said.append(Notice("reference-changed", _changed(folder, source, reference, now,
                                                             stands),
                               reference, folder, Path(source)))
    return said


def _built_under(manifests: Manifests, source: str, reference: str) -> bool:
    """Whether a post folder of ``reference`` was built from the answer file ``source``."""
    for _, data in manifests:
        answer = data.get("answer_file") if isinstance(data, dict) else None
        if isinstance(answer, dict) and answer.get("resolved") == source and \
                str(data.get("reference", "")).casefold() == reference.casefold():
            return True
    return False


def _changed(folder: Path, source: str, reference: str, now: str, failed: bool) -> str:
    if not failed:
        return (f"{folder}: {source} now has reference {now}, not {reference}; the documents "
                f"of {reference} and its register row are kept (delete the folder if the post "
                "was renamed)")
    return (f"{folder}: {source} now has reference {now}, not {reference}, and its build "
            f"failed; the documents of {reference}, its last successful build, stand, and "
            f"{reference}'s register row gives their figures, marked failed (once {now} is "
            "built, delete this folder if the post was renamed)")


def orphans(out: Path) -> list[str]:
    """What the build says about each post folder of :func:`orphan_notices`."""
    return [n.message for n in orphan_notices(out)]


def build_notes(out: Path, copies_before: set[str]) -> list[str]:
    """What a build says about the register: the edited copies kept since
    ``copies_before`` (:func:`edited_copies` before it ran), then :func:`orphans`.
    (A build's :class:`~docgen.results.BuildReport` carries the same as ``notices``.)"""
    return [*(kept_aside(c) for c in sorted(edited_copies(out) - copies_before)), *orphans(out)]
