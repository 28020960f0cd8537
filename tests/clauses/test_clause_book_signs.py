"""A field that prints money prints its own £ sign, and a percentage its own %: a £ typed
before «salary» (“££78,000.00”) or a % after «premium percentage» is refused at import,
naming the clause and the paragraph (review item 3)."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import edited, paragraph, refused, reword
from docx.document import Document


def test_a_pound_sign_before_a_money_field_is_refused(tmp_path: Path,
                                                     agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "salary of «salary»", after="agreement.finance"),
               "salary of ", "salary of £")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.finance', paragraph “salary of £«salary»" in out
    assert "«salary» already prints the £ sign (for example “£" in out
    assert "remove the £ typed before «salary»" in out


def test_a_percent_sign_after_a_percentage_field_is_refused(tmp_path: Path,
                                                            agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "a premium for the shared role of", after="agreement.finance"),
               " of salary, being ", "% of salary, being ")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "«premium percentage» already prints the % sign" in out
    assert "remove the % typed after «premium percentage»" in out
