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
workbook's kept answers cannot be read (they cannot be shown to be the same). A post
the first workbook keeps for the second so is the second's row too (:func:`held_for`):
that row failing on errors of its own is the post's failure in the register, as an answer
file's failed rebuild is (refused as it now differs, it leaves the first workbook's row).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from docgen.answers.bounded import read_bounded
from docgen.errors import AnswerFileError
from docgen.publish.files import read_manifest
from docgen.publish.rows_record import KeptRow, Seen, kept_row
from docgen.publish.sources import SOURCES_DIR
from docgen.publish.stage import claims_dir


def taken(reference: str, other: object, where: object, checked: bool = False) -> str:
    """Why a file whose reference another file already has is not built (or ``checked``:
    a check, which sees no output folder, cannot tell which built the post, so it names
    the file found second and says so); ``where``: the file (and line) of its
    ``reference`` key."""
    return (f"{where}: reference: '{reference}' is also used by {other}; give each post its "
            "own reference" + (" (if one of them has been built already, change the "
                               "other's)" if checked else ""))


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
    found = _built_by(folder, path)
    return None if found is None else found[0]


def _built_by(folder: Path, path: Path) -> tuple[Path, str | None] | None:
    """:func:`built_by_another`, and the sha256 of the answers its manifest records (what
    a workbook that held the post compares with its mark, from
    :func:`~docgen.publish.rows_record.read_record`)."""
    recorded, sha = _recorded(folder)
    if recorded is None or recorded == str(path.resolve()):
        return None
    return Path(recorded), sha


def _recorded(folder: Path) -> tuple[str | None, str | None]:
    """The answer file (resolved) ``folder``'s manifest says built it, and the sha256 of
    those answers; None for what it does not record (no manifest, or a damaged one)."""
    manifest = read_manifest(folder)
    answer = manifest.get("answer_file") if isinstance(manifest, dict) else None
    if not isinstance(answer, dict):
        return None, None
    recorded, sha = answer.get("resolved"), answer.get("sha256")
    return (recorded if isinstance(recorded, str) else None,
            sha if isinstance(sha, str) else None)


def built_from(folder: Path, path: Path) -> bool:
    """Whether ``folder``'s manifest names ``path`` as the answers that built it (not
    merely no other file: a folder with no manifest was built by no file docgen knows)."""
    return _recorded(folder)[0] == str(path.resolve())


def _same_bytes(raw: bytes, path: Path) -> bool:
    try:
        return read_bounded(path) == raw
    except (AnswerFileError, OSError):
        return False


def still_held(out: Path, folder: Path, marks: dict[str, str], references: set[str],
               known: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The marks (from :func:`~docgen.publish.rows_record.read_record`) of the workbook whose
    answers ``folder`` keeps that are still true: of a row it still has (``references``,
    casefolded) whose post's folder another file's answers built, those the mark records.
    A mark that outlived its row, a ``--force`` build taking the post or the post's folder
    would otherwise hold the post again if a later build's hash matched it, changing how
    that row's failure reads.
    ``known``: by reference, the sha256 the manifests the caller has just read record of
    posts another workbook built (:class:`Taken`), so a manifest is read only for the
    others (each post's a second time per build, where a workbook held many)."""
    known = known or {}
    kept = {}
    for reference, sha in marks.items():
        if reference.casefold() not in references:
            continue
        if reference in known:
            built = known[reference]
        else:
            found = _built_by(out / reference, folder / f"{reference}.yaml")
            built = found[1] if found is not None else None
        if built is not None and built == sha:
            kept[reference] = sha
    return kept


class Builder(NamedTuple):
    """The answer file, not this one, whose documents a post's folder holds: read once for
    every question asked of that folder (:func:`owner_of`, :func:`took_over`)."""

    answers: Path  # the answer file the folder's manifest names
    row: KeptRow | None  # the workbook and row it was read from; None: not a workbook's
    sha256: str | None = None  # of those answers, as the manifest records them


def builder(folder: Path, path: Path, seen: Seen | None = None) -> Builder | None:
    """Who built ``folder``, when not ``path`` (``seen``: :func:`kept_row`'s)."""
    found = _built_by(folder, path)
    if found is None:
        return None
    other, sha = found
    return Builder(other, kept_row(other, seen), sha)


def other_owner(folder: Path, path: Path, reference: str) -> Path | None:
    """Another answer file, still on disk with this reference, that built ``folder``.

    Two files with one reference in different runs (or different folders) would
    otherwise replace each other's documents in turn, silently.
    """
    was = builder(folder, path)
    if was is not None and respelt(was.answers, path):
        return None
    return owner_of(was, reference)


def respelt(other: Path, path: Path) -> bool:
    """Whether ``other`` is the answers docgen keeps for the same workbook as ``path``
    under a reference spelt in another case: the same post (and the same file where file
    names are case-blind), not another workbook's, whose folder takes the new spelling."""
    mine = path.resolve()
    return mine.parent.parent.name == SOURCES_DIR and other.parent == mine.parent and \
        other.name.casefold() == mine.name.casefold()


def owner_of(was: Builder | None, reference: str) -> Path | None:
    """:func:`other_owner`, of the folder's builder already read."""
    if was is None:
        return None
    other, before = was.answers, was.row
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


class Taken(NamedTuple):
    """Another workbook's kept answers that built a post folder."""

    answers: Path  # the kept answer file the folder's manifest names
    row: KeptRow  # the workbook and row they were read from
    same: bool  # whether they are the bytes of the answers now kept for this workbook
    # of the answers the documents were built from, as the folder's manifest records them
    # (not the kept file's now: kept anew, its build failing, it differs from the documents)
    sha256: str | None = None


def taken_from(folder: Path, path: Path, seen: Seen | None = None) -> Taken | None:
    """The kept answers of another workbook that built ``folder`` (None when ``path``, a
    workbook's kept answers too, built it, or no workbook did): building ``path`` takes
    the post over. ``seen``: :func:`kept_row`'s."""
    return took_over(builder(folder, path, seen), path)


def took_over(was: Builder | None, path: Path) -> Taken | None:
    """:func:`taken_from`, of the folder's builder already read."""
    if was is None or was.row is None:
        return None
    try:
        raw = read_bounded(was.answers)
    except (AnswerFileError, OSError):
        return Taken(was.answers, was.row, False, was.sha256)
    return Taken(was.answers, was.row, _same_bytes(raw, path), was.sha256)


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


def held_for(was: Builder | None, took: Taken | None, mark: str | None) -> bool:
    """Whether a workbook's row (its answers kept as ``took`` compares them, its mark from
    :func:`~docgen.publish.rows_record.read_record`) holds a post another workbook built
    (``was``): that workbook keeps it for this one, now (:func:`held_alike`) or since this
    row gave its answers alike, the documents still those answers'. Its failure is then the
    post's."""
    if took is None or was is None:
        return False
    return held_alike(took) or (mark is not None and mark == was.sha256
                                and took.row.workbook.is_file())


def held_alike(was: Taken) -> bool:
    """Whether a post another workbook built stays that workbook's while its documents
    stand unchanged: that workbook still exists and this row gives the same answers (two
    workbooks alike would otherwise take it back and forth on every build)."""
    return was.same and was.row.workbook.is_file()
