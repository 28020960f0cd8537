"""The styles a house style's headers and footers use, fitted into a template's styles.

A letterhead saved by German Word names its header style ``Kopfzeile`` (id) and ``header``
(name), based on ``Standard`` (``Normal``, the default paragraph style). Copied under their
own ids beside the template's ``Header`` and ``Normal``, the document held two styles
named ``header`` and two default paragraph styles, which Word repairs. A copied style
whose name the template already has is now the template's style: the headers'
references (``w:pStyle``, ``w:rStyle``, ``w:tblStyle``) and the copied styles'
``basedOn``, ``link`` and ``next`` point at the template's id, and no copied style is a
default.
"""

from __future__ import annotations

from lxml import etree

from docgen.ooxml.hdrfields import w

#: the attributes of a style that name another style
STYLE_LINKS = ("basedOn", "link", "next")


def _name(style: etree._Element) -> str:
    name = style.find(w("name"))
    return (name.get(w("val"), "") if name is not None else "").lower()


def style_renames(ours: etree._Element, extra: list[etree._Element]) -> dict[str, str]:
    """Copied style id → the template's style id, for copied styles whose name (and
    type) the template's styles already have under another id."""
    ids = {s.get(w("styleId")) for s in ours.iter(w("style"))}
    by_name = {(_name(s), s.get(w("type"))): s.get(w("styleId"), "")
               for s in ours.iter(w("style"))}
    out = {}
    for style in extra:
        sid = style.get(w("styleId"), "")
        same = by_name.get((_name(style), style.get(w("type"))))
        if sid not in ids and same:
            out[sid] = same
    return out


def rename_refs(root: etree._Element, renames: dict[str, str]) -> None:
    """Point ``w:pStyle``/``w:rStyle``/``w:tblStyle`` (and a style's basedOn, link, next)
    at new ids."""
    if not renames:
        return
    refs = (w("pStyle"), w("rStyle"), w("tblStyle"), *(w(t) for t in STYLE_LINKS))
    for el in root.iter(*refs):
        value = el.get(w("val"), "")
        if value in renames:
            el.set(w("val"), renames[value])


def fitted(style: etree._Element, renames: dict[str, str]) -> etree._Element | None:
    """A copied style as it goes into the template's styles: None if the template has it
    (by id or by name), else with its references renamed and never a default."""
    if style.get(w("styleId"), "") in renames:
        return None
    rename_refs(style, renames)
    if w("default") in style.attrib:
        del style.attrib[w("default")]
    return style


__all__ = ["fitted", "rename_refs", "style_renames"]
