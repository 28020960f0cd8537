"""Bad house style files get one clear line naming the file and what to do; never a
corrupt document (issue 19 point 3)."""

from __future__ import annotations

import io
import os
import re
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Cm
from house_style_helpers import (
    INPUTS,
    header_parts,
    make_styles_module,
    post_using,
    rezip,
    zip_parts,
)

from docgen import build, check, render
from docgen.errors import AnswerFileError
from docgen.ooxml.housestyle import OLE_MAGIC
from docgen.publish import fonts

EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()


def build_with(tmp_path: Path, name: str, data: bytes, **kw):
    (tmp_path / "styles").mkdir(exist_ok=True)
    (tmp_path / "styles" / name).write_bytes(data)
    post = post_using(tmp_path, name, **kw)
    report = build([post], tmp_path / "out", jobs=1)
    return report.posts[0], post


def only_error(result) -> str:
    errors = [str(p) for p in result.errors]
    assert result.status == "failed" and len(errors) == 1, (result.status, errors)
    assert not (Path(result.source).parent / "out" / "EWK-WSM-HR-01").exists()
    return errors[0]


def test_not_a_word_file(tmp_path: Path) -> None:
    result, post = build_with(tmp_path, "letterhead.docx", b"Dear colleague,\nour logo...\n")
    error = only_error(result)
    assert re.match(rf"{re.escape(str(post))}:\d+: parties\[0\]\.house_style: ", error), error
    assert "letterhead.docx is not a Word file; name a .docx or .dotx" in error


def test_a_pdf_named_as_the_style_is_refused_by_its_name(tmp_path: Path) -> None:
    result, _ = build_with(tmp_path, "letterhead.pdf", b"%PDF-1.7")
    assert "letterhead.pdf is not a Word file; name a .docx or .dotx" in only_error(result)


@pytest.mark.parametrize(("name", "kind"), [("letterhead.doc", "a Word 97-2003 document"),
                                            ("letterhead.odt", "an OpenDocument text file")])
def test_a_word_file_of_another_format_says_to_save_it_as_docx(tmp_path: Path, name: str,
                                                               kind: str) -> None:
    """A .doc letterhead (still common in councils) was called 'not a Word file'."""
    result, _ = build_with(tmp_path, name, b"\xd0\xcf\x11\xe0")
    error = only_error(result)
    assert f"{name} is {kind}, which docgen cannot read; open it in Word (or LibreOffice) " \
        "and save a copy as a Word document (.docx)" in error, error


def test_macro_enabled_docm(tmp_path: Path) -> None:
    result, _ = build_with(tmp_path, "letterhead.docm", EASTWICK)
    assert "is a macro-enabled Word file (.docm/.dotm); docgen does not open files with " \
        "macros. Save a copy as a Word Document (.docx)" in only_error(result)


def test_macro_enabled_content_renamed_to_docx(tmp_path: Path) -> None:
    parts = zip_parts(EASTWICK)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    parts["word/vbaProject.bin"] = b"\x00" * 64
    result, _ = build_with(tmp_path, "renamed.docx", rezip(parts))
    assert "renamed.docx is a macro-enabled Word file" in only_error(result)


def test_password_protected(tmp_path: Path) -> None:
    """Word saves an encrypted .docx as an OLE compound file holding 'EncryptedPackage'."""
    ole = OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo\x00EncryptedPackage".encode("utf-16-le")
    result, _ = build_with(tmp_path, "locked.docx", ole + b"\x00" * 1024)
    assert "locked.docx is protected with a password; docgen cannot read it. Save a copy " \
        "without the password" in only_error(result)


def test_old_word_97_file(tmp_path: Path) -> None:
    result, _ = build_with(tmp_path, "old.docx", OLE_MAGIC + b"\x00" * 2048)
    assert "old.docx is an old Word 97-2003 file (.doc/.dot); open it in Word and save it " \
        "as a Word Document (.docx)" in only_error(result)


def test_no_styles(tmp_path: Path) -> None:
    parts = zip_parts(EASTWICK)
    del parts["word/styles.xml"]
    result, _ = build_with(tmp_path, "plain.docx", rezip(parts))
    assert "plain.docx has no styles; docgen takes fonts and colours from its styles" \
        in only_error(result)


def test_styles_without_any_docgen_uses(tmp_path: Path) -> None:
    parts = zip_parts(EASTWICK)
    parts["word/styles.xml"] = (b'<w:styles xmlns:w="http://schemas.openxmlformats.org/'
                                b'wordprocessingml/2006/main"/>')
    result, _ = build_with(tmp_path, "bare.docx", rezip(parts))
    assert "bare.docx has no styles docgen can use (none of Normal, Title, Heading 1, " \
        "Heading 2)" in only_error(result)


def test_zip_bomb(tmp_path: Path) -> None:
    parts = zip_parts(EASTWICK)
    parts["word/bomb.xml"] = b"\x00" * 30_000_000
    result, _ = build_with(tmp_path, "bomb.docx", rezip(parts))
    assert re.search(r"bomb\.docx: part word/bomb\.xml inflates 30,000,000 bytes from "
                     r"[\d,]+ \(a zip bomb\?\); not opened", only_error(result))


def big_png(width: int = 1000, height: int = 800) -> bytes:
    """A PNG that does not compress (random pixels): about 2.4 MB."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height,
                                                               8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


def saved(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_oversized_image(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(big_png()),
                                                                width=Cm(3))
    result, _ = build_with(tmp_path, "huge-logo.docx", saved(doc))
    assert re.search(r"huge-logo\.docx: the picture word/media/image1\.png in its header is "
                     r"[\d,]+ bytes \(limit 2,000,000\); insert a smaller logo",
                     only_error(result))


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_header_fields_docgen_cannot_keep_are_kept_as_text(tmp_path: Path) -> None:
    doc = docx.Document()
    header = doc.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(
        f'<w:fldSimple {W_NS} w:instr=" FILENAME \\p "><w:r><w:t>C:\\letterhead.docx</w:t>'
        "</w:r></w:fldSimple>"))
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> AUTHOR </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r><w:t>J. Smith</w:t></w:r>",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'):
        header._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W_NS}>", 1)
                                   .replace("<w:fldSimple ", f"<w:fldSimple {W_NS} ", 1)))
    result, post = build_with(tmp_path, "fields.docx", saved(doc))
    assert result.status == "built", [str(p) for p in result.errors]
    warnings = [str(p) for p in result.warnings if p.rule == "HOUSE_STYLE"]
    assert any("fields.docx: the FILENAME field in its header is not kept (docgen keeps PAGE "
               "and NUMPAGES); its text is printed as Word last showed it" in w
               for w in warnings), warnings
    assert any("the AUTHOR field in its header is not kept" in w for w in warnings)
    parts = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx").read_bytes())
    headers = "".join(header_parts(parts).values())
    assert "FILENAME" not in headers and "AUTHOR" not in headers
    assert "C:\\letterhead.docx" in headers and "J. Smith" in headers
    assert 'w:instr=" PAGE "' in headers  # a field docgen keeps stays a field


@pytest.fixture()
def unknown_font_style() -> bytes:
    make = make_styles_module()
    council = make.COUNCILS[0].__class__(**{**make.COUNCILS[0].__dict__,
                                            "font": "Frutiger Council Sans"})
    return make.build(council)


def test_missing_font_warning_names_file_and_font(tmp_path: Path,
                                                  unknown_font_style: bytes) -> None:
    result, _ = build_with(tmp_path, "frutiger.docx", unknown_font_style)
    assert result.status == "built", [str(p) for p in result.errors]
    warnings = [str(p) for p in result.warnings if p.rule == "HOUSE_STYLE"]
    assert any("frutiger.docx uses the font 'Frutiger Council Sans', which is not installed "
               "on this computer" in w for w in warnings), warnings


def test_a_post_without_a_house_style_does_not_ask_for_the_fonts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> frozenset[str]:
        raise AssertionError("fontconfig asked for a post with no house style")

    monkeypatch.setattr(fonts, "installed_fonts", refuse)
    post = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"
    assert build([post], tmp_path / "out", jobs=1).ok


def test_missing_file_and_path_outside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    post = post_using(tmp_path, "nowhere.docx")
    assert "nowhere.docx: the house style file does not exist" in only_error(
        build([post], tmp_path / "out", jobs=1).posts[0])
    post.write_text(post.read_text().replace("styles/nowhere.docx", "../../secret.docx"))
    report = check(post)
    assert any("a house style file '../../secret.docx' leads outside the project folder" in
               str(p) for p in report.problems), [str(p) for p in report.problems]


def test_agreement_style_must_be_a_party(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "e.docx").write_bytes(EASTWICK)
    post = post_using(tmp_path, "e.docx", agreement_style="westmer")
    report = check(post)
    assert any("agreement_style: 'westmer' is not a party" in str(p) and "westmere" in str(p)
               for p in report.problems), [str(p) for p in report.problems]


def test_answers_given_as_text_cannot_name_a_style_file(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    text = post_using(tmp_path, "e.docx").read_text()
    with pytest.raises(AnswerFileError) as exc:
        render(text)
    assert "house_style names a file on disk, which answers given as text or data cannot" \
        in str(exc.value.problems[0])


def test_agreement_style_naming_a_party_without_a_style_warns(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "e.docx").write_bytes(EASTWICK)
    post = post_using(tmp_path, "e.docx", agreement_style="westmere")
    report = check(post)
    assert any(p.severity == "warning" and "agreement_style: westmere has no house_style, so "
               "the agreement takes docgen's own style" in str(p) for p in report.problems)


def test_a_partner_style_the_post_does_not_use_is_not_read(tmp_path: Path) -> None:
    """Westmere's (broken) letterhead plays no part in documents Eastwick issues."""
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "e.docx").write_bytes(EASTWICK)
    (tmp_path / "styles" / "w.docx").write_bytes(b"not a Word file")
    post = post_using(tmp_path, "e.docx")
    text = post.read_text().replace(
        "monitoring.officer@westmere.example.gov.uk}\n",
        "monitoring.officer@westmere.example.gov.uk}\n    house_style: styles/w.docx\n", 1)
    post.write_text(text)
    assert not check(post).errors
    post.write_text(text + "\nagreement_style: westmere\n")
    assert any("w.docx is not a Word file" in str(p) for p in check(post).errors)


def test_entity_expansion_in_styles_is_refused(tmp_path: Path) -> None:
    """An XML entity bomb (and an external entity) in styles.xml: refused at once."""
    parts = zip_parts(EASTWICK)
    levels = "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
                     for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    doctype = (f'<!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">{levels}'
               '<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    styles = parts["word/styles.xml"].decode()
    styles = styles.replace("<w:styles ", doctype + "<w:styles ", 1).replace(
        '<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:aliases w:val="&i;&x;"/>', 1)
    parts["word/styles.xml"] = styles.encode()
    result, _ = build_with(tmp_path, "laughs.docx", rezip(parts))
    assert "laughs.docx: its part word/styles.xml is damaged" in only_error(result)
