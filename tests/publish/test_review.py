"""Review outputs: PDFs, Markdown/HTML copies, redlines and `docgen verify`.

One build (conftest ``built``) and one LibreOffice batch per session keep this
file quick; everything else works on copies of those documents.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR, pdf_text, require_soffice
from lxml import etree

from docgen.answers.validation import load
from docgen.cli import cli
from docgen.errors import DocgenError
from docgen.facts.derive import derive
from docgen.ooxml.wordml import W_NS
from docgen.ooxml.zipfiles import read_zip, write_zip
from docgen.publish.convert import to_pdf
from docgen.publish.review import to_html, to_markdown, write_review_copies
from docgen.word.verify import verify_documents

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"
HR_REF = "EWK-WSM-HR-01"
W = f"{{{W_NS}}}"
REF_RESULT = re.compile(
    r'(REF _Ref\w+ [^<]*</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
    r"</w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t[^>]*>)([^<]*)(<)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _edit_document_xml(src: Path, dst: Path, edit) -> None:  # noqa: ANN001
    """Copy a docx, changing word/document.xml with ``edit(str) -> str``."""
    members = [(info.filename, data) for info, data in read_zip(src.read_bytes())]
    dst.write_bytes(write_zip([(name, edit(data.decode("utf-8")).encode("utf-8"))
                               if name == "word/document.xml" else (name, data)
                               for name, data in members]))


@pytest.fixture(scope="session")
def copies(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the built examples (PDFs and review copies are written into it)."""
    out = tmp_path_factory.mktemp("review") / "build"
    shutil.copytree(built, out)
    return out


@pytest.fixture(scope="session")
def pdfs(copies: Path) -> dict[str, str]:
    """Every example's agreement, the Head of HR's contract and job description, and an
    agreement with tampered REF results, in one LibreOffice batch. The other two examples'
    contracts and job descriptions are left out (4 of 10 conversions): they come from the
    same two templates as the Head of HR's, whose numbering and page fields
    tests/word/test_templates.py's test_pdf_shows_numbering_and_page_fields checks too."""
    require_soffice()
    docs = sorted(d for d in copies.rglob("*.docx")
                  if d.stem.endswith("-agreement") or d.parent.name == HR_REF)
    assert len(docs) == 5, docs
    agreement = copies / HR_REF / f"{HR_REF}-agreement.docx"
    tampered_dir = copies / "tampered"
    tampered_dir.mkdir()
    tampered = tampered_dir / agreement.name
    _edit_document_xml(agreement, tampered, lambda s: REF_RESULT.sub(r"\g<1>WRONG\3", s))
    assert "WRONG" in zipfile.ZipFile(tampered).read("word/document.xml").decode()
    out = to_pdf([*docs, tampered], jobs=2)
    assert [p.suffix for p in out] == [".pdf"] * (len(docs) + 1)
    assert all(p.parent == d.parent for p, d in zip(out, [*docs, tampered], strict=True))
    return {f"{p.parent.name}/{p.name}": pdf_text(p) for p in out}


# --- PDF ----------------------------------------------------------------------------------


def test_pdfs_show_clause_numbers_names_and_page_numbers(pdfs: dict[str, str]) -> None:
    agreements = {k: v for k, v in pdfs.items() if k.endswith("-agreement.pdf")
                  and not k.startswith("tampered/")}
    assert len(agreements) == 3
    for name, text in agreements.items():
        assert re.search(r"^\s*1\.1\s", text, re.M), name
        assert re.search(r"^\s*\(a\)\s", text, re.M), name
        assert "Page 1 of" in text, name
        pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
        assert pages > 3 and f"Page {pages} of {pages}" in text, name
    hr = _norm(pdfs[f"{HR_REF}/{HR_REF}-agreement.pdf"])
    for party in ("London Borough of Eastwick", "Royal Borough of Westmere"):
        assert party in hr
    assert "£53,137.73" in hr and "DRAFT" in hr
    for name in pdfs:
        assert "Page 1 of" in pdfs[name], name


def test_libreoffice_recomputes_cross_references(pdfs: dict[str, str]) -> None:
    """REF fields whose stored text was wrecked print the same numbers docgen stored."""
    original = _norm(pdfs[f"{HR_REF}/{HR_REF}-agreement.pdf"])
    tampered = _norm(pdfs[f"tampered/{HR_REF}-agreement.pdf"])
    assert "WRONG" not in tampered
    assert re.search(r"clause \d+\.\d+", original)
    assert tampered == original


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "x.docx"
    doc.write_bytes(b"not used")
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(DocgenError, match="apt-get install libreoffice-writer-nogui"):
        to_pdf([doc])
    monkeypatch.delenv("DOCGEN_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("docgen.publish.convert.soffice_locations", lambda: [])
    with pytest.raises(DocgenError, match="apt-get install libreoffice-writer-nogui"):
        to_pdf([doc])


def test_conversion_timeout_is_an_error_not_a_hang(copies: Path) -> None:
    require_soffice()
    doc = copies / HR_REF / f"{HR_REF}-job-spec.docx"
    with pytest.raises(DocgenError, match="did not finish"):
        to_pdf([doc], timeout=0.2)


# --- Markdown and HTML ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def review_copies(copies: Path) -> list[Path]:
    """The Markdown and HTML copies of the Head of HR's three documents, written once (six
    pandoc runs) for both tests below."""
    return write_review_copies(sorted((copies / HR_REF).glob("*.docx")), ["md", "html"])


def test_markdown_copy_shows_clause_numbers_and_parties(copies: Path,
                                                        review_copies: list[Path]) -> None:
    doc = copies / HR_REF / f"{HR_REF}-agreement.docx"
    md = to_markdown(doc)
    assert re.search(r"^## 1\. \S", md, re.M)
    assert re.search(r"^1\.1 \S", md, re.M)
    assert re.search(r"^\\\(a\\\) \S", md, re.M)
    assert re.search(r"^## Schedule 1 – ", md, re.M)
    assert "London Borough of Eastwick" in md and "Royal Borough of Westmere" in md
    assert "£53,137.73" in md
    assert re.search(r"clause \d+\.\d+", md)  # cross-references print their numbers
    assert "_Ref" not in md and "<span id" not in md
    # deterministic: the copy written from the same document by another run is the same
    written = doc.with_suffix(".md")
    assert written in review_copies and md == written.read_text(encoding="utf-8")


def test_html_and_written_review_copies(copies: Path, review_copies: list[Path]) -> None:
    docs = sorted((copies / HR_REF).glob("*.docx"))
    assert sorted(p.name for p in review_copies) == sorted(
        f"{d.stem}.{ext}" for d in docs for ext in ("md", "html"))
    html = (copies / HR_REF / f"{HR_REF}-agreement.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert re.search(r"<h2[^>]*>1\. ", html) and "<p>1.1 " in html
    ids = set(re.findall(r'id="([^"]+)"', html))
    links = re.findall(r'href="#([^"]+)"', html)
    assert links and set(links) <= ids  # cross-references link to their clauses
    assert html == to_html(copies / HR_REF / f"{HR_REF}-agreement.docx")
    with pytest.raises(DocgenError, match="unknown review format"):
        write_review_copies(docs, ["pdf"])


# --- redline ------------------------------------------------------------------------------


def _require_redlines() -> None:
    try:
        import python_redlines  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail('python-redlines is not installed: pip install "python-redlines[all]"')
        pytest.skip('python-redlines is not installed: pip install "python-redlines[all]"')


def _views(docx: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """(inserted texts, deleted texts, paragraphs as accepted, paragraphs as rejected)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    ins = ["".join(t.text or "" for t in el.iter(f"{W}t")) for el in root.iter(f"{W}ins")]
    dels = ["".join(t.text or "" for t in el.iter(f"{W}delText")) for el in root.iter(f"{W}del")]
    accepted, rejected = [], []
    for p in root.iter(f"{W}p"):
        accepted.append("".join(t.text or "" for t in p.iter(f"{W}t")))
        rejected.append("".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                                if not any(a.tag == f"{W}ins" for a in t.iterancestors())))
    return ins, dels, accepted, rejected


def test_compare_answer_files_writes_tracked_changes(tmp_path: Path) -> None:
    _require_redlines()
    new = tmp_path / "new.yaml"
    text = HR.read_text(encoding="utf-8")
    changed = text.replace("shares: {eastwick: 60, westmere: 40}",
                           "shares: {eastwick: 55, westmere: 45}")
    changed = changed.replace("notice_months: 6", "notice_months: 9")
    assert changed.count("55") > text.count("55") and "notice_months: 9" in changed
    new.write_text(changed, encoding="utf-8")
    out = tmp_path / "redlines"
    result = CliRunner().invoke(cli, ["compare", str(HR), str(new), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [f"{HR_REF}-agreement-redline.docx", f"{HR_REF}-contract-redline.docx",
                     f"{HR_REF}-job-spec-redline.docx"]
    ins, dels, accepted, rejected = _views(out / f"{HR_REF}-agreement-redline.docx")
    assert any("55%" in t for t in ins) and any("60%" in t for t in dels)
    assert any("45%" in t for t in ins) and any("40%" in t for t in dels)
    assert any("£53,137.73" in t for t in dels)
    assert any("9 months" in p and "notice" in p for p in accepted)
    assert any("6 months" in p and "notice" in p for p in rejected)
    assert not any("6 months" in p and "notice" in p for p in accepted)


def test_compare_does_not_overwrite_a_redline_edited_since(copies: Path, tmp_path: Path) -> None:
    """Like build: a redline a person changed in Word is not replaced without --force
    (audit: the second compare replaced the edited contract redline silently)."""
    _require_redlines()
    import docx

    contract = copies / HR_REF / f"{HR_REF}-contract.docx"
    old = tmp_path / f"{HR_REF}-contract.docx"
    old.write_bytes(contract.read_bytes())
    args = ["compare", str(old), str(contract), "--out", str(tmp_path / "cmp")]
    runner = CliRunner()
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    redline = tmp_path / "cmp" / f"{HR_REF}-contract-redline.docx"
    result = runner.invoke(cli, args)  # docgen's own redline, unchanged: replaced freely
    assert result.exit_code == 0, result.output
    document = docx.Document(str(redline))
    document.add_paragraph("Reviewer's note: check clause 4 with HR.")
    document.save(str(redline))
    edited = redline.read_bytes()
    result = runner.invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert (f"{redline.name} in {tmp_path / 'cmp'} changed since docgen wrote it "
            "(edited by hand?)") in result.output and "--force" in result.output
    assert redline.read_bytes() == edited
    result = runner.invoke(cli, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert redline.read_bytes() != edited
    assert (redline.parent / f"{redline.stem}.edited-1.docx").read_bytes() == edited
    # without a record, only a file holding exactly the new redline is replaced
    (tmp_path / "cmp" / ".docgen-redlines.json").unlink()
    assert runner.invoke(cli, args).exit_code == 0  # the same two documents: the same bytes
    (tmp_path / "cmp" / ".docgen-redlines.json").unlink()
    redline.write_bytes(b"someone's own file")
    result = runner.invoke(cli, args)
    assert result.exit_code == 1 and "not overwritten" in result.output
    assert redline.read_bytes() == b"someone's own file"


def test_compare_needs_the_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _require_redlines()
    import python_redlines

    from docgen.publish.redline import compare

    def missing(*_args: object, **_kw: object) -> None:
        raise python_redlines.EngineNotInstalledError("no binary")

    monkeypatch.setattr(python_redlines, "DocxodusEngine", missing)
    doc = tmp_path / "a-agreement.docx"
    doc.write_bytes(b"x")
    with pytest.raises(DocgenError, match=re.escape('pip install "python-redlines[all]>=2.0"')
                       ) as raised:
        compare(doc, doc, tmp_path / "out")
    assert "docgen[" not in str(raised.value)  # PyPI's docgen is another project


# --- verify -------------------------------------------------------------------------------


def test_verify_passes_on_a_fresh_build(copies: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["verify", str(copies / HR_REF), "--answers", str(HR)])
    assert result.exit_code == 0, result.output
    # without --answers the answer file is found in ./inputs/ from manifest.json
    (tmp_path / "inputs").mkdir()
    for example in EXAMPLES_DIR.glob("*.yaml"):
        shutil.copy(example, tmp_path / "inputs" / example.name)
    monkeypatch.chdir(tmp_path)
    for folder in sorted(p for p in copies.iterdir() if (p / "manifest.json").exists()):
        result = runner.invoke(cli, ["verify", str(folder)])
        assert result.exit_code == 0, (folder.name, result.output)


def test_verify_catches_a_hand_edited_figure(copies: Path, tmp_path: Path) -> None:
    folder = tmp_path / HR_REF
    shutil.copytree(copies / HR_REF, folder)
    agreement = folder / f"{HR_REF}-agreement.docx"
    assert "£53,137.73" in zipfile.ZipFile(agreement).read("word/document.xml").decode()
    _edit_document_xml(agreement, agreement, lambda s: s.replace("£53,137.73", "£53,137.74"))
    result = CliRunner().invoke(cli, ["verify", str(folder), "--answers", str(HR)])
    assert result.exit_code == 1
    assert f"{HR_REF}-agreement.docx: Westmere annual cost £53,137.73 not found" in result.output


def test_verify_documents_checks_references_and_final_documents(copies: Path) -> None:
    answers, _ = load(HR)
    facts = derive(answers)
    folder = copies / HR_REF
    docs = {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}
    assert verify_documents(facts, docs) == []
    assert verify_documents(facts, {"agreement": docs[f"{HR_REF}-agreement.docx"]}) == []

    name = f"{HR_REF}-agreement.docx"
    tmp = folder.parent / "scratch.docx"
    _edit_document_xml(folder / name, tmp, lambda s: REF_RESULT.sub(r"\g<1>99.9\3", s, count=1))
    problems = verify_documents(facts, {name: tmp.read_bytes()})
    assert len(problems) == 1 and "cross-reference shows '99.9'" in problems[0], problems

    def break_bookmark(s: str) -> str:
        target = re.search(r"REF (_Ref\w+) ", s).group(1)
        return re.sub(rf'<w:bookmarkStart w:id="\d+" w:name="{target}"/>', "", s)

    _edit_document_xml(folder / name, tmp, break_bookmark)
    assert any("which is not in the document" in p
               for p in verify_documents(facts, {name: tmp.read_bytes()}))

    # a final document may hold neither placeholders nor template tags
    tri_answers, _ = load(EXAMPLES_DIR / "shared-legal-services-three-councils.yaml")
    tri = derive(tri_answers)
    contract = copies / tri.reference / f"{tri.reference}-contract.docx"
    assert verify_documents(tri, {contract.name: contract.read_bytes()}) == []
    tri.is_draft = False
    problems = verify_documents(tri, {contract.name: contract.read_bytes()})
    assert any("placeholder [name of post-holder] left in a final document" in p
               for p in problems), problems
    _edit_document_xml(contract, tmp, lambda s: s.replace("Reference ", "Reference {{ x }} ", 1))
    assert any("template tag '{{'" in p for p in verify_documents(tri, {"contract":
                                                                         tmp.read_bytes()}))
