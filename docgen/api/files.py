"""Public API, files on disk: writing a file whole (:func:`save`).

The command line writes answer files, workbooks and clause books through :func:`save`, so
a reader never sees half a file and ``docgen new`` never replaces one. (Where it keeps
what it prepares between runs is :func:`docgen.api.keep_prepared`.)
"""

from __future__ import annotations

import os
from pathlib import Path

from docgen.publish.files import atomic_write, create_exclusive


def save(path: str | os.PathLike[str], data: bytes | str, *, replace: bool = True) -> bool:
    """Write ``data`` (``str`` as UTF-8) to ``path`` whole: a temporary file beside it,
    then a rename, so nobody reads half of it. True when written.

    With ``replace=False`` the file is written only if no file of that name exists, and
    False is returned if one does, one written meanwhile by another process included
    (the text is linked into place, which fails if the name is taken; where hard links
    are not supported, the file is created exclusively with ``O_EXCL``).
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if replace:
        atomic_write(target, raw)
        return True
    fd, tmp = create_exclusive(target.parent, f".{target.name}.", ".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            try:
                out = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
            except FileExistsError:
                return False
            with os.fdopen(out, "wb") as fh:
                fh.write(raw)
    finally:
        tmp.unlink(missing_ok=True)
    return True
