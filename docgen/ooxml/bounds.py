"""Bounds on the OOXML packages docgen reads (.docx for ``verify`` and ``compare``, the
.xlsx of a programme workbook): a zip bomb is refused before it is inflated, and only
regular files are opened."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docgen.errors import DocgenError
from docgen.regular_files import NotARegularFile, read_regular

MAX_DOCX_BYTES = 50_000_000  # a generated document is about 50 kB
MAX_INFLATED_BYTES = 200_000_000  # all parts together, once inflated
MAX_RATIO = 200  # inflated/deflated per part; XML compresses about 10:1
MAX_PARTS = 2_000


def check_docx_bounds(name: str, data: bytes) -> None:
    """Refuse a .docx that would inflate far beyond any real document (a zip bomb)."""
    check_package_bounds(name, data, "Word document")


def check_size(name: str, data: bytes) -> None:
    """Refuse a file over :data:`MAX_DOCX_BYTES` as too large (before anything else is
    said about it: a file cut at the limit would look damaged)."""
    if len(data) > MAX_DOCX_BYTES:
        raise DocgenError(f"{name}: {len(data):,} bytes is far larger than any document "
                          f"docgen writes (limit {MAX_DOCX_BYTES:,}); is it the right file?")


def check_package_bounds(name: str, data: bytes, what: str) -> None:
    """Refuse a package that would inflate far beyond any real one (a zip bomb); ``what``
    names the kind of file in the message ("Word document", "Excel workbook").

    The sizes are the ones in the zip directory; :mod:`zipfile` stops inflating
    a part at its stated size, so these bound the memory used.
    """
    check_size(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocgenError(f"{name}: not a readable {what} ({exc})") from None
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_PARTS or total > MAX_INFLATED_BYTES:
        raise DocgenError(f"{name}: would inflate to {total:,} bytes in {len(infos)} parts "
                          f"(limit {MAX_INFLATED_BYTES:,}); not opened")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(1, i.compress_size):
            raise DocgenError(f"{name}: part {i.filename} inflates {i.file_size:,} bytes from "
                              f"{i.compress_size:,} (a zip bomb?); not opened")


def read_docx_bytes(path: Path) -> bytes:
    """A .docx from disk: a regular file, size-capped while reading, bounds checked."""
    data = read_capped(path)
    check_docx_bounds(str(path), data)
    return data


def read_capped(path: Path) -> bytes:
    """A regular file's bytes, at most ``MAX_DOCX_BYTES + 1`` (so :func:`check_size` can
    tell a larger file); a folder or a device is refused in words. No bounds are checked:
    a caller with its own words for a damaged file checks them after (read once)."""
    try:
        return read_regular(path, MAX_DOCX_BYTES)
    except OSError as exc:
        raise DocgenError(f"{path}: cannot read it ({exc.strerror})") from None
    except NotARegularFile as exc:
        if exc.folder:
            raise DocgenError(f"{path} is a folder, not a Word file; name the .docx or "
                              ".dotx") from None
        raise DocgenError(f"{path}: not a regular file; give a .docx file") from None
