"""A workbook over the size limit is refused in a workbook's words, not an answer file's."""

from __future__ import annotations

import zipfile

from intake_programme import run

from docgen.intake.guard import MAX_WORKBOOK_BYTES

from .examples_book import examples


def test_a_workbook_too_large_is_refused_as_a_workbook(tmp_path):
    book = examples(tmp_path)
    with zipfile.ZipFile(book, "a", compression=zipfile.ZIP_STORED) as z:  # a scanned logo
        z.writestr("xl/media/image1.png", b"\x89PNG" + b"\0" * (MAX_WORKBOOK_BYTES + 1000))
    code, text = run("check", str(book))
    assert code == 1, text
    assert "answer file" not in text, text
    assert "programme workbooks are limited to 20,000,000 bytes" in text, text
    assert "is it the right file? If it is, delete any large pictures" in text, text
    assert "Traceback" not in text
