"""A value typed in words (“Northern Ireland” for ``northern_ireland``) reads back as the
value, so a clause whose only edit is such a retyping means what it meant: the import
writes nothing for it and says it is unchanged (an overlay of the standard wording would
raise OVERLAY warnings at each change of docgen's own clause). A real edit to the same
clause is still written, its note naming only the real change."""

from __future__ import annotations

from pathlib import Path

import yaml
from clause_book_edits import edited, paragraph, reword, set_text
from click.testing import CliRunner
from click.testing import Result as CliResult
from docx.document import Document
from yaml_text import load_yaml

from docgen.clauses.library import load_library
from docgen.cli import cli

NI = "⟦Only when «jurisdiction of the law» is “northern_ireland”:⟧"
VAT = "⟦Only when «VAT treatment chosen» is “standard_rated”:⟧"
WALES = "⟦Clause used only when the jurisdiction is Wales⟧"


def _import(tmp_path: Path, book: Path) -> CliResult:
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    return result


def _in_words(book: Document) -> None:
    reword(paragraph(book, NI, after="agreement.post"), "“northern_ireland”",
           "“Northern Ireland”")


def test_a_value_typed_in_words_changes_nothing(tmp_path: Path,
                                                agreement_book: bytes) -> None:
    result = _import(tmp_path, edited(tmp_path, agreement_book, _in_words))
    assert "agreement.post: unchanged" in result.output
    assert "no clause changed; nothing written" in result.output
    assert not (tmp_path / "ours" / "agreement.post.yaml").exists()


def test_a_real_edit_beside_it_is_still_written(tmp_path: Path,
                                                agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        _in_words(book)
        reword(paragraph(book, "The Parties shall keep the Post", after="agreement.post"),
               "achievable by one person", "achievable by one person working full time")

    _import(tmp_path, edited(tmp_path, agreement_book, edit))
    data = load_yaml((tmp_path / "ours" / "agreement.post.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 5 and data["replaces_version"] == 4
    assert "achievable by one person working full time" in data["text"]
    assert "{% if jurisdiction.id == 'northern_ireland' %}" in data["text"]
    assert "reworded “The Parties shall keep the Post" in data["notes"]
    assert "Northern" not in data["notes"]  # the retyped condition is not a change


def test_another_fields_value_and_a_named_condition_in_words(tmp_path: Path,
                                                             agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, VAT, after="agreement.finance"), "“standard_rated”",
               "“standard-rated”")
        set_text(paragraph(book, "⟦Only when the payment is a salary share:⟧",
                           after="agreement.finance"),
                 "⟦Only when «payment mechanism» is “salary share”:⟧")

    result = _import(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "agreement.finance: unchanged" in result.output
    assert not (tmp_path / "ours").exists()


def test_a_clause_condition_typed_in_words_changes_nothing(tmp_path: Path,
                                                           agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: set_text(
        paragraph(b, WALES), "⟦Clause used only when «jurisdiction chosen» is “Wales”⟧"))
    result = _import(tmp_path, book)
    assert "agreement.welsh_language: unchanged" in result.output
    assert not (tmp_path / "ours").exists()


def test_a_clause_condition_really_changed_is_written(tmp_path: Path,
                                                      agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, lambda b: set_text(
        paragraph(b, WALES), "⟦Clause used only when «jurisdiction chosen» is “Scotland”⟧"))
    _import(tmp_path, book)
    data = load_yaml((tmp_path / "ours" / "agreement.welsh_language.yaml")
                     .read_text(encoding="utf-8"))
    assert data["when"] == "a.jurisdiction == 'scotland'"
    assert "condition of the clause now “«jurisdiction chosen» is “Scotland”" in data["notes"]


def test_retyped_in_words_keeps_a_clause_file_changed_since_export(
        tmp_path: Path, agreement_book: bytes) -> None:
    """The book leaves the clause as exported (in meaning), so the clause's file, changed
    by hand since the export, is kept as it is, not reported as a conflict."""
    ours = tmp_path / "ours"
    ours.mkdir()
    clause = load_library().clauses["agreement.post"]
    changed = clause.text.replace("achievable by one person",
                                  "achievable by one person working full time")
    file = ours / "agreement.post.yaml"
    file.write_text(yaml.safe_dump({"id": "agreement.post", "title": clause.title,
                                    "version": 5, "replaces_version": 4,
                                    "documents": ["agreement"], "order": clause.order,
                                    "text": changed}), encoding="utf-8")
    before = file.read_bytes()
    result = _import(tmp_path, edited(tmp_path, agreement_book, _in_words))
    assert "agreement.post: kept as it is in" in result.output
    assert file.read_bytes() == before
