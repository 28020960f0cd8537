"""The names of the lock files Microsoft Office and LibreOffice keep beside a file they have
open, and the file each keeps open: the one rule, here below every door that meets one. A
folder's scan (:mod:`docgen.publish.discover`) says a lock file of an answer file it finds
is one, never reading it; a lock file named to ``check``, ``build``, ``intake read``,
``compare``, ``verify`` or the library is said to be one by :mod:`docgen.intake.lockfiles`,
which also reads who has the file open.

Office keeps ``~$posts.xlsx`` (Excel), ``~$post.docx`` (Word; Word drops the first one or
two letters of a longer name: ``~$ared-post.docx`` beside ``shared-post.docx``) and
``~$post.yaml`` for a file it opened, LibreOffice ``.~lock.posts.xlsx#``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.answers.answer_names import is_answer_name

EXCEL_LOCK = "~$"
LIBREOFFICE_LOCK = (".~lock.", "#")
#: the files Word opens: Office's lock file beside one is Word's (beside a workbook, Excel's)
WORD_SUFFIXES = (".docx", ".docm", ".doc", ".dotx", ".dotm", ".rtf")
#: at most this many letters of a longer name Word drops for ``~$`` (``~$ared-post.docx``)
WORD_DROPS = 2


@dataclass(frozen=True)
class Program:
    """A program that keeps a lock file beside the file it has open: the lock file's name
    is ``prefix + file name + suffix``."""

    name: str
    prefix: str
    suffix: str

    def lock_name(self, book: str) -> str:
        return f"{self.prefix}{book}{self.suffix}"

    def book_name(self, lock: str) -> str | None:
        """The locked file's name, when ``lock`` is this program's lock file's name."""
        if not (lock.startswith(self.prefix) and lock.endswith(self.suffix)):
            return None
        book = lock[len(self.prefix):len(lock) - len(self.suffix)]
        return book or None


#: Emacs keeps ``.#post.yaml`` beside a file it has unsaved changes to: a symbolic link to
#: ``user@host.pid:boot`` (a link to nowhere), or a small file of those words where links
#: cannot be made; read as a file it cannot be, so a folder's check and build failed on it
EMACS_LOCK = ".#"

PROGRAMS = (Program("Excel", EXCEL_LOCK, ""), Program("LibreOffice", *LIBREOFFICE_LOCK),
            Program("Emacs", EMACS_LOCK, ""))


def locked_book(name: str) -> tuple[Program, str] | None:
    """The program and the locked file's name when ``name`` is a lock file's name
    (``~$posts.xlsx``, ``.~lock.post.yaml#``, ``.#post.yaml``), else None."""
    return next(((p, book) for p in PROGRAMS if (book := p.book_name(name)) is not None),
                None)


def answer_locked(name: str) -> tuple[Program, str] | None:
    """:func:`locked_book`, when the file kept open is an answer file (``~$post.yaml``,
    ``.~lock.post.yml#``); None for any other name."""
    found = locked_book(name)
    return found if found is not None and is_answer_name(found[1]) else None


def program_name(program: Program, book: str) -> str:
    """The program that has ``book`` open, as its lock file tells: LibreOffice's is
    LibreOffice; Office's ``~$`` lock file is Excel's beside a workbook, Word's beside a
    Word document, and beside any other file (an answer file) Microsoft Office's."""
    if program.prefix != EXCEL_LOCK:
        return program.name
    if book.lower().endswith(WORD_SUFFIXES):
        return "Word"
    return "Microsoft Office" if is_answer_name(book) else program.name


def what_locked(name: str) -> str:
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


def held_open(called: str, book: str, who: str | None = None) -> str:
    """``Microsoft Office's lock file for post.yaml, there while post.yaml is open in
    Microsoft Office (by Jo Bloggs)``: what a lock file is, said alike wherever docgen
    meets one (named, or found in a folder)."""
    return (f"{called}'s lock file for {book}, there while {book} is open in "
            f"{called}{f' (by {who})' if who else ''}")


def lock_found(path: Path) -> str | None:
    """What the lock file of an answer file found in a folder is (Office's ``~$post.yaml``,
    LibreOffice's ``.~lock.post.yaml#``, Emacs's ``.#post.yaml``), as one named is said to be one
    (:mod:`docgen.intake.lockfiles`): left out unread by the folder's scan
    (:mod:`docgen.publish.discover`), never read as YAML; None for any other file."""
    found = answer_locked(path.name)
    if found is None:
        return None
    program, name = found
    book = locked_file(program, path, name)
    called = program_name(program, book.name)
    saved = (f" (docgen reads {book.name} as last saved: save it first)"
             if book.is_file() else "")
    return f"{held_open(called, book.name)}, not an answer file; left out{saved}"


__all__ = ["EMACS_LOCK", "EXCEL_LOCK", "LIBREOFFICE_LOCK", "PROGRAMS", "WORD_DROPS",
           "WORD_SUFFIXES", "Program", "answer_locked", "held_open", "lock_found",
           "locked_book", "locked_file", "program_name", "what_locked"]
