"""The one-pass reading of a regular body (docgen/ooxml/onepass.py) gives exactly what the
general reading gives: on the examples, on random bodies laid out as Word lays them out
(which it must read in one pass), and on random malformed ones (which it must hand back
to the general reading, or read alike)."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from docgen.ooxml import readback, wordml
from docgen.ooxml.onepass import read_regular_body
from docgen.ooxml.readback import paragraph_text, read_parts
from tests.word.test_fast_paths import EXAMPLES, _filled, _random_parts, _reference_read

W_NS = wordml.W_NS
W = f"{{{W_NS}}}"
_WORDS = ["£1,000.00", "5%", "1 March 2025", "24.10", "hello", " ", "", "x", "{{", "a  b"]
_STYLES = ["DGNote", "DGClause1", "DGClause2", "DGClause3", "DGClause4", "DGSchedule",
           "DGPlaceholder", "Normal", ""]


def _everything(doc: readback.ReadDocument) -> dict[str, object]:
    """All a reading holds, paragraphs named by their place in the tree and their text."""
    def where(p: etree._Element | None) -> tuple[str, str] | None:
        return None if p is None else (p.getroottree().getpath(p), paragraph_text(p))

    return {"segments": doc.segments, "text": doc.text, "figure_text": doc.figure_text,
            "fields": [(f.instruction, f.result, where(f.paragraph)) for f in doc.fields],
            "bookmarks": [(k, where(v)) for k, v in doc.bookmarks.items()],
            "numbers": [(where(k), v) for k, v in doc.numbers.items()],
            "placeholders": doc.placeholders}


def _general(root: etree._Element, extra: list[etree._Element],
             monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The reading with the one pass switched off."""
    with monkeypatch.context() as m:
        m.setattr(readback, "read_regular_body", lambda *_: None)
        return _everything(read_parts("x", root, extra))


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{W}{tag}")
    for k, v in attrs.items():
        el.set(f"{W}{k}", v)
    return el


def _regular_paragraph(rnd: random.Random, parent: etree._Element) -> None:
    """A paragraph as Word writes one: properties (a style, numbering, tab stops, now and
    then twice over), then runs of text, tabs, breaks, field characters and instructions,
    with bookmarks between them."""
    p = _sub(parent, "p")
    for _ in range(rnd.choice([0, 1, 1, 1, 2])):
        props = _sub(p, "pPr")
        if rnd.random() < 0.8:
            _sub(props, "pStyle", **({"val": rnd.choice(_STYLES)} if rnd.random() < 0.95
                                     else {}))
        if rnd.random() < 0.2:
            _sub(_sub(props, "numPr"), "numId", val=rnd.choice(["0", "1", "3"]))
        if rnd.random() < 0.2:
            _sub(_sub(props, "tabs"), "tab", val="left")
    for _ in range(rnd.randint(0, 8)):
        if rnd.random() < 0.1:
            _sub(p, "bookmarkStart", name=rnd.choice(["_Ref1", "_Ref2", "b"]))
            continue
        run = _sub(p, "r")
        if rnd.random() < 0.15:
            _sub(_sub(run, "rPr"), "rStyle", val=rnd.choice(["DGPlaceholder", "Other"]))
        kind = rnd.choice(["t"] * 8 + ["begin", "separate", "end", "instrText", "tab",
                                       "br", "cr", "noBreakHyphen", "delText"])
        if kind in ("begin", "separate", "end"):
            _sub(run, "fldChar", fldCharType=kind)
        elif kind in ("t", "instrText", "delText"):
            _sub(run, kind).text = rnd.choice(_WORDS + [" REF _Ref1 \\w \\h "])
        else:
            _sub(run, kind)


def _regular_parts(rnd: random.Random) -> tuple[etree._Element, list[etree._Element]]:
    """A body of paragraphs, tables and bookmarks between them, laid out as Word does."""
    root = etree.Element(f"{W}document", nsmap={"w": W_NS})
    body = _sub(root, "body")
    for _ in range(rnd.randint(0, 12)):
        roll = rnd.random()
        if roll < 0.2:
            table = _sub(body, "tbl")
            for _ in range(rnd.randint(0, 3)):
                row = _sub(table, "tr")
                for _ in range(rnd.randint(0, 3)):
                    cell = _sub(row, "tc")
                    for _ in range(rnd.randint(0, 2)):
                        _regular_paragraph(rnd, cell)
        elif roll < 0.25:
            _sub(body, "bookmarkStart", name=rnd.choice(["_Ref1", "b"]))
        else:
            _regular_paragraph(rnd, body)
    header = etree.Element(f"{W}hdr", nsmap={"w": W_NS})
    _regular_paragraph(rnd, header)
    return root, [header]


def test_a_regular_body_is_read_in_one_pass_as_the_general_reading_reads_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(17)
    for _ in range(2000):
        root, extra = _regular_parts(rnd)
        assert read_regular_body(root, root[0]) is not None, etree.tostring(root).decode()
        fast = _everything(read_parts("x", root, extra))
        assert fast == _general(root, extra, monkeypatch), etree.tostring(root).decode()
        first = _reference_read(root, extra)
        assert {k: fast[k] for k in ("segments", "text", "figure_text", "placeholders")} == \
            {k: first[k] for k in ("segments", "text", "figure_text", "placeholders")}


def test_an_irregular_body_is_read_as_the_general_reading_reads_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(23)
    fast_taken = 0
    for _ in range(1500):
        root, extra = _random_parts(rnd) if rnd.random() < 0.5 else _regular_parts(rnd)
        if rnd.random() < 0.5:  # one element moved somewhere Word would not put it
            elements = list(root.iter())[2:]
            if elements:
                moved, to = rnd.choice(elements), rnd.choice(list(root.iter()))
                if to is not moved and moved not in to.iterancestors():
                    to.append(moved)
        fast_taken += read_regular_body(root, root.find(f"{W}body")) is not None \
            if root.find(f"{W}body") is not None else 0
        if root.find(f"{W}body") is None:
            continue
        assert _everything(read_parts("x", root, extra)) == \
            _general(root, extra, monkeypatch), etree.tostring(root).decode()
    assert 100 < fast_taken < 1400  # both readings were exercised


def test_a_field_in_a_hyperlink_or_a_simple_field_is_left_to_the_general_reading() -> None:
    for markup in ('<w:p><w:hyperlink><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>',
                   '<w:p><w:fldSimple w:instr="REF a"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                   '</w:p>',
                   '<w:sdt><w:sdtContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:sdtContent>'
                   '</w:sdt>',
                   '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc>'
                   '</w:tr></w:tbl>'):
        root = etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body>{markup}</w:body>'
                                '</w:document>')
        assert read_regular_body(root, root[0]) is None, markup


def test_a_style_not_first_in_the_first_properties_is_found_as_the_general_reading_finds_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The one pass looks for a paragraph's style first where Word writes it (the first
    child of the first child), and searches the paragraph only if it is not there."""
    clause = '<w:p><w:pPr><w:pStyle w:val="DGClause1"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>'
    for markup in ('<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr>'
                   '<w:pStyle w:val="DGClause1"/></w:pPr><w:r><w:t>b</w:t></w:r></w:p>',
                   '<w:p><w:bookmarkStart w:name="b"/><w:pPr><w:pStyle w:val="DGClause2"/>'
                   '</w:pPr></w:p>',
                   '<w:p><w:pPr/><w:pPr><w:pStyle w:val="DGNote"/></w:pPr></w:p>',
                   '<w:p><w:r><w:rPr><w:pStyle w:val="DGClause1"/></w:rPr></w:r>'
                   '<w:pPr><w:pStyle w:val="DGSchedule"/></w:pPr></w:p>',
                   '<w:p><!-- c --><w:pPr><w:pStyle w:val="DGClause2"/></w:pPr></w:p>',
                   '<w:p><w:pPr><!-- c --><w:pStyle w:val="DGClause2"/></w:pPr></w:p>',
                   '<w:p><w:pStyle w:val="DGClause2"/></w:p>',
                   '<w:p><w:pPr><w:pStyle/></w:pPr></w:p>', '<w:p/>'):
        root = etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body>{clause}{markup}'
                                f'{clause.replace("DGClause1", "DGClause2")}</w:body>'
                                '</w:document>')
        assert read_regular_body(root, root[0]) is not None, markup
        assert _everything(read_parts("x", root, [])) == _general(root, [], monkeypatch), \
            markup


def test_a_part_holding_more_than_its_body_is_read_as_the_general_reading_reads_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fields and bookmarks are looked for in the whole part, not only in its body."""
    root = etree.fromstring(
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p></w:body>'
        '<w:p><w:bookmarkStart w:name="b"/><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/>'
        '</w:r></w:p></w:document>')
    assert read_regular_body(root, root[0]) is None
    doc = _everything(read_parts("x", root, []))
    assert doc == _general(root, [], monkeypatch)
    assert doc["bookmarks"] and doc["fields"]


def test_the_examples_are_read_in_one_pass_as_the_general_reading_reads_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for path in EXAMPLES:
        _, filled = _filled(path)
        for kind, f in filled.items():
            root, extra = f.parts
            assert read_regular_body(root, root.find(f"{W}body")) is not None, (path, kind)
            assert _everything(read_parts(kind, root, extra)) == \
                _general(root, extra, monkeypatch), (path.name, kind)
