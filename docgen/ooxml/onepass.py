"""A document body read in one pass over its elements, for bodies laid out the way Word
and docgen lay them out: what :func:`docgen.ooxml.readback.read_parts` would read there,
at half the cost.

The general reading asks each paragraph for its text (an iterator per paragraph, whose
tag matcher costs more than the text it finds), each style's owner and each special
element's paragraphs in passes of their own, and the fields in another. Here one
iteration over the body sees every element of interest once, in document order, and
hands each to the paragraph it belongs to; a paragraph's style is read where Word writes
it (the first child of its first child), the paragraph searched only when it is not there.
That is only right when it is clear which paragraph an element belongs to, so the pass
checks, element by element, that the body is *regular*:

- every paragraph stands directly in the body or directly in a table cell, every cell
  directly in a row, every row in a table standing directly in the body (no nested
  paragraphs or tables, no content controls around paragraphs or cells);
- every text element (``w:t``, a run's ``w:tab``, ``w:br``, ``w:cr``,
  ``w:noBreakHyphen``) and every ``w:fldChar`` sits in a run directly in the paragraph
  being read (none in a hyperlink, a content control, a tracked change or outside any
  paragraph), and there is no ``w:fldSimple``;
- the part holds nothing but its body.

A body that is not regular (a hand-edited one, a tracked change) gets ``None``, and is
read the general way. ``tests/word/test_fast_paths.py`` checks the two readings agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from docgen.ooxml.numbering import CLAUSE_LEVEL, SCHEDULE_STYLE
from docgen.ooxml.wordml import NOTE_STYLE, W_NS

W = f"{{{W_NS}}}"
_P, _TR, _TC, _T, _R = f"{W}p", f"{W}tr", f"{W}tc", f"{W}t", f"{W}r"
_TAB, _BR, _CR, _NBH = f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"
_FLDCHAR, _FLDCHAR_TYPE, _FLDSIMPLE = f"{W}fldChar", f"{W}fldCharType", f"{W}fldSimple"
_INSTR, _BOOKMARK = f"{W}instrText", f"{W}bookmarkStart"
_PSTYLE, _PPR, _NUMID, _NUMPR = f"{W}pStyle", f"{W}pPr", f"{W}numId", f"{W}numPr"
_VAL, _NAME, _DOCUMENT, _RSTYLE = f"{W}val", f"{W}name", f"{W}document", f"{W}rStyle"
#: the elements the pass looks at (the commonest first: each is told by its tag)
_TAGS = (_T, _P, _TC, _FLDCHAR, _BOOKMARK, _TR, _TAB, _INSTR, _BR, _CR, _NBH,
         _NUMID, _RSTYLE, _FLDSIMPLE)
_PIECES = {_BR: "\n", _CR: "\n", _NBH: "-"}
_NUMBERED_STYLES = {*CLAUSE_LEVEL, SCHEDULE_STYLE}


@dataclass
class BodyReading:
    """A regular body as read in one pass (raw texts: the caller normalises them)."""

    paragraphs: list[etree._Element] = field(default_factory=list)  # every w:p, in order
    texts: list[list[str]] = field(default_factory=list)  # each paragraph's text, in pieces
    #: the same without field results, for the paragraphs where a field begins (by index;
    #: elsewhere it is the paragraph's text)
    owns: dict[int, list[str]] = field(default_factory=dict)
    styles: dict[etree._Element, str] = field(default_factory=dict)  # as paragraph_styles
    #: the paragraphs with a clause level's or a schedule's style, in order: the only ones
    #: paragraph_numbers counts (the others change no counter)
    numbered: list[etree._Element] = field(default_factory=list)
    notes: set[int] = field(default_factory=set)  # the drafting notes' paragraphs, by index
    off: set[etree._Element] = field(default_factory=set)  # as numbering_switched_off
    #: the body's segments in order: a paragraph outside tables (its index), or a table
    #: row (its cells, each the indices of the cell's paragraphs)
    layout: list[int | list[list[int]]] = field(default_factory=list)
    fields: list[tuple[str, str, etree._Element]] = field(default_factory=list)
    bookmarks: dict[str, etree._Element] = field(default_factory=dict)
    #: the body holds a run style (so perhaps a placeholder: most documents hold none)
    run_styles: bool = False


class _OpenField:
    """A complex field being read: its instruction and result so far, whether its
    separator has been passed, and the paragraph it begins in."""

    __slots__ = ("instr", "result", "past", "p")

    def __init__(self, p: Any) -> None:  # (the paragraph, known not None: see the pass)
        self.instr: list[str] = []
        self.result: list[str] = []
        self.past = False
        self.p: etree._Element = p


def _bookmarked(start: etree._Element) -> etree._Element | None:
    """The paragraph a bookmark marks: the one it is in, or else the next one."""
    parent = start.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent if parent is not None else next(start.itersiblings(_P), None)


def read_regular_body(root: etree._Element, body: etree._Element) -> BodyReading | None:
    """``body`` (``root``'s) read in one pass, or None when it is not regular (above)."""
    if root.tag != _DOCUMENT or len(root) != 1 or root[0] is not body:
        return None
    out = BodyReading()
    paragraphs, texts, owns, styles = out.paragraphs, out.texts, out.owns, out.styles
    layout, bookmarks = out.layout, out.bookmarks
    numbered: set[etree._Element] = set()  # paragraphs whose first numId has been seen
    stack: list[_OpenField] = []  # the complex fields open (nested ones too)
    p: etree._Element | None = None
    pieces: list[str] = []
    own: list[str] = []
    results: list[bool] = []  # the paragraph's open fields: True once past the separator
    #: a field is open or has begun in the paragraph (so text may go elsewhere than its
    #: pieces): set at a field's beginning and at each paragraph, never cleared in between
    fielded = False
    row: etree._Element | None = None
    cell_el: etree._Element | None = None
    cells: list[list[int]] = []
    cell: list[int] = []
    # (an element in the body has a parent and a grandparent, the body at least: a parent
    # compared with the paragraph, row or body, all known, needs no test for None; typed
    # Any, so that none is written for the type checker either)
    el: Any
    for el in body.iter(*_TAGS):
        tag = el.tag
        if tag == _T:
            if el.getparent().getparent() is not p:
                return None
            text = el.text or ""
            pieces.append(text)
            if fielded:
                _field_text(text, pieces, own, results, stack)
        elif tag == _P:
            parent = el.getparent()
            if parent is body:
                layout.append(len(paragraphs))
            elif parent is cell_el:
                cell.append(len(paragraphs))
            else:
                return None
            # the paragraph's own text is its text (the same list) until a field begins
            p = el
            own = pieces = []
            if results:
                results = []
            fielded = bool(stack)
            paragraphs.append(el)
            texts.append(pieces)
            # its style: where Word writes it, first in the first child (the properties),
            # or else looked for (:func:`_style`)
            props = el[0] if len(el) else None
            first = props[0] if props is not None and props.tag == _PPR and len(props) \
                else None
            style = first.get(_VAL, "") if first is not None and first.tag == _PSTYLE \
                else _style(el)
            if style is not None:
                styles[el] = style
                if style in _NUMBERED_STYLES:
                    out.numbered.append(el)
                elif style == NOTE_STYLE:
                    out.notes.add(len(paragraphs) - 1)
        elif tag == _TC:
            if el.getparent() is not row:
                return None
            cell_el, cell = el, []
            cells.append(cell)
        elif tag == _FLDCHAR:
            if el.getparent().getparent() is not p:
                return None
            kind = el.get(_FLDCHAR_TYPE)
            if kind == "begin":
                if own is pieces:
                    own = owns[len(paragraphs) - 1] = pieces.copy()
                results.append(False)
                stack.append(_OpenField(p))
                fielded = True
            elif kind == "separate":
                if results:
                    results[-1] = True
                if stack:
                    stack[-1].past = True
            elif kind == "end":
                if results:
                    results.pop()
                if stack:
                    done = stack.pop()
                    out.fields.append(("".join(done.instr), "".join(done.result), done.p))
        elif tag == _BOOKMARK:
            target = p if p is not None and el.getparent() is p else _bookmarked(el)
            if target is not None:
                bookmarks[el.get(_NAME, "")] = target
        elif tag == _TR:
            if el.getparent().getparent() is not body:
                return None
            row, cells = el, []
            layout.append(cells)
        elif tag == _INSTR:
            if stack and not stack[-1].past:
                stack[-1].instr.append(el.text or "")
        elif tag == _TAB or tag in _PIECES:
            run = el.getparent()
            if tag == _TAB and run.tag != _R:
                continue  # a tab stop (w:tabs), not text
            if run.getparent() is not p:
                return None
            piece = "\t" if tag == _TAB else _PIECES[tag]
            pieces.append(piece)  # (a field's result is its w:t text alone)
            if fielded and own is not pieces and True not in results:
                own.append(piece)
        elif tag == _NUMID:
            holder = el.getparent()
            props = holder.getparent()
            if holder.tag == _NUMPR and props.tag == _PPR and p is not None and \
                    props.getparent() is p and p not in numbered:
                numbered.add(p)
                if el.get(_VAL, "") == "0":
                    out.off.add(p)
        elif tag == _RSTYLE:
            out.run_styles = True
        else:  # w:fldSimple: its runs' holder is not a paragraph
            return None
    return out


def _field_text(text: str, pieces: list[str], own: list[str], results: list[bool],
                stack: list[_OpenField]) -> None:
    """A piece of a paragraph's text (already in ``pieces``) where a field is open or has
    been: into the paragraph's own text unless inside a field's result, and into the result
    of each open field past its separator."""
    if own is not pieces and True not in results:
        own.append(text)
    for open_field in stack:
        if open_field.past:
            open_field.result.append(text)


def _style(p: etree._Element) -> str | None:
    """A paragraph's style, as ``paragraph_styles`` finds it: the first ``w:pStyle`` of its
    first ``w:pPr`` holding one (None: it has none)."""
    style: Any  # (in the body: it has a parent and a grandparent)
    for style in p.iter(_PSTYLE):
        props = style.getparent()
        if props.tag == _PPR and props.getparent() is p:
            value: str = style.get(_VAL, "")
            return value
    return None
