"""What the browser interview needs from docgen besides ``load``, ``check`` and ``render``.

The interview (``docgen.web``) is a client of ``docgen.api``, like the command line: an
import-linter contract keeps it from the publish shell, the stages that make documents
and the modules that load answer files (issue 24). Each of its needs is a function
here, so the rules it shares with ``docgen build`` (which files in a folder are posts,
the size limit of an answer file, what a document's file is called) live in one place
and cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from docgen.answers.answer_names import ANSWER_SUFFIXES
from docgen.answers.answer_names import is_answer_name as is_answer_name  # web/start.py
from docgen.answers.bounded import MAX_FILE_BYTES, read_bounded
from docgen.answers.folder_names import device_name, reference_text
from docgen.answers.organisation import PROFILE_FOLDER as PROFILE_FOLDER  # web/checked.py
from docgen.answers.yamlfile import load_answer_file, merge_extends, parse_yaml
from docgen.api import answer_files
from docgen.clauses.library import cached_library
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.facts import formatting
from docgen.kept import Kept
from docgen.ooxml.packages import archive, numbered_copy
from docgen.publish.convert import find_soffice, to_pdf
from docgen.publish.duplicates import declared_reference
from docgen.publish.files import atomic_write as atomic_write
from docgen.publish.files import sha256
from docgen.publish.post import check_post, register_row
from docgen.publish.programme import PartnerTotal as PartnerTotal
from docgen.publish.programme import chosen as chosen
from docgen.publish.programme import partner_totals as partner_totals
from docgen.rulebook.catalogue import RULES
from docgen.rulebook.common import IJB_KEYS
from docgen.word.names import output_name

#: the largest answer file docgen reads (the command line's limit, and the web's)
MAX_ANSWER_BYTES = MAX_FILE_BYTES
#: what a post's file may be called when the interview saves it: letters, digits, '.', '_'
#: and '-', starting with a letter or digit, ending as an answer file does (.yaml or .yml)
_SAVE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
SAVE_NAME_MAX = 80


# --- answer files in the served folder ---------------------------------------------------

def posts_in(folder: Path) -> list[Path]:
    """The answer files directly in ``folder``, by the rule ``docgen build`` and
    :func:`docgen.api.answer_files` use (``docgen: 1`` or ``extends:`` at the top, or half
    or more of an answer file's required sections; bases named ``_...`` left out), sorted by
    name; none when the folder holds no post."""
    if not folder.is_dir():
        return []
    try:
        found, _ = answer_files([folder])
    except DocgenError:  # "no answer files in ...": the folder is empty of posts
        return []
    # the files themselves, not links (a link found first stands for its target in that list)
    posts = {p.resolve() for p in found}
    return sorted(p for p in folder.iterdir()
                  if not p.is_symlink() and p.is_file() and p.resolve() in posts)


def save_name_problem(name: str) -> str | None:
    """Why a post cannot be saved under the file name ``name``, in plain words, or None.

    The name must be safe on every computer the folder may be shared with: a name Windows
    keeps for a device (CON, NUL, COM1, ...; ``nul.yaml`` is NUL) cannot be opened there,
    the rule :mod:`docgen.answers.folder_names` refuses a post's reference by."""
    ending = next((e for e in ANSWER_SUFFIXES if name.lower().endswith(e)), "")
    stem = name[:-len(ending)] if ending else ""
    if (not stem or len(stem) > SAVE_NAME_MAX or not stem[0].isascii()
            or not stem[0].isalnum() or not set(stem) <= _SAVE_CHARS):
        return ("Use only letters, numbers, dots, hyphens and underscores in the file name, "
                f"starting with a letter or number (at most {SAVE_NAME_MAX} characters), "
                "for example EWK-WSM-HR-01")
    if device_name(stem):
        return (f"‘{stem.split('.')[0]}’ is a name Windows keeps for a device (like CON, NUL "
                "or COM1), so a file called that cannot be opened there; choose another "
                "name, for example EWK-WSM-HR-01")
    return None


def read_answer_bytes(path: Path) -> bytes:
    """An answer file's bytes, refused (:class:`AnswerFileError`) past the size limit or
    when it is not a regular file, before it is read whole."""
    return read_bounded(path)


def answer_text_problem(text: str) -> Problem | None:
    """The first problem docgen's own reader finds in answer-file text (not YAML, too deep,
    too many aliases, not a mapping), or None when it reads: a file from anywhere is
    read by the bounded reader before a reader without limits sees it."""
    try:
        parse_yaml(text.encode("utf-8"), Path("answers"))
    except AnswerFileError as exc:
        return exc.problems[0]
    return None


def base_answers(path: Path) -> dict[str, Any]:
    """The answers of the file ``path`` with the bases it ``extends`` merged in, as docgen
    reads them; raises :class:`AnswerFileError` when it cannot be read."""
    data: dict[str, Any] = load_answer_file(path).data
    return data


def over_base(base: Any, answers: Any) -> Any:
    """``answers`` over what their file ``extends``, merged as docgen merges them."""
    return merge_extends(base, answers)


#: each post's reference as loaded, kept with the (size, modified time, inode) of every file
#: it was read from (the post and the bases it ``extends``): the interview asks on every
#: page, and only a post one of whose files changed since is read again
_REFERENCES: Kept[Path, tuple[tuple[tuple[Path, tuple[int, int, int] | None], ...], str]] = \
    Kept(4096)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def reference_in(path: Path) -> str | None:
    """The reference ``path``'s post has, as ``docgen check`` and ``build`` compare it (so
    the interview's "another post has this reference" says what they say): its own, or the
    one a base it ``extends`` gives, in YAML or JSON style; for a file that cannot be
    loaded, the ``reference:`` its text states, as ``build`` holds a duplicate back by.
    Only a load that worked is kept: a failed one may fail for a base missing or broken,
    whose files are not known, and is read again until it loads."""
    kept = _REFERENCES.get(path)
    if kept is not None and all(_stamp(file) == stamp for file, stamp in kept[0]):
        return kept[1] or None
    before = _stamp(path)  # stamped before reading: a change while reading reads it again
    try:
        located = load_answer_file(path)
    except (AnswerFileError, OSError, ValueError):  # ValueError: a path the system refuses
        return declared_reference(path)
    found = reference_text(located.data.get("reference"))
    stamps = tuple((file, before if file == path else _stamp(file))
                   for file in located.sources)
    _REFERENCES.put(path, (stamps, found or ""))
    return found or None


def content_hash(data: bytes) -> str:
    """The hash docgen keeps of a file's bytes (to tell whether it changed)."""
    return sha256(data)


# --- the documents, as files ---------------------------------------------------------------

def document_file_name(reference: str, kind: str) -> str:
    """The file ``docgen build`` writes a document to (``EWK-01-job-spec.docx``)."""
    return output_name(reference, kind)


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, bytes)`` in that order, with fixed dates (the same files give the
    same bytes)."""
    return archive(files)


def review_copy(docx: bytes) -> bytes:
    """The copy of a document ``docgen build --format html`` converts: clause numbers as
    text, so pandoc shows them."""
    return numbered_copy(docx)


def pdf_available() -> bool:
    """LibreOffice is installed, so PDF copies can be made."""
    try:
        find_soffice()
    except DocgenError:
        return False
    return True


def pdf_copies(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """PDF copies of Word documents (file name → bytes) by LibreOffice, one process, by
    the PDFs' file names; made in a temporary folder of their own, never beside a post."""
    with tempfile.TemporaryDirectory(prefix="docgen-web-pdf-") as tmp:
        paths = []
        for name, data in files.items():
            path = Path(tmp) / name
            path.write_bytes(data)
            paths.append(path)
        return {p.name: p.read_bytes() for p in to_pdf(paths, jobs=1)}


def long_date(value: dt.date) -> str:
    """A date as the documents print it (``1 April 2027``)."""
    return formatting.long_date(value)


def money(value: Decimal) -> str:
    """A sum as the documents print it: ``£53,137.73``, pence rounded half up (£0.125 is
    £0.13), a negative sum ``-£10.00``; the interview prints no money its own way."""
    return formatting.money(value)


def percent(value: Decimal | int) -> str:
    """A percentage as the documents print it (``60%``, ``2.5%``: no trailing zeros)."""
    return formatting.percent(value)


def join_words(items: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: a list inside a sentence, as the documents join
    one."""
    return formatting.join_words(items)


def clause_title(clause: str) -> str | None:
    """The title of docgen's standard clause ``clause`` (its id), or None for an id it does
    not have: the interview names a clause by its title, never by its id."""
    found = cached_library().clauses.get(clause)
    return found.title if found is not None else None


# --- the rules and the programme --------------------------------------------------------

def scotland_only_keys() -> frozenset[str]:
    """The answer-file keys the rules allow only for a post in Scotland: an integration
    joint board's (GE008 refuses one elsewhere) and self-proving execution (GP048's key)."""
    return frozenset((*IJB_KEYS, *(r.key for r in RULES if r.id == "GP048")))


def programme_rows(folder: Path) -> list[dict[str, Any]]:
    """The programme register's row of each post in ``folder`` that has no errors (what
    :func:`chosen` and :func:`partner_totals` sum)."""
    rows = []
    for path in posts_in(folder):
        result = check_post(path)
        if result.facts is not None and not result.errors:
            rows.append(register_row(result.facts, result.status, result.problems))
    return rows
