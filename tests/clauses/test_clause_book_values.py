"""A condition comparing a field with a value it never takes would silently leave its wording
out of every document: refused at import, naming the clause and paragraph and the values
the field takes (review item 1). A value's words (“Northern Ireland”) are read as the value."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import edited, paragraph, refused, reword
from click.testing import CliRunner
from docx.document import Document
from yaml_text import load_yaml

from docgen.cli import cli

NI = "⟦Only when «jurisdiction of the law» is “northern_ireland”:⟧"


def _reword(book: Document, starts: str, old: str, new: str, after: str) -> None:
    reword(paragraph(book, starts, after=after), old, new)


def test_a_value_the_field_never_takes_is_refused(tmp_path: Path,
                                                  agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: _reword(
        b, NI, "“northern_ireland”", "“Northern Ireland (NI)”", "agreement.post"))
    out = refused(tmp_path, book)
    assert "clause 'agreement.post', paragraph “⟦Only when «jurisdiction of the law» is" in out
    assert "«jurisdiction of the law» is never “Northern Ireland (NI)”" in out
    assert "is one of: “england_and_wales” (England and Wales)" in out
    assert "write one of them exactly" in out


def test_the_words_of_a_value_are_read_as_the_value(tmp_path: Path,
                                                    agreement_book: bytes) -> None:
    """(The words alone, the condition otherwise as exported, change nothing:
    test_book_words_unchanged.py.)"""
    book = edited(tmp_path, agreement_book, lambda b: _reword(
        b, NI, "“northern_ireland”", "“Northern Ireland” and «grade»", "agreement.post"))
    into = tmp_path / "ours"
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into", str(into)])
    assert result.exit_code == 0, result.output
    text = load_yaml((into / "agreement.post.yaml").read_text(encoding="utf-8"))["text"]
    assert "{% if jurisdiction.id == 'northern_ireland' and post.grade %}" in text


def test_a_yes_or_no_field_compared_with_a_word_is_refused(tmp_path: Path,
                                                           agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: _reword(
        b, "⟦Only when «mediation»:⟧", "«mediation»", "«mediation» is “yes”",
        "agreement.disputes"))
    out = refused(tmp_path, book)
    assert "clause 'agreement.disputes', paragraph “⟦Only when «mediation» is “yes”:⟧”" in out
    assert "write ⟦Only when «mediation»:⟧ for yes, or ⟦Only when not «mediation»:⟧" in out


def test_is_given_of_a_yes_or_no_field_is_refused(tmp_path: Path,
                                                  agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: _reword(
        b, "⟦Only when «mediation»:⟧", "«mediation»", "«mediation» is given",
        "agreement.disputes"))
    assert "«mediation» is a yes-or-no value, which is always given" in refused(tmp_path, book)


def test_the_wrong_value_is_reported_before_what_it_breaks(tmp_path: Path,
                                                           agreement_book: bytes) -> None:
    """Review item 7: “«trial period agreed» is “yes”” left out the trial clause that
    another clause cites; the cause, not the broken cross-reference, is reported."""
    book = edited(tmp_path, agreement_book, lambda b: _reword(
        b, "⟦Only when «trial period agreed»:⟧", "«trial period agreed»",
        "«trial period agreed» is “yes”", "agreement.term"))
    out = refused(tmp_path, book)
    assert "clause 'agreement.term'" in out
    assert "«trial period agreed» is a yes-or-no value" in out
    assert "agreement.notices" not in out
