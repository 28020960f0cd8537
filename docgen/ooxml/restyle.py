"""Apply a :class:`~docgen.ooxml.housestyle.HouseStyle` to a template's parts, in memory.

The template keeps everything docgen relies on: its DG* paragraph styles (with their
numbering, indents and keep-with-next), its Jinja tags, its bookmarks and fields. From
the house style it takes page size and margins (tables are rescaled to the new text
width), fonts, sizes, colours and spacing of the mapped styles, the theme, and headers
and footers: each of the organisation's headers and footers is followed by docgen's own
line (reference and DRAFT marking; title, version and page numbers), so every page stays
marked. Text taken from the house style is escaped so that Jinja never reads it.
"""

from __future__ import annotations

import copy
import posixpath
from typing import cast

from lxml import etree

from docgen.ooxml.hdrfields import drop_page_number, has_page_field, w
from docgen.ooxml.hdrpictures import WP_NS, number_drawings, page_twips
from docgen.ooxml.hdrstyles import fitted, rename_refs, style_renames
from docgen.ooxml.housestyle import (
    CT_NS,
    IMAGE_RELS,
    IMAGE_TYPES,
    MAX_PAGE,
    MIN_TEXT,
    PARA_PROPS,
    PARSER,
    PKG_REL_NS,
    R_NS,
    REL,
    RUN_PROPS,
    STYLE_MAP,
    HouseStyle,
    Part,
    merge_props,
)

MAIN = "word/document.xml"
MAIN_RELS = "word/_rels/document.xml.rels"
STYLES = "word/styles.xml"
TYPES = "[Content_Types].xml"
TEMPLATE_TEXT_WIDTH = 9070  # twips: A4 less 2.5 cm margins, the templates' table width
#: styles whose size and paragraph spacing stay docgen's (a table header row in a heading's
#: size would not fit, and a heading's space before would sit its text at the bottom of a
#: tall grey row): they take the mapped style's font and colour only
KEEP_SIZE = {"DGTableHeader"}
#: sectPr children that come after pgMar, before which titlePg must not go (schema order)
AFTER_TITLE_PG = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
                  "sectPrChange")
PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
ESCAPE_OPEN, ESCAPE_CLOSE = "\ue000", "\ue001"
#: relationships in the default namespace, as Word writes them; lxml takes None for the
#: default prefix, which lxml-stubs' ``Mapping[str, str]`` for ``nsmap`` does not allow
DEFAULT_REL_NS = cast("dict[str, str]", {None: PKG_REL_NS})


def _set_props(target: etree._Element, tag: str, source: etree._Element | None,
               names: tuple[str, ...], order_before: tuple[str, ...] = ()) -> None:
    """Replace ``names`` children of ``target``'s ``tag`` with those of ``source``."""
    if source is None:
        return
    props = target.find(w(tag))
    if props is None:
        props = etree.SubElement(target, w(tag))
        for later in order_before:  # keep schema order: pPr before rPr before tblPr
            el = target.find(w(later))
            if el is not None and el is not props:
                el.addprevious(props)
                break
    for name in names:
        new = source.find(w(name))
        if new is None:
            continue
        for old in props.findall(w(name)):
            props.remove(old)
        props.append(copy.deepcopy(new))
    _sort_children(props, tag)


#: schema order of the children docgen sets (the rest keep their place, before these)
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
             "em", "lang", "eastAsianLayout", "specVanish", "oMath")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
               "shd", "tblLayout", "tblCellMar", "tblLook")
ORDERS = {"rPr": RPR_ORDER, "pPr": PPR_ORDER, "tblPr": TBLPR_ORDER}


def _sort_children(props: etree._Element, tag: str) -> None:
    order = {w(n): i for i, n in enumerate(ORDERS[tag])}
    children = sorted(props, key=lambda c: order.get(c.tag, len(order)))  # w14:* last
    for child in children:
        props.append(child)


def _restyle_styles(data: bytes, style: HouseStyle, renames: dict[str, str]) -> bytes:
    root = etree.fromstring(data, PARSER)
    ours = {s.get(w("styleId")): s for s in root.iter(w("style"))}
    src = {name: etree.fromstring(xml, PARSER) for name, xml in style.styles.items()}
    normal = src.get("Normal")
    defaults = etree.fromstring(style.doc_defaults, PARSER) if style.doc_defaults else None
    # the body font: their Normal as it resolves over their document defaults
    base_r = defaults.find(f"{w('rPrDefault')}/{w('rPr')}") if defaults is not None else None
    base_p = defaults.find(f"{w('pPrDefault')}/{w('pPr')}") if defaults is not None else None
    from_normal = normal.find(w("rPr")) if normal is not None else None
    body_r = merge_props(base_r, from_normal)
    body_p = merge_props(base_p, normal.find(w("pPr")) if normal is not None else None)
    our_defaults = root.find(w("docDefaults"))
    if our_defaults is not None:
        rpr = our_defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
        rpr_default = rpr.getparent() if rpr is not None else None
        if rpr_default is not None:
            _set_props(rpr_default, "rPr", body_r, ("rFonts", "sz", "szCs", "color"))
        ppr = our_defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
        ppr_default = ppr.getparent() if ppr is not None else None
        if ppr_default is not None:
            _set_props(ppr_default, "pPr", body_p, PARA_PROPS)
    for name, targets in STYLE_MAP.items():
        el = src.get(name)
        if name == "Normal":
            p_src, r_src = body_p, body_r
        elif el is not None:
            p_src, r_src = el.find(w("pPr")), el.find(w("rPr"))
        else:
            continue
        for sid in targets:
            target = ours.get(sid)
            if target is None:
                continue
            r_names = tuple(n for n in RUN_PROPS if sid not in KEEP_SIZE or
                            n not in ("sz", "szCs"))
            if sid not in KEEP_SIZE:
                _set_props(target, "pPr", p_src, PARA_PROPS, ("rPr", "tblPr"))
            _set_props(target, "rPr", r_src, r_names, ("tblPr",))
            if el is not None and name == "Table Grid":
                _set_props(target, "tblPr", el.find(w("tblPr")), ("tblBorders", "tblCellMar"),
                           ("trPr", "tcPr", "tblStylePr"))
    for xml in style.extra_styles:
        extra = fitted(etree.fromstring(xml, PARSER), renames)  # a name ours has: ours
        if extra is not None and extra.get(w("styleId")) not in ours:
            root.append(extra)
    return _tostring(root)


def _text_width(style: HouseStyle) -> int | None:
    """The style's text width in twips, to rescale tables to; None where the template's
    stays. A page no document fits was refused when the style was read (check_page)."""
    if not style.pg_sz or not style.pg_mar:
        return None
    sz, mar = etree.fromstring(style.pg_sz, PARSER), etree.fromstring(style.pg_mar, PARSER)
    page = page_twips(sz.get(w("w")))
    margins = [page_twips(mar.get(w(k)) or "0") for k in ("left", "right", "gutter")]
    if page is None or None in margins:
        return None
    width = round(page - sum(m or 0.0 for m in margins))
    return width if MIN_TEXT <= width <= MAX_PAGE else None


def _tab_stops(data: bytes, width: int) -> bytes:
    """Header and footer styles: centre and right tabs at the new text width."""
    root = etree.fromstring(data, PARSER)
    for s in root.iter(w("style")):
        if s.get(w("styleId")) not in ("Header", "Footer"):
            continue
        tabs = s.find(f"{w('pPr')}/{w('tabs')}")
        if tabs is None:
            continue
        for tab, pos in zip(tabs.findall(w("tab")), (width // 2, width), strict=False):
            tab.set(w("pos"), str(pos))
    return _tostring(root)


def _scale_tables(root: etree._Element, width: int) -> None:
    factor = width / TEMPLATE_TEXT_WIDTH
    for el in root.iter(w("tblW"), w("tcW"), w("gridCol")):
        if el.tag != w("gridCol") and el.get(w("type")) != "dxa":
            continue
        el.set(w("w"), str(round(int(el.get(w("w"), "0")) * factor)))


def _tostring(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _escaped(root: etree._Element) -> None:
    """Braces in the house style's text would be Jinja tags: mark them for _unescape."""
    for el in root.iter():
        if isinstance(el.tag, str):
            for attr in ("text", "tail"):
                value = getattr(el, attr)
                if value and (ESCAPE_OPEN in value or ESCAPE_CLOSE in value):
                    setattr(el, attr, value.replace(ESCAPE_OPEN, "").replace(ESCAPE_CLOSE, ""))
            if el.text and ("{" in el.text or "}" in el.text):
                el.text = el.text.replace("{", ESCAPE_OPEN).replace("}", ESCAPE_CLOSE)
            if el.tail and ("{" in el.tail or "}" in el.tail):
                el.tail = el.tail.replace("{", ESCAPE_OPEN).replace("}", ESCAPE_CLOSE)
            for k, v in el.attrib.items():
                if isinstance(v, str) and ("{" in v or "}" in v):  # always str; stubs allow bytes
                    el.set(k, v.replace("{", ESCAPE_OPEN).replace("}", ESCAPE_CLOSE))


def _unescape(xml: bytes) -> bytes:
    return xml.replace(ESCAPE_OPEN.encode(), b"&#123;").replace(ESCAPE_CLOSE.encode(),
                                                                 b"&#125;")


def _merged_part(ours: bytes, theirs: Part, drawing_ids: set[int],
                 renames: dict[str, str], numbered_elsewhere: bool = False) -> bytes:
    """Their header (or footer) followed by docgen's own paragraphs; where theirs numbers
    the pages, docgen's line leaves its own "Page X of Y" out (not said twice)."""
    mine = etree.fromstring(ours, PARSER)
    if not theirs.xml and not numbered_elsewhere:
        return ours
    root = etree.fromstring(theirs.xml, PARSER) if theirs.xml else \
        etree.Element(mine.tag, nsmap=cast("dict[str, str]", mine.nsmap))  # docgen line alone
    numbered = numbered_elsewhere or has_page_field(root)
    number_drawings(root, drawing_ids)  # unique across the document's parts
    rename_refs(root, renames)  # their "Kopfzeile" (named header) is our Header
    _escaped(root)
    sect = root.find(w("sectPr"))
    for p in mine:
        p = copy.deepcopy(p)
        if numbered and p.tag == w("p"):
            drop_page_number(p)
        if sect is not None:
            sect.addprevious(p)
        else:
            root.append(p)
    return _unescape(_tostring(root))


def _rels_xml(rels: list[tuple[str, str, str, str | None]]) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap=DEFAULT_REL_NS)
    for rid, typ, target, mode in rels:
        rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=typ,
                               Target=target)
        if mode:
            rel.set("TargetMode", mode)
    return _tostring(root)


def apply_house_style(members: list[tuple[str, bytes]], style: HouseStyle
                      ) -> list[tuple[str, bytes]]:
    """The template's zip members restyled (same order; new parts appended, sorted)."""
    parts = dict(members)
    main = etree.fromstring(parts[MAIN], PARSER)
    main_rels = etree.fromstring(parts[MAIN_RELS], PARSER)
    types = etree.fromstring(parts[TYPES], PARSER)
    by_id = {r.get("Id"): r for r in main_rels}
    added: dict[str, bytes] = {}
    width = _text_width(style)
    sects = list(main.iter(w("sectPr")))
    renames = style_renames(etree.fromstring(parts[STYLES], PARSER),
                            [etree.fromstring(x, PARSER) for x in style.extra_styles])
    drawing_ids = {int(d.get("id", "")) for d in main.iter(f"{{{WP_NS}}}docPr")
                   if d.get("id", "").isdigit()}  # the body's, kept unique with the headers'
    for sect in sects:
        for tag, xml in (("pgSz", style.pg_sz), ("pgMar", style.pg_mar)):
            old = sect.find(w(tag))
            if xml and old is not None:
                old.addprevious(etree.fromstring(xml, PARSER))
                sect.remove(old)
    if width is not None and width != TEMPLATE_TEXT_WIDTH:
        _scale_tables(main, width)
        parts[STYLES] = _tab_stops(parts[STYLES], width)
    # a letterhead whose header numbers the pages ("Page 2 of 5", top right): docgen's
    # footer leaves its own number out on those pages, as under a numbered footer
    numbered = {t for t, part in style.headers.items()
                if part.xml and has_page_field(etree.fromstring(part.xml, PARSER))}
    footers = {**{t: Part(b"", (), ()) for t in numbered}, **style.footers}
    for kind, theirs in (("header", style.headers), ("footer", footers)):
        if not theirs or not sects:
            continue
        ref = sects[-1].find(w(f"{kind}Reference"))
        rel = by_id.get(ref.get(f"{{{R_NS}}}id")) if ref is not None else None
        own_target = rel.get("Target") if rel is not None else None
        if own_target is None:
            continue
        own_name = posixpath.join("word", own_target)
        own = parts[own_name]
        for htype in sorted(theirs):
            name = own_name if htype == "default" else _free(parts, added, f"word/{kind}", ".xml")
            added[name] = _merged_part(own, theirs[htype], drawing_ids, renames,
                                       kind == "footer" and htype in numbered)
            media_rels = _copy_media(theirs[htype], name, parts, added, types)
            if media_rels:
                added[_rels_name(name)] = _rels_xml(media_rels)
            if htype == "default":
                continue
            rid = f"rIdDocgenHs{kind.title()}{htype.title()}"
            etree.SubElement(main_rels, f"{{{PKG_REL_NS}}}Relationship", Id=rid,
                             Type=REL + kind, Target=name.removeprefix("word/"))
            _override(types, "/" + name, PART_TYPE.format(kind))
            new = etree.Element(w(f"{kind}Reference"))  # the first page: first section
            new.set(w("type"), htype)
            new.set(f"{{{R_NS}}}id", rid)
            there = sects[0].find(w(f"{kind}Reference"))
            if there is not None:
                there.addnext(new)
            else:
                sects[0].insert(0, new)
    if sects and any("first" in d for d in (style.headers, style.footers)):
        for sect in sects[:1]:
            if sect.find(w("titlePg")) is None:
                later = [sect.find(w(t)) for t in AFTER_TITLE_PG]
                later = [el for el in later if el is not None]
                title_pg = etree.Element(w("titlePg"))
                if later:
                    later[0].addprevious(title_pg)
                else:
                    sect.append(title_pg)
    parts[STYLES] = _restyle_styles(parts[STYLES], style, renames)
    theme_rel = [r for r in main_rels if r.get("Type") == REL + "theme"]
    theme_target = theme_rel[0].get("Target") if theme_rel else None
    if style.theme and theme_target is not None:
        parts[posixpath.normpath(posixpath.join("word", theme_target))] = style.theme
    parts[MAIN] = _tostring(main)
    parts[MAIN_RELS] = _tostring(main_rels)
    parts.update({k: v for k, v in added.items() if k in parts})
    parts[TYPES] = _tostring(types)
    out = [(name, parts[name]) for name, _ in members]
    out += sorted((k, v) for k, v in added.items() if k not in dict(members))
    return out


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _free(parts: dict[str, bytes], added: dict[str, bytes], stem: str, ext: str) -> str:
    n = 1
    while f"{stem}{n}{ext}" in parts or f"{stem}{n}{ext}" in added:
        n += 1
    return f"{stem}{n}{ext}"


def _copy_media(part: Part, name: str, parts: dict[str, bytes], added: dict[str, bytes],
                types: etree._Element) -> list[tuple[str, str, str, str | None]]:
    """The header's images under new names, and its relationships pointing at them."""
    out: list[tuple[str, str, str, str | None]] = []
    media = dict(part.media)
    stem = posixpath.basename(name).removesuffix(".xml")
    for rid, typ, target, external in part.rels:
        if external or typ not in IMAGE_RELS:
            out.append((rid, typ, target, "External" if external else None))
            continue
        ext = target.rsplit(".", 1)[-1].lower()
        new = _free(parts, added, f"word/media/docgen-{stem}-image", f".{ext}")
        added[new] = media[target]
        _default(types, ext, IMAGE_TYPES[ext])
        out.append((rid, typ, new.removeprefix("word/"), None))
    return out


def _override(types: etree._Element, part: str, content_type: str) -> None:
    if not any(t.get("PartName") == part for t in types):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part,
                         ContentType=content_type)


def _default(types: etree._Element, ext: str, content_type: str) -> None:
    if any(t.get("Extension", "").lower() == ext for t in types):
        return
    new = etree.Element(f"{{{CT_NS}}}Default", Extension=ext, ContentType=content_type)
    defaults = [t for t in types if t.tag == f"{{{CT_NS}}}Default"]
    if defaults:
        defaults[-1].addnext(new)
    else:
        types.insert(0, new)


__all__ = ["apply_house_style"]
