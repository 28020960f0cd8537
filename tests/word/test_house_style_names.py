"""A house style whose styles carry local names (German "Überschrift 1", "Standard",
"Titel", as other programs save them) was refused as having "no styles docgen can use";
the styles are now found by their local name, as the default paragraph style (Normal) or
by outline level (headings)."""

from __future__ import annotations

import re
from pathlib import Path

from house_style_helpers import INPUTS, W, post_using, rezip, zip_parts
from lxml import etree

from docgen import build

EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()
TEAL = "1F6F78"  # Eastwick's heading colour


def renamed(names: dict[str, str], ids: dict[str, str] | None = None) -> bytes:
    """Eastwick's letterhead with its styles' names (and ids) replaced."""
    parts = zip_parts(EASTWICK)
    styles = parts["word/styles.xml"].decode()
    for old, new in names.items():
        assert f'<w:name w:val="{old}"/>' in styles, old
        styles = styles.replace(f'<w:name w:val="{old}"/>', f'<w:name w:val="{new}"/>')
    for old, new in (ids or {}).items():
        styles = styles.replace(f'w:styleId="{old}"', f'w:styleId="{new}"').replace(
            f'<w:basedOn w:val="{old}"/>', f'<w:basedOn w:val="{new}"/>')
    parts["word/styles.xml"] = styles.encode()
    return rezip(parts)


def built_styles(tmp_path: Path, data: bytes) -> etree._Element:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "local.docx").write_bytes(data)
    report = build([post_using(tmp_path, "local.docx")], tmp_path / "out", jobs=1)
    assert report.ok, [str(p) for p in report.posts[0].errors]
    parts = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx").read_bytes())
    return etree.fromstring(parts["word/styles.xml"])


def font_and_colour(styles: etree._Element, style_id: str) -> tuple[str | None, str | None]:
    style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)
    fonts, colour = style.find(f"{W}rPr/{W}rFonts"), style.find(f"{W}rPr/{W}color")
    return (None if fonts is None else fonts.get(f"{W}ascii"),
            None if colour is None else colour.get(f"{W}val"))


def test_german_style_names_give_the_body_font_and_the_heading_colour(
        tmp_path: Path) -> None:
    styles = built_styles(tmp_path, renamed({
        "Normal": "Standard", "heading 1": "Überschrift 1", "heading 2": "Überschrift 2",
        "Title": "Titel"}))
    assert font_and_colour(styles, "Normal")[0] == "Liberation Sans"
    assert font_and_colour(styles, "DGClause1") == ("Liberation Sans", TEAL)  # "1. Definitions"
    assert font_and_colour(styles, "DGHeading")[1] == TEAL  # PARTIES, SIGNATURES
    assert font_and_colour(styles, "DGTitle")[1] == TEAL


def test_unknown_local_names_are_found_by_default_style_and_outline_level(
        tmp_path: Path) -> None:
    """Swedish Word's names are not listed; Normal is the default paragraph style and each
    heading is the style at its outline level."""
    styles = built_styles(tmp_path, renamed(
        {"Normal": "Normal (sv)", "heading 1": "Rubrik 1", "heading 2": "Rubrik 2",
         "Title": "Rubrik"}, {"Normal": "Normalsv", "Heading1": "Rubrik1"}))
    assert font_and_colour(styles, "Normal")[0] == "Liberation Sans"
    assert font_and_colour(styles, "DGClause1") == ("Liberation Sans", TEAL)


def test_german_word_ids_with_english_names_are_read_as_before(tmp_path: Path) -> None:
    """German Word itself keeps the English names and localises the ids."""
    styles = built_styles(tmp_path, renamed({}, {"Heading1": "berschrift1",
                                                 "Normal": "Standard"}))
    assert font_and_colour(styles, "DGClause1") == ("Liberation Sans", TEAL)


def test_german_word_header_styles_become_the_templates_own(tmp_path: Path) -> None:
    """German Word's header style is Kopfzeile (named "header"), based on Standard (named
    Normal, the default paragraph style). Copied beside the template's Header and Normal
    they made two styles of each name and two default paragraph styles (Word repairs)."""
    parts = zip_parts(EASTWICK)
    ids = {"Header": "Kopfzeile", "Footer": "Fuzeile", "Normal": "Standard"}
    for name in [n for n in parts if n.startswith("word/") and n.endswith(".xml")]:
        text = parts[name].decode()
        for old, new in ids.items():
            for attr in ("styleId", ):
                text = text.replace(f'w:{attr}="{old}"', f'w:{attr}="{new}"')
            for tag in ("pStyle", "basedOn", "next", "link"):
                text = text.replace(f'<w:{tag} w:val="{old}"/>', f'<w:{tag} w:val="{new}"/>')
        parts[name] = text.encode()
    assert b'<w:pStyle w:val="Kopfzeile"/>' in b"".join(
        d for n, d in parts.items() if n.startswith("word/header"))
    styles = built_styles(tmp_path, rezip(parts))
    every = list(styles.iter(f"{W}style"))
    names = [s.find(f"{W}name").get(f"{W}val") for s in every]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    defaults = [s.get(f"{W}styleId") for s in every if s.get(f"{W}type") == "paragraph"
                and s.get(f"{W}default") == "1"]
    assert defaults == ["Normal"]
    contract = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx")
                         .read_bytes())
    used = {v for n, d in contract.items() if n.startswith(("word/header", "word/footer"))
            for v in re.findall(r'<w:[pr]Style w:val="([^"]+)"', d.decode())}
    assert used and used <= {s.get(f"{W}styleId") for s in every}, used
    assert "Kopfzeile" not in used  # their header paragraphs take the template's Header
    assert font_and_colour(styles, "Header")[0] == "Liberation Sans"  # in their font


def test_a_letterhead_table_keeps_its_table_style(tmp_path: Path) -> None:
    """A table in a letterhead (logo left, address right) takes its table style; the style
    was not copied with the header (only paragraph and character styles were), so a
    custom one was left undefined and German Word's Tabellenraster (named Table Grid)
    was not the template's TableGrid."""
    parts = zip_parts(EASTWICK)
    styles = parts["word/styles.xml"].decode()
    grid = re.search(r'<w:style [^>]*w:styleId="TableGrid".*?</w:style>', styles, re.S)
    assert grid
    box = (grid.group(0).replace('w:styleId="TableGrid"', 'w:styleId="CouncilBox"')
           .replace('<w:name w:val="Table Grid"/>', '<w:name w:val="Council Box"/>'))
    styles = styles.replace('w:styleId="TableGrid"', 'w:styleId="Tabellenraster"')
    parts["word/styles.xml"] = styles.replace("</w:styles>", box + "</w:styles>").encode()
    first = parts["word/header1.xml"].decode()
    assert first.count("<w:tblPr>") == 1
    parts["word/header1.xml"] = first.replace(
        "<w:tblPr>", '<w:tblPr><w:tblStyle w:val="Tabellenraster"/>').encode()
    later = parts["word/header2.xml"].decode()
    table = re.search(r"<w:tbl>.*?</w:tbl>", first, re.S).group(0).replace(
        "<w:tblPr>", '<w:tblPr><w:tblStyle w:val="CouncilBox"/>')
    table = re.sub(r"<w:drawing>.*?</w:drawing>", "", table, flags=re.S)
    parts["word/header2.xml"] = later.replace("<w:p>", table + "<w:p>", 1).encode()
    built = built_styles(tmp_path, rezip(parts))
    ids = {s.get(f"{W}styleId") for s in built.iter(f"{W}style")}
    contract = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx")
                         .read_bytes())
    used = {v for n, d in contract.items() if n.startswith("word/header")
            for v in re.findall(r'<w:tblStyle w:val="([^"]+)"', d.decode())}
    assert used == {"TableGrid", "CouncilBox"} and used <= ids, (used, ids & used)
