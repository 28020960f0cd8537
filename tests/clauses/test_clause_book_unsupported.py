"""What Word can put in a book that a clause cannot hold is refused by name, never dropped,
flattened or repeated (audit findings 4-11): huge paragraphs, text boxes, tables, tracked
formatting, emptied clauses, damaged properties, footnotes, hidden text, a second clause
condition; words typed on the cover page are reported, not silently dropped."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from clause_book_edits import (
    clause_paragraphs,
    edited,
    open_book,
    paragraph,
    refused,
    save,
)
from click.testing import CliRunner
from docx.document import Document
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from docgen.cli import cli

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONF = "The Employer shall require the Post-holder, through the Contract"


def conf(book: Document) -> Paragraph:
    return paragraph(book, CONF, after="agreement.confidentiality")


def rezip(src: bytes, dst: Path, part: str, change: object) -> Path:
    """The book with one part rewritten by ``change`` (text → text)."""
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(dst, "w") as out:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            out.writestr(item, data)
    return dst


def test_a_huge_paragraph_fails_fast_with_a_plain_message(tmp_path: Path,
                                                          agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        conf(book).add_run(" words" * 100_000)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality', paragraph “The Employer shall require" in out
    assert "far longer than any paragraph of a clause (600,2" in out
    assert "/tmp" not in out.split("book.docx", 1)[1] and "answer file" not in out


def test_a_text_box_is_refused_not_tripled(tmp_path: Path, agreement_book: bytes) -> None:
    txt = ('<w:txbxContent><w:p><w:r><w:t>TEXTBOX: a note</w:t></w:r></w:p>'
           '</w:txbxContent>')
    xml = (f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
           f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{txt}</wps:txbx>'
           '</wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
           f'{txt}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    out = refused(tmp_path, edited(tmp_path, agreement_book,
                                   lambda book: conf(book)._p.append(parse_xml(xml))))
    assert "clause 'agreement.confidentiality', paragraph “The Employer shall require" in out
    assert "a text box (or a shape with text) is in this paragraph" in out
    assert "TEXTBOX" not in out


def test_a_table_is_refused_naming_the_clause(tmp_path: Path, agreement_book: bytes) -> None:
    table = (f'<w:tbl {W}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>'
             '<w:tc><w:p><w:r><w:t>kind of information</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:p><w:r><w:t>party that owns it</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    out = refused(tmp_path, edited(tmp_path, agreement_book,
                                   lambda book: conf(book)._p.addnext(parse_xml(table))))
    assert "clause 'agreement.confidentiality', paragraph “(table) kind of information " \
           "party that owns it”" in out
    assert "tables are not supported in clause wording" in out and "sub-clauses" in out


@pytest.mark.parametrize("change", [
    '<w:pPr><w:pStyle w:val="BookItem"/><w:pPrChange w:id="910" w:author="Legal">'
    '<w:pPr><w:pStyle w:val="BookSubClause"/></w:pPr></w:pPrChange></w:pPr>',
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="911" w:author="Legal"><w:rPr/></w:rPrChange>'
    '</w:rPr><w:t>bold</w:t></w:r>',
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    '<w:numberingChange w:id="912" w:author="Legal" w:original=""/></w:pPr>',
])
def test_tracked_formatting_is_refused_like_any_tracked_change(
        tmp_path: Path, agreement_book: bytes, change: str) -> None:
    def edit(book: Document) -> None:
        p = conf(book)._p
        el = parse_xml(change.replace("<w:pPr>", f"<w:pPr {W}>", 1).replace(
            "<w:r>", f"<w:r {W}>", 1))
        if el.tag.endswith("}pPr"):
            p.remove(p.pPr)
            p.insert(0, el)
        else:
            p.append(el)

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality', paragraph “The Employer shall require" in out
    assert "has tracked changes; accept or reject every tracked change" in out


def test_an_emptied_clause_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        for p in clause_paragraphs(book, "agreement.foi")[1:]:
            for run in p.runs:
                run.text = ""

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.foi', paragraph “Freedom of information [agreement.foi" in out
    assert "this clause has no wording left. A clause cannot be removed through the book" in out


def test_damaged_document_properties_give_a_plain_error(tmp_path: Path,
                                                        agreement_book: bytes) -> None:
    book = rezip(agreement_book, tmp_path / "book.docx", "docProps/core.xml", lambda s: s[:-20])
    out = refused(tmp_path, book)
    assert "book.docx: it is damaged: its document properties cannot be read" in out
    assert "save it again" in out


def test_a_book_whose_properties_were_cleared_is_read_by_its_headings(
        tmp_path: Path, agreement_book: bytes) -> None:
    """Document Inspector clears the subject that names the document: the clause ids in the
    headings still say which document the book holds (audit 10)."""
    book = rezip(agreement_book, tmp_path / "book.docx", "docProps/core.xml",
                 lambda s: re.sub(r"<dc:subject>.*?</dc:subject>", "", s))
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    assert "no clause changed; nothing written" in result.output


@pytest.mark.parametrize(("xml", "said"), [
    (f'<w:r {W}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
     '<w:footnoteReference w:id="1"/></w:r>', "a footnote or endnote is in this paragraph"),
    (f'<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDEN</w:t></w:r>',
     "formatted as hidden text"),
])
def test_footnotes_and_hidden_text_are_refused(tmp_path: Path, agreement_book: bytes,
                                               xml: str, said: str) -> None:
    out = refused(tmp_path, edited(tmp_path, agreement_book,
                                   lambda book: conf(book)._p.append(parse_xml(xml))))
    assert "clause 'agreement.confidentiality', paragraph “The Employer shall require" in out
    assert said in out


def test_a_second_clause_condition_is_refused(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        when = next(p for p in book.paragraphs
                    if p.text == "⟦Clause used only when «politically restricted»⟧")
        body = clause_paragraphs(book, "agreement.political_restriction")[-1]
        copy = parse_xml(when._p.xml)
        body._p.addnext(copy)
        Paragraph(copy, body._parent).runs[0].text = \
            "⟦Clause used only when the jurisdiction is Scotland⟧"

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.political_restriction', paragraph “⟦Clause used only when " \
           "the jurisdiction is Scotland⟧”: a clause has one ⟦Clause used only when …⟧" in out


def test_words_typed_on_the_cover_page_are_reported(tmp_path: Path,
                                                    agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    cover = next(p for p in book.paragraphs if p.style.style_id == "BookCover")
    cover._p.addnext(parse_xml(cover._p.xml))
    Paragraph(cover._p.getnext(), cover._parent).runs[0].text = "COVER: add a records clause"
    for run in Paragraph(cover._p.getnext(), cover._parent).runs[1:]:
        run.text = ""
    result = CliRunner().invoke(cli, ["clauses", "import", str(save(book, tmp_path / "b.docx")),
                                      "--into", str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    assert "warning: “COVER: add a records clause” on the cover page is not read" in \
        " ".join(result.output.split())
