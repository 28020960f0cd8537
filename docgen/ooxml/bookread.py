"""Reading a clause book back from Word (lxml): each body paragraph as plain runs (text,
bold, italic), with a flag for tracked changes and a plain-English note of anything a
clause cannot hold, so that the clause stage can name the clause and paragraph.

Refused, not guessed at: every kind of tracked change (insertions, deletions, moves and
tracked formatting, style, numbering or section changes), tables, text boxes and shapes
with text, equations, symbols inserted from a symbol font, pictures, charts and embedded
objects (each would be lost from the wording), footnotes and endnotes, hidden text, and
paragraphs or books far larger than any clause book. Comments are ignored. Word's page
and column breaks are not wording.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from docgen.errors import DocgenError
from docgen.ooxml.book import BOOK_SUBJECT, RECORD_PREFIX, ROLE_OF_STYLE, VT_NS, BookPara, Span
from docgen.ooxml.book import CUSTOM_NS as CUSTOM

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TRACKED = {f"{W}{t}" for t in (
    "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart",
    "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    "customXmlInsRangeStart", "customXmlDelRangeStart", "customXmlMoveFromRangeStart",
    "customXmlMoveToRangeStart")}
#: a run's content that is not the paragraph's own text: text boxes, shapes, objects
NOT_INLINE = {f"{W}txbxContent", f"{MC}Fallback", f"{W}drawing", f"{W}pict", f"{W}object"}
TEXT_BOX = {f"{W}txbxContent", "{urn:schemas-microsoft-com:vml}textbox",
            "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"}
NOTES = {f"{W}footnoteReference", f"{W}endnoteReference"}
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
#: what a paragraph can hold that is not text a clause keeps (an equation's runs are not
#: the paragraph's, a symbol's character is an attribute, a picture has no text)
EQUATIONS = {f"{MATH}oMath", f"{MATH}oMathPara"}
PICTURES = {f"{W}drawing", f"{W}pict", f"{W}object"}
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}
MACRO_TYPE = "macroEnabled"  # the content type of a .docm main part
MAX_PARAGRAPHS = 20_000  # the agreement's book has about 450
MAX_PARA_CHARS = 20_000  # the longest paragraph of any clause has about 1,500
MAX_BOOK_CHARS = 4_000_000  # the agreement's book has about 300,000

TABLE = ("a table is here; tables are not supported in clause wording. Write it as "
         "sub-clauses or lettered items, and delete the table (Table Layout → Delete → "
         "Delete Table)")
BOX = ("a text box (or a shape with text) is in this paragraph; its words would not be read "
       "as part of the clause. Put them in the paragraph itself and delete the text box")
NOTE = ("a footnote or endnote is in this paragraph; notes are not kept in clause wording. "
        "Put its words in the clause itself and delete the note")
EQUATION = ("an equation (Insert → Equation) is in this paragraph; clause wording holds plain "
            "text only, so it would be lost. Write it as text, for example C × 40%, and "
            "delete the equation")
SYMBOL = ("a symbol inserted from a symbol font (Insert → Symbol, such as a Wingdings tick) "
          "is in this paragraph; it would be lost from the wording. Write it in words, or "
          "type an ordinary character, and delete the symbol")
PICTURE = ("a picture, chart or object is in this paragraph; clause wording holds words only, "
           "so it would be lost. Delete it, and describe in words what the clause needs (a "
           "letterhead or logo belongs in the organisation's house style)")
#: what a paragraph outside any clause (the book's title and instructions) may hold: there
#: it loses no wording
LOST_FROM_WORDING = frozenset({EQUATION, SYMBOL, PICTURE})
HIDDEN = ("part of this paragraph is formatted as hidden text, which would be printed in "
          "every document; delete it, or make it visible (select it, Home → Font → untick "
          "Hidden)")


@dataclass
class ReadBook:
    """A book as read back: the document it holds ("" if unknown), its paragraphs, and
    the record of what each clause was at export (empty if the book has none)."""

    document: str
    paras: list[BookPara]
    record: dict[str, str] = field(default_factory=dict)


def _on(rpr: etree._Element | None, tag: str) -> bool:
    el = None if rpr is None else rpr.find(f"{W}{tag}")
    return el is not None and el.get(f"{W}val", "true") not in ("0", "false", "off")


def _own_runs(el: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's runs, in order, not those inside its text boxes or shapes."""
    for child in el:
        if child.tag == f"{W}r":
            yield child
        if child.tag not in NOT_INLINE and child.tag != f"{W}r":
            yield from _own_runs(child)


def _run_text(r: etree._Element) -> str:
    text = ""
    for child in r:
        if child.tag == f"{W}t":
            text += child.text or ""
        elif child.tag == f"{W}tab":
            text += "\t"
        elif child.tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") not in ("page",
                                                                                   "column"):
            text += "\n"
        elif child.tag == f"{W}noBreakHyphen":
            text += "-"
    return text


def _paragraph(p: etree._Element, role: str) -> BookPara:
    spans: list[Span] = []
    problem = ""
    for r in _own_runs(p):
        rpr = r.find(f"{W}rPr")
        bold, italic = _on(rpr, "b"), _on(rpr, "i")
        if any(el.tag in NOTES for el in r):
            problem = problem or NOTE
        text = _run_text(r)
        if not text:
            continue
        if text.strip() and _on(rpr, "vanish"):
            problem = problem or HIDDEN
        if spans and (spans[-1].bold, spans[-1].italic) == (bold, italic):
            spans[-1].text += text
        else:
            spans.append(Span(text, bold=bold, italic=italic))
    tags = {el.tag for el in p.iter()}
    if tags & TEXT_BOX:
        problem = BOX
    elif not problem:
        problem = (EQUATION if tags & EQUATIONS else SYMBOL if f"{W}sym" in tags
                   else PICTURE if tags & PICTURES else "")
    tracked = bool(tags & TRACKED)
    para = BookPara(role=role, spans=spans, tracked=tracked, problem=problem)
    if len(para.text) > MAX_PARA_CHARS:
        para.problem = (f"this paragraph is far longer than any paragraph of a clause "
                        f"({len(para.text):,} characters; at most {MAX_PARA_CHARS:,}); was "
                        "something pasted by mistake? Shorten it, or split it into "
                        "paragraphs")
    return para


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order, looking inside content controls."""
    for child in parent:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in WRAPPERS:
            yield from _blocks(child)


def read_book(data: bytes) -> ReadBook:
    """The document kind the book holds (from its core properties, "" if unknown), its
    paragraphs in order (a table as one paragraph, flagged), and the export record from
    its custom properties."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            types = z.read("[Content_Types].xml").decode("utf-8", "replace")
            if MACRO_TYPE in types or "vbaProject.bin" in " ".join(names):
                raise DocgenError("it is a macro-enabled document (.docm); save it in Word as "
                                  "a Word Document (.docx) and import that")
            body = z.read("word/document.xml")
            styles = z.read("word/styles.xml") if "word/styles.xml" in names else b""
            core = z.read("docProps/core.xml") if "docProps/core.xml" in names else b""
            custom = z.read("docProps/custom.xml") if "docProps/custom.xml" in names else b""
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocgenError(f"not a readable Word document ({exc})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise DocgenError(f"its text is damaged ({exc})") from None
    named = _style_names(styles, parser)
    paras: list[BookPara] = []
    chars = 0
    main = root.find(f"{W}body")
    for block in _blocks(root if main is None else main):
        if len(paras) >= MAX_PARAGRAPHS:
            raise DocgenError(f"more than {MAX_PARAGRAPHS:,} paragraphs, far more than any "
                              "clause book; is it the right file?")
        if block.tag == f"{W}tbl":
            cells = " ".join("".join(t.text or "" for t in q.iter(f"{W}t"))
                             for q in block.iter(f"{W}p"))
            words = " ".join(cells.split()[:8])
            paras.append(BookPara("sub", [Span(f"(table) {words}")], problem=TABLE))
            continue
        style = block.find(f"{W}pPr/{W}pStyle")
        sid = "" if style is None else style.get(f"{W}val", "")
        role = ROLE_OF_STYLE.get(named.get(sid, sid).casefold(),
                                 ROLE_OF_STYLE.get(sid.casefold(), "sub"))
        paras.append(_paragraph(block, role))
        chars += len(paras[-1].text)
        if chars > MAX_BOOK_CHARS:
            raise DocgenError(f"far more text than any clause book (more than "
                              f"{MAX_BOOK_CHARS:,} characters); is it the right file?")
    if not any(p.tracked for p in paras) and any(el.tag in TRACKED for el in root.iter()):
        raise DocgenError("it has tracked changes (in its page or section settings); accept "
                          "or reject every tracked change (Review → Accept/Reject All), save, "
                          "and import again")
    return ReadBook(_document(core, parser), paras, _read_record(custom, parser))


def _document(core: bytes, parser: etree.XMLParser) -> str:
    """The document kind the core properties' subject names, "" if none."""
    if not core:
        return ""
    try:
        subject = etree.fromstring(core, parser).find(
            "{http://purl.org/dc/elements/1.1/}subject")
    except etree.XMLSyntaxError as exc:
        raise DocgenError(f"it is damaged: its document properties cannot be read ({exc}); "
                          "open it in Word, save it again and import that") from None
    text = "" if subject is None else (subject.text or "")
    return text.split(":", 1)[1].strip() if text.startswith(f"{BOOK_SUBJECT}:") else ""


def _read_record(custom: bytes, parser: etree.XMLParser) -> dict[str, str]:
    """The record :func:`_custom_properties` wrote; empty if it is missing or damaged
    (the import then cannot tell what the book was made from, and says so)."""
    if not custom:
        return {}
    try:
        root = etree.fromstring(custom, parser)
    except etree.XMLSyntaxError:
        return {}
    record: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM}}}property"):
        name = prop.get("name", "")
        if name.startswith(RECORD_PREFIX):
            record[name[len(RECORD_PREFIX):]] = (prop.findtext(f"{{{VT_NS}}}lpwstr") or "").strip()
    return record


def _style_names(styles: bytes, parser: etree.XMLParser) -> dict[str, str]:
    """Style id → name: an editor that renames a style id on saving (LibreOffice makes
    ``BookTitle1`` of a clash) keeps the name."""
    if not styles:
        return {}
    try:
        root = etree.fromstring(styles, parser)
    except etree.XMLSyntaxError:
        return {}
    return {st.get(f"{W}styleId", ""): name.get(f"{W}val", "")
            for st in root.iter(f"{W}style") if (name := st.find(f"{W}name")) is not None}
