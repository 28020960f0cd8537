"""Clause book review, items 2 and 6: a reworded paragraph that lost a «field» or a
cross-reference the standard paragraph had is warned about, naming the clause, the paragraph
and the field (it printed “carry out the reviews under clause ; and” with no word said); and
the clause file's note says each paragraph added, reworded or removed as it is."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from clause_book_edits import copy_after, delete, open_book, paragraph, reword, save, set_text
from click.testing import CliRunner
from docx.document import Document
from yaml_text import load_yaml

import docgen
from docgen.cli import cli
from docgen.resources import BUILTIN_EXAMPLES

HR = BUILTIN_EXAMPLES / "shared-head-of-hr.yaml"


def _import(tmp_path: Path, book: Document) -> str:
    path = save(book, tmp_path / "b.docx")
    result = CliRunner().invoke(cli, ["clauses", "import", str(path), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _cut(book: Document, starts: str, clause: str, marker: str) -> None:
    """Select the marker and press Delete, as the reviewer did."""
    p = paragraph(book, starts, after=clause)
    next(r for r in p.runs if r.text == marker).text = ""


def test_a_deleted_cross_reference_is_warned_about(tmp_path: Path,
                                                   agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _cut(book, "carry out the reviews under clause", "agreement.governance", "«term.review»")
    out = _import(tmp_path, book)
    assert ("warning: clause 'agreement.governance', paragraph “carry out the reviews under "
            "clause ; and”: «term.review» (a cross-reference) is no longer in this paragraph "
            "(it now reads “… the reviews under clause ; and”): check the sentence still "
            "reads right") in out
    assert (tmp_path / "ours" / "agreement.governance.yaml").is_file()  # a warning only


def test_a_deleted_party_field_is_warned_about(tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _cut(book, "⟦label evaluation⟧", "agreement.staff", "«each Host Party»")
    out = _import(tmp_path, book)
    assert ("clause 'agreement.staff', paragraph “⟦label evaluation⟧ The Post is evaluated "
            "and graded …”: «each Host Party» (a field) is no longer in this paragraph (it "
            "now reads “… Employer shall give a copy of …”)") in out
    result = docgen.render(HR, documents=["agreement"], clauses=[tmp_path / "ours"])
    texts = [p.text for p in docx.Document(io.BytesIO(result.documents["agreement"])).paragraphs]
    assert any("The Employer shall give  a copy" in t for t in texts)  # what she is warned of


def test_a_field_moved_or_a_paragraph_deleted_is_not_warned_about(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    delete(paragraph(book, "carry out the reviews under clause", after="agreement.governance"))
    p = paragraph(book, "A Party that proposes a change to the structure", after="agreement.staff")
    reword(p, "A Party that proposes", "Before it makes it, a Party that proposes")
    reword(p, " before making it.", ".")
    out = _import(tmp_path, book)
    assert "is no longer in this paragraph" not in out
    notes = load_yaml((tmp_path / "ours" / "agreement.governance.yaml").read_text())["notes"]
    assert "removed “carry out the reviews under clause «term.review»; and”" in notes


def test_the_note_says_added_reworded_and_removed_as_each_is(tmp_path: Path,
                                                            agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    meets = paragraph(book, "The Steering Group meets", after="agreement.governance")
    reword(meets, " It acts by consensus of its members.", "")
    reword(meets, "at least one member from each Party is present",
           "at least two members, including one from each Party, are present")
    control = paragraph(book, "⟦End of repetition⟧", after="agreement.governance")
    opens, where, ends = copy_after(meets, [meets, meets, meets])
    set_text(opens, "⟦Only when the number of «Parties» is more than 2:⟧")
    set_text(where, "Where the Steering Group cannot reach consensus, its chair has a "
             "casting vote.")
    set_text(ends, "⟦End of condition⟧")
    opens.style = ends.style = control.style
    delete(paragraph(book, "monitor progress, workload", after="agreement.governance"))
    out = _import(tmp_path, book)
    notes = load_yaml((tmp_path / "ours" / "agreement.governance.yaml").read_text())["notes"]
    assert notes == (
        "Version 4, imported from the clause book: reworded “The Steering Group meets «how "
        "often the Steering …” (removed the sentence “It acts by consensus of its "
        "members.”); added “⟦Only when the number of «Parties» is more …”; added “Where the "
        "Steering Group cannot reach consensus, its …”; added “⟦End of condition⟧”; removed "
        "“monitor progress, workload and the time split;”.")
    assert "reworded “⟦Only when" not in out and "reworded “Where" not in out


def test_a_sentence_deleted_with_its_field_is_noted_not_warned(tmp_path: Path,
                                                               agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    p = paragraph(book, "⟦label evaluation⟧", after="agreement.staff")
    at = next(k for k, r in enumerate(p.runs) if r.text == "«each Host Party»")
    p.runs[at - 1].text = p.runs[at - 1].text.replace(" The Employer shall give ", "")
    p.runs[at].text = ""
    p.runs[at + 1].text = " " + p.runs[at + 1].text.replace(
        " a copy of the evaluation on request.", "").lstrip()
    out = _import(tmp_path, book)
    assert "is no longer in this paragraph" not in out
    assert "(removed the sentence “The Employer shall give «each Host Party» a …”)" in out


def test_a_figure_dropped_is_reported_once_by_its_own_check(tmp_path: Path,
                                                            agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _cut(book, "salary of «salary»", "agreement.finance", "«salary»")
    out = _import(tmp_path, book)
    assert "clause 'agreement.finance' no longer shows «salary»" in out
    assert "«salary» (a field) is no longer in this paragraph" not in out
