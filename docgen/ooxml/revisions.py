"""Tracked changes and list numbering in what docgen copies from a house style file.

A letterhead saved with someone's pending revisions would carry them into every
generated document (a deleted old address still visible in markup view, "tracked
changes" present in a final contract). What docgen copies (the headers, footers and
the styles they use) is taken as it would read with every change *accepted*:
insertions kept, deletions and moved-away text dropped, the records of changed
properties removed (the current properties stay).

Numbering (``w:numPr``) on a copied paragraph or style would point at a list id of
docgen's own ``numbering.xml`` (its clause numbering): it is removed, so a letterhead
line is never numbered as a clause.
"""

from __future__ import annotations

from lxml import etree

from docgen.ooxml.hdrfields import w

#: text that goes when the changes are accepted (the deleted, the moved away)
_REMOVED = ("del", "moveFrom")
#: text that stays: the wrapper goes, its content is kept in its place
_KEPT = ("ins", "moveTo")
#: records of changed properties (the properties before the change), and range markers
_RECORDS = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
            "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
            "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
            "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
            "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
            "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
            "customXmlMoveToRangeEnd", "cellIns", "cellMerge")
REMOVED_TAGS = tuple(w(t) for t in _REMOVED)
#: a marker inside properties (a paragraph mark or row inserted or deleted), not a wrapper
_MARKER_PARENTS = (w("rPr"), w("trPr"), w("tcPr"))


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Put ``el``'s children where it is, and drop it (keeping any tail text)."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for i, child in enumerate(list(el)):
        parent.insert(at + i, child)
    parent.remove(el)


def accept_revisions(root: etree._Element) -> int:
    """Accept every tracked change under ``root`` in place; returns how many were found."""
    found = 0
    for el in list(root.iter(*(w(t) for t in (*_REMOVED, *_KEPT)))):
        parent = el.getparent()
        if parent is None:
            continue
        found += 1
        if parent.tag in _MARKER_PARENTS:
            row = parent.getparent() if parent.tag == w("trPr") else None
            if row is not None and el.tag == w("del") and row.getparent() is not None:
                _remove(row)  # a deleted table row goes with its deletion accepted
            else:
                _remove(el)  # a paragraph mark inserted or deleted: the paragraph stays
        elif el.tag in REMOVED_TAGS:
            _remove(el)
        else:
            _unwrap(el)
    for cell in list(root.iter(w("cellDel"))):  # a deleted table cell goes with it
        found += 1
        props = cell.getparent()
        tc = props.getparent() if props is not None else None
        _remove(tc if tc is not None and tc.tag == w("tc") else cell)
    for el in list(root.iter(*(w(t) for t in (*_RECORDS, "delText", "delInstrText")))):
        found += 1
        _remove(el)
    return found


#: what comes before w:numPr in a w:pPr (the schema's order)
_BEFORE_NUMPR = tuple(w(t) for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore",
                                     "framePr", "widowControl"))


def _no_list(ppr: etree._Element) -> None:
    """``<w:numPr><w:numId w:val="0"/></w:numPr>``: this paragraph is in no list, whatever
    its style says (docgen's template may have a numbered style of the same id)."""
    numpr = etree.Element(w("numPr"))
    etree.SubElement(numpr, w("numId")).set(w("val"), "0")
    before = [c for c in ppr if c.tag in _BEFORE_NUMPR]
    if before:
        before[-1].addnext(numpr)
    else:
        ppr.insert(0, numpr)


def drop_numbering(root: etree._Element, numbered_styles: frozenset[str] = frozenset()) -> int:
    """Take list numbering off every paragraph and style under ``root``: its own
    ``w:numPr`` is removed, and a paragraph whose style is numbered (``numbered_styles``)
    is marked as in no list. Returns how many were changed."""
    changed = 0
    for el in list(root.iter(w("numPr"))):
        _remove(el)
        changed += 1
    for ppr in root.iter(w("pPr")):
        style = ppr.find(w("pStyle"))
        if style is not None and style.get(w("val")) in numbered_styles:
            _no_list(ppr)
            changed += 1
    return changed


__all__ = ["accept_revisions", "drop_numbering"]
