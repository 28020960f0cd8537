"""Reading what a user names, within bounds: only regular files, at most so many
bytes (counted while reading), and only inside the project's folders.

A FIFO would block for ever, ``/dev/zero`` never ends, and ``extends:
../../secret.yaml`` or ``clauses: ["/"]`` would print another project's files
into a document; each gives a clear error instead.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from docgen.errors import AnswerFileError, KeyLines, KeyPath, Problem
from docgen.regular_files import NotARegularFile, read_regular

MAX_FILE_BYTES = 1_000_000


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES, what: str = "answer files",
                 fix: str = "") -> bytes:
    """The bytes of a regular file, at most ``limit`` of them, read once (``what``: the
    kind of file, plural, for the message about its size; ``fix``: what to do, after it).

    A FIFO would block for ever and ``/dev/zero`` never ends, so only regular
    files are opened (``O_NONBLOCK`` keeps even the open from waiting on a
    FIFO), and the cap is applied while reading, not after.
    """
    try:
        data = read_regular(path, limit)
    except OSError as exc:
        raise AnswerFileError([Problem(f"cannot read the file: {exc.strerror}",
                                       file=path)]) from None
    except NotARegularFile:
        kind = f"a {path.suffix.lower()} file" if path.suffix else "a file"
        raise AnswerFileError([Problem("this is not a regular file (a device, a pipe or "
                                       f"a folder); give the path of {kind}",
                                       file=path)]) from None
    if len(data) > limit:
        raise AnswerFileError([Problem(f"the file is larger than {limit:,} bytes; {what} "
                                       f"are limited to {limit:,} bytes{fix}", file=path)])
    return data


#: a link that leads back to itself (``loop.yaml -> loop.yaml``): said wherever one is met,
#: found in a folder (:mod:`docgen.publish.discover`: left out), named, or named by a key
#: (``extends``, ``clauses``), never a traceback
LINK_LOOP = "a symbolic link that leads back to itself (a loop of links)"
#: a loop of links found where an answer file was looked for, and, named, what to do
LOOP_NOT_AN_ANSWER_FILE = f"{LINK_LOOP}, not an answer file"
LOOP_NAMED_FIX = "remove it, or name the answer file itself"


class LinkLoop(ValueError):
    """A path that is a loop of links, so has no real path."""


def looped(target: Path) -> bool:
    """Whether ``target`` is a loop of links (a link to itself, or to one leading back):
    asked of the system, as every Python answers alike (``resolve`` raises RuntimeError
    for one before 3.13, and from 3.13 returns a path)."""
    try:
        os.stat(target)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def real_path(target: Path) -> Path:
    """``target`` resolved; :class:`LinkLoop` when it is a loop of links."""
    if looped(target):
        raise LinkLoop(str(target))
    try:
        return target.resolve()
    except RuntimeError:  # a loop made between the two looks
        raise LinkLoop(str(target)) from None


def _inside(target: Path, roots: tuple[Path, ...]) -> bool:
    real = real_path(target)
    return any(real == r or real.is_relative_to(r) for r in roots)


#: how to bring a file named outside the project folders in, said after "keep it in that
#: folder": for an answer file, whose folders the command line may name too
NAME_ITS_FOLDER = "or name its folder on the command line"


def confined(located_at: Path, raw: str, key: KeyPath, lines: KeyLines, path: Path,
             roots: tuple[Path, ...], what: str, hint: str = NAME_ITS_FOLDER) -> Path:
    """``raw`` (relative to ``located_at``) when it stays inside the project folders.

    A base or clause folder outside them (``../../secret``, ``/``, or a symbolic
    link pointing out) could print another project's files into a document. ``hint``:
    the other way to bring it in, after "keep it in that folder" ("" for none: a
    workbook is named alone, so its folder is the only one).
    """
    file, line = lines.get(key, (path, None))
    if "\0" in raw:  # no file name holds one, and the system refuses to look it up
        shown = raw.replace("\0", "\\0")
        raise AnswerFileError([Problem(
            f"{what} '{shown}' holds a NUL character (\\0), which no file or folder name "
            f"can; write the name as it is on disk, for example '{raw.replace(chr(0), '')}'",
            path=key, file=file, line=line)])
    if Path(raw).is_absolute():
        raise AnswerFileError([Problem(f"{what} must be a path relative to this file, not an "
                                       f"absolute path ('{raw}')", path=key, file=file,
                                       line=line)])
    target = located_at / raw
    try:
        inside = _inside(target, roots)
    except LinkLoop:
        raise AnswerFileError([Problem(
            f"{what} '{raw}' is {LINK_LOOP}; point it at the file itself, or write that "
            "file's path here", path=key, file=file, line=line)]) from None
    if not inside:
        raise AnswerFileError([Problem(
            f"{what} '{raw}' leads outside the project folder {roots[0]} (to "
            f"{target.resolve()}); keep it in that folder{', ' + hint if hint else ''}",
            path=key, file=file, line=line)])
    return target


__all__ = ["LINK_LOOP", "LOOP_NAMED_FIX", "LOOP_NOT_AN_ANSWER_FILE", "MAX_FILE_BYTES",
           "LinkLoop", "confined", "looped", "read_bounded", "real_path"]
