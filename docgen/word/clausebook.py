"""The clause book as a file: export one document's clauses to Word, read an edited book
back into overlay clauses. Writes nothing (the command line writes the files)."""

from __future__ import annotations

from pathlib import Path

from docgen.clauses.book import DOCUMENT_NAMES, whole_book
from docgen.clauses.bookbase import export_record
from docgen.clauses.bookimport import BookImport, Overlay, import_book
from docgen.clauses.bookwords import Words, load_words
from docgen.clauses.library import Library
from docgen.errors import DocgenError
from docgen.ooxml.book import write_book
from docgen.ooxml.bookread import read_book
from docgen.ooxml.bounds import check_docx_bounds, read_docx_bytes

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Word 97-2003 .doc (and other OLE files)


def export_book(library: Library, kind: str, words: Words | None = None) -> bytes:
    """The clause book of one document (agreement, contract, job_spec) as .docx bytes."""
    words = words or load_words()
    book = whole_book(library, kind, words)
    title = words.cover_title.format(document=DOCUMENT_NAMES[kind])
    return write_book(book.paras, title, kind, export_record(library, kind, book))


def book_overlays(name: str, data: bytes, library: Library, words: Words | None = None,
                  force: bool = False) -> BookImport:
    """The changed and added clauses of an edited book; DocgenError naming ``name`` (and the
    clause and paragraph) for a book that cannot be read safely. ``force`` replaces clauses
    changed in their files since the export (refused otherwise)."""
    lower = name.lower()
    if data[:4] == OLE_MAGIC or lower.endswith(".doc"):
        raise DocgenError(f"{name}: a Word 97-2003 document (.doc); open it in Word, save it "
                          "as a Word Document (.docx) and import that")
    if lower.endswith((".docm", ".dotm")):
        raise DocgenError(f"{name}: a macro-enabled document (.docm); save it in Word as a "
                          "Word Document (.docx) and import that")
    check_docx_bounds(name, data)
    try:
        book = read_book(data)
        return import_book(book.document, book.paras, library, words or load_words(),
                           record=book.record, force=force)
    except DocgenError as exc:
        raise DocgenError(f"{name}: {exc}") from None


def read_book_file(path: Path, library: Library, words: Words | None = None,
                   notes: list[str] | None = None, *, force: bool = False) -> list[Overlay]:
    """The changed and added clauses of the edited clause book at ``path``, as overlays to
    write (a list, empty when nothing changed, as it has always been).

    What else the import found is appended to ``notes`` as lines to show the user (as
    :func:`docgen.api.compare` does): clauses kept because their files changed since the
    export, changes already in the clause folders, and words typed where they are not
    wording. For all of it as data (:class:`~docgen.clauses.bookimport.BookImport`), call
    :func:`import_book_file`. ``force`` replaces clauses changed in their files since the
    export (refused otherwise)."""
    result = import_book_file(path, library, words, force=force)
    if notes is not None:
        notes += result.kept
        notes += [f"{cid}: already in the clause folders" for cid in result.already]
        notes += [f"warning: {typed}" for typed in result.warnings]
    return result.overlays


def import_book_file(path: Path, library: Library, words: Words | None = None, *,
                     force: bool = False) -> BookImport:
    """:func:`book_overlays` of a file on disk (a regular file, size-capped): the overlays
    to write and the clauses left alone, with why (:func:`read_book_file` gives the
    overlays alone)."""
    if path.suffix.lower() in (".doc", ".docm", ".dotm"):
        return book_overlays(str(path), b"", library, words)  # refused by its name
    try:
        data = read_docx_bytes(path)
    except DocgenError:
        with open(path, "rb") as fh:  # a .doc renamed .docx: say so, not "unreadable"
            if fh.read(4) == OLE_MAGIC:
                return book_overlays(f"{path} (renamed)", OLE_MAGIC, library, words)
        raise
    return book_overlays(str(path), data, library, words, force)
