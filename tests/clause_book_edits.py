"""Editing a clause book the way a lawyer does in Word, with python-docx: typing splits
runs (the edited words become a run of their own), paragraphs are copied and pasted, and
text is typed inside markers."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.document import Document
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from docgen.clauses.library import load_library
from docgen.cli import cli
from docgen.resources import BUILTIN_EXAMPLES
from docgen.word.clausebook import export_book

HR = BUILTIN_EXAMPLES / "shared-head-of-hr.yaml"


def exported(kind: str = "agreement") -> bytes:
    return export_book(load_library(), kind)


def open_book(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def save(book: Document, path: Path) -> Path:
    book.save(str(path))
    return path


def paragraph(book: Document, starts: str, after: str | None = None) -> Paragraph:
    """The first paragraph starting with ``starts`` (after the heading containing
    ``after``, if given)."""
    seen = after is None
    for p in book.paragraphs:
        if not seen and after in p.text and p.style.style_id == "BookClause":
            seen = True
        elif seen and p.text.startswith(starts):
            return p
    raise AssertionError(f"no paragraph starting {starts!r}")


def clause_heading(book: Document, clause_id: str) -> Paragraph:
    return next(p for p in book.paragraphs if f"[{clause_id}, version" in p.text)


def clause_paragraphs(book: Document, clause_id: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    inside = False
    for p in book.paragraphs:
        if p.style.style_id == "BookClause":
            inside = f"[{clause_id}, version" in p.text
            if inside:
                out.append(p)
        elif inside:
            out.append(p)
    return out


def reword(p: Paragraph, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` inside one run, splitting it in three as Word does when a
    lawyer selects words and types over them (same formatting, separate runs)."""
    for run in p.runs:
        if old in run.text:
            before, after = run.text.split(old, 1)
            run.text = before
            typed = copy.deepcopy(run._r)
            rest = copy.deepcopy(run._r)
            run._r.addnext(typed)
            typed.addnext(rest)
            Run(typed, p).text = new
            Run(rest, p).text = after
            return
    raise AssertionError(f"{old!r} is not inside one run of {p.text!r}")


def copy_after(anchor: Paragraph, sources: list[Paragraph]) -> list[Paragraph]:
    """Paste copies of ``sources`` after ``anchor`` (styles and runs kept)."""
    out = []
    for src in sources:
        el = copy.deepcopy(src._p)
        anchor._p.addnext(el)
        anchor = Paragraph(el, anchor._parent)
        out.append(anchor)
    return out


def set_text(p: Paragraph, text: str) -> None:
    """Select the whole paragraph's words and type ``text`` (markers typed inside kept as
    plain text, as a lawyer retyping would)."""
    for run in p.runs[1:]:
        run._r.getparent().remove(run._r)
    p.runs[0].text = text


def delete(p: Paragraph) -> None:
    p._p.getparent().remove(p._p)


def refused(tmp_path: Path, book: Path) -> str:
    """Import ``book``: it must fail with exit code 1, no traceback, nothing written."""
    into = tmp_path / "ours"
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into", str(into)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "nothing was written" in result.output
    assert not into.exists()
    return " ".join(result.output.split())


def edited(tmp_path: Path, data: bytes, edit: Callable[[Document], None]) -> Path:
    book = open_book(data)
    edit(book)
    return save(book, tmp_path / "book.docx")
