"""Clause book review, item 4: an import reports every mistake of the book at once (each
naming its clause and paragraph), not only the first, so that a lawyer needs one round trip,
not one per mistake; nothing is written while any is left."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import open_book, paragraph, refused, save
from docx.document import Document


def _retype(book: Document, clause: str, starts: str, marker: str, typed: str) -> None:
    p = paragraph(book, starts, after=clause)
    next(r for r in p.runs if r.text == marker).text = typed


def test_four_mistakes_are_reported_together(tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _retype(book, "agreement.staff", "A Party that proposes a change to the structure",
            "«the other Parties»", "«the other Partys»")
    _retype(book, "agreement.staff", "⟦label evaluation⟧", "⟦End of condition⟧", "")
    _retype(book, "agreement.governance", "Each Party may replace its members",
            "«the other Parties»", "«the othr Parties»")
    _retype(book, "agreement.governance", "try to resolve conflicting priorities",
            "«disputes»", "«disputez»")
    out = refused(tmp_path, save(book, tmp_path / "b.docx"))
    assert "4 problems; correct each of them in the book and import it again" in out
    for found in (
            "1. clause 'agreement.staff', paragraph “A Party that proposes a change to the …”: "
            "«the other Partys» is not a field docgen knows",
            "2. clause 'agreement.staff', paragraph “⟦label evaluation⟧ The Post is evaluated "
            "and graded …”: ⟦Only when «grade»:⟧ has no ⟦End of condition⟧ after it",
            "3. clause 'agreement.governance', paragraph “Each Party may replace its members by "
            "written …”: «the othr Parties» is not a field docgen knows",
            "4. clause 'agreement.governance', paragraph “try to resolve conflicting priorities "
            "and other disputes …”: «disputez» is not a field docgen knows"):
        assert found in out, found


def test_a_paragraph_not_read_does_not_unpair_its_clause_s_conditions(
        tmp_path: Path, agreement_book: bytes) -> None:
    """The evaluation paragraph holds ⟦Only when «grade»:⟧ … ⟦End of condition⟧: a typo in
    one of its fields is the one mistake reported, not also a condition left open."""
    book = open_book(agreement_book)
    _retype(book, "agreement.staff", "⟦label evaluation⟧", "«each Host Party»",
            "«each Host Partyz»")
    out = refused(tmp_path, save(book, tmp_path / "b.docx"))
    assert "«each Host Partyz» is not a field docgen knows" in out
    assert "problems" not in out and "End of condition" not in out


def test_one_mistake_reads_as_before(tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _retype(book, "agreement.governance", "try to resolve conflicting priorities",
            "«disputes»", "«disputez»")
    out = refused(tmp_path, save(book, tmp_path / "b.docx"))
    assert out.startswith("Error: ") and "problems" not in out
    assert ("b.docx: clause 'agreement.governance', paragraph “try to resolve conflicting "
            "priorities and other disputes …”: «disputez» is not a field docgen knows") in out
