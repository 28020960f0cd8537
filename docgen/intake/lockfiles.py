"""The lock files Microsoft Office and LibreOffice keep beside a file they have open, named
where a file to read was expected, and who has the file open, read from them (their names
are :mod:`docgen.answers.lock_names`, the one rule a folder's scan reads too). Every door:
a lock file beside a workbook read (:func:`docgen.intake.workbook_file.open_elsewhere`:
a warning), a lock file named in a workbook's place to ``check``, ``build`` or ``intake
read`` (:func:`lock_problem`: an error saying what it is and whose; the command line sends
it the workbook's way, :func:`docgen.intake.is_workbook`), one named to the library's
``check_files`` and ``build`` (:func:`docgen.intake.not_answers_problem`), one named in an
answer file's place (:func:`answer_lock_problem`: ``check``, ``build``, ``docgen.load``,
``verify --answers``) and one named to ``compare`` (:func:`compared_lock_problem`).

Office keeps ``~$posts.xlsx`` (Excel), ``~$post.docx`` (Word; Word drops the first one or
two letters of a longer name: ``~$ared-post.docx`` beside ``shared-post.docx``) and
``~$post.yaml`` for a file it opened (the user's name in its first bytes: a length byte,
then the name), LibreOffice ``.~lock.posts.xlsx#`` (CSV text: the user's full name, then
their login name, ...). At most :data:`LOCK_BYTES` of a lock file are read; one that cannot
be read or decoded names nobody. No Excel library is loaded here: the command line asks
:func:`~docgen.answers.lock_names.locked_book` of every path it is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from docgen.answers.lock_names import (
    Program,
    answer_locked,
    held_open,
    locked_book,
    locked_file,
    program_name,
    what_locked,
)
from docgen.shellwords import shell_path

#: a lock file holds a name and a few fields: more is never read
LOCK_BYTES = 512
#: the longest user name Excel keeps in its lock file's first bytes
EXCEL_NAME_BYTES = 53


def _printable(text: str) -> str | None:
    name = "".join(c for c in text if c.isprintable()).strip()
    return name[:80] or None


def excel_owner(head: bytes) -> str | None:
    """Who has the workbook open, from Excel's lock file: a length byte, then the name."""
    size = head[0] if head else 0
    if not 0 < size <= EXCEL_NAME_BYTES or len(head) < 1 + size:
        return None
    return _printable(head[1:1 + size].decode("cp1252", errors="replace"))


def libreoffice_owner(head: bytes) -> str | None:
    """Who has the workbook open, from LibreOffice's lock file: its full name, else its
    login name (``,officer,host,07.12.2026 09:05,file:///...;``)."""
    fields = head.decode("utf-8", errors="replace").split(",")
    return next((n for f in fields[:2] if (n := _printable(f))), None)


def emacs_owner(head: bytes) -> str | None:
    """Who has the file open, from Emacs's lock (``user@host.pid:boot``): the user."""
    user = head.decode("utf-8", errors="replace").partition("@")[0]
    return _printable(user) if "@" in head.decode("utf-8", errors="replace") else None


#: how each program's lock file names who has the file open (by the program's name)
OWNERS: dict[str, Callable[[bytes], str | None]] = {"Excel": excel_owner,
                                                     "LibreOffice": libreoffice_owner,
                                                     "Emacs": emacs_owner}


def read_head(path: Path) -> bytes | None:
    """The first bytes of a lock file, or None when there is none (b"" when it is there
    but cannot be read: still a sign the workbook is open)."""
    try:
        if path.is_symlink() and not path.exists():  # Emacs's: the link's own words
            return os.fsencode(os.readlink(path))[:LOCK_BYTES]
        if not path.is_file():
            return None
        with path.open("rb") as f:
            return f.read(LOCK_BYTES)
    except OSError:
        return b""


def owner_in(program: Program, head: bytes) -> str | None:
    """Who has the file open, from the first bytes of ``program``'s lock file."""
    return OWNERS[program.name](head)


def owner(program: Program, path: Path) -> str | None:
    """Who has the workbook open, from ``program``'s lock file at ``path`` (None: nobody
    named, or no lock file)."""
    head = read_head(path)
    return owner_in(program, head) if head else None


def _check_example(book: str) -> str:
    return f"e.g. docgen check {book}"


def lock_problem(path: str | PathLike[str],
                 instead: Callable[[str], str] = _check_example) -> str | None:
    """What a lock file named in a workbook's, an answer file's or a Word document's place
    is, whose it is, and what to name instead (the file's own name is said beside it);
    None for any other file. ``instead``: the suggestion, given the locked file as the
    user's shell takes it (default ``e.g. docgen check post.yaml``)."""
    path = Path(path)
    found = locked_book(path.name)
    if found is None:
        return None
    program, name = found
    book = locked_file(program, path, name)
    called, what = program_name(program, book.name), what_locked(name)
    return (f"this is {held_open(called, book.name, owner(program, path))}, not "
            f"a{'n' if what[0] == 'a' else ''} {what}; name the {what} itself, "
            f"{instead(shell_path(book))}")


def answer_lock_problem(path: str | PathLike[str],
                        instead: Callable[[str], str] = _check_example) -> str | None:
    """What the lock file of an answer file (LibreOffice's ``.~lock.post.yaml#``, Office's
    ``~$post.yaml``) named to ``check`` or ``build`` (or the library) is, as
    :func:`lock_problem` says it: never an answer file told to rename itself ``.yaml``, nor
    one read as YAML. None for any other file."""
    if answer_locked(Path(path).name) is None:
        return None
    return lock_problem(path, instead)


def compared_lock_problem(*paths: str | PathLike[str]) -> str | None:
    """What the first lock file among the files named to ``compare`` is (an answer file's
    or a Word document's, or any other), said after its name; None when none is one."""
    for path in paths:
        if (lock := lock_problem(path, lambda book: f"{book} (docgen reads it as last "
                                 "saved: save it first)")) is not None:
            return f"{path}: {lock}"
    return None


def lock_name_problem(path: str | Path) -> str | None:
    """Why a new workbook may not be called ``path``: a lock file's name (``~$posts.xlsx``,
    ``.~lock.posts.xlsx#``), which every door takes for Excel's or LibreOffice's lock file
    beside ``posts.xlsx`` (and the program may replace or remove); None for any other."""
    found = locked_book(Path(path).name)
    if found is None:
        return None
    program, name = found
    return (f"{Path(path).name} is the name {program.name} gives the lock file it keeps "
            f"beside {name} while {name} is open, so docgen and {program.name} would take "
            f"a workbook of that name for one; choose another name, e.g. "
            f"{shell_path(Path(path).with_name(name))}")


__all__ = ["EXCEL_NAME_BYTES", "LOCK_BYTES", "OWNERS", "answer_lock_problem",
           "compared_lock_problem", "emacs_owner", "excel_owner", "libreoffice_owner",
           "lock_name_problem", "lock_problem", "owner", "owner_in", "read_head"]
