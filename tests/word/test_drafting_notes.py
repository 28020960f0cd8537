"""Issue 4: warnings and placeholders as Word comments on the right clause; clean final builds."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from docx_read import header_footer_text
from lxml import etree
from yaml_text import load_yaml

import docgen
from docgen import build
from docgen.answers.profiles import load_post
from docgen.cli import cli
from docgen.pipeline import check_located
from docgen.rulebook.engine import rule_for
from docgen.word.note_wording import plain_point

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEGAL = EXAMPLES_DIR / "shared-legal-services-three-councils.yaml"
HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"


def comments_by_clause(docx: Path) -> dict[str, list[str]]:
    """Comment texts keyed by the real number of the clause heading they are anchored to."""
    with zipfile.ZipFile(docx) as z:
        if "word/comments.xml" not in z.namelist():
            return {}
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    texts = {c.get(f"{W}id"): "".join(c.itertext()) for c in comments.iter(f"{W}comment")}
    out: dict[str, list[str]] = {}
    number = 0
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "DGClause1":
            number += 1
        for start in p.iter(f"{W}commentRangeStart"):
            out.setdefault(str(number), []).append(texts[start.get(f"{W}id")])
    return out


def test_each_warning_is_a_comment_on_its_clause(tmp_path: Path) -> None:
    report = build([LEGAL], tmp_path)
    assert report.ok
    post = report.posts[0]
    warnings = [p for p in post.warnings if not p.acknowledged]
    assert warnings, "the example should have warnings to show"
    folder = tmp_path / post.reference
    manifest = json.loads((folder / "manifest.json").read_text())
    for kind, entry in manifest["documents"].items():
        numbers = {c["id"]: c["number"] for c in entry["clauses"]}
        found = comments_by_clause(folder / entry["file"])
        for w in warnings:
            rule = rule_for(w)
            target = next((c for c in rule.clauses if c in numbers), None)
            if target is None:
                continue
            notes = found.get(numbers[target], [])
            point = plain_point(w.message)
            if kind not in rule.documents:
                assert point not in notes, (kind, w.rule, found)
                continue
            # the point in legal terms, with no rule id, key path or answer-file instruction
            assert point in notes, (kind, w.rule, found)
            assert not any(w.rule in n or w.key in n or "acknowledge" in n for n in notes), \
                (kind, w.rule, found)
    # the placeholder (no post-holder yet) is a comment in the contract as well
    contract = comments_by_clause(folder / manifest["documents"]["contract"]["file"])
    assert any("Placeholder" in n for notes in contract.values() for n in notes)
    # and a "Drafting notes" page at the front lists them
    import docx

    first = [p.text for p in docx.Document(str(folder / manifest["documents"]["agreement"]
                                                ["file"])).paragraphs[:40]]
    assert "Drafting notes" in first
    assert any("outside the scope of VAT" in t for t in first)
    assert not any(re.search(r"\bG[EP]\d{3}\b|acknowledge", t) for t in first)


def _final_copy(tmp_path: Path, acknowledge: bool) -> Path:
    data = load_yaml(HR.read_text())
    data["status"] = "final"
    data["exit"].update(reversion_post="Head of Human Resources, Eastwick",
                        reversion_grade="Chief Officer Grade 4")
    if acknowledge:
        data["acknowledge"] = [
            {"rule": w.rule, "reason": "Agreed with our VAT adviser on 1 March 2027."}
            for w in docgen.check(data).warnings]  # those of this copy (no stale ones)
    src = tmp_path / "final.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True))
    return src


def test_final_build_has_no_comments_and_no_draft_marking(tmp_path: Path) -> None:
    src = _final_copy(tmp_path, acknowledge=True)
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "acknowledged" in result.output
    for docx_path in (tmp_path / "out" / "EWK-WSM-HR-01").glob("*.docx"):
        assert comments_by_clause(docx_path) == {}
        with zipfile.ZipFile(docx_path) as z:
            assert "word/comments.xml" not in z.namelist()
            assert "Drafting notes" not in z.read("word/document.xml").decode()
        assert "DRAFT" not in header_footer_text(docx_path)


def test_final_build_refused_with_open_warnings(tmp_path: Path) -> None:
    src = _final_copy(tmp_path, acknowledge=False)
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "unacknowledged warnings" in result.output
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_each_rule_finding_carries_its_documents_and_clauses() -> None:
    """The rules stamp on the Problem what the Word stage needs: which documents show the
    note and which clauses it attaches to (the catalogue's own lists, for every finding)."""
    checked = check_located(load_post(LEGAL))
    found = [p for p in checked.problems if rule_for(p) is not None]
    assert found, "the example should have rule findings"
    for p in found:
        rule = rule_for(p)
        assert rule is not None
        assert p.documents == rule.documents and p.clauses == rule.clauses, p.rule
        assert p.documents, p.rule  # never empty: empty means "every document"
    # an input warning not found by a rule concerns every document
    assert all(p.documents == () for p in checked.problems if rule_for(p) is None)

