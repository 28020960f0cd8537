"""Who owns ``<out>/<reference>``: one answer file per reference, in a run and across runs.

Two answer files with one reference would otherwise replace each other's documents,
silently; a claim settles it within a batch, the manifest's recorded answer file across
runs.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.errors import AnswerFileError
from docgen.publish.files import read_manifest
from docgen.publish.stage import claims_dir


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


def other_owner(folder: Path, path: Path, reference: str) -> Path | None:
    """Another answer file, still on disk with this reference, that built ``folder``.

    Two files with one reference in different runs (or different folders) would
    otherwise replace each other's documents in turn, silently.
    """
    manifest = read_manifest(folder) or {}
    recorded = (manifest.get("answer_file") or {}).get("resolved")
    if not isinstance(recorded, str) or recorded == str(path.resolve()):
        return None
    other = Path(recorded)
    try:
        text = read_bounded(other).decode("utf-8", "replace")
    except (AnswerFileError, OSError):
        return None  # moved or renamed: this file takes over
    found = re.search(r"""^reference:[ \t]*["']?([^"'\s#]+)""", text, re.MULTILINE)
    return other if found and found.group(1).casefold() == reference.casefold() else None
