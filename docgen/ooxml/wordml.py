"""The only module that writes raw WordprocessingML.

Everything else describes paragraphs as :class:`Para` objects with a style and
a little inline markup; this module turns them into ``<w:p>`` XML with real
numbering styles, bookmarks and REF fields (the docx zip itself is
:mod:`docgen.ooxml.zipfiles`). Style ids match ``scripts/build_templates.py``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

from lxml import etree


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML character data needs them: what
    ``xml.sax.saxutils.escape`` does, without the 30 ms its import of ``urllib.request``
    adds to every start of the command line."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


#: a parsed XML element; the stages above name the type without importing lxml
Element: TypeAlias = etree._Element
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: paragraph style for each clause level; level 0 is the clause heading
LEVEL_STYLES = {0: "DGClause1", 1: "DGClause2", 2: "DGClause3", 3: "DGClause4"}
BODY_STYLE = "DGBody"
DEFINITION_STYLE = "DGDefinition"
NOTE_STYLE = "DGNote"
HEADING_STYLE = "DGHeading"
PLACEHOLDER_STYLE = "DGPlaceholder"
CONTENTS_STYLE = "DGContents"


@dataclass(frozen=True)
class Note:
    """A drafting note as a lawyer reads it: the plain point, then (in small print) the
    rule id and answer-file key for whoever maintains the answer file."""

    text: str
    small: str = ""

    def __str__(self) -> str:
        return f"{self.text} ({self.small})" if self.small else self.text


NoteText = str | Note


@dataclass
class Para:
    """One paragraph of a clause: its style, its inline markup and optional anchor."""

    style: str
    markup: str  # text with <b>, <i>, <ph>, <ref to=""/>, <br/>; values already escaped
    anchor: str | None = None  # a clause id or clause-id.name that may be cited
    number: str = ""  # the number Word will print, computed by the clause stage
    comments: list[NoteText] = field(default_factory=list)  # drafting notes anchored here


@lru_cache(maxsize=8192)  # the same anchors in every post: hashed once
def bookmark_name(anchor: str) -> str:
    """A valid, stable, hidden Word bookmark name (max 40 chars, ``_Ref`` prefix)."""
    return "_Ref" + hashlib.sha1(anchor.encode()).hexdigest()[:12]


def run_xml(text: str, bold: bool = False, italic: bool = False, style: str | None = None,
            small: bool = False) -> str:
    """One ``<w:r>`` of ``text`` (escaped), with its character style and looks."""
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if small:
        props += '<w:color w:val="595959"/><w:sz w:val="15"/><w:szCs w:val="15"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ref_field(anchor: str, number: str) -> str:
    """A REF field to ``anchor`` whose stored result is already the right number.

    python-docx and pandoc read only the stored result; Word and LibreOffice
    may recompute it and get the same number from the real numbering.
    """
    name = bookmark_name(anchor)
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> REF {name} \\w \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run_xml(number)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


#: what only the XML parser reads right: tags, entities, CR, characters XML forbids (and
#: "]]>", looked for apart: one character class is the fast kind of regex)
_NEEDS_PARSER = re.compile("[<&\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


INLINE_TAGS = frozenset({"b", "i", "ph", "br", "tab", "ref"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def markup_problem(markup: str) -> str | None:
    """Why clause inline markup cannot become runs (raw XML, an unknown tag, a character
    Word cannot hold), in words for the clause's author; None when it can."""
    if "]]>" not in markup and not _NEEDS_PARSER.search(markup):
        return None
    return _parsed_markup_problem(markup)


@lru_cache(maxsize=4096)
def _parsed_markup_problem(markup: str) -> str | None:
    """(remembered per text: most marked-up paragraphs are a clause's fixed wording, the
    same in every post of a batch, and asking the parser is most of the check's cost)"""
    bad = _CONTROL.search(markup)
    if bad:
        return (f"its text holds the control character U+{ord(bad.group()):04X}, which a Word "
                "document cannot contain; delete it")
    try:
        root = etree.fromstring(f"<p>{markup}</p>".encode())
    except etree.XMLSyntaxError as exc:
        return (f"its text is not valid inline markup ({exc}); write & as &amp; and < as "
                "&lt;, and use only <b>, <i>, <br/>, <tab/>, <ph> and <ref> (no raw XML)")
    for el in root.iter():
        if el is not root and (not isinstance(el.tag, str) or el.tag not in INLINE_TAGS):
            tag = el.tag if isinstance(el.tag, str) else "!-- or <?"
            return (f"its text holds <{tag}>, which is not clause markup (raw XML is not "
                    "allowed); use only <b>, <i>, <br/>, <tab/>, <ph> and <ref>")
    return None


def inline_runs(markup: str, refs: dict[str, str]) -> str:
    """Turn clause inline markup into runs. Unknown tags are a library error.

    Most paragraphs are plain text (no tag, no entity): they are one run, without
    asking the XML parser (which would read them as exactly that text).
    """
    if "]]>" not in markup and not _NEEDS_PARSER.search(markup):
        return run_xml(markup) if markup else ""
    return _runs(markup, refs)


def _runs(markup: str, refs: dict[str, str]) -> str:
    """Marked-up text (not plain) as runs, through the XML parser once per text
    (:func:`_pieces`); each cross-reference is filled in from ``refs`` here."""
    out: list[str] = []
    for piece in _pieces(markup):
        if isinstance(piece, str):
            out.append(piece)
        elif piece[0] == "ref":
            out.append(ref_field(piece[1], refs[piece[1]]))
        else:  # an unknown tag, where the walk met it (after the references before it)
            raise ValueError(piece[1])
    return "".join(out)


@lru_cache(maxsize=4096)
def _pieces(markup: str) -> tuple[str | tuple[str, str], ...]:
    """Marked-up text as its runs' XML, with each ``<ref>`` (("ref", target): the number is
    the document's) and an unknown tag (("error", message), raised when reached) in their
    places: remembered, so a paragraph citing a clause is not parsed again in every post.
    Broken markup is not remembered: its error is raised each time."""
    try:
        root = etree.fromstring(f"<p>{markup}</p>".encode())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"broken inline markup ({exc}): {markup[:80]!r}") from None
    out: list[str | tuple[str, str]] = []

    def walk(el: etree._Element, bold: bool, italic: bool) -> bool:
        """False once an unknown tag is met (the walk stops there, as its error does)."""
        if el.text:
            out.append(run_xml(el.text, bold, italic))
        for child in el:
            tag = child.tag
            if tag in ("b", "i"):
                if not walk(child, bold or tag == "b", italic or tag == "i"):
                    return False
            elif tag == "ph":
                out.append(run_xml(f"[{child.text or ''}]", bold, italic, PLACEHOLDER_STYLE))
            elif tag in ("br", "tab"):
                out.append(f"<w:r><w:{tag}/></w:r>")
            elif tag == "ref":
                out.append(("ref", child.get("to", "")))
            else:
                out.append(("error", f"unknown inline tag <{tag}> in clause text"))
                return False
            if child.tail:
                out.append(run_xml(child.tail, bold, italic))
        return True

    walk(root, False, False)
    return tuple(out)


def paragraph_xml(p: Para, refs: dict[str, str], bookmark_id: int,
                  comment_ids: list[int] | None = None) -> str:
    """One ``<w:p>``; numbered styles carry their numbering, so no number is typed.

    Without comments or a cross-reference the XML depends on the style, text, anchor and
    bookmark id alone: it is remembered, as most of a clause's paragraphs are the same
    text at the same place in every post of a batch."""
    if not comment_ids and "<ref" not in p.markup:
        return _plain_paragraph_xml(p.style, p.markup, p.anchor, bookmark_id)
    return _paragraph_xml(p, refs, bookmark_id, comment_ids)


@lru_cache(maxsize=8192)
def _plain_paragraph_xml(style: str, markup: str, anchor: str | None, bookmark_id: int) -> str:
    return _paragraph_xml(Para(style, markup, anchor), {}, bookmark_id)


def _paragraph_xml(p: Para, refs: dict[str, str], bookmark_id: int,
                   comment_ids: list[int] | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{p.style}"/></w:pPr>'
    body = inline_runs(p.markup, refs)
    if p.anchor:
        name = bookmark_name(p.anchor)
        body = (f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{name}"/>{body}'
                f'<w:bookmarkEnd w:id="{bookmark_id}"/>')
    for cid in comment_ids or []:
        body = (f'<w:commentRangeStart w:id="{cid}"/>{body}<w:commentRangeEnd w:id="{cid}"/>'
                f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
    return f"<w:p>{ppr}{body}</w:p>"


def body_xml(paras: list[Para], refs: dict[str, str]) -> tuple[str, list[NoteText]]:
    """All clause paragraphs (bookmark ids unique) and the texts of their comments, by id."""
    head, tail, comments = body_parts(paras, refs, len(paras))
    return head + tail, comments


def body_parts(paras: list[Para], refs: dict[str, str], split: int
               ) -> tuple[str, str, list[NoteText]]:
    """The clause paragraphs in two runs, before and after index ``split`` (a template
    may print tables between them), with bookmark and comment ids unique across both."""
    out: list[str] = []
    comments: list[NoteText] = []
    for i, p in enumerate(paras, start=1):
        if p.comments:
            ids = list(range(len(comments), len(comments) + len(p.comments)))
            comments += p.comments
            out.append(paragraph_xml(p, refs, i, ids))
        elif "<ref" not in p.markup:  # paragraph_xml's remembered case, without the call
            out.append(_plain_paragraph_xml(p.style, p.markup, p.anchor, i))
        elif (targets := _ref_targets(p.markup)) and all(t in refs for t in targets):
            out.append(_cited_xml(p.style, p.markup, p.anchor, i,
                                  tuple([(t, refs[t]) for t in targets])))
        else:  # an unknown tag or a missing number: raised where the walk meets it
            out.append(_paragraph_xml(p, refs, i))
    return "".join(out[:split]), "".join(out[split:]), comments


@lru_cache(maxsize=4096)
def _ref_targets(markup: str) -> tuple[str, ...] | None:
    """The clauses a text cites, in order; None when its markup holds an unknown tag."""
    pieces = _pieces(markup)
    bad = any(not isinstance(x, str) and x[0] != "ref" for x in pieces)
    return None if bad else tuple([x[1] for x in pieces if not isinstance(x, str)])


@lru_cache(maxsize=8192)  # a paragraph citing clauses cites the same numbers in most posts
def _cited_xml(style: str, markup: str, anchor: str | None, bookmark_id: int,
               cited: tuple[tuple[str, str], ...]) -> str:
    return _paragraph_xml(Para(style, markup, anchor), dict(cited), bookmark_id)


def contents_xml(title: str, entries: list[Para], refs: dict[str, str]) -> str:
    """The start of a contents page: a real Word TOC field (level-1 headings) whose stored
    result already lists each clause by number and title, so it reads right in Word,
    LibreOffice and a PDF without a field update (updating it in Word adds page numbers).
    The template lists the schedules after these lines and closes the field."""
    field_start = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                   'xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    parts = [f'<w:p><w:pPr><w:pStyle w:val="{HEADING_STYLE}"/></w:pPr>{run_xml(title)}</w:p>']
    for i, heading in enumerate(entries):
        link = (f'{run_xml(heading.number + ".")}<w:r><w:tab/></w:r>'
                f"{inline_runs(heading.markup, refs)}")
        start = field_start if i == 0 else ""
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{CONTENTS_STYLE}"/></w:pPr>'
                     f"{start}{link}</w:p>")
    return "".join(parts)


def text_run_xml(text: str, style: str | None = None) -> str:
    """Close the template's current run, add ``text`` as its own run, reopen a plain run.

    Used for values printed by a Word template: a highlighted placeholder or a
    line break needs a run of its own.
    """
    return f'</w:t></w:r>{run_xml(text, style=style)}<w:r><w:t xml:space="preserve">'


LINE_BREAK_XML = '</w:t><w:br/><w:t xml:space="preserve">'
TAB_XML = '</w:t><w:tab/><w:t xml:space="preserve">'


def check_well_formed(xml: str | bytes, part: str) -> etree._Element:
    """Parse strictly: never let a broken part reach the zip (lxml recover mode hides loss).

    Returns the parsed part, so the caller can read back what it zips without parsing
    it again.
    """
    try:
        return etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"{part} is not well-formed after rendering: {exc}") from None


def core_properties(title: str, subject: str, keywords: str) -> bytes:
    """docProps/core.xml without wall-clock dates (determinism)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
        f"<dc:creator>docgen</dc:creator><cp:keywords>{escape(keywords)}</cp:keywords>"
        "</cp:coreProperties>"
    ).encode()


__all__ = [
    "Para", "bookmark_name", "ref_field", "inline_runs", "markup_problem", "paragraph_xml",
    "body_xml", "body_parts", "contents_xml", "Note", "run_xml",
    "text_run_xml", "LINE_BREAK_XML", "check_well_formed", "core_properties",
]
