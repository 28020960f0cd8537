"""What each clause was when its book was exported, so that an import can tell a lawyer's
edit from a change made to the clause files since then, and never overwrite that change
without being told to (``--force``).

The book records, per clause, the hash of its wording (``Clause.content_hash``), its
version, and the hash of how it looked in the book. At import, the book's clause compared
with that look says whether the lawyer changed it; the clause now compared with that hash
and version says whether its file changed since. Both changed is a conflict.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.answers.yamlfile import parse_yaml
from docgen.clauses.book import (
    Book,
    Grammar,
    clause_paras,
    definition_paras,
    shown_title,
)
from docgen.clauses.folder_files import yaml_files
from docgen.clauses.library import MAX_CLAUSE_FILE_BYTES, Clause, Library
from docgen.errors import AnswerFileError, DocgenError
from docgen.ooxml.book import BookPara
from docgen.shellwords import shell_path

#: a paragraph as the reader sees it: its role, then each character with bold and italic
Look = tuple[str, tuple[tuple[str, bool, bool], ...]]


def para_key(para: BookPara) -> Look:
    """What a paragraph looks like to the reader: kind of paragraph, words, formatting."""
    role = "sub" if para.role in ("control", "title", "cover") else para.role
    chars = tuple((ch, s.bold, s.italic) for s in para.spans for ch in s.text)
    return role, chars


def look(title: str, paras: list[BookPara]) -> str:
    """A short hash of a clause as the book shows it: title and every paragraph under the
    heading (the note on other documents and empty paragraphs left out, as the reader
    leaves them out). The text hashed is ``repr((title.strip(), [para_key(p), …]))``
    (books record it), written out here without making a tuple for each character."""
    body = ", ".join(_key_repr(p) for p in paras
                     if p.role not in ("heading", "info") and p.text.strip())
    return hashlib.sha256(f"({title.strip()!r}, [{body}])".encode()).hexdigest()[:16]


_CHAR_REPR: dict[str, str] = {}  # "(" and repr(ch), for each character seen
CHARS_REMEMBERED = 4096  # a book's alphabet is a few hundred characters


def _key_repr(para: BookPara) -> str:
    """``repr(para_key(para))``."""
    role = "sub" if para.role in ("control", "title", "cover") else para.role
    chars = []
    for span in para.spans:
        after = f", {span.bold!r}, {span.italic!r})"
        for ch in span.text:
            start = _CHAR_REPR.get(ch)
            if start is None:
                start = f"({ch!r}"
                if len(_CHAR_REPR) < CHARS_REMEMBERED:
                    _CHAR_REPR[ch] = start
            chars.append(start + after)
    inner = f"{chars[0]}," if len(chars) == 1 else ", ".join(chars)
    return f"({role!r}, ({inner}))"


def current_look(clause: Clause, g: Grammar) -> str:
    return look(shown_title(clause), clause_paras(clause, g))


@dataclass(frozen=True)
class Base:
    """One clause as it was exported."""

    content: str  # Clause.content_hash
    version: int
    look: str

    def __str__(self) -> str:
        return f"{self.content} {self.version} {self.look}"


def export_record(library: Library, kind: str, book: Book) -> dict[str, str]:
    """Clause id → its :class:`Base`, as text, for every clause of the book; and the clause
    folders it was exported with ("folders": how many, "folder 1" … each one's full path;
    a clause id never has a space). ``book`` is the library's (:func:`whole_book`): each
    clause's look is of the paragraphs the book shows."""
    folders = [d.resolve() for d in library.dirs[1:]]
    defined = (book.definitions if book.definitions is not None else
               definition_paras(library, kind, book.g))
    return ({c.id: str(Base(c.content_hash, c.version,
                            look(shown_title(c), book.clauses[c.id])))
             for c in library.for_document(kind)} | {"folders": str(len(folders))} |
            {f"folder {n}": str(folder) for n, folder in enumerate(folders, start=1)} |
            {f"folder {n} files": _files(folder) for n, folder in enumerate(folders, start=1)} |
            {f"defined {n}": defined_hash(p.text) for n, p in enumerate(defined, start=1)})


def defined_hash(text: str) -> str:
    """A short hash of one of docgen's definitions as the book shows it (recorded at export
    as "defined 1", "defined 2" …), so that an import tells a definition the lawyer changed
    from one docgen has reworded since the export."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def exported_definitions(record: dict[str, str]) -> frozenset[str]:
    """The hashes of docgen's definitions as the book showed them at export (none for a
    book from an older docgen, or whose properties were removed)."""
    return frozenset(v for k, v in record.items() if k.startswith("defined "))


def _files(folder: Path) -> str:
    """A fingerprint of the clause files a folder holds (their names within it), so a folder
    moved is told from another folder that only has the same name (``clauses``)."""
    names = sorted(Path(f).relative_to(folder).as_posix() for f in yaml_files(str(folder)))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


def check_folders(record: dict[str, str], library: Library) -> None:
    """Refuse a book read with other clause folders than it was exported with: its record
    says what each clause was in those folders, so compared with other folders every clause
    would look changed since the export (and the built-in files blamed for it). A folder
    moved keeps its name and its files' names, and is taken for the same folder. A book
    recording no folders (an older docgen) is not checked."""
    count = record.get("folders", "")
    if not (count.isascii() and count.isdigit()):
        return
    exported = [record.get(f"folder {n}", "") for n in range(1, int(count) + 1)]
    files = [record.get(f"folder {n} files") for n in range(1, int(count) + 1)]
    now = [d.resolve() for d in library.dirs[1:]]
    missing = [f for f, held in zip(exported, files, strict=True)
               if not any(str(d) == f or (d.name == Path(f).name and held in (None, _files(d)))
                          for d in now)]
    if not missing:
        return
    said = ", ".join(exported)
    reading = (f"the clause folder(s) {', '.join(map(str, now))}" if now else
               "docgen's own clauses only (no clause folder: the --into folder does not "
               "exist yet)")
    raise DocgenError(f"this book was exported with the clause folder(s) {said}, but is being "
                      f"read with {reading}, so docgen cannot tell the book's changes from "
                      "changes to the clause files; import it with the same folders: "
                      f"--into {shell_path(exported[-1])} (and --clauses for each other "
                      "folder it was exported with), or export a new book from the folders to "
                      "import into")


def base_of(record: dict[str, str], cid: str) -> Base | None:
    """The clause as exported, or None if the book does not say (an older book, or its
    properties removed) or says it in a way this code cannot read."""
    parts = record.get(cid, "").split()
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return Base(parts[0], int(parts[1]), parts[2])


SAME, KEPT, ALREADY, EDIT, CONFLICT = "same", "kept", "already", "edit", "conflict"


def settle(cid: str, title: str, version: int, paras: list[BookPara], original: Clause,
           base: Base | None, g: Grammar, force: bool, recorded: bool = False) -> str:
    """What to do with one standard (or earlier imported) clause of the book.

    ``SAME``: the book leaves it as it is now; ``KEPT``: the book leaves it as exported but
    its file changed since (the file stays); ``ALREADY``: the lawyer's change is already
    the clause's wording (the book was imported before); ``EDIT``: the lawyer's change, to
    be written; ``CONFLICT``: changed both in the book and in its file since the export
    (:func:`conflict` unless ``force``, or unless the change is already in the file). A
    clause whose file cannot be told unchanged is refused unless ``force``; ``recorded``
    says the book records the other clauses (so this one was not in the clause folders
    when the book was exported), which the refusal gives as its reason."""
    where = f"clause '{cid}' (“{title}”)"
    book = look(title, paras)
    if base is not None:
        if version != base.version:
            raise DocgenError(f"{where}: the heading shows version {version} but the book "
                              f"was exported at version {base.version}; leave the version "
                              "as exported (docgen raises it)")
        changed_since = original.content_hash != base.content or original.version != base.version
        if book == base.look:  # the clause now is looked at only when it can matter
            return KEPT if changed_since and book != current_look(original, g) else SAME
        if book == current_look(original, g):
            return ALREADY
        return CONFLICT if changed_since else EDIT
    if book == current_look(original, g):
        return SAME
    if version != original.version:
        raise DocgenError(f"{where}: the book shows version {version} but the clause is now "
                          f"at version {original.version}; leave the version as exported "
                          "(docgen raises it), or export a new book")
    if original.overlay and not force:
        why = ("the clause was not in the clause folders when this book was exported (it "
               "was added in a book and imported since)" if recorded else
               "the book does not record the wording it was exported from (it was made by "
               "an older docgen, or its document properties were removed)")
        raise DocgenError(f"{where}: {why}, so docgen cannot tell whether {original.source} "
                          "was changed since; export a new book and copy the changes into "
                          "it, or import again with --force to replace the file's wording "
                          "with the book's")
    return EDIT


def conflict(cid: str, title: str, original: Clause) -> DocgenError:
    """The refusal of a clause changed both in the book and in its file since the export."""
    return DocgenError(f"clause '{cid}' (“{title}”): {original.source} was changed after this "
                       "book was exported, and the book changes the clause too, so one change "
                       "would overwrite the other. Export a new book from the clause folders "
                       "as they are now and copy the book's changes to this clause into it, or "
                       "import again with --force to replace the file's wording with the "
                       "book's")


def earlier_notes(clause: Clause) -> str:
    """The ``notes:`` of an overlay clause's file (its history: what each earlier import or
    edit changed), kept when the clause is imported again; "" for a built-in clause or a
    file without notes."""
    if not clause.overlay:
        return ""
    try:
        data, _ = parse_yaml(read_bounded(clause.source, MAX_CLAUSE_FILE_BYTES), clause.source)
    except (AnswerFileError, DocgenError, OSError):
        return ""
    notes = data.get("notes") if isinstance(data, dict) else None
    return notes.strip() if isinstance(notes, str) else ""
