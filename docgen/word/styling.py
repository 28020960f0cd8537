"""A house style read from its Word file, and laid over a template: what a post that names
a ``house_style`` needs, loaded the first time one does (``docgen.word.styling``, see
:mod:`docgen.word`), with the house-style modules of ``ooxml/`` under it; a post in docgen's
own style never loads them.

Reading is bounded (size, zip bomb) and cached on the file's size and modification time.
Which document takes whose style is :mod:`docgen.word.housestyle`'s.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from docgen.errors import DocgenError
from docgen.ooxml.bounds import MAX_DOCX_BYTES, check_docx_bounds, read_capped
from docgen.ooxml.housestyle import (
    HouseStyle,
    HouseStyleError,
    open_zip,
    parse_house_style,
    sniff,
)
from docgen.ooxml.restyle import apply_house_style as apply_house_style  # for word/fill.py


def load_house_style(path: Path) -> HouseStyle:
    """The parsed house style in ``path``; raises :class:`DocgenError` (one line)."""
    try:
        st = path.stat()
    except OSError:
        raise DocgenError(f"{path}: the house style file does not exist; check the path "
                          "(it is relative to the file that names it)") from None
    if path.is_dir():
        raise DocgenError(f"house_style names a folder, not a Word file ({path}); name the "
                          ".docx or .dotx, e.g. house_style: styles/eastwick.docx")
    return _cached(path.resolve(), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _cached(path: Path, mtime_ns: int, size: int) -> HouseStyle:
    if path.suffix.lower() in (".docm", ".dotm"):
        raise DocgenError(f"{path} is a macro-enabled Word file (.docm/.dotm); docgen does not "
                          "open files with macros. Save a copy as a Word Document (.docx) or "
                          "Word Template (.dotx) and name that")
    try:
        data = _read(path, size)
        return parse_house_style(str(path), data, hashlib.sha256(data).hexdigest())
    except HouseStyleError as exc:
        raise DocgenError(str(exc)) from None


def _read(path: Path, size: int) -> bytes:
    """The file's bytes, read once: too large is said first (a file cut at the limit would
    look damaged), with its size on disk (what was read stops at the limit), then OLE (old
    or encrypted Word), then a broken zip, then zip bombs."""
    data = read_capped(path)
    if len(data) > MAX_DOCX_BYTES:
        raise DocgenError(f"{path} is {max(size, len(data)):,} bytes, too large for a house "
                          f"style (limit {MAX_DOCX_BYTES:,}; a letterhead or template is "
                          "usually under 1 MB). Is it the right file? If it is, save a copy "
                          "without its large pictures or embedded files (Word: File > "
                          "Compress Pictures) and name that")
    sniff(str(path), data)
    open_zip(str(path), data).close()  # cut short or broken: "damaged", with what to do
    check_docx_bounds(str(path), data)
    return data


__all__ = ["apply_house_style", "load_house_style"]
