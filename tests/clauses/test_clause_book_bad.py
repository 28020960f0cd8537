"""Bad clause books get a clear answer naming the clause and the paragraph, and nothing is
written (issue 23, point 4)."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from clause_book_edits import (
    HR,
    clause_heading,
    clause_paragraphs,
    copy_after,
    delete,
    edited,
    exported,
    open_book,
    paragraph,
    refused,
    reword,
    save,
    set_text,
)
from click.testing import CliRunner
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree
from yaml_text import load_yaml
from zip_bomb import bomb_docx

import docgen
from docgen.clauses.library import load_library
from docgen.cli import cli
from docgen.errors import DocgenError


def test_deleted_condition_marker(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        paras = clause_paragraphs(book, "agreement.exit")
        delete(next(p for p in paras if p.text == "⟦End of condition⟧"))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph" in out
    assert "⟦End of condition⟧" in out and "was one deleted?" in out


def test_damaged_marker(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "salary of", after="agreement.finance"), "«salary»", "«salary")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.finance', paragraph “salary of «salary; …" in out or \
        "clause 'agreement.finance', paragraph “salary of «salary" in out
    assert "a marker is damaged (a lone «)" in out


def test_damaged_condition_marker(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦Only when there are more than two Parties:⟧",
                      after="agreement.exit")
        set_text(p, "⟦Unless there are more than two Parties:⟧")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph “⟦Unless there are more than two" in out
    assert "the marker ⟦Unless there are more than two Parties:⟧ is damaged" in out


def test_unknown_field_name_with_did_you_mean(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, "salary of", after="agreement.finance"), "«salary»", "«salry»")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.finance', paragraph “salary of «salry»" in out
    assert "«salry» is not a field docgen knows; did you mean «salary»" in out


def test_condition_that_no_longer_parses(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦Only when there are more than two Parties:⟧",
                      after="agreement.exit")
        reword(p, "there are more than two Parties", "the number of «parties» is more than")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph “⟦Only when the number of «parties» is" in out
    assert "no longer makes sense" in out


def test_condition_in_words_docgen_cannot_read(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦Only when there are more than two Parties:⟧",
                      after="agreement.exit")
        reword(p, "there are more than two Parties", "the Parties are many")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit'" in out and "cannot be read from “the Parties are" in out


def test_duplicated_clause_id(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        conf = clause_paragraphs(book, "agreement.confidentiality")
        copy_after(conf[-1], conf[:2])  # copied, but the id not changed

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality', paragraph “Confidentiality " in out
    assert "is in the book twice; give a copied clause a new id" in out


def test_clause_pasted_from_another_document(tmp_path: Path, agreement_book: bytes) -> None:
    contract = open_book(exported("contract"))
    pasted = clause_paragraphs(contract, "contract.confidentiality")

    def edit(book: Document) -> None:
        anchor = clause_paragraphs(book, "agreement.confidentiality")[-1]
        for src in reversed(pasted):
            anchor._p.addnext(copy.deepcopy(src._p))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'contract.confidentiality', paragraph “Confidentiality" in out
    assert "belongs to the contract, not the agreement; it was pasted from another" in out


def test_text_outside_any_clause(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        first = clause_heading(book, "agreement.definitions")
        first.insert_paragraph_before("Draft 3 — for discussion with Eastwick legal",
                                      style="Normal")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "paragraph “Draft 3 — for discussion with Eastwick legal”: text outside any " \
           "clause" in out


def test_deleted_clause_heading(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        delete(clause_heading(book, "agreement.foi"))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.foi'" in out and "is missing from the book" in out


def test_tracked_changes_are_refused(tmp_path: Path, agreement_book: bytes) -> None:
    """Tracked changes are refused (not read as accepted): the lawyer decides them."""
    def edit(book: Document) -> None:
        p = paragraph(book, "The Parties recognise that, in working",
                      after="agreement.confidentiality")
        ins = etree.SubElement(p._p, qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "A",
                                                   qn("w:date"): "2026-01-01T00:00:00Z"})
        ins.append(copy.deepcopy(p.runs[0]._r))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality', paragraph “The Parties recognise" in out
    assert "has tracked changes; accept or reject every tracked change" in out


def test_comments_are_ignored(tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    p = paragraph(book, "The Parties recognise that, in working",
                  after="agreement.confidentiality")
    book.add_comment(p.runs, text="Is this wide enough?", author="Legal", initials="L")
    result = CliRunner().invoke(cli, ["clauses", "import", str(save(book, tmp_path / "c.docx")),
                                      "--into", str(tmp_path / "ours")])
    assert result.exit_code == 0 and "nothing written" in result.output, result.output


def test_doc_and_docm_are_refused(tmp_path: Path, agreement_book: bytes) -> None:
    doc = tmp_path / "book.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "a Word 97-2003 document (.doc); open it in Word, save it as a Word Document " \
           "(.docx)" in refused(tmp_path, doc)
    renamed_doc = tmp_path / "doc.docx"
    renamed_doc.write_bytes(doc.read_bytes())
    assert "a Word 97-2003 document (.doc)" in refused(tmp_path, renamed_doc)
    docm = tmp_path / "book.docm"
    docm.write_bytes(agreement_book)
    assert "a macro-enabled document (.docm)" in refused(tmp_path, docm)
    # a macro-enabled book renamed .docx is still refused, by its content type
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(io.BytesIO(agreement_book)) as src, \
            zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument."
                                    b"wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            out.writestr(item, data)
    assert "macro-enabled document (.docm)" in refused(tmp_path, renamed)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bomb_docx())  # 300 MB of spaces in word/document.xml
    out = refused(tmp_path, bomb)
    assert "bomb.docx" in out and "not opened" in out


def test_not_a_word_file(tmp_path: Path) -> None:
    book = tmp_path / "book.docx"
    book.write_text("clauses")
    assert "not a readable Word document" in refused(tmp_path, book)


def test_deleting_the_salary_is_reported_at_build(tmp_path: Path,
                                                  agreement_book: bytes) -> None:
    """Removing a figure `docgen verify` checks imports (it is wording), but the build of a
    post that uses it fails, naming the figure: never published silently."""
    book = open_book(agreement_book)
    delete(paragraph(book, "salary of", after="agreement.finance"))
    into = tmp_path / "ours"
    result = CliRunner().invoke(cli, ["clauses", "import", str(save(book, tmp_path / "b.docx")),
                                      "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert ("warning: clause 'agreement.finance' no longer shows «salary», which the agreement "
            "must show (docgen checks it in every document it builds): put «salary» back in "
            "that clause in the book and import it again") in " ".join(result.output.split())
    assert "{{" not in result.output and "docgen verify" not in result.output
    assert "removed “salary of «salary»" in (into / "agreement.finance.yaml").read_text()
    with pytest.raises(DocgenError, match=r"clause 'agreement.finance' no longer prints the "
                                          r"salary \(\{\{ money.salary_text \}\}\)"):
        docgen.render(HR, documents=["agreement"], clauses=[into])
    out_dir = tmp_path / "out"
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(HR, posts / HR.name)
    result = CliRunner().invoke(cli, ["build", str(posts), "--out", str(out_dir),
                                      "--clauses", str(into)])
    assert result.exit_code == 1
    assert "no longer prints the salary" in result.output
    assert not list(out_dir.rglob("*.docx"))


def test_moved_clause_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        foi = clause_paragraphs(book, "agreement.foi")
        anchor = clause_paragraphs(book, "agreement.confidentiality")[0]
        for p in foi:  # cut and pasted before the confidentiality clause
            anchor._p.addprevious(p._p)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "this clause has been moved" in out and "Move it back" in out


def test_label_moved_inside_its_paragraph(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦label notice⟧", after="agreement.exit")
        label = next(r for r in p.runs if r.text == "⟦label notice⟧")
        p._p.append(copy.deepcopy(label._r))
        label._r.getparent().remove(label._r)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph “Any Party may withdraw" in out
    assert "the label ⟦label notice⟧ must stay at the start of its paragraph" in out


def test_heading_without_id_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        set_text(clause_heading(book, "agreement.foi"), "Freedom of information")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "paragraph “Freedom of information”: a clause heading must end with its id" in out


def test_added_clause_that_fails_lint_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    """A new clause using an undefined term is refused with lint's reasons before anything
    is written."""
    def edit(book: Document) -> None:
        conf = clause_paragraphs(book, "agreement.confidentiality")
        heading, body = copy_after(conf[-1], conf[:2])
        set_text(heading, "Records  [ours.records, version 1]")
        set_text(body, "Each Party shall keep Minutes of its meetings.")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("book.docx: the edited clauses have problems; correct them in the book and import "
            "it again:") in out
    assert "clause 'ours.records', paragraph “Each Party shall keep Minutes of its meetings. " \
           "…”: 'Minutes' is capitalised but is not a defined term. Write it in lower case" in out
    assert "to the list of proper nouns in" in out and "clauses/definitions" not in out


def test_deleted_otherwise_marker(tmp_path: Path, agreement_book: bytes) -> None:
    """Deleting ⟦Otherwise:⟧ alone leaves a valid template with a different meaning: it is
    refused; deleting a whole condition with its wording is an ordinary edit."""
    def edit(book: Document) -> None:
        paras = clause_paragraphs(book, "agreement.exit")
        delete(next(p for p in paras if p.text == "⟦Otherwise:⟧"))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph “⟦Otherwise:⟧”: a marker ⟦Otherwise…⟧ was " \
           "deleted" in out

    book = open_book(agreement_book)
    paras = clause_paragraphs(book, "agreement.exit")
    start = next(i for i, p in enumerate(paras)
                 if p.text == "⟦Only when there are more than two Parties:⟧")
    end = next(i for i, p in enumerate(paras) if i > start and p.text == "⟦End of condition⟧")
    assert "⟦Otherwise:⟧" in [p.text for p in paras[start:end]]
    for p in paras[start:end + 1]:  # ⟦Only when⟧ text… ⟦Otherwise:⟧ text ⟦End of condition⟧
        delete(p)
    into = tmp_path / "whole"
    result = CliRunner().invoke(cli, ["clauses", "import", str(save(book, tmp_path / "w.docx")),
                                      "--into", str(into)])
    assert result.exit_code == 0, result.output
    imported = load_yaml((into / "agreement.exit.yaml").read_text())
    assert "If a Party withdraws, the Arrangement ends" not in imported["text"]
    assert "If a Party other than the Employer withdraws" not in imported["text"]
    cond = "{% if parties | length > 2 %}"
    assert imported["text"].count(cond) == \
        load_library().clauses["agreement.exit"].text.count(cond) - 1
    assert "removed “If a Party withdraws, the Arrangement ends on …”" in imported["notes"]


def test_deleted_label_that_is_cited(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦label notice⟧", after="agreement.exit")
        label = next(r for r in p.runs if r.text == "⟦label notice⟧")
        label._r.getparent().remove(label._r)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.exit', paragraph" in out
    assert "the label ⟦label notice⟧ was deleted or changed, but clause" in out
    assert "'agreement.exit'" in out and "(«exit.notice»)" in out


def test_an_endless_clause_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        last = clause_paragraphs(book, "agreement.confidentiality")[-1]
        body = last._p
        for _ in range(2_001):
            body.addnext(copy.deepcopy(body))

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality'" in out
    assert "more than 2,000 paragraphs in one clause" in out


def test_deleted_label_cited_by_another_clause(tmp_path: Path, agreement_book: bytes) -> None:
    """The label ⟦label steps⟧ of agreement.disputes is cited by agreement.notices: deleting
    it must be refused at import, not break every build afterwards (audit 2)."""
    def edit(book: Document) -> None:
        p = paragraph(book, "⟦label steps⟧", after="agreement.disputes")
        label = next(r for r in p.runs if r.text == "⟦label steps⟧")
        label._r.getparent().remove(label._r)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.disputes', paragraph “⟦label steps⟧" in out
    assert "the label ⟦label steps⟧ was deleted or changed, but clause " \
           "'agreement.notices' cites it" in out
    assert "put the label back at the start of the paragraph" in out
