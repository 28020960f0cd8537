"""The book's Definitions clause shows only “In this Agreement:”: docgen adds its own defined
terms when it builds. A definition typed under it of a term docgen already defines would
give the agreement two conflicting definitions: refused at import, saying where docgen's
definitions come from and how to change one (review item 2)."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import copy_after, edited, paragraph, refused, set_text
from click.testing import CliRunner
from docx.document import Document

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
