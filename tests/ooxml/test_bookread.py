"""Reading a clause book's Word XML: breaks that are layout, not wording, and tracked
changes outside any paragraph."""

from __future__ import annotations

import io
import zipfile

import pytest
from clause_book_edits import exported

from docgen.errors import DocgenError
from docgen.ooxml.bookread import read_book


def with_body(change: str) -> bytes:
    """The agreement's book with ``change`` spliced in just before ``</w:body>``."""
    src = exported()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(out, "w") as dst:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", change.encode() + b"<w:sectPr", 1)
            dst.writestr(item, data)
    return out.getvalue()


def test_a_column_break_is_not_a_line_break() -> None:
    book = read_book(with_body('<w:p><w:r><w:t>before</w:t></w:r><w:r><w:br w:type="column"/>'
                               '</w:r><w:r><w:t>after</w:t></w:r></w:p>'))
    assert book.paras[-1].text == "beforeafter"


def test_a_tracked_section_change_is_refused() -> None:
    change = ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906"/><w:sectPrChange '
              'w:id="1" w:author="Legal"><w:sectPr/></w:sectPrChange></w:sectPr></w:pPr></w:p>')
    paras = read_book(with_body(change)).paras
    assert paras[-1].tracked


def test_tracked_changes_outside_any_paragraph_are_refused() -> None:
    src = exported()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(out, "w") as dst:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:sectPr>", b'<w:sectPrChange w:id="1" '
                                    b'w:author="Legal"><w:sectPr/></w:sectPrChange></w:sectPr>')
            dst.writestr(item, data)
    with pytest.raises(DocgenError, match="it has tracked changes"):
        read_book(out.getvalue())
