"""Reading a clause book's Word XML: breaks that are layout, not wording, and tracked
changes outside any paragraph."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from clause_book_edits import exported

from docgen.errors import DocgenError
from docgen.ooxml.bookread import read_book


def with_document(edit: Callable[[bytes], bytes]) -> bytes:
    """The agreement's book with its ``word/document.xml`` passed through ``edit``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported())) as z, zipfile.ZipFile(out, "w") as dst:
        for item in z.infolist():
            data = z.read(item)
            dst.writestr(item, edit(data) if item.filename == "word/document.xml" else data)
    return out.getvalue()


def with_body(change: str) -> bytes:
    """The agreement's book with ``change`` spliced in just before ``</w:body>``."""
    return with_document(lambda xml: xml.replace(b"<w:sectPr", change.encode() + b"<w:sectPr", 1))


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
    book = with_document(lambda xml: xml.replace(
        b"</w:sectPr>", b'<w:sectPrChange w:id="1" w:author="Legal"><w:sectPr/>'
        b'</w:sectPrChange></w:sectPr>'))
    with pytest.raises(DocgenError, match="it has tracked changes"):
        read_book(book)
