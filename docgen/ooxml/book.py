"""The clause book as a Word file: writing it (python-docx) and reading it back (lxml).

A book is a list of :class:`BookPara`: a role (which becomes a paragraph style) and spans
of text, some of them markers. Each marker is written as a run of its own with a character
style and a highlight, so Word keeps it whole while a lawyer edits the words around it.
Reading returns plain runs (text, bold, italic) per paragraph; finding the markers in the
text is the clause stage's job (``docgen/clauses/book.py``).

Reading is in :mod:`docgen.ooxml.bookread`.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:  # python-docx itself loads only when a book is written
    from docx.document import Document as DocxDocument
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.run import CT_R

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: paragraph role → (style id, based on, indent in points, font size, italic)
PARA_STYLES = {
    "title": ("ClauseBookTitle", "Title", 0, None, False),  # not "Book Title": Word has one
    "cover": ("BookCover", "Normal", 0, None, False),
    "heading": ("BookClause", "Heading 1", 0, None, False),
    "info": ("BookInfo", "Normal", 0, 8, True),
    "when": ("BookWhen", "Normal", 0, None, False),
    "sub": ("BookSubClause", "Normal", 0, None, False),
    "item": ("BookItem", "Normal", 28, None, False),
    "subitem": ("BookSubItem", "Normal", 56, None, False),
    "plain": ("BookParagraph", "Normal", 14, None, False),
    "control": ("BookControl", "Normal", 0, None, False),
}
ROLE_OF_STYLE = {sid.casefold(): role for role, (sid, *_rest) in PARA_STYLES.items()}
#: marker kind → (character style id, highlight: a ``WD_COLOR_INDEX`` name)
MARK_STYLES = {
    "field": ("BookField", "YELLOW"),
    "ref": ("BookReference", "TURQUOISE"),
    "control": ("BookCondition", "BRIGHT_GREEN"),
    "anchor": ("BookLabel", "GRAY_25"),
}
BOOK_SUBJECT = "docgen clause book"
#: custom document properties: "docgen base <clause id>" → what the clause was at export
RECORD_PREFIX = "docgen base "
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PROPERTY_SET = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the set Word puts its own in


@dataclass
class Span:
    """Text of one kind: ``text`` (the lawyer's words) or a marker (``field``, ``ref``,
    ``control``, ``anchor``), whose text includes its brackets."""

    text: str
    kind: str = "text"
    bold: bool = False
    italic: bool = False


@dataclass
class BookPara:
    role: str
    spans: list[Span] = field(default_factory=list)
    tracked: bool = False  # read back with tracked changes in it
    problem: str = ""  # read back with something a clause cannot hold: what, and what to do
    page_break: bool = False  # written: start a new page after this paragraph

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def _styles(doc: DocxDocument) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    for sid, base, indent, size, italic in PARA_STYLES.values():
        style = styles.add_style(sid, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        if indent:
            style.paragraph_format.left_indent = Pt(indent)
        if size:
            style.font.size = Pt(size)
            style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        style.font.italic = italic or None
        if sid in ("BookControl", "BookWhen"):
            style.paragraph_format.space_before = Pt(2)
            style.paragraph_format.space_after = Pt(2)
    for role in ("heading", "when", "info", "control"):  # Enter after them: a sub-clause
        styles[PARA_STYLES[role][0]].next_paragraph_style = styles[PARA_STYLES["sub"][0]]
    for sid, _colour in MARK_STYLES.values():
        style = styles.add_style(sid, WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x1F, 0x1F, 0x1F)


#: characters python-docx writes as elements of their own (a tab, a line break)
_BREAKS = frozenset("\t\r\n")


def _run_format(kind: str, bold: bool, italic: bool) -> CT_RPr:
    """A run's properties (``w:rPr``) for a span of this kind, bold and italic, made as
    python-docx makes them: each run of the book gets a copy (making them run by run was
    most of writing a book)."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.text.run import Run

    r = cast("CT_R", OxmlElement("w:r"))
    run = Run(r, None)  # type: ignore[arg-type]  # no paragraph: only its XML is set
    if kind in MARK_STYLES:
        sid, colour = MARK_STYLES[kind]
        r.get_or_add_rPr().style = sid
        run.font.highlight_color = getattr(WD_COLOR_INDEX, colour)
    run.bold = bold or None
    run.italic = italic or None
    return r.get_or_add_rPr()


def _custom_properties(record: dict[str, str]) -> bytes:
    """``docProps/custom.xml`` holding ``record``: one short text property per clause
    (Word keeps custom properties, and keeps values under 255 characters whole)."""
    props = "".join(
        f'<property fmtid="{PROPERTY_SET}" pid="{pid}" name={quoteattr(RECORD_PREFIX + key)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (key, value) in enumerate(sorted(record.items()), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{props}</Properties>'
            ).encode()


def write_book(paras: list[BookPara], title: str, document: str,
               record: dict[str, str] | None = None) -> bytes:
    """The book as .docx bytes; ``document`` (agreement, contract, job_spec) is recorded in
    the core properties so that reading it back knows which document it holds, and
    ``record`` (clause id → what it was at export) in custom properties, so that reading it
    back can tell a lawyer's edit from a change made to the clause files since.

    python-docx is loaded here, when a book is written (0.06 s: not on every start)."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    _styles(doc)
    doc.core_properties.title = title
    doc.core_properties.subject = f"{BOOK_SUBJECT}: {document}"
    doc.core_properties.author = "docgen"
    formats: dict[tuple[str, bool, bool], CT_RPr] = {}
    for para in paras:
        p = doc.add_paragraph()
        p._p.get_or_add_pPr().style = PARA_STYLES[para.role][0]  # by id: name lookups are slow
        for span in para.spans:
            key = (span.kind if span.kind in MARK_STYLES else "text", bool(span.bold),
                   bool(span.italic))
            if key not in formats:
                formats[key] = _run_format(*key)
            r = p._p.add_r()
            r.append(copy.deepcopy(formats[key]))  # as python-docx sets it: rPr first
            if span.text and not _BREAKS.intersection(span.text):
                r.add_t(span.text)  # what Run.text does with a text of one piece
            elif span.text:
                r.text = span.text
        if para.page_break:
            p.add_run().add_break(WD_BREAK.PAGE)
    if record:
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES,
                    _custom_properties(record), doc.part.package)
        doc.part.package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
