"""An equation, a symbol from a symbol font and a picture in a clause book are refused by
name, not dropped: a tester's finding was that each imported with exit 0 and no word, and
the built agreement read "Each Party pays a share equal to  of the Cost Base each year."
(the equation "C × 40%" gone), "… tick the box marked  on the form." (the Wingdings
tick gone) or lost the organisation chart pasted in."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from clause_book_edits import edited, paragraph, refused
from click.testing import CliRunner
from docx.document import Document
from docx.oxml import parse_xml

from docgen.cli import cli

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
CONF = "The Employer shall require the Post-holder, through the Contract"
EQUATION = f'<m:oMath {M}><m:r><m:t>C × 40%</m:t></m:r></m:oMath>'
SYMBOL = f'<w:r {W}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'


def _png() -> bytes:
    """A 4 × 4 pixel PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\x10\x20\x30" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _with(xml: str):  # type: ignore[no-untyped-def]
    def edit(book: Document) -> None:
        paragraph(book, CONF, after="agreement.confidentiality")._p.append(parse_xml(xml))
    return edit


def _picture(book: Document) -> None:
    paragraph(book, CONF, after="agreement.confidentiality").add_run().add_picture(
        io.BytesIO(_png()))


@pytest.mark.parametrize(("edit", "said"), [
    (_with(EQUATION), "an equation (Insert → Equation) is in this paragraph"),
    (_with(SYMBOL), "a symbol inserted from a symbol font (Insert → Symbol, such as a "
                    "Wingdings tick) is in this paragraph"),
    (_picture, "a picture, chart or object is in this paragraph"),
], ids=["equation", "symbol", "picture"])
def test_what_a_clause_cannot_hold_is_refused_by_name(tmp_path: Path, agreement_book: bytes,
                                                       edit, said: str) -> None:  # type: ignore[no-untyped-def]
    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert "clause 'agreement.confidentiality', paragraph “The Employer shall require" in out
    assert said in out, out
    assert "would be lost" in out, out


def test_a_picture_before_the_first_clause_loses_no_wording(tmp_path: Path,
                                                            agreement_book: bytes) -> None:
    """A reviewer's finding: a logo added at the top of the book (outside any clause) was
    refused as if a clause's wording would lose it."""
    def logo(book: Document) -> None:
        book.paragraphs[0].insert_paragraph_before().add_run().add_picture(io.BytesIO(_png()))

    book = edited(tmp_path, agreement_book, logo)
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into",
                                      str(tmp_path / "ours")])
    assert result.exit_code == 0, result.output
    assert "no clause changed" in result.output, result.output
