"""Documents in an organisation's own Word house style (issue 19, points 2, 4 and 5).

The shipped styled example (inputs/shared-head-of-hr-house-style.yaml) is built and read
back: styles.xml carries the house style's body font and heading colour, the section
properties its margins and first-page header, the first-page header part its logo, and
the PDF LibreOffice makes from it shows the logo, the clause numbers and a cross-reference.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import pdf_text, to_pdf
from house_style_helpers import (
    INPUTS,
    ROOT,
    STYLED,
    W,
    header_parts,
    make_styles_module,
    post_using,
    rezip,
    zip_parts,
)
from lxml import etree
from yaml_text import load_yaml

from docgen import build
from docgen.answers.yamlfile import load_answer_file
from docgen.cli import cli
from docgen.pipeline import check_located
from docgen.word import fill, styling

REF = "EWK-WSM-HR-01-HS"


@pytest.fixture(scope="module")
def styled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("styled")
    report = build([STYLED], out, jobs=1)
    assert report.ok, [(p.source, p.message, [str(x) for x in p.errors]) for p in report.posts]
    return out / REF


def parts_of(folder: Path, kind: str) -> dict[str, bytes]:
    return zip_parts((folder / f"{REF}-{kind}.docx").read_bytes())


def style_el(styles_xml: bytes, style_id: str) -> etree._Element:
    root = etree.fromstring(styles_xml)
    found = [s for s in root.iter(f"{W}style") if s.get(f"{W}styleId") == style_id]
    assert found, style_id
    return found[0]


def attr(el: etree._Element, path: str, name: str) -> str | None:
    child = el.find(path.replace("w:", W))
    return None if child is None else child.get(f"{W}{name}")


def test_table_header_rows_keep_docgens_size_and_spacing(styled: Path) -> None:
    """Heading 3 gives table header rows its font and colour only: its space before made each
    grey header row tall with the text at its bottom (a reviewer's finding, in the shipped
    styled example's Schedule 3 and job specification)."""
    template = zip_parts((ROOT / "docgen" / "data" / "templates" / "agreement.docx")
                         .read_bytes())["word/styles.xml"]
    ours = style_el(template, "DGTableHeader")
    for kind in ("agreement", "job-spec"):
        header = style_el(parts_of(styled, kind)["word/styles.xml"], "DGTableHeader")
        for name in ("before", "after", "line"):
            assert attr(header, "w:pPr/w:spacing", name) == attr(ours, "w:pPr/w:spacing",
                                                                 name), (kind, name)
        assert attr(header, "w:rPr/w:sz", "val") == attr(ours, "w:rPr/w:sz", "val") == "20"
        # the font still comes from the house style (ours names none)
        assert attr(ours, "w:rPr/w:rFonts", "ascii") is None
        assert attr(header, "w:rPr/w:rFonts", "ascii") in ("DejaVu Serif", "Liberation Sans")


def test_styles_take_the_employers_font_and_heading_colour(styled: Path) -> None:
    styles = parts_of(styled, "contract")["word/styles.xml"]
    normal = style_el(styles, "Normal")
    assert attr(normal, "w:rPr/w:rFonts", "ascii") == "Liberation Sans"  # Eastwick's font
    assert attr(normal, "w:rPr/w:sz", "val") == "21"  # 10.5 pt
    clause = style_el(styles, "DGClause1")
    assert attr(clause, "w:rPr/w:color", "val") == "1F6F78"  # Eastwick's heading teal
    assert attr(clause, "w:pPr/w:numPr/w:numId", "val") is not None  # numbering kept
    assert attr(style_el(styles, "DGTitle"), "w:rPr/w:color", "val") == "1F6F78"
    table = style_el(styles, "DGTable")
    assert attr(table, "w:tblPr/w:tblBorders/w:insideH", "color") == "1F6F78"


def test_agreement_takes_the_party_named_by_agreement_style(styled: Path) -> None:
    styles = parts_of(styled, "agreement")["word/styles.xml"]
    assert attr(style_el(styles, "Normal"), "w:rPr/w:rFonts", "ascii") == "DejaVu Serif"
    assert attr(style_el(styles, "DGClause1"), "w:rPr/w:color", "val") == "7A1F3D"


def test_margins_first_page_header_and_logo(styled: Path) -> None:
    parts = parts_of(styled, "contract")
    doc = etree.fromstring(parts["word/document.xml"])
    sect = doc.find(f"{W}body/{W}sectPr")
    mar = sect.find(f"{W}pgMar")
    assert [mar.get(f"{W}{s}") for s in ("top", "right", "bottom", "left")] == ["1134"] * 4
    assert sect.find(f"{W}titlePg") is not None
    refs = {r.get(f"{W}type"): r.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        for r in sect.findall(f"{W}headerReference")}
    assert set(refs) == {"default", "first"}
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    first = next(r.get("Target") for r in rels if r.get("Id") == refs["first"])
    header = parts[f"word/{first}"].decode()
    assert "<a:blip r:embed=" in header and "London Borough of Eastwick" in header
    assert "{{ reference }}" not in header and REF in header  # docgen's line rendered too
    header_rels = parts[f"word/_rels/{first}.rels"].decode()
    media = re.search(r'Target="(media/[^"]+\.png)"', header_rels).group(1)
    style = zip_parts((INPUTS / "organisations/styles/eastwick.docx").read_bytes())
    logo = next(d for n, d in style.items() if n.startswith("word/media/"))
    assert parts[f"word/{media}"] == logo
    assert 'Extension="png"' in parts["[Content_Types].xml"].decode()
    # tables take the new text width: A4 less 2 cm margins = 11906 - 2 x 1134
    widths = {el.get(f"{W}w") for el in doc.iter(f"{W}tblW")}
    assert widths == {str(11906 - 2 * 1134)}


def test_pdf_shows_logo_numbers_and_cross_references(styled: Path, tmp_path: Path) -> None:
    (pdf,) = to_pdf([styled / f"{REF}-contract.docx"], tmp_path)
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert any(line.split()[:6] == ["1", "0", "image", "120", "120", "rgb"]
               for line in images), images  # the 120 x 120 logo on page 1
    text = pdf_text(pdf)
    assert re.search(r"^\s*2\.1\s+This Variation", text, re.M), text[:3000]
    assert re.search(r"clause \d+\.\d+", text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "LiberationSans" in fonts


def test_verify_passes_on_every_styled_document(styled: Path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(styled), "--answers", str(STYLED)])
    assert result.exit_code == 0, result.output


def test_styled_build_is_byte_identical_between_runs(tmp_path: Path) -> None:
    hashes = []
    for run in ("a", "b"):
        styling._cached.cache_clear()
        fill._compiled_template.cache_clear()
        assert build([STYLED], tmp_path / run, jobs=1).ok
        hashes.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                       for p in sorted((tmp_path / run).rglob("*.docx"))})
    assert hashes[0] == hashes[1] and len(hashes[0]) == 3


def test_without_a_style_nothing_changes(tmp_path: Path) -> None:
    """The same post with and without agreement_style/house_style keys left out: the
    bytes of the unstyled example are those recorded before house styles existed."""
    recorded = (ROOT / "tests/data/example-hashes.json").read_text()
    assert build([INPUTS / "shared-head-of-hr.yaml"], tmp_path, jobs=1).ok
    for doc in (tmp_path / "EWK-WSM-HR-01").glob("*.docx"):
        assert hashlib.sha256(doc.read_bytes()).hexdigest() in recorded, doc.name


def test_employer_style_without_agreement_style(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    shutil.copy(INPUTS / "organisations/styles/eastwick.docx", tmp_path / "styles")
    post = post_using(tmp_path, "eastwick.docx")
    assert build([post], tmp_path / "out", jobs=1).ok
    folder = tmp_path / "out" / "EWK-WSM-HR-01"
    for kind in ("agreement", "contract", "job-spec"):
        styles = zip_parts((folder / f"EWK-WSM-HR-01-{kind}.docx").read_bytes())
        assert attr(style_el(styles["word/styles.xml"], "Normal"), "w:rPr/w:rFonts",
                    "ascii") == "Liberation Sans", kind


def test_changing_the_style_file_rebuilds_the_post(tmp_path: Path) -> None:
    make = make_styles_module()
    (tmp_path / "styles").mkdir()
    style = tmp_path / "styles" / "eastwick.docx"
    style.write_bytes(make.build(make.COUNCILS[0]))
    post = post_using(tmp_path, "eastwick.docx")
    out = tmp_path / "out"
    assert build([post], out, jobs=1).posts[0].status == "built"
    assert build([post], out, jobs=1).posts[0].status == "skipped"
    red = make.RGBColor(0xC0, 0x10, 0x10)
    style.write_bytes(make.build(replace(make.COUNCILS[0], heading=red)))
    assert build([post], out, jobs=1).posts[0].status == "built"
    parts = zip_parts((out / "EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx").read_bytes())
    assert attr(style_el(parts["word/styles.xml"], "DGClause1"), "w:rPr/w:color",
                "val") == "C01010"


def test_text_with_braces_in_a_letterhead_is_printed_not_run(tmp_path: Path) -> None:
    make = make_styles_module()
    council = replace(make.COUNCILS[0], web="{{ reference }} {% if x %}")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "braces.docx").write_bytes(make.build(council))
    post = post_using(tmp_path, "braces.docx")
    assert build([post], tmp_path / "out", jobs=1).ok
    parts = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx")
                      .read_bytes())
    texts = "".join("".join(etree.fromstring(x.encode()).itertext())
                    for x in header_parts(parts).values())
    assert "{{ reference }} {% if x %}" in texts


def test_a_style_named_in_an_organisation_profile_is_taken(tmp_path: Path) -> None:
    """The profiles interface: a profile's house_style arrives resolved, by party id, in
    ``located.house_styles`` (the party's own entry names none)."""
    located = load_answer_file(INPUTS / "shared-head-of-hr.yaml")
    located.house_styles = {"eastwick": INPUTS / "organisations/styles/eastwick.docx"}
    checked = check_located(located)
    assert not checked.errors
    assert {k: c.party for k, c in checked.styles.items()} == {
        "agreement": "eastwick", "contract": "eastwick", "job_spec": "eastwick"}


def test_drafting_notes_survive_in_a_styled_draft(tmp_path: Path) -> None:
    """The shipped styled example has no open warning, so this draft leaves out the post the
    post-holder returns to: GP042, a warning on the contract's ending clause, stays open."""
    shutil.copytree(INPUTS / "organisations" / "styles", tmp_path / "organisations" / "styles")
    text = STYLED.read_text()
    returns = ("  reversion_post: Head of Human Resources\n"
               "  reversion_grade: Chief Officer Grade 4\n")
    assert returns in text
    (tmp_path / "post.yaml").write_text(text.replace(returns, ""))
    report = build([tmp_path / "post.yaml"], tmp_path / "out", jobs=1)
    assert report.ok, [(p.message, [str(x) for x in p.errors]) for p in report.posts]
    assert [w.rule for w in report.posts[0].warnings if not w.acknowledged] == ["GP042"]
    parts = parts_of(tmp_path / "out" / REF, "contract")
    assert b"<w:comment " in parts["word/comments.xml"]
    assert b"commentReference" in parts["word/document.xml"]
    assert b'Target="comments.xml"' in parts["word/_rels/document.xml.rels"]
    assert b'PartName="/word/comments.xml"' in parts["[Content_Types].xml"]
    comments = etree.fromstring(parts["word/comments.xml"]).xpath("string()")
    assert "which post, at which grade" in comments and "GP042" not in comments
    normal = style_el(parts["word/styles.xml"], "Normal")  # still in Eastwick's house style
    assert attr(normal, "w:rPr/w:rFonts", "ascii") == "Liberation Sans"


def test_an_svg_logo_is_copied_with_its_png_fallback(tmp_path: Path) -> None:
    """Word 2016+ stores an SVG logo as a PNG plus the SVG, both pictures of the header."""
    parts = zip_parts((INPUTS / "organisations/styles/eastwick.docx").read_bytes())
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    parts["word/media/logo.svg"] = svg
    parts["word/_rels/header1.xml.rels"] = parts["word/_rels/header1.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSvg" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/image" Target="media/logo.svg"/>'
        b"</Relationships>")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "svg.docx").write_bytes(rezip(parts))
    assert build([post_using(tmp_path, "svg.docx")], tmp_path / "out", jobs=1).ok
    out = zip_parts((tmp_path / "out/EWK-WSM-HR-01/EWK-WSM-HR-01-contract.docx").read_bytes())
    assert svg in out.values()
    assert 'Extension="svg" ContentType="image/svg+xml"' in out["[Content_Types].xml"].decode()


def test_a_style_in_an_extends_base_is_relative_to_the_base(tmp_path: Path) -> None:
    data = load_yaml((INPUTS / "shared-head-of-hr.yaml").read_text())
    data["parties"][0]["house_style"] = "styles/e.docx"
    (tmp_path / "partners/styles").mkdir(parents=True)
    shutil.copy(INPUTS / "organisations/styles/eastwick.docx", tmp_path / "partners/styles/e.docx")
    (tmp_path / "partners/_partners.yaml").write_text(
        yaml.safe_dump({"parties": data["parties"], "employer": "eastwick"}))
    post = {k: v for k, v in data.items() if k not in ("parties", "employer")}
    (tmp_path / "post.yaml").write_text(yaml.safe_dump({**post,
                                                        "extends": "partners/_partners.yaml"}))
    checked = check_located(load_answer_file(tmp_path / "post.yaml"))
    assert not checked.errors
    assert checked.styles["contract"].path == tmp_path / "partners/styles/e.docx"
