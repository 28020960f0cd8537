"""Pictures in a house style's headers and footers, kept to a size a page can hold.

A logo inserted at its own size (a 3000 x 2000 pixel file is 106 cm wide at 72 dpi) fills
the first page of every document, pushing the title and docgen's DRAFT line off it. Each
picture's size (``wp:extent`` and its frame's ``a:ext``; the style of a VML picture, as
files converted from .doc hold them) is scaled down, keeping its proportions,
to the text width and a fifth of the page height (an inline logo), or to the page (a
picture anchored to the page, such as a letterhead printed behind the text), with a
warning that says what was done and how to choose the size in Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
#: a VML style's width or height, and what one of each unit is in EMU
_VML_SIZE = re.compile(r"(?<![-\w])(width|height)\s*:\s*([0-9.]+)\s*(pt|in|cm|mm|px)?", re.I)
_VML_UNITS = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, None: 9525}
EMU_PER_TWIP = 635
EMU_PER_CM = 360_000
#: the first drawing id of the headers and footers docgen copies: above the few drawings of
#: a template's body, and one number for each drawing in the whole document
FIRST_DRAWING_ID = 1000
#: a picture anchored to the page may be this much (per cent) of it: a designed letterhead
#: printed behind the text is made a little larger than the page, so no white edge shows
BLEED = 110
#: an inline picture may be at most this share of the page height (a letterhead logo is 2-4 cm)
INLINE_HEIGHT_SHARE = 5


TWIPS_PER_CM = 1440 / 2.54
#: a page measure with its unit ("21cm"), which the schema allows beside whole twips
_MEASURE = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(mm|cm|in|pt|pc|pi)?")
_TWIPS_PER = {None: 1.0, "mm": TWIPS_PER_CM / 10, "cm": TWIPS_PER_CM, "in": 1440.0,
              "pt": 20.0, "pc": 240.0, "pi": 240.0}


def page_twips(value: str | None) -> float | None:
    """A page measure in twips (Word writes whole twips; "21cm" is valid too); None if
    it is not a measure."""
    m = _MEASURE.fullmatch((value or "").strip())
    return float(m.group(1)) * _TWIPS_PER[m.group(2)] if m else None


@dataclass(frozen=True)
class Page:
    """The page a header is printed on, in twips (docgen's A4 template if the file sets none)."""

    width: int = 11906
    height: int = 16838
    text_width: int = 9070


def _cm(emu: int) -> str:
    return f"{emu / EMU_PER_CM:.1f} cm"


def _room(page: Page, anchored: bool) -> tuple[int, int, str]:
    """The largest width and height (EMU) a picture may have, and those words."""
    if anchored:  # a letterhead printed behind the text may bleed past the page's edges
        return (page.width * EMU_PER_TWIP * BLEED // 100,
                page.height * EMU_PER_TWIP * BLEED // 100, "the page")
    return (page.text_width * EMU_PER_TWIP,
            page.height * EMU_PER_TWIP // INLINE_HEIGHT_SHARE,
            f"the text width ({_cm(page.text_width * EMU_PER_TWIP)}) and a fifth of the "
            "page height")


def _warning(name: str, where: str, old: tuple[int, int], new: tuple[int, int],
             room: str) -> str:
    """The picture named by where it sits, not by its part (word/media/image1.png): the
    warning is a drafting note the other organisation reads, and Word shows no part names."""
    return (f"{name}: a picture in its {where} is {_cm(old[0])} x {_cm(old[1])}, "
            f"larger than {room}; docgen prints it {_cm(new[0])} x {_cm(new[1])}. To choose "
            "its size, resize the picture in Word (Picture Format > Size, e.g. 4 cm wide) "
            "and save the file")


def _scaled(cx: int, cy: int, max_w: int, max_h: int) -> tuple[int, int] | None:
    """(cx, cy) scaled down to fit, proportions kept; None if it fits already."""
    scale = min(1.0, max_w / cx, max_h / cy)
    return None if scale >= 1.0 else (max(1, int(cx * scale)), max(1, int(cy * scale)))


def fit_pictures(root: etree._Element, page: Page, name: str, where: str) -> list[str]:
    """Scale down the pictures in ``root`` that a page cannot hold; one warning for each."""
    return [*_fit_drawings(root, page, name, where), *_fit_vml(root, page, name, where)]


def _fit_drawings(root: etree._Element, page: Page, name: str, where: str) -> list[str]:
    """DrawingML pictures (``w:drawing``): ``wp:extent`` and the frame of the picture or
    group it holds (a group's children keep their own coordinates)."""
    warnings = []
    for extent in root.iter(f"{{{WP_NS}}}extent"):
        holder = extent.getparent()
        try:
            cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        except ValueError:
            continue
        if holder is None or cx <= 0 or cy <= 0:
            continue
        max_w, max_h, room = _room(page, holder.tag == f"{{{WP_NS}}}anchor")
        new = _scaled(cx, cy, max_w, max_h)
        if new is None:
            continue
        extent.set("cx", str(new[0]))
        extent.set("cy", str(new[1]))
        for shape in holder.iter(f"{{{A_NS}}}graphicData"):
            for ext in (el.find(f"*/{{{A_NS}}}xfrm/{{{A_NS}}}ext") for el in shape):
                if ext is not None:
                    ext.set("cx", str(new[0]))
                    ext.set("cy", str(new[1]))
        warnings.append(_warning(name, where, (cx, cy), new, room))
    return warnings


def _fit_vml(root: etree._Element, page: Page, name: str, where: str) -> list[str]:
    """VML pictures (``w:pict``, as Word 2003 and files converted from .doc hold them):
    the ``width`` and ``height`` of the shape's style."""
    warnings = []
    for shape in root.iter(f"{{{V_NS}}}shape"):
        image = shape.find(f"{{{V_NS}}}imagedata")
        style = shape.get("style", "")
        sizes = dict(_style_sizes(style))
        if image is None or "width" not in sizes or "height" not in sizes:
            continue
        cx, cy = sizes["width"], sizes["height"]
        max_w, max_h, room = _room(page, "position:absolute" in style.replace(" ", ""))
        new = _scaled(cx, cy, max_w, max_h) if cx > 0 and cy > 0 else None
        if new is None:
            continue
        shape.set("style", _resized(style, new))
        warnings.append(_warning(name, where, (cx, cy), new, room))
    return warnings


def _resized(style: str, size: tuple[int, int]) -> str:
    """A VML style with its width and height set to ``size`` (EMU), in points."""
    def points(m: re.Match[str]) -> str:
        emu = size[0] if m.group(1).lower() == "width" else size[1]
        return f"{m.group(1)}:{emu / _VML_UNITS['pt']:.2f}pt"
    return _VML_SIZE.sub(points, style)


def _style_sizes(style: str) -> list[tuple[str, int]]:
    out = []
    for m in _VML_SIZE.finditer(style):
        try:
            unit = m.group(3).lower() if m.group(3) else None
            out.append((m.group(1).lower(), int(float(m.group(2)) * _VML_UNITS[unit])))
        except ValueError:
            continue
    return out


def number_drawings(root: etree._Element, used: set[int]) -> None:
    """Keep each drawing id (``wp:docPr``) of a copied header or footer unique in the
    document: Word numbers drawings per part, so the first-page and default headers both
    hold id 1, and some versions of Word then report unreadable content and repair. An id
    already ``used`` becomes the next free one from :data:`FIRST_DRAWING_ID`."""
    for doc_pr in root.iter(f"{{{WP_NS}}}docPr"):
        value = doc_pr.get("id", "")
        number = int(value) if value.isdigit() else 0
        if number == 0 or number in used:
            number = max(FIRST_DRAWING_ID, *used) + 1 if used else FIRST_DRAWING_ID
            doc_pr.set("id", str(number))
        used.add(number)


def page_of(pg_sz: etree._Element | None, pg_mar: etree._Element | None,
            w_ns: str) -> Page:
    """The page of the house style's last section (docgen's A4 where it gives none)."""
    default = Page()
    if pg_sz is None:
        return default
    sides = [page_twips(pg_sz.get(f"{{{w_ns}}}{side}", "0")) for side in ("w", "h")]
    margins = [0.0 if pg_mar is None else page_twips(pg_mar.get(f"{{{w_ns}}}{side}") or "0")
               for side in ("left", "right", "gutter")]
    if None in sides or None in margins:
        return default
    width, height = (round(v) for v in sides)  # type: ignore[arg-type]
    if not (2000 <= width <= 40000 and 2000 <= height <= 40000):  # (housestyle.check_page
        return default  # refuses a page outside its narrower bounds before this is asked)
    text = width - round(sum(margins))  # type: ignore[arg-type]
    return Page(width, height, text if 1000 <= text <= width else default.text_width)


__all__ = ["FIRST_DRAWING_ID", "TWIPS_PER_CM", "Page", "fit_pictures", "number_drawings", "page_of",
           "page_twips"]
