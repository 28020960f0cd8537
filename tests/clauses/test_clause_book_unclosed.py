"""Import errors in the book's words, at the right place (review item 5): a marker whose
partner was deleted is named with its paragraph (“⟦For each …⟧ has no ⟦End of
repetition⟧ after it”), not as the template engine's “Unexpected end of template” against
the clause's last paragraph (“clause …, paragraph “…”: ⟦Only when …⟧ has no ⟦End of
condition⟧ after it”); a heading that lost its label is said to start the clause
after the one before it, with the heading to write back."""

from __future__ import annotations

import re
from pathlib import Path

from clause_book_edits import (
    clause_heading,
    delete,
    edited,
    paragraph,
    refused,
    set_text,
)
from docx.document import Document

JARGON = re.compile(r"Jinja|endfor|endif|Unexpected end of template|innermost block")


def test_a_deleted_end_of_repetition_is_named(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        delete(paragraph(book, "⟦End of repetition⟧", after="agreement.confidentiality"))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert not JARGON.search(out), out
    assert ("clause 'agreement.confidentiality', paragraph “⟦For each item in «kinds of "
            "protected information»:⟧”: "
            "⟦For each item in «kinds of protected information»:⟧ has no ⟦End "
            "of repetition⟧ after it (was one deleted?)") in out


def test_a_deleted_end_of_condition_is_named_with_its_paragraph(
        tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "The obligations in this clause continue",
                      after="agreement.confidentiality")
        end = next(r for r in p.runs if r.text == "⟦End of condition⟧")
        end._r.getparent().remove(end._r)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert not JARGON.search(out), out
    assert re.search(r"clause 'agreement.confidentiality', paragraph “The obligations in "
                     r"this clause continue [^”]*”: ⟦Only when [^⟧]*⟧ has no ⟦End of "
                     r"condition⟧ after it", out), out


def test_an_end_without_its_start_is_named(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        delete(paragraph(book, "⟦For each item in", after="agreement.confidentiality"))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert not JARGON.search(out), out
    assert "⟦End of repetition⟧ has no ⟦For each …:⟧ before it" in out


def test_a_heading_without_its_label_is_the_next_clause(tmp_path: Path,
                                                        agreement_book: bytes) -> None:
    before: list[str] = []

    def edit(book: Document) -> None:
        heading = clause_heading(book, "agreement.variation")
        ids = [m.group(1) for p in book.paragraphs if p.style.style_id == "BookClause"
               if (m := re.search(r"\[([\w.]+), version", p.text))]
        before.append(ids[ids.index("agreement.variation") - 1])
        set_text(heading, "Variation")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert f"the clause after clause '{before[0]}', paragraph “Variation”" in out
    assert f"clause '{before[0]}', paragraph" not in out.replace(
        f"the clause after clause '{before[0]}'", "")
    assert "write the heading as exported: “Variation [agreement.variation, version" in out
