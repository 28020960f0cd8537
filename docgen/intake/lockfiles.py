"""The lock files Microsoft Office and LibreOffice keep beside a file they have open: their
names, and who has the file open, read from them. One home for the rule, read by every door:
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
:func:`locked_book` of every path it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from docgen.answers.answer_names import is_answer_name
from docgen.shellwords import shell_path

EXCEL_LOCK = "~$"
LIBREOFFICE_LOCK = (".~lock.", "#")
#: a lock file holds a name and a few fields: more is never read
LOCK_BYTES = 512
#: the longest user name Excel keeps in its lock file's first bytes
EXCEL_NAME_BYTES = 53
#: the files Word opens: Office's lock file beside one is Word's (beside a workbook, Excel's)
WORD_SUFFIXES = (".docx", ".docm", ".doc", ".dotx", ".dotm", ".rtf")
#: at most this many letters of a longer name Word drops for ``~$`` (``~$ared-post.docx``)
WORD_DROPS = 2


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


def program_name(program: Program, book: str) -> str:
    """The program that has ``book`` open, as its lock file tells: LibreOffice's is
    LibreOffice; Office's ``~$`` lock file is Excel's beside a workbook, Word's beside a
    Word document, and beside any other file (an answer file) Microsoft Office's."""
    if program.prefix != EXCEL_LOCK:
        return program.name
    if book.lower().endswith(WORD_SUFFIXES):
        return "Word"
    return "Microsoft Office" if is_answer_name(book) else program.name


def _what(name: str) -> str:
    """What the locked file is, in words: an answer file, a Word document or a workbook."""
    if is_answer_name(name):
        return "answer file"
    return "Word document" if name.lower().endswith(WORD_SUFFIXES) else "workbook"


def locked_file(program: Program, lock: Path, name: str) -> Path:
    """The file ``lock`` keeps open: ``name`` beside it, or, for Office's ``~$`` lock file
    when there is no such file, the one file beside it whose name is ``name`` with the one
    or two letters Word drops from a longer name (``~$ared-post.docx``: shared-post.docx)."""
    named = lock.with_name(name)
    if program.prefix != EXCEL_LOCK or named.exists():
        return named
    try:
        near = [p for p in lock.parent.iterdir()
                if p.name.endswith(name) and 0 < len(p.name) - len(name) <= WORD_DROPS
                and not p.name.startswith(EXCEL_LOCK)]
    except OSError:
        return named
    return near[0] if len(near) == 1 else named


def locked_book(name: str) -> tuple[Program, str] | None:
    """The program and the workbook's name when ``name`` is a lock file's name
    (``~$posts.xlsx``, ``.~lock.posts.xlsx#``), else None."""
    return next(((p, book) for p in PROGRAMS if (book := p.book_name(name)) is not None),
                None)


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
    called, who, what = program_name(program, book.name), owner(program, path), _what(name)
    return (f"this is {called}'s lock file for {book.name}, there while "
            f"{book.name} is open in {called}{f' (by {who})' if who else ''}, not "
            f"a{'n' if what[0] == 'a' else ''} {what}; name the {what} itself, "
            f"{instead(shell_path(book))}")


def answer_lock_problem(path: str | PathLike[str],
                        instead: Callable[[str], str] = _check_example) -> str | None:
    """What the lock file of an answer file (LibreOffice's ``.~lock.post.yaml#``, Office's
    ``~$post.yaml``) named to ``check`` or ``build`` (or the library) is, as
    :func:`lock_problem` says it: never an answer file told to rename itself ``.yaml``, nor
    one read as YAML. None for any other file."""
    found = locked_book(Path(path).name)
    if found is None or not is_answer_name(found[1]):
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


__all__ = ["EXCEL_LOCK", "EXCEL_NAME_BYTES", "LIBREOFFICE_LOCK", "LOCK_BYTES", "PROGRAMS",
           "WORD_DROPS", "WORD_SUFFIXES", "Program", "answer_lock_problem",
           "compared_lock_problem", "excel_owner", "libreoffice_owner", "lock_name_problem",
           "lock_problem", "locked_book", "locked_file", "owner", "program_name",
           "read_head"]
