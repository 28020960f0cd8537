"""A house style whose page no document fits (a label template given by mistake, margins
wider than the page, a 5 m poster) is refused at its house_style line, naming the file, the
page and margins found, and what to set in Word; pages a real document uses still build."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm, Length
from house_style_helpers import W, post_using, rezip, zip_parts
from lxml import etree

from docgen import build
from docgen.ooxml.hdrpictures import page_of
from docgen.ooxml.housestyle import HouseStyleError, parse_house_style
from docgen.ooxml.wordml import W_NS

REFERENCE = "EWK-WSM-HR-01"
MARGIN = Cm(2.5)  # about an inch, as most letterheads
HOW_TO_FIX = ("set the page to A4, 21 x 29.7 cm, with margins of about 2.5 cm, in Word's "
              "Layout > Size and Margins, and save the file again")


def style_file(width: Length, height: Length, left: Length, right: Length,
               top: Length = MARGIN, bottom: Length = MARGIN) -> bytes:
    """A Word file of one section with this page, made as Word would save it."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = width, height
    section.left_margin, section.right_margin = left, right
    section.top_margin, section.bottom_margin = top, bottom
    section.header.paragraphs[0].text = "Eastwick Legal Services"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def landscape_last_section() -> bytes:
    """A4 portrait, then an A4 landscape last section (the one docgen takes)."""
    document = docx.Document()
    first = document.sections[0]
    first.page_width, first.page_height = Cm(21), Cm(29.7)
    last = document.add_section(WD_SECTION.NEW_PAGE)
    last.orientation = WD_ORIENT.LANDSCAPE
    last.page_width, last.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(last, side, Cm(2))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_with(tmp_path: Path, name: str, data: bytes):
    (tmp_path / "styles").mkdir(exist_ok=True)
    (tmp_path / "styles" / name).write_bytes(data)
    post = post_using(tmp_path, name)
    return build([post], tmp_path / "out", jobs=1).posts[0], post


BAD = {
    "tiny.docx": (style_file(Cm(2), Cm(3), Cm(0.5), Cm(0.5), Cm(0.5), Cm(0.5)),
                  "its page is 2.0 x 3.0 cm with margins of 0.5 cm (left), 0.5 cm (right), "
                  "0.5 cm (top) and 0.5 cm (bottom)",
                  "the page is narrower than 7.4 cm"),
    "margins.docx": (style_file(Cm(21.59), Cm(27.94), Cm(12), Cm(12)),
                     "its page is 21.6 x 27.9 cm with margins of 12.0 cm (left), 12.0 cm "
                     "(right), 2.5 cm (top) and 2.5 cm (bottom)",
                     "the left and right margins leave -2.4 cm of the page's width for the "
                     "text"),
    "hugepage.docx": (style_file(Cm(500), Cm(500), Cm(2.5), Cm(2.5)),
                      "its page is 500.0 x 500.0 cm",
                      "the page is wider than 60 cm"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_page_no_document_fits_is_refused_and_nothing_is_written(tmp_path: Path,
                                                                   name: str) -> None:
    data, found, wrong = BAD[name]
    result, post = build_with(tmp_path, name, data)
    errors = [str(p) for p in result.errors]
    assert result.status == "failed" and len(errors) == 1, (result.status, errors)
    error = errors[0]
    assert re.match(rf"{re.escape(str(post))}:\d+: parties\[0\]\.house_style: ", error), error
    assert f"{name}: {found}" in error, error
    assert wrong in error, error
    assert HOW_TO_FIX in error, error
    assert "Traceback" not in error
    assert not list((tmp_path / "out").rglob("*.docx"))
    assert not (tmp_path / "out" / REFERENCE).exists()


def test_a_short_page_is_refused_for_its_height() -> None:
    data = style_file(Cm(21), Cm(8), Cm(2.5), Cm(2.5), Cm(2), Cm(2))
    with pytest.raises(HouseStyleError, match=r"the top and bottom margins leave 4\.0 cm of "
                                              r"the page's height for the text"):
        parse_house_style("short.docx", data, hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize(("width", "height", "margin"), [
    (Cm(7.4), Cm(10.5), Cm(1.1)),     # A7 with narrow margins: the smallest page taken
    (Cm(55.87), Cm(55.87), Cm(2.5)),  # Word's largest page (22 inches square)
    (Cm(59.4), Cm(42), Cm(2.5)),      # A2 landscape, made by another program
])
def test_the_smallest_and_largest_pages_taken(width: Length, height: Length,
                                              margin: Length) -> None:
    data = style_file(width, height, margin, margin, margin, margin)
    style = parse_house_style("edge.docx", data, hashlib.sha256(data).hexdigest())
    assert style.pg_sz is not None


def with_sect_attrs(data: bytes, tag: str, **attrs: str) -> bytes:
    """``data`` with attributes of its last section's ``tag`` (pgSz, pgMar) set as given."""
    parts = zip_parts(data)
    doc = etree.fromstring(parts["word/document.xml"])
    el = doc.find(f"{W}body/{W}sectPr/{W}{tag}")
    for key, value in attrs.items():
        el.set(f"{W}{key}", value)
    parts["word/document.xml"] = etree.tostring(doc)
    return rezip(parts)


A4 = style_file(Cm(21), Cm(29.7), MARGIN, MARGIN)


def test_a_gutter_counts_against_the_width_and_units_are_read() -> None:
    gutter = with_sect_attrs(A4, "pgMar", left="4000", right="4000", gutter="1134")
    with pytest.raises(HouseStyleError, match=r"margins of 7\.1 cm \(left\), 7\.1 cm \(right\)"
                       r".*, a gutter of 2\.0 cm, which no document fits: the left and right "
                       r"margins and the gutter leave 4\.9 cm"):
        parse_house_style("gutter.docx", gutter, "x")
    in_cm = with_sect_attrs(A4, "pgSz", w="21cm", h="297mm")  # the schema's measures
    assert parse_house_style("cm.docx", in_cm, "x").pg_sz is not None
    garbled = with_sect_attrs(A4, "pgMar", left="wide")
    with pytest.raises(HouseStyleError, match=r"garbled\.docx: its page size or margins cannot "
                                              r"be read \(left=\"wide\"\); set the page to A4"):
        parse_house_style("garbled.docx", garbled, "x")


def last_sect(docx_path: Path) -> etree._Element:
    doc = etree.fromstring(zip_parts(docx_path.read_bytes())["word/document.xml"])
    return doc.find(f"{W}body/{W}sectPr")


@pytest.mark.parametrize(("name", "data", "size"), [
    ("a5.docx", style_file(Cm(14.8), Cm(21), Cm(2), Cm(2), Cm(2), Cm(2)),
     (str(Cm(14.8).twips), str(Cm(21).twips))),
    ("landscape.docx", landscape_last_section(), (str(Cm(29.7).twips), str(Cm(21).twips))),
])
def test_a5_and_a_landscape_last_section_still_build(tmp_path: Path, name: str, data: bytes,
                                                     size: tuple[str, str]) -> None:
    result, _ = build_with(tmp_path, name, data)
    assert result.status == "built", [str(p) for p in result.errors]
    for kind in ("agreement", "contract", "job-spec"):
        sect = last_sect(tmp_path / "out" / REFERENCE / f"{REFERENCE}-{kind}.docx")
        pg_sz = sect.find(f"{W}pgSz")
        assert (pg_sz.get(f"{W}w"), pg_sz.get(f"{W}h")) == size, kind


def test_header_pictures_are_sized_for_a_page_written_with_units() -> None:
    """The reviewer's note: a page written "21cm" passed the bounds, but the header's
    pictures were sized for docgen's A4 default (page_of read whole twips only)."""
    from_units = page_of(
        etree.fromstring(f'<w:pgSz xmlns:w="{W_NS}" w:w="27.94cm" w:h="8.5in"/>'),
        etree.fromstring(f'<w:pgMar xmlns:w="{W_NS}" w:left="2cm" w:right="20mm"/>'), W_NS)
    assert (from_units.width, from_units.height) == (15840, 12240)  # Letter, landscape
    assert from_units.text_width == 15840 - 2268
    whole = page_of(etree.fromstring(f'<w:pgSz xmlns:w="{W_NS}" w:w="11906" w:h="16838"/>'),
                    etree.fromstring(f'<w:pgMar xmlns:w="{W_NS}" w:left="1418" w:right="1418"/>'),
                    W_NS)
    assert (whole.width, whole.height, whole.text_width) == (11906, 16838, 9070)
