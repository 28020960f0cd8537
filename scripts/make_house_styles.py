"""Write the two example organisations' house styles (Word files) with python-docx.

Each is what a council's own letterhead template looks like: its own font, coloured
headings, a first-page header with a logo (drawn here as a PNG with zlib, no image
library needed) and the council's address, a plainer header on later pages, and a
footer. Run from a checkout: ``python scripts/make_house_styles.py``; the files go to
``inputs/organisations/styles/``. The output is byte-identical between runs.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "inputs" / "organisations" / "styles"
Pixel = tuple[int, int, int]


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """A truecolour PNG of ``pixel(x, y)``: signature, IHDR, one IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def eastwick_logo(x: int, y: int) -> Pixel:
    """A teal tile with a white tower (the Town Hall) and a gold band."""
    teal, white, gold = (0x1F, 0x6F, 0x78), (0xFF, 0xFF, 0xFF), (0xE0, 0xA8, 0x20)
    if 96 <= y < 108:
        return gold
    if 50 <= x < 70 and 20 <= y < 96 or 30 <= x < 90 and 60 <= y < 96:
        return white
    if 56 <= x < 64 and 8 <= y < 20:
        return white
    return teal


def westmere_logo(x: int, y: int) -> Pixel:
    """A maroon disc with white waves (the river) on white."""
    dx, dy = x - 60, y - 60
    if dx * dx + dy * dy > 56 * 56:
        return (0xFF, 0xFF, 0xFF)
    wave = (y - 70) % 18 < 5 and y > 58 and abs(((x // 10) % 2) * 4 - (y - 70) % 18) < 4
    return (0xFF, 0xFF, 0xFF) if wave else (0x7A, 0x1F, 0x3D)


@dataclass(frozen=True)
class Council:
    key: str
    name: str
    address: str
    web: str
    font: str
    heading: RGBColor
    accent: str  # hex, table borders
    logo: Callable[[int, int], Pixel]
    margins_cm: tuple[float, float, float, float]  # top, right, bottom, left


COUNCILS = (
    Council("eastwick", "London Borough of Eastwick",
            "Town Hall, 1 High Street, London E20 1AA", "eastwick.example.gov.uk",
            "Liberation Sans", RGBColor(0x1F, 0x6F, 0x78), "1F6F78", eastwick_logo,
            (2.0, 2.0, 2.0, 2.0)),
    Council("westmere", "Royal Borough of Westmere",
            "Civic Centre, Westmere Road, London W15 2BB", "westmere.example.gov.uk",
            "DejaVu Serif", RGBColor(0x7A, 0x1F, 0x3D), "7A1F3D", westmere_logo,
            (2.2, 2.4, 2.2, 2.4)),
)


def set_font(style, name: str) -> None:
    """Name the font outright (python-docx leaves Word's theme font attributes in place)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), name)


def styles(doc, c: Council) -> None:
    normal = doc.styles["Normal"]
    set_font(normal, c.font)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.2
    for name, size in (("Title", 22), ("Heading 1", 13), ("Heading 2", 12), ("Heading 3", 11)):
        style = doc.styles[name]
        set_font(style, c.font)
        style.font.size = Pt(size)
        style.font.color.rgb = c.heading
        style.font.bold = True
    subtitle = doc.styles["Subtitle"]
    set_font(subtitle, c.font)
    subtitle.font.italic = False
    subtitle.font.size = Pt(12)
    subtitle.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    for name in ("Header", "Footer"):
        style = doc.styles[name]
        set_font(style, c.font)
        style.font.size = Pt(8.5)
        style.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    grid = doc.styles["Table Grid"].element
    for el in grid.iter(qn("w:top"), qn("w:left"), qn("w:bottom"), qn("w:right"),
                        qn("w:insideH"), qn("w:insideV")):
        el.set(qn("w:color"), c.accent)


def letterhead(doc, c: Council) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    top, right, bottom, left = (Cm(m) for m in c.margins_cm)
    section.top_margin, section.right_margin = top, right
    section.bottom_margin, section.left_margin = bottom, left
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    first = section.first_page_header
    table = first.add_table(rows=1, cols=2, width=section.page_width - left - right)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    logo_cell, text_cell = table.rows[0].cells
    logo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(png(120, 120, c.logo)),
                                                  width=Cm(2.2))
    text = text_cell.paragraphs[0]
    text.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = text.add_run(c.name)
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = c.heading
    for line in (*c.address.split(", "), c.web):
        text.add_run().add_break()
        text.add_run(line)
    spacer = first.paragraphs[0]  # a header ends with a paragraph: move it below the table
    spacer.style = doc.styles["Normal"]
    spacer.paragraph_format.space_after = Pt(0)
    spacer.add_run().font.size = Pt(2)
    first._element.append(spacer._p)
    later = section.header.paragraphs[0]
    later.text = c.name
    later.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer in (section.footer, section.first_page_footer):
        footer.paragraphs[0].text = f"{c.name} · {c.web}"
    doc.add_paragraph(f"{c.name}: letterhead and house style", style="Title")
    doc.add_paragraph("Headings, body text and tables in this file set the council's "
                      "house style.", style="Normal")


def fixed(data: bytes) -> bytes:
    """The same bytes on every run: fixed zip timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            copy.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(copy, src.read(info.filename))
    return out.getvalue()


def build(c: Council) -> bytes:
    doc = Document()
    styles(doc, c)
    letterhead(doc, c)
    props = doc.core_properties
    props.author = props.last_modified_by = c.name
    props.title = f"{c.name} letterhead"
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=UTC)
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return fixed(buf.getvalue())


def main(target: Path = OUT) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for c in COUNCILS:
        path = target / f"{c.key}.docx"
        path.write_bytes(build(c))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(p)
