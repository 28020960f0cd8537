"""A PDF or an RTF file given a .docx name (someone saved the letterhead "as" the wrong
kind, or renamed a download) was refused as "not a Word file" without saying what it is;
the message now names the kind of file and how to get the Word file."""

from __future__ import annotations

from pathlib import Path

import pytest
from house_style_helpers import post_using

from docgen import build


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}Letterhead}", "a Rich Text (RTF) file"),
    (b"\n<!DOCTYPE HTML><html><body>Letterhead</body></html>", "a web page (HTML)"),
])
def test_a_file_of_another_kind_named_docx_is_named_for_what_it_is(
        tmp_path: Path, data: bytes, kind: str) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "letterhead.docx").write_bytes(data)
    post = post_using(tmp_path, "letterhead.docx")
    [error] = [str(p) for p in build([post], tmp_path / "out", jobs=1).posts[0].errors]
    assert error.startswith(f"{post}:"), error
    assert "parties[0].house_style: " in error
    assert (f"letterhead.docx is not a Word file (it is {kind} with a Word file's name); "
            "name a .docx or .dotx saved from Word") in error
    assert "open the original in Word and save it as a Word Document (.docx)" in error
