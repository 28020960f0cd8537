"""Issue 3: cross-references, defined terms, overlays, lint, provenance, reproducibility."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, EXAMPLES_DIR, pdf_text, to_pdf
from docx_read import full_text, paragraphs
from yaml_text import load_yaml

from docgen import build
from docgen.clauses.library import load_library
from docgen.cli import cli

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"

OVERLAY = {
    "optional.yaml": """
id: zz.optional
title: Optional clause
version: 1
documents: [agreement]
order: 150
when: a.post.politically_restricted
text: |
  This clause is present only for a politically restricted post.
""",
    "target.yaml": """
id: zz.target
title: Target clause
version: 1
documents: [agreement]
order: 160
text: |
  First sub-clause of the target.
  [point] The sub-clause that is cited.
""",
    "citing.yaml": """
id: zz.citing
title: Citing clause
version: 1
documents: [agreement]
order: 170
text: |
  As clause {{ ref('zz.target.point') }} says, and as clause {{ ref('zz.target') }} sets out.
""",
}


def write_files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def heading_numbers(path: Path) -> dict[str, str]:
    """Each DGClause1/DGClause2 paragraph's real number, counted from the styles in the file."""
    numbers: dict[str, str] = {}
    l1 = l2 = 0
    for p in paragraphs(path):
        style = p._p.pPr.pStyle.val if p._p.pPr is not None and p._p.pPr.pStyle is not None \
            else ""
        if style == "DGClause1":
            l1, l2 = l1 + 1, 0
            numbers[p.text.strip()] = str(l1)
        elif style == "DGClause2":
            l2 += 1
            numbers[p.text.strip()] = f"{l1}.{l2}"
    return numbers


def build_hr(tmp: Path, restricted: bool, overlay: Path) -> Path:
    data = load_yaml(HR.read_text())
    data["post"]["politically_restricted"] = restricted
    src = tmp / f"hr-{restricted}.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True))
    out = tmp / f"out-{restricted}"
    report = build([src], out, overlays=[overlay])
    assert report.ok, [(p.message, [str(x) for x in p.errors]) for p in report.posts]
    return out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"


def test_references_follow_conditional_clauses(tmp_path: Path) -> None:
    overlay = write_files(tmp_path / "overlay", OVERLAY)
    with_opt = build_hr(tmp_path, True, overlay)
    without = build_hr(tmp_path, False, overlay)
    without = Path(shutil.copy(without, tmp_path / "without-optional.docx"))
    pdfs = to_pdf([with_opt, without], tmp_path / "pdf")
    results = {}
    for docx_path, pdf in zip((with_opt, without), pdfs, strict=True):
        nums = heading_numbers(docx_path)
        target = nums["Target clause"]
        point = nums["The sub-clause that is cited."]
        assert point == f"{target}.2"
        text = full_text(docx_path)
        assert f"As clause {point} says, and as clause {target} sets out." in text
        # the REF field's stored result and its bookmark agree with the real numbering
        xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode()
        stored = re.findall(r'REF (_Ref\w+) \\w \\h </w:instrText></w:r><w:r><w:fldChar '
                            r'w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">'
                            r"([^<]*)<", xml)
        assert (point in {s for _, s in stored}) and (target in {s for _, s in stored})
        for name, _ in stored:
            assert f'w:name="{name}"' in xml, f"REF to missing bookmark {name}"
        # LibreOffice's own rendering: heading numbers and the references printed
        ptext = re.sub(r"\s+", " ", pdf_text(pdf))
        assert f"{target}. Target clause" in ptext
        assert f"As clause {point} says, and as clause {target} sets out." in ptext
        results[docx_path] = int(target)
    assert results[with_opt] == results[without] + 1


def test_reference_to_absent_clause_is_a_build_error(tmp_path: Path) -> None:
    files = dict(OVERLAY)
    files["target.yaml"] = files["target.yaml"].replace("order: 160",
                                                        "order: 160\nwhen: 'false'")
    overlay = write_files(tmp_path / "overlay", files)
    report = build([HR], tmp_path / "out", overlays=[overlay])
    assert not report.ok
    assert "refers to 'zz.target.point'" in report.posts[0].message


def test_definitions_clause_lists_used_terms_alphabetically(built: Path) -> None:
    doc = built / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    defs = [p.text for p in paragraphs(doc)
            if p._p.pPr is not None and p._p.pPr.pStyle is not None
            and p._p.pPr.pStyle.val == "DGDefinition"]
    terms = [re.match(r"“([^”]+)”", d).group(1) for d in defs]
    assert terms == sorted(terms, key=str.casefold)
    assert "Eastwick" in terms and "Westmere" in terms
    assert "Post-holder" in terms
    body = full_text(doc)
    for term in terms:
        assert len(re.findall(rf"(?<![\w-]){re.escape(term)}(?![\w-])", body)) >= 2, term


def test_builtin_library_lints_clean() -> None:
    result = CliRunner().invoke(cli, ["clauses", "lint"])
    assert result.exit_code == 0, result.output


LINT_CASES = {
    "undefined term": ({"a.yaml": OVERLAY["target.yaml"].replace(
        "First sub-clause", "The Host Authority approves the first sub-clause")},
        "'Authority' is capitalised but not a defined term"),
    "unused definition": ({"d.yaml": "term: Widget Fund\ntext: means the fund.\n"
                                     "documents: [agreement]\nversion: 1\n"},
                          "definition 'Widget Fund'"),
    "broken reference": ({"a.yaml": OVERLAY["citing.yaml"]},
                         "broken reference: ref('zz.target.point')"),
    "duplicate id": ({"a.yaml": OVERLAY["target.yaml"], "b.yaml": OVERLAY["target.yaml"]},
                     "duplicate clause id 'zz.target'"),
}


@pytest.mark.parametrize("case", sorted(LINT_CASES))
def test_lint_fails_naming_the_clause(case: str, tmp_path: Path) -> None:
    files, expected = LINT_CASES[case]
    overlay = write_files(tmp_path / "lib", files)
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(overlay)])
    assert result.exit_code == 1
    assert expected in result.output, result.output


def test_clauses_list_and_show() -> None:
    result = CliRunner().invoke(cli, ["clauses", "list"])
    assert result.exit_code == 0 and "agreement.definitions" in result.output
    result = CliRunner().invoke(cli, ["clauses", "show", "agreement.definitions"])
    assert result.exit_code == 0 and "version:" in result.output
    result = CliRunner().invoke(cli, ["clauses", "show", "agreement.nonsense"])
    assert result.exit_code == 2


def test_overlay_replaces_a_clause_and_manifest_shows_it(tmp_path: Path) -> None:
    lib = load_library()
    target = next(c for c in lib.for_document("agreement") if c.kind != "definitions")
    overlay = write_files(tmp_path / "ours", {"ours.yaml": f"""
id: {target.id}
title: Our own wording
version: 1
replaces_version: {target.version}
documents: {target.documents}
order: {target.order}
text: |
  Our organisation's preferred wording applies here.
"""})
    out = tmp_path / "out"
    report = build([HR], out, overlays=[overlay])
    assert report.ok, report.posts[0].message
    doc = out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    assert "Our organisation's preferred wording applies here." in full_text(doc)
    manifest = json.loads((out / "EWK-WSM-HR-01" / "manifest.json").read_text())
    entry = next(c for c in manifest["documents"]["agreement"]["clauses"]
                 if c["id"] == target.id)
    assert entry["source"] == "overlay" and entry["file"].endswith("ours.yaml")


def test_overlay_warns_when_standard_clause_moved_on(tmp_path: Path) -> None:
    std = write_files(tmp_path / "std", {"c.yaml": OVERLAY["target.yaml"].replace(
        "version: 1", "version: 2")})
    ours = write_files(tmp_path / "ours", {"c.yaml": OVERLAY["target.yaml"].replace(
        "version: 1", "version: 1\nreplaces_version: 1")})
    lib = load_library([ours], builtin=std)
    assert any("now at version 2" in w.message for w in lib.warnings)
    bare = write_files(tmp_path / "bare", {"c.yaml": OVERLAY["target.yaml"]})
    with pytest.raises(Exception, match="replaces_version"):
        load_library([bare], builtin=std)


def test_manifest_records_provenance(built: Path) -> None:
    manifest = json.loads((built / "EWK-WSM-HR-01" / "manifest.json").read_text())
    assert len(manifest["answer_file"]["sha256"]) == 64
    assert manifest["docgen_version"]
    for kind, doc in manifest["documents"].items():
        data = (built / "EWK-WSM-HR-01" / doc["file"]).read_bytes()
        import hashlib

        assert hashlib.sha256(data).hexdigest() == doc["sha256"], kind
        assert len(doc["template_sha256"]) == 64
        assert all({"id", "version", "sha256"} <= set(c) for c in doc["clauses"])


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    one = build(EXAMPLES, tmp_path / "one")
    two = build(EXAMPLES, tmp_path / "two")
    assert one.ok and two.ok
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.docx"))
    assert len(files) == 9
    for rel in files:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()
