"""Pictures in a house style's headers and footers, kept to a size a page can hold.

A logo inserted at its own size (a 3000 x 2000 pixel file is 106 cm wide at 72 dpi) fills
the first page of every document, pushing the title and docgen's DRAFT line off it. Each
picture's size (``wp:extent`` and its ``a:ext``) is scaled down, keeping its proportions,
to the text width and a fifth of the page height (an inline logo), or to the page (a
picture anchored to the page, such as a letterhead printed behind the text), with a
warning that says what was done and how to choose the size in Word.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU_PER_TWIP = 635
EMU_PER_CM = 360_000
#: the first drawing id of the headers and footers docgen copies: above the few drawings of
#: a template's body, and one number for each drawing in the whole document
FIRST_DRAWING_ID = 1000
#: an inline picture may be at most this share of the page height (a letterhead logo is 2-4 cm)
INLINE_HEIGHT_SHARE = 5


@dataclass(frozen=True)
class Page:
    """The page a header is printed on, in twips (docgen's A4 template if the file sets none)."""

    width: int = 11906
    height: int = 16838
    text_width: int = 9070


def _cm(emu: int) -> str:
    return f"{emu / EMU_PER_CM:.1f} cm"


def fit_pictures(root: etree._Element, page: Page, name: str, where: str,
                 targets: dict[str, str]) -> list[str]:
    """Scale down the pictures in ``root`` that a page cannot hold; one warning for each.

    ``targets`` maps relationship ids to the picture's part name, for the message."""
    warnings = []
    for extent in root.iter(f"{{{WP_NS}}}extent"):
        holder = extent.getparent()
        if holder is None:
            continue
        try:
            cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        except ValueError:
            continue
        if cx <= 0 or cy <= 0:
            continue
        if holder.tag == f"{{{WP_NS}}}anchor":
            max_w, max_h = page.width * EMU_PER_TWIP, page.height * EMU_PER_TWIP
            room = "the page"
        else:
            max_w = page.text_width * EMU_PER_TWIP
            max_h = page.height * EMU_PER_TWIP // INLINE_HEIGHT_SHARE
            room = f"the text width ({_cm(max_w)}) and a fifth of the page height"
        scale = min(1.0, max_w / cx, max_h / cy)
        if scale >= 1.0:
            continue
        new_cx, new_cy = max(1, int(cx * scale)), max(1, int(cy * scale))
        extent.set("cx", str(new_cx))
        extent.set("cy", str(new_cy))
        for ext in holder.iter(f"{{{A_NS}}}ext"):
            if ext.get("cx") is not None and ext.get("cy") is not None:
                ext.set("cx", str(new_cx))
                ext.set("cy", str(new_cy))
        blip = next(holder.iter(f"{{{A_NS}}}blip"), None)
        rid = blip.get(f"{{{_R_NS}}}embed", "") if blip is not None else ""
        picture = targets.get(rid, "a picture")
        warnings.append(
            f"{name}: the picture {picture} in its {where} is {_cm(cx)} x {_cm(cy)}, larger "
            f"than {room}; docgen prints it {_cm(new_cx)} x {_cm(new_cy)}. To choose its "
            "size, resize the picture in Word (Picture Format > Size, e.g. 4 cm wide) "
            "and save the file")
    return warnings


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
    try:
        width = int(pg_sz.get(f"{{{w_ns}}}w", "0"))
        height = int(pg_sz.get(f"{{{w_ns}}}h", "0"))
        margins = 0 if pg_mar is None else sum(
            int(pg_mar.get(f"{{{w_ns}}}{side}", "0") or 0) for side in ("left", "right",
                                                                        "gutter"))
    except ValueError:
        return default
    if not (2000 <= width <= 40000 and 2000 <= height <= 40000):
        return default
    text = width - margins
    return Page(width, height, text if 1000 <= text <= width else default.text_width)


__all__ = ["FIRST_DRAWING_ID", "Page", "fit_pictures", "number_drawings", "page_of"]
