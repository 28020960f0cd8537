"""Public API, files on disk: writing a file whole (:func:`save`), whether an answer
file's errors kept it from the good-practice rules (:func:`rules_waiting`), whether a
result is an organisation profile's (:func:`is_profile`), and what this
computer lacks to make a format or use an extra (:func:`missing_tools`,
:func:`install_hint`).

The command line writes answer files, workbooks and clause books through :func:`save`, so
a reader never sees half a file and ``docgen new`` never replaces one. (Where it keeps
what it prepares between runs is :func:`docgen.api.keep_prepared`.)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import docgen.publish
from docgen.answers.answer_names import ANSWER_ENDINGS as ANSWER_ENDINGS  # docgen new
from docgen.answers.answer_names import is_answer_name as is_answer_name
from docgen.answers.profile_files import is_profile_file
from docgen.publish.discover import no_answer_path as no_answer_path
from docgen.publish.files import atomic_write, create_exclusive
from docgen.results import PostResult

if TYPE_CHECKING:  # loaded when first asked for (docgen.publish's __getattr__)
    import docgen.publish.review


def rules_waiting(post: PostResult) -> bool:
    """True when errors stopped the good-practice rules running for ``post``: its answer
    file could not be read or validated (the rules run on a valid one), so its warnings
    are not known yet, rather than none. False for a file the rules never apply to (an
    organisation profile, a workbook or sheet named)."""
    return post.rules_pending  # said where the pipeline stopped (docgen.publish.post)


def is_profile(post: PostResult) -> bool:
    """Whether ``post`` is an organisation profile named to ``check`` or ``build`` (checked
    as a profile: nothing to build), so a summary counts it as one, never as an answer
    file. A post that was read has a reference, and one whose errors stopped its rules is
    an answer file: only another file is read again to tell."""
    if post.reference or post.rules_pending or post.status not in ("checked", "failed"):
        return False
    return is_profile_file(post.source)


def install_hint(extra: str) -> str:
    """How to add one of docgen's extras ("review", "serve", "redline"): ``pip install`` of
    the packages docgen's own metadata lists for it, or docgen installed again from its
    clone or wheel with the extra (never ``docgen[...]``: PyPI's docgen is another project)."""
    return docgen.publish.review.install_hint(extra)


def missing_tools(formats: Sequence[str]) -> list[str]:
    """Why each of ``formats`` (docx, pdf, md, html) cannot be made on this computer: pandoc
    (the ``review`` extra) for md and html, LibreOffice for pdf, looked for as a build looks
    for them; [] when all can. A build itself finds out only once its posts are made."""
    return docgen.publish.review.missing_tools(formats)


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
