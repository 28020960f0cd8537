"""A council's footer that numbers its pages ("Northbridge City Council - Page 4 of 32")
was followed by docgen's own "Page 4 of 32": every page said its number twice. docgen's
line now leaves its page number out where the organisation's footer has one, and keeps
its title and version; a footer without page numbers keeps docgen's."""

from __future__ import annotations

import re
from pathlib import Path

from house_style_helpers import INPUTS, post_using, rezip, zip_parts

from docgen import build

EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()
PAGE = ('<w:r><w:t xml:space="preserve"> · Page </w:t></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')


def footers_of(tmp_path: Path, data: bytes) -> dict[str, str]:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "numbered.docx").write_bytes(data)
    report = build([post_using(tmp_path, "numbered.docx")], tmp_path / "out", jobs=1)
    assert report.ok, [str(p) for p in report.posts[0].errors]
    parts = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx").read_bytes())
    return {n: d.decode() for n, d in parts.items() if re.fullmatch(r"word/footer\d+\.xml", n)}


def page_fields(xml: str) -> int:
    return len(re.findall(r'instr(?:Text[^>]*>|=")\s*PAGE\b', xml))


def test_a_footer_with_its_own_page_number_is_not_numbered_twice(tmp_path: Path) -> None:
    parts = zip_parts(EASTWICK)
    footers = [n for n in parts if re.fullmatch(r"word/footer\d+\.xml", n)]
    assert len(footers) == 2  # the default footer and the first page's
    for name in footers:
        xml = parts[name].decode()
        parts[name] = (xml[:xml.rindex("</w:p>")] + PAGE + xml[xml.rindex("</w:p>"):]).encode()
    out = footers_of(tmp_path, rezip(parts))
    assert len(out) == 2
    for xml in out.values():
        assert "eastwick.example.gov.uk · Page " in re.sub(r"</w:t>.*?<w:t[^>]*>", "", xml)
        assert page_fields(xml) == 1, xml  # theirs; docgen's is left out
        assert "NUMPAGES" not in xml
        assert "for a shared post · version 1" in xml  # docgen's title and version stay


def test_a_footer_without_page_numbers_keeps_docgens(tmp_path: Path) -> None:
    out = footers_of(tmp_path, EASTWICK)
    for xml in out.values():
        assert page_fields(xml) == 1 and "NUMPAGES" in xml  # docgen's "Page X of Y"


def test_a_header_with_the_page_number_leaves_docgens_footer_without_one(
        tmp_path: Path) -> None:
    """Many legal letterheads number the pages top right, in the header."""
    parts = zip_parts(EASTWICK)
    headers = [n for n in parts if re.fullmatch(r"word/header\d+\.xml", n)]
    for name in headers:
        xml = parts[name].decode()
        parts[name] = (xml[:xml.rindex("</w:p>")] + PAGE + xml[xml.rindex("</w:p>"):]).encode()
    for name in [n for n in parts if re.fullmatch(r"word/footer\d+\.xml", n)]:
        del parts[name]  # and no footer of its own at all
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = re.sub(r'<Relationship [^>]*footer\d+\.xml"/>',
                                                   "", rels).encode()
    doc = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(r"<w:footerReference [^>]*/>", "", doc).encode()
    out = footers_of(tmp_path, rezip(parts))
    assert out  # docgen's footer line is still on every page
    for xml in out.values():
        assert page_fields(xml) == 0 and "NUMPAGES" not in xml, xml
        assert "for a shared post · version 1" in xml
