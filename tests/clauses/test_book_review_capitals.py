"""Clause book review, item 3: a sentence that starts just after an inline ⟦Only when …:⟧
(at the start of a paragraph, or after a full stop) starts with a capital as any sentence does;
it was refused as “'Where' is capitalised but is not a defined term”. And the capitals
message quotes the paragraph with its markers as the book shows them, not with each field
replaced by an invisible character (U+2063)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clause_book_edits import copy_after, open_book, paragraph, refused, reword, save, set_text
from click.testing import CliRunner

from docgen.cli import cli

IF_MORE = "⟦Only when the number of «Parties» is more than 2:⟧"


def _imported(tmp_path: Path, book_path: Path) -> str:
    result = CliRunner().invoke(cli, ["clauses", "import", str(book_path), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("first", ["Where the Steering Group cannot reach consensus, its chair",
                                   "Its chair", "The chair of the Steering Group"])
def test_a_sentence_opening_a_conditional_paragraph(tmp_path: Path, agreement_book: bytes,
                                                    first: str) -> None:
    book = open_book(agreement_book)
    meets = paragraph(book, "The Steering Group meets", after="agreement.governance")
    set_text(copy_after(meets, [meets])[0],
             f"{IF_MORE}{first} has a casting vote.⟦End of condition⟧")
    _imported(tmp_path, save(book, tmp_path / "b.docx"))


def test_a_sentence_after_a_full_stop_and_a_condition(tmp_path: Path,
                                                      agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    meets = paragraph(book, "The Steering Group meets", after="agreement.governance")
    reword(meets, "the request of any Party.",
           f"the request of any Party. {IF_MORE}Its chair has a casting vote.⟦End of "
           "condition⟧")
    _imported(tmp_path, save(book, tmp_path / "b.docx"))


def test_a_capital_inside_a_sentence_is_still_refused_quoting_the_markers(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    meets = paragraph(book, "The Steering Group meets", after="agreement.governance")
    reword(meets, "at the request of any Party.",
           f"at the request of any Party {IF_MORE}or its Chairperson⟦End of condition⟧.")
    out = refused(tmp_path, save(book, tmp_path / "b.docx"))
    assert "'Chairperson' is capitalised but is not a defined term" in out
    assert ("clause 'agreement.governance', paragraph “The Steering Group meets «how often "
            "the Steering …”: 'Chairperson' is capitalised") in out
    assert "\u2063" not in out
