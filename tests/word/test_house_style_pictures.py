"""A letterhead logo inserted at its own size (a 3000 x 2000 pixel picture is 106 cm wide at
72 dpi) filled the whole first page of every document: the title went to page 2 and the
reference and DRAFT line off the page. Header pictures are now scaled to fit the page."""

from __future__ import annotations

import re
from pathlib import Path

from house_style_helpers import INPUTS, post_using, rezip, zip_parts
from lxml import etree

from docgen import build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()
HUGE = (38_100_000, 25_400_000)  # 3000 x 2000 px at 72 dpi, in EMU (105.8 x 70.6 cm)


def with_logo_size(cx: int, cy: int) -> bytes:
    """Eastwick's letterhead with its first-page logo set to cx x cy EMU."""
    parts = zip_parts(EASTWICK)
    header = parts["word/header1.xml"].decode()
    assert header.count('cx="792000" cy="792000"') == 2  # wp:extent and a:ext
    parts["word/header1.xml"] = header.replace('cx="792000" cy="792000"',
                                               f'cx="{cx}" cy="{cy}"').encode()
    return rezip(parts)


def build_with(tmp_path: Path, data: bytes):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "big-logo.docx").write_bytes(data)
    report = build([post_using(tmp_path, "big-logo.docx")], tmp_path / "out", jobs=1)
    return report.posts[0]


def picture_sizes(docx: Path) -> list[tuple[int, int, int, int]]:
    """(extent cx, cy, a:ext cx, cy) of every picture in the headers and footers."""
    out = []
    for name, data in zip_parts(docx.read_bytes()).items():
        if re.fullmatch(r"word/(header|footer)\d+\.xml", name):
            for extent in etree.fromstring(data).iter(f"{WP}extent"):
                ext = next(extent.getparent().iter(f"{A}ext"))
                out.append((int(extent.get("cx")), int(extent.get("cy")),
                            int(ext.get("cx")), int(ext.get("cy"))))
    return out


def text_width_emu(docx: Path) -> int:
    doc = etree.fromstring(zip_parts(docx.read_bytes())["word/document.xml"])
    sect = doc.find(f"{W}body/{W}sectPr")
    size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    return 635 * (int(size.get(f"{W}w")) - int(mar.get(f"{W}left"))
                  - int(mar.get(f"{W}right")))


def test_a_logo_at_its_own_size_is_printed_within_the_text_width(tmp_path: Path) -> None:
    result = build_with(tmp_path, with_logo_size(*HUGE))
    assert result.status == "built", [str(p) for p in result.errors]
    folder = tmp_path / "out" / "EWK-WSM-HR-01"
    for kind in ("agreement", "contract", "job-spec"):
        docx = folder / f"EWK-WSM-HR-01-{kind}.docx"
        (cx, cy, ext_cx, ext_cy), = picture_sizes(docx)
        assert cx <= text_width_emu(docx) and cy <= 16838 * 635 // 5, (kind, cx, cy)
        assert (ext_cx, ext_cy) == (cx, cy)  # the picture and its frame agree
        assert abs(cx / cy - 1.5) < 0.001  # its proportions kept
    warnings = [str(p) for p in result.warnings if p.rule == "HOUSE_STYLE"]
    assert any(re.search(r"big-logo\.docx: a picture in its "
                         r"first-page header is 105\.8 cm x 70\.6 cm, larger than the text "
                         r"width \(17\.0 cm\) and a fifth of the page height; docgen prints "
                         r"it 8\.9 cm x 5\.9 cm\. To choose its size, resize the picture in "
                         r"Word", w) for w in warnings), warnings
    # the warning names the file, never where it sits on this computer (it becomes a
    # drafting note the other organisation reads)
    assert not any(str(tmp_path) in p.message for p in result.warnings), warnings
    notes = "".join(d.decode() for n, d in zip_parts(
        (folder / "EWK-WSM-HR-01-agreement.docx").read_bytes()).items()
        if n.startswith("word/") and n.endswith(".xml"))
    # "Big-logo...": a note starts a sentence; the picture is placed by where it sits (a
    # part name, word/media/image1.png, means nothing to the reader)
    assert "ig-logo.docx: a picture in its first-page header" in notes
    assert str(tmp_path) not in notes


def test_a_logo_that_fits_is_left_as_the_organisation_sized_it(tmp_path: Path) -> None:
    result = build_with(tmp_path, with_logo_size(1_440_000, 720_000))  # 4 x 2 cm
    assert result.status == "built", [str(p) for p in result.errors]
    docx = tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx"
    assert picture_sizes(docx) == [(1_440_000, 720_000, 1_440_000, 720_000)]
    assert not [p for p in result.warnings if "resize the picture" in str(p)]


def test_drawings_in_two_headers_get_ids_unique_in_the_document(tmp_path: Path) -> None:
    """Word numbers drawings per part: a logo in the first-page header and one in the
    header of later pages both have id 1, and some versions of Word then say the
    document has unreadable content. Each drawing of the generated document has its own."""
    parts = zip_parts(EASTWICK)
    first = parts["word/header1.xml"].decode()
    drawing = re.search(r"<w:r>(?:(?!</w:r>).)*<w:drawing>.*?</w:r>", first, re.S)
    assert drawing and 'id="1"' in drawing.group(0)
    later = parts["word/header2.xml"].decode()
    parts["word/header2.xml"] = later.replace("</w:p>", drawing.group(0) + "</w:p>",
                                              1).encode()
    rels = parts["word/_rels/header1.xml.rels"]
    parts["word/_rels/header2.xml.rels"] = rels
    result = build_with(tmp_path, rezip(parts))
    assert result.status == "built", [str(p) for p in result.errors]
    docx = tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx"
    ids = [el.get("id") for name, data in zip_parts(docx.read_bytes()).items()
           if name.startswith("word/") and name.endswith(".xml")
           for el in etree.fromstring(data).iter(f"{WP}docPr")]
    assert len(ids) == 2 and len(set(ids)) == 2, ids
    assert len(picture_sizes(docx)) == 2  # both logos kept


def test_an_old_vml_logo_at_its_own_size_is_printed_within_the_text_width(
        tmp_path: Path) -> None:
    """A letterhead converted from .doc holds its logo as a VML shape sized in its style."""
    parts = zip_parts(EASTWICK)
    header = parts["word/header1.xml"].decode()
    rid = re.search(r'<a:blip r:embed="([^"]+)"', header).group(1)
    vml = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_i1025" '
           'type="#_x0000_t75" style="width:2250pt;height:1500pt;mso-width-percent:0">'
           f'<v:imagedata r:id="{rid}" o:title="" '
           'xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape></w:pict></w:r>')
    drawing = re.search(r"<w:drawing>.*?</w:drawing>", header, re.S).group(0)
    parts["word/header1.xml"] = header.replace(drawing, "").replace(
        "</w:p>", vml + "</w:p>", 1).encode()
    result = build_with(tmp_path, rezip(parts))
    assert result.status == "built", [str(p) for p in result.errors]
    docx = tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx"
    styles = [m for n, d in zip_parts(docx.read_bytes()).items()
              if re.fullmatch(r"word/header\d+\.xml", n)
              for m in re.findall(r'<v:shape [^>]*style="([^"]*)"', d.decode())]
    [style] = styles
    width = float(re.search(r"(?<![-\w])width:([0-9.]+)pt", style).group(1))
    height = float(re.search(r"(?<![-\w])height:([0-9.]+)pt", style).group(1))
    assert width * 12700 <= text_width_emu(docx) and abs(width / height - 1.5) < 0.01, style
    assert "mso-width-percent:0" in style  # the rest of its style kept
    assert any("is 79.4 cm x 52.9 cm, larger than the text width" in str(p)
               for p in result.warnings), [str(p) for p in result.warnings]


def anchored(cx: int, cy: int) -> bytes:
    """Eastwick's letterhead with its first-page logo anchored to the page at cx x cy."""
    parts = zip_parts(with_logo_size(cx, cy))
    header = parts["word/header1.xml"].decode()
    inline = re.search(r"<wp:inline( [^>]*)?>", header).group(0)
    header = header.replace(inline, inline.replace("<wp:inline", "<wp:anchor").replace(
        ">", ' behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1" simplePos="0" '
        'relativeHeight="0" distT="0" distB="0" distL="0" distR="0"><wp:simplePos x="0" '
        'y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset>'
        "</wp:positionV>", 1), 1).replace("</wp:inline>", "</wp:anchor>")
    header = re.sub(r"(<wp:extent [^>]*/>)", r"\1<wp:wrapNone/>", header, count=1)
    parts["word/header1.xml"] = header.encode()
    return rezip(parts)


def test_a_letterhead_behind_the_text_may_bleed_past_the_page(tmp_path: Path) -> None:
    """A designed letterhead printed behind the text is a little larger than the page (a
    21.6 x 30.5 cm picture on A4), so no white edge shows: it is left as it is."""
    bleed = (7_776_000, 10_980_000)
    result = build_with(tmp_path, anchored(*bleed))
    assert result.status == "built", [str(p) for p in result.errors]
    docx = tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx"
    assert picture_sizes(docx) == [(*bleed, *bleed)]
    assert not [p for p in result.warnings if "resize the picture" in str(p)]


def test_an_anchored_picture_far_larger_than_the_page_is_fitted(tmp_path: Path) -> None:
    result = build_with(tmp_path, anchored(*HUGE))
    assert result.status == "built", [str(p) for p in result.errors]
    docx = tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx"
    (cx, cy, _, _), = picture_sizes(docx)
    assert cx <= 11906 * 635 * 1.1 and cy <= 16838 * 635 * 1.1, (cx, cy)
    assert any("larger than the page; docgen prints it" in str(p) for p in result.warnings)
