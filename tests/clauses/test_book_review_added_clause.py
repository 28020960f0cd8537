"""Clause book review, item 5: a clause a lawyer adds through the book is something she chose,
not a mistake: the import says so once, in plain words with advice ("a clause of your own,
which the standard library does not have; have it approved with the rest of the agreement"),
and builds no longer repeat “warning [OVERLAY] … adds a clause (it replaces no standard
clause)”, a warning a ``status: final`` post was built with, open, although final posts are
refused while a warning is open. It is a note of the library (``Library.own``), which a
build says once, after its posts (tests/cli/test_own_clause_note.py)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
from clause_book_edits import HR, clause_paragraphs, copy_after, open_book, save, set_text
from click.testing import CliRunner

import docgen
from docgen.clauses.library import load_library
from docgen.cli import cli

MINUTES = "Each Party shall keep minutes of the meetings of the Steering Group."


def _added(tmp_path: Path, agreement_book: bytes) -> tuple[Path, str]:
    book = open_book(agreement_book)
    conf = clause_paragraphs(book, "agreement.confidentiality")
    heading, body = copy_after(conf[-1], conf[:2])
    set_text(heading, "Records  [ours.records, version 1]")
    set_text(body, MINUTES)
    ours = tmp_path / "ours"
    result = CliRunner().invoke(cli, ["clauses", "import", str(save(book, tmp_path / "b.docx")),
                                      "--into", str(ours)])
    assert result.exit_code == 0, result.output
    return ours, " ".join(result.output.split())


def test_the_import_says_it_with_advice(tmp_path: Path, agreement_book: bytes) -> None:
    ours, out = _added(tmp_path, agreement_book)
    assert ("ours.records: version 1 (added in the clause book: a clause of your own, which "
            "the standard library does not have; have it approved with the rest of the "
            "agreement)") in out
    lib = load_library([ours])
    assert not lib.warnings
    assert [o.message for o in lib.own] == [
        f"{ours / 'ours.records.yaml'}: clause 'ours.records' is a clause of your own, which "
        "the standard library does not have; have it approved with the rest of the documents "
        "that use it"]


def test_a_final_post_builds_with_it_and_no_warning_about_it(tmp_path: Path,
                                                             agreement_book: bytes) -> None:
    ours, _ = _added(tmp_path, agreement_book)
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(HR, posts / HR.name)
    text = (posts / HR.name).read_text(encoding="utf-8")
    assert "\nstatus: draft\n" in text
    (posts / HR.name).write_text(text.replace("\nstatus: draft\n", "\nstatus: final\n"),
                                 encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(posts), "--out", str(tmp_path / "out"),
                                      "--clauses", str(ours)])
    assert result.exit_code == 0, result.output
    assert "OVERLAY" not in result.output and "adds a clause" not in result.output
    assert " ".join(result.output.split()).count("'ours.records' is a clause of your own") == 1
    made = docgen.render(posts / HR.name, documents=["agreement"], clauses=[ours])
    texts = [p.text for p in docx.Document(io.BytesIO(made.documents["agreement"])).paragraphs]
    assert MINUTES in texts
