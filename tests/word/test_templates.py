"""Checks on the generated Word templates (templates/*.docx).

They guard the contract with docgen: the style IDs it writes must exist, numbering must come out
as "1.", "1.1", "(a)", "(i)", every Jinja tag must render away, and the build must be
reproducible (the committed templates equal a fresh build, byte for byte).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "docgen" / "data" / "templates"
NAMES = ("agreement.docx", "contract.docx", "job_spec.docx")

STYLE_IDS = (
    "DGClause1", "DGClause2", "DGClause3", "DGClause4", "DGBody", "DGDefinition", "DGSchedule",
    "DGHeading", "DGNote", "DGTableText", "DGTableHeader", "DGTitle", "DGSubtitle",
    "DGPlaceholder", "DGTable",
)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def load_builder() -> ModuleType:
    """Import scripts/build_templates.py (scripts/ is not a package)."""
    path = ROOT / "scripts" / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def wp(style: str, text: str, placeholder: str = "") -> str:
    """One docgen-like paragraph, optionally ending in a run in the DGPlaceholder style."""
    runs = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    if placeholder:
        rpr = '<w:rPr><w:rStyle w:val="DGPlaceholder"/></w:rPr>'
        runs += f"<w:r>{rpr}<w:t>{placeholder}</w:t></w:r>"
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>'


def dummy_context() -> dict[str, Any]:
    """A context shaped like docgen's, with awkward characters to prove autoescaping."""
    ns = SimpleNamespace
    parties = [
        ns(name="London Borough of Eastwick", short_name="Eastwick",
           address="Town Hall, 1 High Street, London E20 1AA", kind_text="a local authority",
           signatory_name="Priya Shah", signatory_title="Chief Executive", is_employer=True),
        ns(name="Royal Borough of Westmere & Sons <Ltd>", short_name="Westmere",
           address="Civic Centre, Westmere Road, London W15 2BB", kind_text="a local authority",
           signatory_name="Thomas Okafor", signatory_title="Chief Executive", is_employer=False),
    ]
    long = ("The post-holder shall perform the duties of the post for each Party in the "
            "proportions set out in Schedule 2 and shall act in the interests of each Party.")
    body = Markup("".join([
        wp("DGClause1", "Definitions and interpretation"),
        wp("DGClause2", "In this agreement the following definitions apply:"),
        wp("DGDefinition", "“Post” means the shared post described in Schedule 1."),
        wp("DGDefinition", "“Steering Group” means the Joint HR Steering Group."),
        wp("DGClause2", "Clause headings do not affect interpretation."),
        wp("DGClause1", "Arrangement"),
        wp("DGClause2", long),
        wp("DGClause3", "the first limb, " + long),
        wp("DGClause4", "a sub-limb of the first limb;"),
        wp("DGClause4", "another sub-limb;"),
        wp("DGClause3", "the second limb."),
        wp("DGBody", "An unnumbered follow-on paragraph at the level-2 text position. " + long),
        wp("DGClause2", "The first review takes place on ", placeholder="[date of review]"),
        wp("DGClause1", "Cost and payment"),
        wp("DGClause2", long),
    ]))
    notes = Markup(
        wp("DGHeading", "Drafting notes")
        + wp("DGNote", "Note 1: the time split has not been confirmed by Westmere.")
        + wp("DGNote", "Note 2: check the on-cost percentages with payroll.")
    )
    rows = SimpleNamespace(
        post_rows=[ns(label="Post title", value="Shared Head of HR"),
                   ns(label="Grade", value="Chief Officer Grade 3")],
        split_rows=[ns(party="Eastwick", share="60%", days="3", line_manager="Chief Executive"),
                    ns(party="Westmere", share="40%", days="2",
                       line_manager="Director of Resources")],
        matrix_rows=[ns(matter="Appraisal", acts="Eastwick", consulted="Westmere"),
                     ns(matter="Leave", acts="Eastwick", consulted="Westmere")],
        cost_rows=[ns(label="Salary", value="£92,000.00"),
                   ns(label="Total cost base", value="£134,000.00")],
        share_rows=[ns(party="Eastwick", basis="60% of cost base", annual="£80,400.00",
                       per_invoice="£20,100.00"),
                    ns(party="Westmere", basis="40% of cost base", annual="£53,600.00",
                       per_invoice="£13,400.00")],
        share_total="£134,000.00",
        objective_rows=[ns(party="Both", objective="Adopt a single set of HR policies")],
        responsibility_rows=[ns(party="Both", responsibility="Lead a shared workforce strategy")],
        person_spec_rows=[ns(area="Qualifications", criterion="Chartered Member of the CIPD",
                             requirement="Essential", assessed_by="Application")],
    )
    return {
        "reference": "EWK-WSM-HR-01", "version": "1", "doc_title": "Agreement for a shared post",
        "post_title": "Shared Head of Human Resources", "is_draft": True, "date_text": "",
        "parties": parties, "employer": parties[0],
        "postholder": ns(name="Morgan Ellis", address="14 Orchard Lane, London E17 3CD"),
        "individual": ns(cover="CONTRACT VARIATION", opening="THIS VARIATION",
                         acceptance="I accept the terms of this variation."),
        "body": body, "notes_body": notes, "schedules": rows,
    }


def render_all(out_dir: Path) -> list[Path]:
    """Render every template with the dummy context into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in NAMES:
        template = DocxTemplate(TEMPLATES / name)
        template.render(dummy_context(), autoescape=True)
        target = out_dir / name
        template.save(target)
        paths.append(target)
    return paths


def to_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert with LibreOffice, using a private profile so parallel runs do not collide."""
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, paths)],
        check=True, capture_output=True, timeout=180,
    )
    return [out_dir / (p.stem + ".pdf") for p in paths]


def zip_members(path: Path) -> list[tuple[str, tuple[int, ...], bytes]]:
    """Name, timestamp and uncompressed content of every member, in archive order."""
    with zipfile.ZipFile(path) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def test_build_is_deterministic_and_committed(tmp_path: Path) -> None:
    """Two builds are byte-identical, and their content equals the files in templates/.

    Content rather than bytes is compared with the committed files because another zlib
    version may compress the same content differently.
    """
    builder = load_builder()
    first = builder.main(tmp_path / "a")
    second = builder.main(tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
        assert zip_members(one) == zip_members(TEMPLATES / one.name), (
            f"templates/{one.name} is stale: run python scripts/build_templates.py"
        )


@pytest.mark.parametrize("name", NAMES)
def test_each_jinja_tag_sits_in_one_text_node(name: str) -> None:
    """Word only keeps a tag intact if it was written as one run; check every w:t."""
    with zipfile.ZipFile(TEMPLATES / name) as archive:
        for member in archive.namelist():
            if not (member.startswith("word/") and member.endswith(".xml")):
                continue
            root = etree.fromstring(archive.read(member))
            for node in root.iter(qn("w:t")):
                text = node.text or ""
                assert text.count("{{") == text.count("}}"), (member, text)
                assert text.count("{%") == text.count("%}"), (member, text)


@pytest.mark.parametrize("name", NAMES)
def test_styles_and_numbering(name: str) -> None:
    """docgen's style IDs exist and the clause styles are linked to one multi-level list."""
    document = docx.Document(TEMPLATES / name)
    ids = {style.style_id for style in document.styles}
    assert set(STYLE_IDS) <= ids
    numbering = document.part.numbering_part.element
    tags = [child.tag for child in numbering]
    last_abstract = max(i for i, t in enumerate(tags) if t == qn("w:abstractNum"))
    first_num = min(i for i, t in enumerate(tags) if t == qn("w:num"))
    assert last_abstract < first_num
    (clauses,) = [
        a for a in numbering.findall(qn("w:abstractNum"))
        if a.find(f"{qn('w:lvl')}/{qn('w:pStyle')}") is not None
        and a.find(f"{qn('w:lvl')}/{qn('w:pStyle')}").get(qn("w:val")) == "DGClause1"
    ]
    assert clauses.find(qn("w:multiLevelType")).get(qn("w:val")) == "multilevel"
    texts = [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in clauses.findall(qn("w:lvl"))]
    assert texts == ["%1.", "%1.%2", "(%3)", "(%4)"]
    for ilvl in range(4):
        num_pr = document.styles[f"DG Clause {ilvl + 1}"].element.pPr.numPr
        assert num_pr.ilvl.val == ilvl


def test_rendered_documents_have_no_leftover_tags(tmp_path: Path) -> None:
    """Body, tables, header and footer all render; escaping keeps ``&`` and ``<`` intact."""
    for path in render_all(tmp_path):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("word/") and member.endswith(".xml"):
                    xml = archive.read(member).decode()
                    assert "{{" not in xml and "{%" not in xml, (path.name, member)
        document = docx.Document(path)
        header = document.sections[0].header.paragraphs[0].text
        assert "EWK-WSM-HR-01" in header and "DRAFT" in header
        all_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        )
        assert "Westmere & Sons <Ltd>" in all_text


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice or poppler not installed")
def test_pdf_shows_numbering_and_page_fields(tmp_path: Path) -> None:
    """LibreOffice lays out the numbering and the PAGE/NUMPAGES fields."""
    pdfs = to_pdf(render_all(tmp_path), tmp_path)
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        for expected in ("1.", "1.1", "2.1", "(a)", "(i)", "(ii)", "Page 1 of"):
            assert expected in text, (pdf.name, expected)
        if pdf.stem != "job_spec":
            assert "Schedule 1" in text
