"""Every message an import of a clause book can show speaks to the lawyer who edited it in
Word: which clause and paragraph, what is wrong, how to fix it in Word. No Python reprs,
YAML file names, rule ids or template code (``ref('…')``, ``{{ … }}``, ``TypeError``),
and never a traceback.

Each test makes one edit a lawyer could make and imports the book through the command
line (``refused`` in clause_book_edits also checks that nothing was written)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from clause_book_edits import (
    HR,
    clause_heading,
    clause_paragraphs,
    copy_after,
    edited,
    paragraph,
    refused,
    reword,
    set_text,
)
from click.testing import CliRunner
from docx.document import Document

import docgen
from docgen.cli import cli
from docgen.ooxml.readback import read_document

#: what a message for the lawyer never shows
CODE = re.compile(r"ref\(|\{\{|\{%|\.yaml|\w+Error\b|Traceback|'[a-z_]+' is undefined"
                  r"|instances of|unknown variable|not a valid template|`when`")
LET = "⟦Let s35_out be"


def plain(out: str) -> str:
    """``out``, asserting it reads as words for the lawyer."""
    assert not CODE.search(out.replace("book.docx", "")), out
    return out


def test_a_cross_reference_no_longer_after_the_word_clause(tmp_path: Path,
                                                           agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "The contributions are fixed", after="agreement.finance"),
               "under clause ", "under ")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert ("clause 'agreement.finance', paragraph “The contributions are fixed and do not "
            "change …”: the cross-reference «variation» no longer follows the word “clause”"
            ) in out
    assert "type “clause” just before the blue marker" in out


#: a calculation retyped: a name misspelt, a filter docgen does not have, the marker
#: damaged, an item the list does not have (each once had its own message; any change to a
#: calculation is now refused as such, naming the clause and paragraph)
RETYPED = ["⟦Let s35_out be = partiez | rejectattr('kind', 'equalto', 'local_authority') "
           "| list⟧", "⟦Let s35_out be = parties | sortedby⟧",
           "⟦Let s35_out be = parties | rejectattr('kind', 'equalto'⟧",
           "⟦Let s35_out be = parties[7].name⟧"]


@pytest.mark.parametrize("typed", RETYPED)
def test_a_retyped_calculation(tmp_path: Path, agreement_book: bytes, typed: str) -> None:
    def edit(book: Document) -> None:
        set_text(paragraph(book, LET, after="agreement.background"), typed)

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    words = typed.split()
    shown = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    assert (f"clause 'agreement.background', paragraph “{shown}”: the marker {typed} is not "
            "as exported: it is docgen's own calculation") in out
    assert "Leave it as it is: copy it back from a fresh export" in out
    assert "ask whoever runs docgen to change the clause file" in out


def test_a_condition_comparing_a_yes_or_no_field_with_words(tmp_path: Path,
                                                           agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        set_text(paragraph(book, "⟦Only when «trial period agreed»:⟧", after="agreement.term"),
                 "⟦Only when «trial period agreed» is more than “six”:⟧")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert ("clause 'agreement.term', paragraph “⟦Only when «trial period agreed» is more "
            "than …”: with this wording the clause cannot be made for the example post “Joint "
            "Director of Public Health” (NBC-ICB-DPH-2027): it compares a yes-or-no value "
            "with words") in out


def test_a_cited_clause_made_conditional(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        first = clause_paragraphs(book, "agreement.variation")[1]
        when = copy_after(clause_heading(book, "agreement.variation"), [first])[0]
        set_text(when, "⟦Clause used only when «end date»⟧")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert "cites clause «variation», which the example post “" in out
    assert "remove that condition, or the cross-reference in clause" in out


def test_a_clause_condition_that_cannot_be_worked_out(tmp_path: Path,
                                                      agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        first = clause_paragraphs(book, "agreement.variation")[1]
        when = copy_after(clause_heading(book, "agreement.variation"), [first])[0]
        set_text(when, "⟦Clause used only when «trial period agreed» is at least “two”⟧")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert ("clause 'agreement.variation', paragraph “⟦Clause used only when «trial period "
            "agreed» is …”: this condition cannot be worked out for the example post “") in out
    assert "it compares a yes-or-no value with words" in out


@pytest.mark.parametrize("condition", ["= partiez", "= parties | sortedby"])
def test_a_clause_condition_typed_as_code(tmp_path: Path, agreement_book: bytes,
                                          condition: str) -> None:
    """Before, an unknown name left the clause out of every document without a word (the
    import then failed on a cross-reference to it), and an unknown filter was named in
    the template engine's words; code ("= …") typed in the book is now refused as such."""
    def edit(book: Document) -> None:
        first = clause_paragraphs(book, "agreement.variation")[1]
        when = copy_after(clause_heading(book, "agreement.variation"), [first])[0]
        set_text(when, f"⟦Clause used only when {condition}⟧")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert (f"clause 'agreement.variation', paragraph “⟦Clause used only when {condition}⟧”: "
            f"the marker ⟦Clause used only when {condition}⟧ is not as exported") in out


@pytest.mark.parametrize("rename", [False, True])
def test_a_label_copied_with_its_paragraph(tmp_path: Path, agreement_book: bytes,
                                          rename: bool) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦label invoicing⟧", after="agreement.finance")
        if rename:  # retyped as another label of the clause
            set_text(p, "⟦label vat⟧ The Employer shall invoice the Host Party.")
        else:
            copy_after(p, [p])

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    label = "vat" if rename else "invoicing"
    assert (f"the label ⟦label {label}⟧ is in the clause twice (a copied paragraph keeps its "
            "label); delete the label from the copy") in out
    if rename:
        assert "paragraph “⟦label vat⟧ The Employer shall invoice the Host …”" in out


def test_a_cross_reference_to_no_clause(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "The contributions are fixed", after="agreement.finance"),
               "«variation»", "«the variations clause»")

    out = plain(refused(tmp_path, edited(tmp_path, agreement_book, edit)))
    assert "«the variations clause» is not a field docgen knows" in out
    assert "for a cross-reference after the word “clause”, the id of a clause in this book" \
        in out


def test_lint_names_an_unknown_filter_in_a_clause_file(tmp_path: Path) -> None:
    """The programmer's check of clause files: before, an unknown filter was a traceback."""
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "records.yaml").write_text(
        "id: ours.records\ntitle: Records\nversion: 1\ndocuments: [agreement]\n"
        "order: 2001\ntext: |\n  Each Party shall keep {{ parties | sortedby }} records.\n")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "ours.records (records.yaml): the text is not a valid template: No filter named " \
           "'sortedby'" in result.output


#: a title typed with "&", with "<" and ">", with "{{ }}": one clause each, in one book
#: (each import, render and export is of the whole library: one round serves all three)
TITLES = {"agreement.finance": "Costs & payment", "agreement.exit": "Termination <and> exit",
          "agreement.variation": "Variation {{ and }} waiver"}


def test_a_title_typed_with_ampersand_angle_brackets_or_braces(tmp_path: Path,
                                                               agreement_book: bytes) -> None:
    """A heading's title is words: before, "&" or "<" was refused as broken markup and
    "{{ … }}" was run as template code."""
    def edit(book: Document) -> None:
        for clause_id, title in TITLES.items():
            heading = clause_heading(book, clause_id)
            version = re.search(r"\[[\w.]+, version (\d+)\]", heading.text)[1]
            set_text(heading, f"{title}  [{clause_id}, version {version}]")

    into = tmp_path / "ours"
    book = edited(tmp_path, agreement_book, edit)
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into", str(into)])
    assert result.exit_code == 0, result.output
    agreement = read_document("agreement", docgen.render(HR, clauses=[into])
                              .documents["agreement"]).text
    for title in TITLES.values():
        assert f"title now “{title}”" in result.output
        assert title in agreement
    # the folder exported again and given back unchanged changes nothing
    again = tmp_path / "again.docx"
    assert CliRunner().invoke(cli, ["clauses", "export", str(again), "--clauses",
                                    str(into)]).exit_code == 0
    # the book shows each title as typed, never as markup ("Costs &amp; payment")
    exported_again = docx.Document(str(again))
    for clause_id, title in TITLES.items():
        heading = clause_heading(exported_again, clause_id).text
        assert heading.startswith(f"{title}  [{clause_id}, version")
    result = CliRunner().invoke(cli, ["clauses", "import", str(again), "--into", str(into)])
    assert result.exit_code == 0 and "nothing written" in result.output, result.output
