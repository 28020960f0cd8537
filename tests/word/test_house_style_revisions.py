"""A letterhead saved with tracked changes, or with numbered lines, in its headers, footers
or the styles they use: the generated documents carry the text as accepted, no revision
marks, and no list numbering (which would point into docgen's clause numbering)."""

from __future__ import annotations

import re
from pathlib import Path

from house_style_helpers import INPUTS, post_using, rezip, zip_parts

from docgen import build

EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()
FOOTER_RUN = "<w:r><w:t>London Borough of Eastwick · eastwick.example.gov.uk</w:t></w:r>"
TRACKED = (
    '<w:ins w:id="901" w:author="Old Clerk" w:date="2020-01-01T00:00:00Z"><w:r><w:rPr><w:b/>'
    '<w:rPrChange w:id="903" w:author="Old Clerk"><w:rPr/></w:rPrChange></w:rPr>'
    "<w:t>NEW ADDRESS 1 Hospital Way</w:t></w:r></w:ins>"
    '<w:del w:id="902" w:author="Old Clerk" w:date="2020-01-01T00:00:00Z"><w:r>'
    "<w:delText>OLD ADDRESS 99 Closed Road</w:delText></w:r></w:del>")
NUMBERED = (
    '<w:p><w:pPr><w:pStyle w:val="LetterList"/></w:pPr><w:r><w:t>Styled list line</w:t>'
    '</w:r></w:p><w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>List Number '
    'line</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="10"/>'
    "</w:numPr></w:pPr><w:r><w:t>Own numbering line</w:t></w:r></w:p>")
LETTER_LIST = (
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="LetterList"><w:name '
    'w:val="Letter List"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="10"/>'
    '</w:numPr><w:pPrChange w:id="904" w:author="Old Clerk"><w:pPr/></w:pPrChange></w:pPr>'
    "</w:style>")


def _letterhead() -> bytes:
    parts = zip_parts(EASTWICK)
    for name in ("word/footer1.xml", "word/footer2.xml"):
        xml = parts[name].decode()
        assert FOOTER_RUN in xml
        xml = xml.replace(FOOTER_RUN, FOOTER_RUN + TRACKED, 1)
        parts[name] = xml.replace("</w:p></w:ftr>", "</w:p>" + NUMBERED + "</w:ftr>").encode()
    styles = parts["word/styles.xml"].decode()
    parts["word/styles.xml"] = styles.replace("</w:styles>", LETTER_LIST + "</w:styles>").encode()
    return rezip(parts)


def _built(tmp_path: Path) -> dict[str, dict[str, str]]:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "tracked.docx").write_bytes(_letterhead())
    post = post_using(tmp_path, "tracked.docx")
    report = build([post], tmp_path / "out", jobs=1)
    assert report.ok, [(p.message, [str(x) for x in p.errors]) for p in report.posts]
    return {doc.name: {n: d.decode() for n, d in zip_parts(doc.read_bytes()).items()
                       if n.endswith(".xml")} for doc in report.posts[0].outputs}


def test_tracked_changes_are_accepted_in_every_document(tmp_path: Path) -> None:
    for name, parts in _built(tmp_path).items():
        footers = "".join(x for n, x in parts.items() if re.fullmatch(r"word/footer\d+\.xml", n))
        assert "NEW ADDRESS 1 Hospital Way" in footers, name
        copied = "".join(x for n, x in parts.items()
                         if re.fullmatch(r"word/(header|footer)\d+\.xml|word/styles\.xml", n))
        for mark in ("OLD ADDRESS", "<w:ins ", "<w:del ", "<w:delText", "w:rPrChange",
                     "w:pPrChange", "Old Clerk"):
            assert mark not in copied, (name, mark)


def test_numbering_in_footers_and_their_styles_is_taken_off(tmp_path: Path) -> None:
    for name, parts in _built(tmp_path).items():
        footers = [x for n, x in parts.items() if re.fullmatch(r"word/footer\d+\.xml", n)]
        for xml in footers:
            assert "Own numbering line" in xml and "List Number line" in xml
            numbered = re.findall(r'<w:numId w:val="(\d+)"/>', xml)
            assert set(numbered) == {"0"}, (name, numbered)  # in no list: not docgen's 10
        letter_list = re.search(r'<w:style [^>]*w:styleId="LetterList".*?</w:style>',
                                parts["word/styles.xml"], re.S)
        assert letter_list is not None and "numPr" not in letter_list.group(0), name
