"""The book's Definitions clause shows only “In this Agreement:”: docgen adds its own defined
terms when it builds. A definition typed under it of a term docgen already defines would
give the agreement two conflicting definitions: refused at import, saying where docgen's
definitions come from and how to change one (review item 2). The book shows docgen's own
definitions under the clause, for reference: an import skips them, and refuses one
changed."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import (
    clause_paragraphs,
    copy_after,
    edited,
    open_book,
    paragraph,
    refused,
    reword,
    set_text,
)
from click.testing import CliRunner
from docx.document import Document

from docgen.clauses.book import DEFINED
from docgen.cli import cli


def _define(text: str):  # type: ignore[no-untyped-def]
    def edit(book: Document) -> None:
        anchor = paragraph(book, "In this Agreement:", after="agreement.definitions")
        set_text(copy_after(anchor, [anchor])[0], text)
    return edit


def test_a_term_docgen_defines_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _define(
        "“Working Day” means a day other than a Saturday, a Sunday or a bank holiday in "
        "England;"))
    out = refused(tmp_path, book)
    assert "clause 'agreement.definitions', paragraph ““Working Day” means a day" in out
    assert "docgen already defines “Working Day” (“Working Day” means a day other than" in out
    assert "adds to the Definitions clause each term the other clauses use" in out
    assert "in your organisation's clause folder" in out
    assert ".yaml" not in out


def test_the_same_term_in_other_letters_or_quotes_is_refused(tmp_path: Path,
                                                             agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _define('"working day" means any weekday;'))
    assert "docgen already defines “Working Day”" in refused(tmp_path, book)


def test_a_term_of_her_own_is_accepted(tmp_path: Path, agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _define(
        "“Council Tax Month” means a calendar month of the council tax year;"))
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert "already defines" not in result.output


def test_the_book_shows_docgens_definitions(agreement_book: bytes) -> None:
    shown = [p.text for p in clause_paragraphs(open_book(agreement_book),
                                               "agreement.definitions")]
    assert any(t.startswith(f"{DEFINED} “Working Day” means a day other than") for t in shown)


def test_a_shown_definition_changed_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, f"{DEFINED} “Working Day”", after="agreement.definitions")
        reword(p, "a Saturday, a Sunday", "a Saturday, a Sunday, 24 December")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.definitions', paragraph “Defined by docgen, shown for" in out
    assert "this is one of docgen's own definitions, shown for reference only" in out
    assert "in your organisation's clause folder" in out


def test_a_book_left_alone_still_changes_nothing(tmp_path: Path,
                                                 agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: None)
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "ours" / "agreement.definitions.yaml").exists()
