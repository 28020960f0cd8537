"""Read an organisation's own Word file (.docx/.dotx) as a house style.

Only what makes a document *theirs* is taken: page size and margins, the fonts,
sizes, colours and spacing of a documented list of Word styles, the theme, and the
headers and footers with their images. Everything else in the file (its text, its
numbering, its macros) is ignored. :func:`parse_house_style` raises
:class:`HouseStyleError` with a message saying what is wrong and what to do;
:mod:`docgen.ooxml.restyle` applies the result to a template; the file is opened as a
package (zip, parts, relationships, what is not Word's) by :mod:`docgen.ooxml.stylepackage`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from docgen.ooxml.hdrfields import KEPT_FIELDS, drop_fields, w
from docgen.ooxml.hdrpictures import TWIPS_PER_CM, Page, fit_pictures, page_of, page_twips
from docgen.ooxml.revisions import accept_revisions, drop_numbering
from docgen.ooxml.stylenames import find_style
from docgen.ooxml.stylepackage import (
    OLE_MAGIC,
    PARSER,
    HouseStyleError,
    Package,
    damaged,
    main_part,
    open_zip,
    parse_part,
    sniff,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAX_IMAGE_BYTES = 2_000_000  # a letterhead logo is tens of kilobytes
#: Word style names read from the file, and the style ids in docgen's templates they set
STYLE_MAP: dict[str, tuple[str, ...]] = {
    "Normal": ("Normal",),
    "Title": ("DGTitle",),
    "Subtitle": ("DGSubtitle",),
    "Heading 1": ("DGClause1", "DGSchedule"),
    "Heading 2": ("DGHeading",),
    "Heading 3": ("DGTableHeader",),
    "Header": ("Header",),
    "Footer": ("Footer",),
    "Table Grid": ("DGTable",),
}
#: run and paragraph properties copied from a mapped style (numbering and indents stay docgen's)
RUN_PROPS = ("rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "color", "sz", "szCs")
PARA_PROPS = ("spacing",)
#: relationship types of pictures: Office's own, and the HD photo Word adds for effects
IMAGE_RELS = (REL + "image", "http://schemas.microsoft.com/office/2007/relationships/hdphoto")
IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg",
               "svg": "image/svg+xml", "wdp": "image/vnd.ms-photo",
               "gif": "image/gif", "bmp": "image/bmp", "emf": "image/x-emf",
               "wmf": "image/x-wmf", "tif": "image/tiff", "tiff": "image/tiff"}
HEADER_TYPES = ("default", "first")
#: The pages a document fits, in twips (1/1440 inch), as restyle copies the style's last
#: section into every section of a contract: each side of the page at least 7.4 cm (A7's
#: short side, a small booklet; a 2 x 3 cm label template would put one word on a line and
#: LibreOffice never finishes laying out a contract on it) and at most 60 cm (Word's own
#: largest page is 55.9 cm, 22 inches, each way; A2 landscape, 59.4 cm, made elsewhere
#: fits too; a 500 cm page is a unit typed wrong); and at least 5 cm across and down left
#: for the text once the margins (and gutter) are taken off (a table of two columns still
#: fits; margins wider than the page leave a negative width no program lays out).
MIN_PAGE, MAX_PAGE, MIN_TEXT = 4195, 34016, 2835  # 7.4 cm, 60 cm, 5 cm
#: where the style has no pgSz or pgMar the template's stay: A4, margins of 2.5 cm
TEMPLATE_PAGE = {"w": 11906, "h": 16838, "left": 1418, "right": 1418, "top": 1418,
                 "bottom": 1418, "gutter": 0}
PAGE_FIX = ("set the page to A4, 21 x 29.7 cm, with margins of about 2.5 cm, in Word's "
            "Layout > Size and Margins, and save the file again")


@dataclass(frozen=True)
class Part:
    """A header or footer of the house style: its XML root (fields already made safe),
    its relationships (id, type, target part name or external URL, external?) and media."""

    xml: bytes
    rels: tuple[tuple[str, str, str, bool], ...]
    media: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class HouseStyle:
    """What docgen takes from one Word file; equal when the file's bytes are equal."""

    sha256: str
    name: str = field(compare=False)
    pg_sz: bytes | None = field(compare=False, default=None)
    pg_mar: bytes | None = field(compare=False, default=None)
    doc_defaults: bytes | None = field(compare=False, default=None)
    styles: dict[str, bytes] = field(compare=False, default_factory=dict)  # name → w:style
    extra_styles: tuple[bytes, ...] = field(compare=False, default=())  # used by headers
    theme: bytes | None = field(compare=False, default=None)
    headers: dict[str, Part] = field(compare=False, default_factory=dict)  # type → part
    footers: dict[str, Part] = field(compare=False, default_factory=dict)
    fonts: tuple[str, ...] = field(compare=False, default=())
    warnings: tuple[str, ...] = field(compare=False, default=())


def merge_props(base: etree._Element | None, over: etree._Element | None
                ) -> etree._Element | None:
    """Properties of ``over`` on top of ``base`` (child elements by tag), as a copy."""
    if base is None:
        return copy.deepcopy(over) if over is not None else None
    out = copy.deepcopy(base)
    for child in over if over is not None else ():
        for old in out.findall(child.tag):
            out.remove(old)
        out.append(copy.deepcopy(child))
    return out


def _resolved(styles: dict[str, etree._Element], sid: str, tag: str,
              seen: tuple[str, ...] = ()) -> etree._Element | None:
    """``tag`` (rPr, pPr, tblPr) of style ``sid`` with what it inherits through basedOn."""
    el = styles.get(sid)
    if el is None or sid in seen or len(seen) > 20:
        return None
    based = el.find(w("basedOn"))
    base_id = based.get(w("val")) if based is not None else None
    parent = _resolved(styles, base_id, tag, (*seen, sid)) if base_id is not None else None
    return merge_props(parent, el.find(w(tag)))


def _read_styles(pkg: Package, main: str) -> tuple[bytes | None, dict[str, bytes],
                                                     dict[str, etree._Element], list[str]]:
    """docDefaults, the mapped styles flattened (basedOn resolved), all styles by id, fonts."""
    target = [t for _, typ, t, ext in pkg.rels(main) if typ == REL + "styles" and not ext]
    if not target or target[0] not in pkg.names:
        raise HouseStyleError(f"{pkg.name} has no styles; docgen takes fonts and colours from "
                              "its styles. Open the organisation's template in Word, check it "
                              "has its Normal and Heading styles, and save it as .docx")
    root = pkg.xml(target[0])
    accept_revisions(root)  # the styles as they read with every tracked change accepted
    by_id = {s.get(w("styleId"), ""): s for s in root.iter(w("style"))}
    by_name: dict[str, str] = {}
    for sid, s in by_id.items():
        name_el = s.find(w("name"))
        if name_el is not None:
            by_name.setdefault(name_el.get(w("val"), "").lower(), sid)
    defaults = root.find(w("docDefaults"))
    flat: dict[str, bytes] = {}
    fonts: list[str] = []
    for name in STYLE_MAP:
        mapped = find_style(name, by_name, by_id)
        if mapped is None:
            continue
        out = etree.Element(w("style"), nsmap={"w": W_NS})
        for tag in ("pPr", "rPr", "tblPr"):
            props = _resolved(by_id, mapped, tag)
            if props is not None:
                out.append(props)
                fonts += _font_names(props.find(w("rFonts")) if tag == "rPr" else None)
        flat[name] = etree.tostring(out)
    if not {"Normal", "Title", "Heading 1", "Heading 2"} & set(flat):
        raise HouseStyleError(f"{pkg.name} has no styles docgen can use (none of Normal, "
                              "Title, Heading 1, Heading 2); save the organisation's own "
                              "template from Word as .docx, not a plain or converted file")
    if defaults is not None:
        rfonts = defaults.find(f"{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
        normal = etree.fromstring(flat["Normal"]) if "Normal" in flat else None
        if normal is None or normal.find(f"{w('rPr')}/{w('rFonts')}") is None:
            fonts += _font_names(rfonts)  # the body font comes from the defaults
    return (etree.tostring(defaults) if defaults is not None else None, flat, by_id,
            [f for f in fonts if f])


def _font_names(rfonts: etree._Element | None) -> list[str]:
    """The font a w:rFonts names for Latin text: by name, or "+major"/"+minor" (theme)."""
    if rfonts is None:
        return []
    theme = rfonts.get(w("asciiTheme"))
    if theme:
        return ["+major" if theme.startswith("major") else "+minor"]
    return [rfonts.get(w("ascii"), "")]


def _theme(pkg: Package, main: str) -> tuple[bytes | None, dict[str, str]]:
    target = [t for _, typ, t, ext in pkg.rels(main) if typ == REL + "theme" and not ext]
    if not target or target[0] not in pkg.names:
        return None, {}
    data = pkg.read(target[0])
    root = parse_part(pkg.name, target[0], data)
    fonts = {}
    for which in ("major", "minor"):
        latin = root.find(f".//{{{A_NS}}}{which}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts["+" + which] = latin.get("typeface", "")
    return data, fonts


def _numbered(by_id: dict[str, etree._Element]) -> frozenset[str]:
    """The paragraph styles that number their paragraphs (a list style, through basedOn)."""
    out = set()
    for sid in by_id:
        ppr = _resolved(by_id, sid, "pPr")
        num = ppr.find(f"{w('numPr')}/{w('numId')}") if ppr is not None else None
        if num is not None and num.get(w("val")) != "0":
            out.add(sid)
    return frozenset(out)


def _part(pkg: Package, part: str, where: str, numbered: frozenset[str] = frozenset(),
          page: Page | None = None) -> tuple[Part | None, list[str]]:
    """One header or footer made safe: tracked changes accepted, numbering off, fields,
    relationships, images bounded in bytes and in size on the page."""
    root = pkg.xml(part)
    accept_revisions(root)  # pending revisions never reach a generated document
    drop_numbering(root, numbered)  # its list ids would be docgen's clause numbering
    warnings = drop_fields(root, pkg.name, where)
    rels, media = [], []
    for rid, typ, target, external in pkg.rels(part):
        if typ == REL + "hyperlink":
            rels.append((rid, typ, target, external))
        elif typ in IMAGE_RELS and not external and target in pkg.names:
            ext = target.rsplit(".", 1)[-1].lower()
            if ext not in IMAGE_TYPES:
                return None, [*warnings, f"{pkg.name}: the {where} has a picture of a kind "
                              f"docgen does not copy ({target}); the {where} is left out. "
                              "Insert the logo as PNG or JPEG"]
            size = pkg.zip.getinfo(target).file_size
            if size > MAX_IMAGE_BYTES:
                raise HouseStyleError(f"{pkg.name}: the picture {target} in its {where} is "
                                      f"{size:,} bytes (limit {MAX_IMAGE_BYTES:,}); insert "
                                      "a smaller logo (compress pictures in Word) and save")
            rels.append((rid, typ, target, False))
            media.append((target, pkg.read(target, MAX_IMAGE_BYTES)))
        elif typ in IMAGE_RELS and not external:  # named, but not in the zip: damaged
            return None, [*warnings, f"{pkg.name}: the picture {target} in its {where} is "
                          f"missing from the file (the file is damaged); the {where} is left "
                          "out. Open it in Word, insert the logo again and save"]
        else:
            what = "linked picture" if typ in IMAGE_RELS else typ.rsplit("/", 1)[-1]
            return None, [*warnings, f"{pkg.name}: the {where} holds a {what} docgen cannot "
                          f"keep; the {where} is left out. Insert pictures into the file "
                          "(not linked) and remove embedded objects"]
    warnings += fit_pictures(root, page or Page(), pkg.name, where)
    return Part(etree.tostring(root), tuple(rels), tuple(media)), warnings


def _header_styles(parts: list[Part], by_id: dict[str, etree._Element]) -> tuple[bytes, ...]:
    """Styles the headers and footers name (beyond docgen's), with their basedOn chain."""
    wanted: list[str] = []
    for p in parts:
        root = etree.fromstring(p.xml, PARSER)
        for el in root.iter(w("pStyle"), w("rStyle"), w("tblStyle")):
            wanted.append(el.get(w("val"), ""))
    out: dict[str, bytes] = {}
    while wanted:
        sid = wanted.pop()
        if sid in out or sid not in by_id or len(out) > 50:
            continue
        style = copy.deepcopy(by_id[sid])
        drop_numbering(style)  # a list style's numbering would be docgen's clause list
        out[sid] = etree.tostring(style)
        based = by_id[sid].find(w("basedOn"))
        if based is not None:
            wanted.append(based.get(w("val"), ""))
    return tuple(out[k] for k in sorted(out))


def _cm(twips: float) -> str:
    return f"{twips / TWIPS_PER_CM:.1f}"


def check_page(name: str, pg_sz: etree._Element | None, pg_mar: etree._Element | None
               ) -> None:
    """Refuse a page no document fits (see :data:`MIN_PAGE`): its size and margins go into
    every section, so a label or poster page gives a document no one can print or open."""
    found: dict[str, float] = {}
    for el, keys in ((pg_sz, ("w", "h")), (pg_mar, ("left", "right", "top", "bottom",
                                                     "gutter"))):
        for key in keys:
            raw = el.get(w(key)) if el is not None else None
            if el is None or (raw in (None, "") and key in ("w", "h")):
                found[key] = TEMPLATE_PAGE[key]  # what the document keeps
                continue
            value = page_twips(raw) if raw else 0.0  # a margin left out is none
            if value is None:
                raise HouseStyleError(f"{name}: its page size or margins cannot be read "
                                      f"({key}=\"{raw}\"); {PAGE_FIX}")
            found[key] = value
    width, height = found["w"], found["h"]
    across = width - found["left"] - found["right"] - found["gutter"]
    down = height - abs(found["top"]) - abs(found["bottom"])  # negative: "exactly"
    size = [what for what, bad in (
        ("narrower than 7.4 cm", width < MIN_PAGE), ("wider than 60 cm", width > MAX_PAGE),
        ("shorter than 7.4 cm", height < MIN_PAGE), ("taller than 60 cm", height > MAX_PAGE))
        if bad]
    wrong = [f"the page is {' and '.join(size)}"] if size else []
    if min(found["left"], found["right"], found["gutter"]) < 0:
        wrong.append("a left or right margin is negative")
    gutter = " and the gutter" if found["gutter"] else ""
    if not size and across < MIN_TEXT:
        wrong.append(f"the left and right margins{gutter} leave {_cm(across)} cm of the "
                     "page's width for the text")
    if not size and down < MIN_TEXT:
        wrong.append(f"the top and bottom margins leave {_cm(down)} cm of the page's height "
                     "for the text")
    if not wrong:
        return
    margins = ", ".join(f"{_cm(found[k])} cm ({k})" for k in ("left", "right", "top"))
    margins += f" and {_cm(found['bottom'])} cm (bottom)"
    if gutter:
        margins += f", a gutter of {_cm(found['gutter'])} cm"
    raise HouseStyleError(
        f"{name}: its page is {_cm(width)} x {_cm(height)} cm with margins of {margins}, "
        f"which no document fits: {'; '.join(wrong)} (docgen takes a page of 7.4 cm to 60 cm each "
        "way with at least 5 cm across and down for the text"
        f"{'; a label or poster template given by mistake?' if size else ''}). To use this "
        f"file, {PAGE_FIX}")


def parse_house_style(name: str, data: bytes, sha256: str) -> HouseStyle:
    """The house style in ``data`` (a .docx/.dotx already checked against zip bombs)."""
    sniff(name, data)
    pkg = Package(name, data)
    main = main_part(pkg)
    defaults, flat, by_id, fonts = _read_styles(pkg, main)
    numbered = _numbered(by_id)
    theme, theme_fonts = _theme(pkg, main)
    doc = pkg.xml(main)
    body = doc.find(w("body"))
    sect = body.find(w("sectPr")) if body is not None else None
    if sect is None:
        sects = list(doc.iter(w("sectPr")))
        sect = sects[-1] if sects else None
    warnings: list[str] = []
    parts: dict[str, dict[str, Part]] = {"header": {}, "footer": {}}
    pg_sz = pg_mar = None
    if sect is not None:
        pg_sz = sect.find(w("pgSz"))
        pg_mar = sect.find(w("pgMar"))
        check_page(name, pg_sz, pg_mar)  # copied into every section: refused if unusable
        title_pg = sect.find(w("titlePg"))
        first_page = title_pg is not None and \
            title_pg.get(w("val"), "1") not in ("0", "false", "off")
        rels = {rid: target for rid, _, target, ext in pkg.rels(main) if not ext}
        page = page_of(pg_sz, pg_mar, W_NS)
        for kind in ("header", "footer"):
            for ref in sect.findall(w(f"{kind}Reference")):
                htype = ref.get(w("type"), "default")
                if htype not in HEADER_TYPES or (htype == "first" and not first_page):
                    continue
                target = rels.get(ref.get(f"{{{R_NS}}}id", ""))
                if target not in pkg.names:
                    continue
                where = f"{'first-page ' if htype == 'first' else ''}{kind}"
                part, found = _part(pkg, target, where, numbered, page)
                warnings += found
                if part is not None:
                    parts[kind][htype] = part
            if first_page and "first" not in parts[kind]:
                parts[kind]["first"] = Part(b"", (), ())  # a blank first-page header
    all_parts = [p for d in parts.values() for p in d.values() if p.xml]
    return HouseStyle(
        sha256=sha256, name=name,
        pg_sz=etree.tostring(pg_sz) if pg_sz is not None else None,
        pg_mar=etree.tostring(pg_mar) if pg_mar is not None else None,
        doc_defaults=defaults, styles=flat, extra_styles=_header_styles(all_parts, by_id),
        theme=theme, headers=parts["header"], footers=parts["footer"],
        fonts=tuple(dict.fromkeys(theme_fonts.get(f, f) for f in fonts
                                  if f and theme_fonts.get(f, f)[:1] not in ("", "+"))),
        warnings=tuple(dict.fromkeys(warnings)))


__all__ = ["HouseStyle", "HouseStyleError", "Part", "parse_house_style", "sniff", "merge_props",
           "damaged", "open_zip", "OLE_MAGIC", "PARSER",
           "STYLE_MAP", "KEPT_FIELDS", "MAX_IMAGE_BYTES", "MIN_TEXT", "MAX_PAGE",
           "check_page"]
