"""Read a Word document back the way a reviewer reads it: body with tables, headers,
footers, fields, bookmarks, clause numbers and placeholders (:class:`ReadDocument`).

This is the raw WordprocessingML and zip side of read-back verification; what the text
read must say (figures, names, each fact in its place) is ``docgen/word/``'s to judge.

Read-back is most of verification's cost. A body laid out as Word and docgen lay it
out (nearly every one) is read in a single pass over its elements
(:mod:`docgen.ooxml.onepass`); any other is walked once per kind of element in lxml's
own iteration, a paragraph's style looked up from its ``w:pStyle`` rather than asked of
each paragraph. The same reading serves a file
from disk (:func:`read_document`, from the zip) and a document docgen has just made
(:func:`read_parts`, from the parts ``fill`` parsed when it checked them).
"""

from __future__ import annotations

import functools
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from docgen.errors import DocgenError
from docgen.ooxml.bounds import check_docx_bounds
from docgen.ooxml.numbering import (
    Number,
    first_values,
    numbering_switched_off,
    paragraph_numbers,
    paragraph_styles,
)
from docgen.ooxml.onepass import BodyReading, read_regular_body
from docgen.ooxml.wordml import NOTE_STYLE, PLACEHOLDER_STYLE, W_NS
from docgen.ooxml.zipfiles import read_zip

W = f"{{{W_NS}}}"
#: the parts a reader sees (the rest are styles, settings, relationships)
READ_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
MAIN_PART = "word/document.xml"

_P, _TR, _TC, _T, _R = f"{W}p", f"{W}tr", f"{W}tc", f"{W}t", f"{W}r"
_TAB, _NBH = f"{W}tab", f"{W}noBreakHyphen"
_FLDCHAR, _FLDCHAR_TYPE, _FLDSIMPLE = f"{W}fldChar", f"{W}fldCharType", f"{W}fldSimple"
_INSTR = f"{W}instrText"
_SPECIAL_TAGS = (_TAB, f"{W}br", f"{W}cr", _NBH, _FLDCHAR)  # read as text, but not w:t
_TEXT_TAGS = (_T, *_SPECIAL_TAGS)


def norm(text: str) -> str:
    """Text as compared: runs of spaces, no-break spaces included, become one space
    (``str.split`` knows every Unicode space, and is several times faster than a regex).

    Most text is already so (single spaces, none at either end): it is returned as it is,
    found without splitting it into words. Every space but the plain one is unprintable
    (tab, line breaks, no-break and other Unicode spaces), so printable text with no double
    space and no space at either end is what the split and join would give back."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    """:func:`norm`, remembered: a batch's documents share most of their paragraphs, and
    looking one up costs a fifth of normalising it (in the one-pass reading). The last
    4,096 are kept: the paragraphs every post has stay, a post's own come and go (as in
    the other paragraph memories of verification)."""
    return norm(text)


def _paragraph_texts(p: etree._Element, simple: bool = True) -> tuple[str, str]:
    """What a reader sees in one paragraph (text, tabs and breaks; not deleted text), and
    the same without field results: a cross-reference's stored "24.10" is a clause
    number, not a figure the answer file must contain. ``simple=False`` says the
    paragraph holds no ``w:fldSimple`` (so no run needs its parent looked up)."""
    out: list[str] = []
    own: list[str] = []
    results: list[bool] = []  # open complex fields: True once past their separator
    for el in p.iter(*_TEXT_TAGS):
        tag = el.tag
        if tag == _T:
            piece = el.text or ""
        elif tag == _FLDCHAR:
            kind = el.get(_FLDCHAR_TYPE)
            if kind == "begin":
                results.append(False)
            elif kind == "separate" and results:
                results[-1] = True
            elif kind == "end" and results:
                results.pop()
            continue
        elif tag == _NBH:
            piece = "-"
        elif tag == _TAB:
            parent = el.getparent()  # a w:tab inside w:tabs (tab stops) is not text
            if parent is None or parent.tag != _R:
                continue
            piece = "\t"
        else:
            piece = "\n"
        out.append(piece)
        if True in results:
            continue
        if simple:
            run = el.getparent()
            holder = run.getparent() if run is not None else None
            if holder is not None and holder.tag == _FLDSIMPLE:
                continue
        own.append(piece)
    return "".join(out), "".join(own)


def paragraph_text(p: etree._Element) -> str:
    """What a reader sees in one paragraph."""
    return _paragraph_texts(p)[0]


@dataclass
class Field:
    """One field (complex or simple): its instruction and the result Word last stored."""

    instruction: str
    result: str
    paragraph: etree._Element | None


@dataclass
class ReadDocument:
    """A generated document as read back: text segments, bookmarks, fields, numbers."""

    name: str
    segments: list[str] = field(default_factory=list)  # paragraphs and table rows
    text: str = ""  # everything, normalised, headers and footers included
    paragraphs: list[str] = field(default_factory=list)  # text joins these (and no other)
    fields: list[Field] = field(default_factory=list)
    bookmarks: dict[str, etree._Element] = field(default_factory=dict)
    numbers: dict[etree._Element, Number] = field(default_factory=dict)
    placeholders: list[str] = field(default_factory=list)
    figure_text: str = ""  # the text without drafting notes (which quote rule findings)
    #: the same, paragraph by paragraph (the non-empty ones; figure_text joins them)
    figure_paragraphs: list[str] = field(default_factory=list)


def _fields(root: etree._Element) -> list[Field]:
    """Complex fields (begin/instr/separate/result/end, possibly nested) and fldSimple."""
    found: list[Field] = []
    stack: list[dict[str, Any]] = []  # one open field: its instr and result text, phase, paragraph
    for el in root.iter(_T, _FLDCHAR, _INSTR, _FLDSIMPLE):
        tag = el.tag
        if tag == _T:
            if stack and _ancestor(el, _FLDSIMPLE) is None:
                for entry in stack:
                    if entry["phase"] == "result":
                        entry["result"].append(el.text or "")
        elif tag == _FLDSIMPLE:
            text = "".join(t.text or "" for t in el.iter(_T))
            found.append(Field(el.get(f"{W}instr", ""), text, _para_of(el)))
        elif tag == _FLDCHAR:
            kind = el.get(_FLDCHAR_TYPE)
            if kind == "begin":
                stack.append({"instr": [], "result": [], "phase": "instr", "p": _para_of(el)})
            elif kind == "separate" and stack:
                stack[-1]["phase"] = "result"
            elif kind == "end" and stack:
                top = stack.pop()
                found.append(Field("".join(top["instr"]), "".join(top["result"]), top["p"]))
        elif stack and stack[-1]["phase"] == "instr":  # w:instrText
            stack[-1]["instr"].append(el.text or "")
    return found


def _ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _para_of(el: etree._Element) -> etree._Element | None:
    return _ancestor(el, _P)


def parse_parts(name: str, data: bytes) -> tuple[etree._Element, list[etree._Element]]:
    """The main document part and the headers and footers (by part name) of a .docx.

    Every part is inflated (so a damaged one is found); only those a reader sees are
    parsed.
    """
    check_docx_bounds(name, data)
    try:
        members = {info.filename: content for info, content in read_zip(data)}
        root = etree.fromstring(members[MAIN_PART])
        extra = [etree.fromstring(content) for part, content in sorted(members.items())
                 if part != MAIN_PART and READ_PARTS.match(part)]
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error,
            etree.XMLSyntaxError) as exc:  # zlib: a damaged stream (not only a bad CRC)
        raise DocgenError(f"{name}: not a readable Word document ({exc})") from None
    return root, extra


def read_document(name: str, data: bytes) -> ReadDocument:
    """Parse one docx into what the checks need.

    The parts are read with lxml straight from the zip: it is twice as fast as
    opening the package with python-docx, and ``build`` runs this on every post.
    """
    return read_parts(name, *parse_parts(name, data))


def read_parts(name: str, root: etree._Element, extra: list[etree._Element]) -> ReadDocument:
    """What the checks need from a parsed main document part and its headers and footers
    (in part-name order). A body laid out as Word and docgen lay it out is read in one
    pass (:mod:`docgen.ooxml.onepass`); any other, the general way below."""
    body = root.find(f"{W}body")
    if body is None:
        raise DocgenError(f"{name}: not a readable Word document (no body)")
    doc = ReadDocument(name=name)
    texts: list[str] = []
    stated: list[str] = []
    regular = read_regular_body(root, body)
    if regular is None:  # the paragraphs to number (all of the body's), their styles, ...
        counted, styles, off = _read_body(root, body, doc, texts, stated)
    else:
        counted, styles, off = regular.numbered, regular.styles, regular.off
        _take_reading(regular, doc, texts, stated)
    for part_root in extra:
        for p in part_root.iter(_P):
            text, own = _paragraph_texts(p)
            seen = norm(text)
            texts.append(seen)
            stated.append(seen if own == text else norm(own))
            doc.segments.append(seen)
    # each paragraph normalised once: norm("\n".join(x)) is the non-empty norm(x) joined
    doc.paragraphs = texts
    doc.text = " ".join(filter(None, texts))
    doc.figure_paragraphs = list(filter(None, stated))
    doc.figure_text = " ".join(doc.figure_paragraphs)
    doc.numbers = paragraph_numbers(counted, styles, off)
    if regular is None or regular.run_styles:  # a part with no run style has no placeholder
        marked = {run for run, style in first_values(root, ("r", "rPr", "rStyle")).items()
                  if style == PLACEHOLDER_STYLE}
        if marked:
            doc.placeholders = ["".join(t.text or "" for t in run.iter(_T))
                                for run in root.iter(_R) if run in marked]
    return doc


def _take_reading(regular: BodyReading, doc: ReadDocument, texts: list[str],
                  stated: list[str]) -> None:
    """A body read in one pass, as :func:`_read_body` gives it: segments, texts, fields
    and bookmarks into ``doc``, the paragraphs' texts into ``texts`` and ``stated``."""
    raw = list(map("".join, regular.texts))
    seen_of = list(map(_normalised, raw))
    texts += seen_of
    notes = regular.notes
    # a paragraph's own text is its text unless a piece was left out of it (in a field's
    # result); norm(own) is then what the general reading states, whether or not it differs
    owns, pieces = regular.owns, regular.texts
    stated += [seen if (own := owns.get(i)) is None or len(own) == len(pieces[i])
               else norm("".join(own)) for i, seen in enumerate(seen_of) if i not in notes]
    doc.segments = [seen_of[at] if isinstance(at, int) else
                    _normalised(" | ".join([" ".join([raw[i] for i in cell]) for cell in at]))
                    for at in regular.layout]
    doc.fields = [Field(instr, result, p) for instr, result, p in regular.fields]
    doc.bookmarks = regular.bookmarks


def _read_body(root: etree._Element, body: etree._Element, doc: ReadDocument,
               texts: list[str], stated: list[str]
               ) -> tuple[list[etree._Element], dict[etree._Element, str], set[etree._Element]]:
    """Any body, read the general way (segments, fields and bookmarks into ``doc``, the
    paragraphs' texts into ``texts`` and ``stated``); its paragraphs, their styles and
    those whose numbering is switched off."""
    styles = paragraph_styles(body)
    with_simple: set[etree._Element] = set()  # where a run's holder may be a fldSimple
    for simple in root.iter(_FLDSIMPLE):
        with_simple.update(simple.iterancestors(_P))
        with_simple.update(simple.iterchildren(_P))
    # most paragraphs hold text (w:t) and nothing else a reader sees: no tab, break or
    # field; they are read with a one-tag iteration (three times faster than six tags)
    special = with_simple.union(*(el.iterancestors(_P) for el in body.iter(*_SPECIAL_TAGS)))
    in_table = {p for tc in body.iter(_TC) for p in tc.iter(_P)}
    read: dict[etree._Element, tuple[str, str]] = {}  # a table's paragraphs, read at its rows

    def texts_of(p: etree._Element) -> tuple[str, str]:
        found = read.get(p)
        if found is None:
            if p in special:
                found = _paragraph_texts(p, p in with_simple)
            else:
                text = "".join([t.text or "" for t in p.iter(_T)])
                found = (text, text)
            read[p] = found
        return found

    paragraphs = []
    segments = doc.segments
    for el in body.iter(_P, _TR):
        if el.tag == _TR:
            cells = [" ".join(texts_of(p)[0] for p in tc.iter(_P))
                     for tc in el.iterchildren(_TC)]
            segments.append(norm(" | ".join(cells)))
            continue
        paragraphs.append(el)
        if el in special or el in in_table:
            text, own = texts_of(el)
            seen = norm(text)
            texts.append(seen)
            if styles.get(el) != NOTE_STYLE:
                stated.append(seen if own == text else norm(own))
            if el not in in_table:
                segments.append(seen)
            continue
        # most paragraphs: outside tables, text and nothing else (read once, no cache)
        seen = norm("".join([t.text or "" for t in el.iter(_T)]))
        texts.append(seen)
        if styles.get(el) != NOTE_STYLE:
            stated.append(seen)
        segments.append(seen)
    doc.fields = _fields(root)
    for start in root.iter(f"{W}bookmarkStart"):
        target = _para_of(start)
        if target is None:  # a bookmark between paragraphs marks the next one
            target = next(start.itersiblings(_P), None)
        if target is not None:
            doc.bookmarks[start.get(f"{W}name", "")] = target
    return paragraphs, styles, numbering_switched_off(body)
