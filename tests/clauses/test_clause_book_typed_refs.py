"""A clause number typed by hand (“see clause 12”) is not renumbered with the clauses: the
import keeps the words but warns, naming the paragraph and the cross-reference marker to
use instead (review item 4)."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import edited, paragraph, reword
from click.testing import CliRunner
from docx.document import Document

from docgen.cli import cli


def _import(tmp_path: Path, book: Path) -> str:
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_a_typed_clause_number_is_warned_about(tmp_path: Path,
                                               agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "The contributions are fixed", after="agreement.finance"),
               "The contributions are fixed", "Subject to clause 12, the contributions are "
               "fixed")

    out = _import(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("warning: clause 'agreement.finance', paragraph “Subject to clause 12, the "
            "contributions are fixed …”: “clause 12” is a clause number typed by hand") in out
    assert "Use a cross-reference marker instead" in out
    assert "for example “clause «" in out
    assert (tmp_path / "ours" / "agreement.finance.yaml").exists()


def test_words_without_a_typed_number_give_no_warning(tmp_path: Path,
                                                      agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "The contributions are fixed", after="agreement.finance"),
               "The contributions are fixed", "The contributions are set")

    assert "typed by hand" not in _import(tmp_path, edited(tmp_path, agreement_book, edit))
