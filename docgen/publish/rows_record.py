"""A workbook's folder of kept answer files, as the intake records it: the workbook it
names (``.from``) and its ``.rows`` (the sheet and row each reference was read from, the
posts another workbook holds for it, the previous build's rows and those it counted
renamed); and so which workbook and row a kept answer file came from.

Read here alone, so that the intake (which writes the record), the claims on a post's
folder (:mod:`docgen.publish.claims`, whose refusals name a workbook's row, never the
kept file) and the register read it one way. Missing or damaged, a record reads as empty.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from docgen.publish.sources import OWNER, SOURCES_DIR

#: in a workbook's folder of kept answer files: the sheet and the row each reference was
#: read from when last staged (written by the intake, read to say where a post came from)
ROWS = ".rows"


class KeptRow(NamedTuple):
    """Where an answer file docgen keeps for a workbook's row came from."""

    workbook: Path
    sheet: str
    row: int | None  # None: not recorded (kept by an older docgen)


class KeptFolder(NamedTuple):
    """A workbook's folder of kept answer files, as the intake recorded it."""

    workbook: Path  # its ``.from``
    sheet: str  # and its ``.rows``: the sheet
    rows: dict[str, Any]  # and the row each reference was read from, as written


#: the folders :func:`kept_row` has read in one call chain (a caller asking of many posts
#: keeps one for the chain, so each folder is read once; never kept across runs)
Seen = dict[Path, KeptFolder | None]


def _read_rows_record(folder: Path) -> dict[str, Any]:
    """``folder``'s ``.rows``, parsed; empty when missing or damaged."""
    try:
        record = json.loads((folder / ROWS).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError):
        record = {}
    return record if isinstance(record, dict) else {}


def _rows_of(record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    rows, sheet = record.get("rows"), record.get("sheet")
    return (sheet if isinstance(sheet, str) else "Posts",
            dict(rows) if isinstance(rows, dict) else {})


def read_rows(folder: Path) -> tuple[str, dict[str, Any]]:
    """The sheet and the row of each reference recorded in ``folder``'s ``.rows``, read and
    parsed here alone (the intake adds to it, a refusal says where a post came from);
    Posts and none when the record is missing or damaged."""
    return _rows_of(_read_rows_record(folder))


#: in ``.rows``: the posts another workbook in use kept for this one (its row gave the same
#: answers), each with the sha256 of the answers their documents were built from
HELD = "held"


#: in ``.rows``: the previous build's rows, each row number (as text) → the reference the
#: row gave (a failed row's too), so the next build can tell a row given a new reference
#: from rows deleted, added or moved (:mod:`docgen.intake.renamed`) by that build alone
GIVEN = "given"
#: in ``.rows``: the rows the previous build counted as given a new reference, each row
#: number (as text) → the old reference (whose documents stood for the row while the new
#: one had none: :mod:`docgen.intake.renamed`)
RENAMED = "renamed"


class Record(NamedTuple):
    """A workbook's ``.rows``, read once (:func:`read_record`)."""

    rows: dict[str, Any]  # reference → the row it was last staged from, over all builds
    held: dict[str, str]  # :data:`HELD`
    given: dict[str, str]  # :data:`GIVEN`: the previous build's rows alone
    renamed: dict[str, str]  # :data:`RENAMED`: of those, the rows given a new reference


def _strings(record: dict[str, Any], key: str) -> dict[str, str]:
    found = record.get(key)
    return {k: v for k, v in found.items() if isinstance(v, str)} \
        if isinstance(found, dict) else {}


def read_record(folder: Path) -> Record:
    """:func:`read_rows`' rows, the posts another workbook kept for the workbook of
    ``folder`` (:data:`HELD`: reference → the sha256 of the answers the documents were
    built from, as the post's manifest records it, when its row gave answers alike) and
    the previous build's rows (:data:`GIVEN`, :data:`RENAMED`), from one read of ``.rows``
    (the intake, rewriting it, reads it once). While a held post's documents are those,
    the post is this workbook's row too, so that row failing on its own errors is the
    post's failure in the register: kept so a row whose new answers fail (and are kept in
    place of the old ones) is still known to have held the post. All empty when the
    record is missing or damaged."""
    record = _read_rows_record(folder)
    return Record(_rows_of(record)[1], _strings(record, HELD), _strings(record, GIVEN),
                  _strings(record, RENAMED))


def _kept_folder(folder: Path) -> KeptFolder | None:
    """``folder``'s workbook and rows; None when it names no workbook."""
    try:
        workbook = Path((folder / OWNER).read_text(encoding="utf-8").strip())
    except (OSError, UnicodeError):
        return None
    if not workbook.name:
        return None
    return KeptFolder(workbook, *read_rows(folder))


def kept_row(path: Path, seen: Seen | None = None) -> KeptRow | None:
    """The workbook (and row) a kept answer file was read from; None for any other file.
    With ``seen``, a folder read before in the same call chain is not read again."""
    folder = path.parent
    if folder.parent.name != SOURCES_DIR:
        return None
    if seen is None:
        kept = _kept_folder(folder)
    elif folder in seen:
        kept = seen[folder]
    else:
        kept = seen[folder] = _kept_folder(folder)
    if kept is None:
        return None
    row = kept.rows.get(path.stem)
    return KeptRow(kept.workbook, kept.sheet,
                   row if isinstance(row, int) and not isinstance(row, bool) else None)
