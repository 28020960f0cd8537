"""A PDF or an RTF file given a .docx name (someone saved the letterhead "as" the wrong
kind, or renamed a download) was refused as "not a Word file" without saying what it is;
the message now names the kind of file and how to get the Word file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from house_style_helpers import INPUTS, post_using, rezip, zip_parts

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


def _odf(mimetype: str) -> bytes:
    """An OpenDocument file: a zip whose first part, ``mimetype``, says its kind."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", mimetype, zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize(("mimetype", "kind"), [
    ("application/vnd.oasis.opendocument.text", "an OpenDocument text file (.odt)"),
    ("application/vnd.oasis.opendocument.text-template", "an OpenDocument template (.ott)"),
])
def test_an_opendocument_file_named_docx_is_named_for_what_it_is(
        tmp_path: Path, mimetype: str, kind: str) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "letterhead.docx").write_bytes(_odf(mimetype))
    post = post_using(tmp_path, "letterhead.docx")
    [error] = [str(p) for p in build([post], tmp_path / "out", jobs=1).posts[0].errors]
    assert "parties[0].house_style: " in error
    assert (f"letterhead.docx is not a Word file (it is {kind} with a Word file's name); "
            "open it in LibreOffice (or Word) and save a copy as a Word Document (.docx)"
            ) in error
    assert "no content types" not in error


def test_a_header_picture_missing_from_the_file_is_called_damaged(tmp_path: Path) -> None:
    parts = zip_parts((INPUTS / "organisations/styles/eastwick.docx").read_bytes())
    [picture] = [n for n in parts if n.startswith("word/media/")]
    del parts[picture]
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "letterhead.docx").write_bytes(rezip(parts))
    post = post_using(tmp_path, "letterhead.docx")
    result = build([post], tmp_path / "out", jobs=1).posts[0]
    warnings = [str(p) for p in result.warnings if p.rule == "HOUSE_STYLE"]
    assert not any("linked picture" in w for w in warnings), warnings
    assert any(f"letterhead.docx: the picture {picture} in its " in w and
               "is missing from the file (the file is damaged)" in w and
               "insert the logo again and save" in w for w in warnings), warnings
