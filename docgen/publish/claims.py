"""Who owns ``<out>/<reference>``: one answer file per reference, in a run and across runs.

Two answer files with one reference would otherwise replace each other's documents,
silently; a claim settles it within a batch, the manifest's recorded answer file across
runs.

A post built from a programme workbook's row is recorded as the answer file docgen keeps
for it (``<out>/.docgen-intake/<workbook>/<reference>.yaml``; the folder's ``.from``
names the workbook, its ``.rows`` the Posts row each reference was read from). A refusal
names that workbook and row, never the kept file. A workbook saved under a new name
("programme v2.xlsx") takes over a post of the workbook it was copied from when that
workbook no longer exists (moved away or deleted); while both exist, the post stays the
first one's until ``--force``: a row that gives the same answers leaves it unchanged
(:func:`held_alike`), one that differs is refused, as is any row when the first
workbook's kept answers cannot be read (they cannot be shown to be the same).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import NamedTuple

from docgen.answers.bounded import read_bounded
from docgen.errors import AnswerFileError
from docgen.publish.files import read_manifest
from docgen.publish.sources import OWNER, SOURCES_DIR
from docgen.publish.stage import claims_dir

#: in a workbook's folder of kept answer files: the sheet and the row each reference was
#: read from when last staged (written by the intake, read to say where a post came from)
ROWS = ".rows"


def taken(reference: str, other: object) -> str:
    """Why a file whose reference another file already has is not built (or checked)."""
    return f"reference '{reference}' is also used by {other}; give each post its own reference"


def _token(out: Path, reference: str) -> Path:
    """The claim file of a reference (compared case-blind: Windows and macOS folders are)."""
    return claims_dir(out) / hashlib.sha256(reference.casefold().encode()).hexdigest()[:32]


def claim(out: Path, reference: str, path: Path) -> Path | None:
    """Claim ``out/<reference>`` for ``path`` in this run; the other file if it was taken.

    A claim is a file created with O_EXCL under the staging folder, so it holds
    across worker processes; the run holds the output folder's lock, and the
    claims are removed when it starts and ends. References are compared
    case-blind (Windows and macOS folders are).
    """
    folder = claims_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    token = _token(out, reference)
    mine = str(path.resolve())
    try:
        fd = os.open(token, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        other = token.read_text(encoding="utf-8")
        return None if other == mine else Path(other)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(mine)
    return None


def release(out: Path, reference: str, path: Path) -> None:
    """Give up a claim this file made (its reference is no longer the one it claimed)."""
    token = _token(out, reference)
    try:
        if token.read_text(encoding="utf-8") == str(path.resolve()):
            token.unlink()
    except OSError:
        pass


def built_by_another(folder: Path, path: Path) -> Path | None:
    """The answer file ``folder``'s manifest says built it, when that is not ``path``."""
    manifest = read_manifest(folder) or {}
    recorded = (manifest.get("answer_file") or {}).get("resolved")
    if not isinstance(recorded, str) or recorded == str(path.resolve()):
        return None
    return Path(recorded)


def other_owner(folder: Path, path: Path, reference: str) -> Path | None:
    """Another answer file, still on disk with this reference, that built ``folder``.

    Two files with one reference in different runs (or different folders) would
    otherwise replace each other's documents in turn, silently.
    """
    other = built_by_another(folder, path)
    if other is None:
        return None
    before = kept_row(other)
    if before is not None:  # a workbook's row: that workbook decides, not the file docgen
        # keeps for it (which may be gone while the workbook is in use)
        same_post = other.stem.casefold() == reference.casefold()
        return other if same_post and before.workbook.is_file() else None
    try:
        raw = read_bounded(other)
    except (AnswerFileError, OSError):
        return None  # moved or renamed: this file takes over
    found = re.search(r"""^reference:[ \t]*["']?([^"'\s#]+)""", raw.decode("utf-8", "replace"),
                      re.MULTILINE)
    if not found or found.group(1).casefold() != reference.casefold():
        return None
    return other


def _same_bytes(raw: bytes, path: Path) -> bool:
    try:
        return read_bounded(path) == raw
    except (AnswerFileError, OSError):
        return False


class KeptRow(NamedTuple):
    """Where an answer file docgen keeps for a workbook's row came from."""

    workbook: Path
    sheet: str
    row: int | None  # None: not recorded (kept by an older docgen)


def kept_row(path: Path) -> KeptRow | None:
    """The workbook (and row) a kept answer file was read from; None for any other file."""
    folder = path.parent
    if folder.parent.name != SOURCES_DIR:
        return None
    try:
        workbook = Path((folder / OWNER).read_text(encoding="utf-8").strip())
    except (OSError, UnicodeError):
        return None
    if not workbook.name:
        return None
    try:
        record = json.loads((folder / ROWS).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError):
        record = {}
    record = record if isinstance(record, dict) else {}
    rows = record.get("rows")
    row = rows.get(path.stem) if isinstance(rows, dict) else None
    sheet = record.get("sheet")
    return KeptRow(workbook, sheet if isinstance(sheet, str) else "Posts",
                   row if isinstance(row, int) and not isinstance(row, bool) else None)


class Taken(NamedTuple):
    """Another workbook's kept answers that built a post folder."""

    answers: Path  # the kept answer file the folder's manifest names
    row: KeptRow  # the workbook and row they were read from
    same: bool  # whether they are the bytes of the answers now kept for this workbook


def taken_from(folder: Path, path: Path) -> Taken | None:
    """The kept answers of another workbook that built ``folder`` (None when ``path``, a
    workbook's kept answers too, built it, or no workbook did): building ``path`` takes
    the post over."""
    recorded = built_by_another(folder, path)
    before = kept_row(recorded) if recorded is not None else None
    if recorded is None or before is None:
        return None
    try:
        same = _same_bytes(read_bounded(recorded), path)
    except (AnswerFileError, OSError):
        same = False
    return Taken(recorded, before, same)


def _built_from(kept: KeptRow) -> str:
    row = f" ({kept.sheet} row {kept.row})" if kept.row is not None else ""
    return f"{kept.workbook.name}{row}"


def owned_elsewhere(folder: Path, owner: Path, path: Path, reference: str) -> str:
    """Why ``path`` is not built into ``folder``, whose documents ``owner`` built: in a
    workbook's words (its name and row) where either is a workbook's row."""
    before, now = kept_row(owner), kept_row(path)
    if before is None and now is None:
        return (f"{folder} holds the documents of {owner}, which also has reference "
                f"'{reference}'; give each post its own reference (or use --force if this "
                "file replaces that one)")
    source = _built_from(before) if before else str(owner)
    this = f"this workbook, {now.workbook.name}," if now else f"this file, {path.name},"
    new = now.workbook.name if now else path.name
    old = before.workbook if before else owner
    return (f"{folder} holds the documents built from {source}; {this} has the same "
            f"reference '{reference}'. If {new} replaces {old.name}, move {old.name} out of "
            f"{old.parent} (docgen then takes the post over) or build {new} once "
            "with --force (which also replaces documents edited by hand); if both are in "
            f"use, give the post another reference in one of them, or build them into "
            "different --out folders")


def held_alike(was: Taken) -> bool:
    """Whether a post another workbook built stays that workbook's while its documents
    stand unchanged: that workbook still exists and this row gives the same answers (two
    workbooks alike would otherwise take it back and forth on every build)."""
    return was.same and was.row.workbook.is_file()
