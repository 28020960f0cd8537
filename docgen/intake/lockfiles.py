"""The lock files Excel and LibreOffice keep beside a workbook they have open: their names,
and who has the workbook open, read from them. One home for the rule, read by every door:
a lock file beside a workbook read (:func:`docgen.intake.workbook_file.open_elsewhere`:
a warning), a lock file named in a workbook's place to ``check``, ``build`` or ``intake
read`` (:func:`lock_problem`: an error saying what it is and whose; the command line sends
it the workbook's way, :func:`docgen.intake.is_workbook`), and one named to the library's
``check_files`` and ``build`` (:func:`docgen.intake.not_answers_problem`).

Excel keeps ``~$posts.xlsx`` (the user's name in its first bytes: a length byte, then the
name), LibreOffice ``.~lock.posts.xlsx#`` (CSV text: the user's full name, then their
login name, ...). At most :data:`LOCK_BYTES` of a lock file are read; one that cannot be
read or decoded names nobody. No Excel library is loaded here: the command line asks
:func:`locked_book` of every path it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docgen.answers.answer_names import is_answer_name
from docgen.shellwords import shell_path

EXCEL_LOCK = "~$"
LIBREOFFICE_LOCK = (".~lock.", "#")
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


@dataclass(frozen=True)
class Program:
    """A program that keeps a lock file beside the workbook it has open: the lock file's
    name is ``prefix + workbook name + suffix``."""

    name: str
    prefix: str
    suffix: str
    owner: Callable[[bytes], str | None]

    def lock_name(self, book: str) -> str:
        return f"{self.prefix}{book}{self.suffix}"

    def book_name(self, lock: str) -> str | None:
        """The workbook's name, when ``lock`` is this program's lock file's name."""
        if not (lock.startswith(self.prefix) and lock.endswith(self.suffix)):
            return None
        book = lock[len(self.prefix):len(lock) - len(self.suffix)]
        return book or None


PROGRAMS = (Program("Excel", EXCEL_LOCK, "", excel_owner),
            Program("LibreOffice", *LIBREOFFICE_LOCK, libreoffice_owner))


def read_head(path: Path) -> bytes | None:
    """The first bytes of a lock file, or None when there is none (b"" when it is there
    but cannot be read: still a sign the workbook is open)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as f:
            return f.read(LOCK_BYTES)
    except OSError:
        return b""


def owner(program: Program, path: Path) -> str | None:
    """Who has the workbook open, from ``program``'s lock file at ``path`` (None: nobody
    named, or no lock file)."""
    head = read_head(path)
    return program.owner(head) if head else None


def locked_book(name: str) -> tuple[Program, str] | None:
    """The program and the workbook's name when ``name`` is a lock file's name
    (``~$posts.xlsx``, ``.~lock.posts.xlsx#``), else None."""
    return next(((p, book) for p in PROGRAMS if (book := p.book_name(name)) is not None),
                None)


def lock_problem(path: str | Path) -> str | None:
    """What a lock file named in a workbook's (or an answer file's) place is, whose it is,
    and what to name instead (the file's own name is said beside it); None for any other
    file."""
    path = Path(path)
    found = locked_book(path.name)
    if found is None:
        return None
    program, name = found
    book = path.with_name(name)
    who = owner(program, path)
    what = "answer file" if is_answer_name(name) else "workbook"
    return (f"this is {program.name}'s lock file for {name}, there while "
            f"{name} is open in {program.name}{f' (by {who})' if who else ''}, not "
            f"a{'n' if what[0] == 'a' else ''} {what}; name the {what} itself, e.g. docgen "
            f"check {shell_path(book)}")


def answer_lock_problem(path: str | Path) -> str | None:
    """What LibreOffice's lock file of an answer file (``.~lock.post.yaml#``) named to
    ``check`` or ``build`` (or the library) is, as :func:`lock_problem` says it: never an
    answer file told to rename itself ``.yaml``. None for any other file (Excel keeps no
    lock file of a YAML file, and ``~$post.yaml`` ends as an answer file's name does)."""
    found = locked_book(Path(path).name)
    if found is None or found[0].name != "LibreOffice" or not is_answer_name(found[1]):
        return None
    return lock_problem(path)


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


__all__ = ["EXCEL_LOCK", "EXCEL_NAME_BYTES", "LIBREOFFICE_LOCK", "LOCK_BYTES", "PROGRAMS",
           "Program", "answer_lock_problem", "excel_owner", "libreoffice_owner",
           "lock_name_problem", "lock_problem", "locked_book", "owner", "read_head"]
