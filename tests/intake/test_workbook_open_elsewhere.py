"""A workbook open in Excel or LibreOffice (its lock file beside it) is read as last saved,
with a warning that says so and who has it open; before, check, build and intake read ran
silently on the last saved version. Naming Excel's lock file itself says what it is."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, write_programme

from docgen.intake.workbook_file import LOCK_BYTES, excel_owner, libreoffice_owner

#: Excel's owner file as Excel writes it: a length byte, the name, spaces to 54 bytes
EXCEL_LOCK = bytes([11]) + b"Officer Jo" + b" " + b" " * 42 + b"\0\0"
LIBREOFFICE_LOCK = b",officer,host,07.12.2026 09:05,file:///home/officer/.config/libreoffice/4;"


def test_check_build_and_intake_read_say_the_workbook_is_open(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    (tmp_path / "~$posts.xlsx").write_bytes(EXCEL_LOCK)
    (tmp_path / ".~lock.posts.xlsx#").write_bytes(LIBREOFFICE_LOCK)
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out")),
                 ("intake", "read", str(book), "--into", str(tmp_path / "posts"))):
        code, text = run(*args)
        assert code == 0, (args, text)  # a warning, not an error
        text = " ".join(text.split())
        assert ("posts.xlsx: warning: posts.xlsx is open in Excel (by Officer Jo): docgen "
                "reads the version last saved; save it first") in text, (args, text)
        assert ("posts.xlsx is open in LibreOffice (by officer): docgen reads the version "
                "last saved") in text, (args, text)


def test_a_lock_file_of_any_bytes_still_warns_and_is_read_only_so_far(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    (tmp_path / "~$posts.xlsx").write_bytes(b"\xff" * (LOCK_BYTES * 100))  # no name in it
    code, text = run("check", str(book))
    assert code == 0, text
    assert "posts.xlsx is open in Excel: docgen reads the version last saved" in text
    assert excel_owner(b"") is None and excel_owner(b"\x40abc") is None  # length past the end
    libreoffice_owner(b"\xff\xfe,\x00")  # bytes that are no text: decoded, never raised
    assert libreoffice_owner(b"Jo Bloggs,jo,host;") == "Jo Bloggs"


def test_checking_excels_lock_file_says_what_it_is(tmp_path: Path) -> None:
    write_programme(tmp_path, 1)
    lock = tmp_path / "~$posts.xlsx"
    lock.write_bytes(EXCEL_LOCK)
    code, text = run("check", str(lock))
    assert code == 1
    text = " ".join(text.split())
    assert "~$posts.xlsx: this is Excel's lock file for posts.xlsx" in text
    assert "open in Excel (by Officer Jo), not a workbook" in text
    assert "not an Excel workbook" not in text
