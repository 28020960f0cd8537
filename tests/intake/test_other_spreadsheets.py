"""A spreadsheet that is no .xlsx (an .ods from LibreOffice Calc, a Numbers file) is told
what it is and how to save it as .xlsx, by every command alike, and nothing is written.

Before, ``check calc.ods`` said to rename it to calc.yaml (the answer file's advice, which
only trades one error for another), ``build`` wrote a register with a failed row, and
``intake read --into DIR`` said "a zip file without a workbook inside" and left DIR behind,
empty."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from intake_programme import run

from docgen.answers.answer_names import SPREADSHEET_SUFFIXES, not_an_answer_name
from docgen.intake import OTHER_SPREADSHEETS, SHEET_TEXT_SUFFIXES, WORKBOOK_SUFFIXES

SAVE_AS = ("this is an OpenDocument spreadsheet (.ods), and docgen reads Excel workbooks "
           "(.xlsx): in LibreOffice Calc use File > Save As > Excel 2007-365 (.xlsx)")


def _ods() -> bytes:
    """An OpenDocument spreadsheet as LibreOffice writes one (its mimetype part first)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["calc.ods", "calc-saved-as.xlsx"])
def test_an_ods_is_told_how_to_save_it_as_xlsx_by_every_command(tmp_path: Path,
                                                                  name: str) -> None:
    book = tmp_path / name
    book.write_bytes(_ods())
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "o1")),
                 ("intake", "read", str(book), "--into", str(tmp_path / "o1r"))):
        code, text = run(*args)
        assert code == 1, (args, text)
        assert SAVE_AS in " ".join(text.split()), (args, text)
        assert "rename" not in text and ".yaml" not in text, (args, text)
    assert not (tmp_path / "o1").exists()
    assert not (tmp_path / "o1r").exists()  # the --into folder is made only once read


@pytest.mark.parametrize(("name", "data"), [("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
                                            ("posts.csv", b"Reference,Job title\n")])
def test_intake_read_of_a_refused_file_leaves_no_into_folder(tmp_path: Path, name: str,
                                                            data: bytes) -> None:
    book = tmp_path / name
    book.write_bytes(data + b"\0" * 600)
    code, text = run("intake", "read", str(book), "--into", str(tmp_path / "posts"))
    assert code == 1 and ("Save As" in text or "save it as" in text), text
    assert not (tmp_path / "posts").exists()


def test_an_answer_file_named_as_a_spreadsheet_is_never_told_to_rename_it() -> None:
    said = not_an_answer_name(Path("calc.ods"))
    assert said is not None and "rename" not in said and "calc.yaml" not in said
    assert "docgen check calc.xlsx" in said
    assert WORKBOOK_SUFFIXES is SPREADSHEET_SUFFIXES  # one list, with one home
    assert {*SHEET_TEXT_SUFFIXES, *OTHER_SPREADSHEETS} <= set(WORKBOOK_SUFFIXES)  # each said
