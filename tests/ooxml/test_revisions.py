"""Tracked changes accepted, and list numbering taken off, in XML copied from a house style."""

from __future__ import annotations

from lxml import etree

from docgen.ooxml.revisions import accept_revisions, drop_numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml(body: str) -> etree._Element:
    return etree.fromstring(f'<w:hdr xmlns:w="{W}">{body}</w:hdr>')


def _text(root: etree._Element) -> str:
    return "".join(root.itertext())


def test_insertions_kept_deletions_dropped_records_removed() -> None:
    root = _xml(
        '<w:p><w:pPr><w:jc w:val="right"/><w:pPrChange w:id="1"><w:pPr/></w:pPrChange>'
        '<w:rPr><w:ins w:id="2"/></w:rPr></w:pPr>'
        '<w:r><w:t>Keep </w:t></w:r>'
        '<w:ins w:id="3"><w:r><w:rPr><w:b/><w:rPrChange w:id="4"><w:rPr/></w:rPrChange>'
        '</w:rPr><w:t>NEW ADDRESS</w:t></w:r></w:ins>'
        '<w:del w:id="5"><w:r><w:delText>OLD ADDRESS</w:delText></w:r></w:del>'
        '<w:moveFromRangeStart w:id="6" w:name="m"/><w:moveFrom w:id="7"><w:r><w:t>moved '
        'away</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="6"/>'
        '<w:moveTo w:id="8"><w:r><w:t> moved here</w:t></w:r></w:moveTo></w:p>'
        '<w:tbl><w:tr><w:trPr><w:del w:id="9"/></w:trPr><w:tc><w:p><w:r><w:t>gone row</w:t>'
        '</w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:ins w:id="10"/></w:trPr><w:tc><w:p><w:r>'
        '<w:t>new row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:sectPr><w:sectPrChange w:id="11"><w:sectPr/></w:sectPrChange></w:sectPr>')
    assert accept_revisions(root) > 0
    assert _text(root) == "Keep NEW ADDRESS moved herenew row"
    left = {etree.QName(el).localname for el in root.iter()}
    assert not left & {"ins", "del", "delText", "moveFrom", "moveTo", "rPrChange",
                       "pPrChange", "sectPrChange", "moveFromRangeStart", "moveFromRangeEnd"}
    assert root.find(f".//{{{W}}}b") is not None  # the inserted run keeps its properties
    assert root.find(f".//{{{W}}}jc") is not None


def test_nothing_tracked_is_left_alone() -> None:
    body = '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Town Hall</w:t></w:r></w:p>'
    root = _xml(body)
    before = etree.tostring(root)
    assert accept_revisions(root) == 0
    assert drop_numbering(root, frozenset({"ListNumber"})) == 0
    assert etree.tostring(root) == before


def test_numbering_taken_off_paragraphs_and_numbered_styles() -> None:
    root = _xml(
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="10"/></w:numPr></w:pPr>'
        '<w:r><w:t>own numbering</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:jc w:val="left"/></w:pPr>'
        '<w:r><w:t>numbered by its style</w:t></w:r></w:p>')
    assert drop_numbering(root, frozenset({"ListNumber"})) == 2
    first, second = root.iter(f"{{{W}}}pPr")
    assert first.find(f"{{{W}}}numPr") is None
    # in no list, whatever the style says; w:numPr in its place, after w:pStyle
    assert [etree.QName(c).localname for c in second] == ["pStyle", "numPr", "jc"]
    assert second.find(f"{{{W}}}numPr/{{{W}}}numId").get(f"{{{W}}}val") == "0"
