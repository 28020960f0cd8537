"""The API the command line goes through for files on disk: check_files, verify, schema,
answer_files (the CLI imports these rather than docgen.publish; an import-linter contract
in pyproject.toml holds it to that)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import docgen
from docgen import api
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"


def test_check_files_finds_and_checks_what_build_would(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    shutil.copytree(INPUTS, folder)
    (folder / "_base.yaml").write_text("docgen: 1\n")
    (folder / "notes.yaml").write_text("colour: blue\n")
    files, left_out = api.answer_files([folder])
    assert sorted(f.name for f in files) == sorted(p.name for p in INPUTS.glob("*.yaml"))
    assert [p.name for p, _why in left_out] == ["notes.yaml"]  # a _base is silently a base
    assert "_base.yaml" not in [f.name for f in files]
    report = api.check_files([folder])
    assert isinstance(report, docgen.BuildReport) and report.ok
    assert sorted(p.reference for p in report.posts) == [
        "EWK-WSM-HR-01", "EWK-WSM-HR-01-HS", "EWK-WSM-PROC-01", "NBC-ICB-DPH-2027",
        "TRI-LEGAL-01"]
    assert all(p.status == "checked" for p in report.posts)
    cli_json = json.loads(CliRunner().invoke(cli, ["check", "--json", str(folder)]).output)
    assert sorted(r["reference"] for r in cli_json if r.get("reference")) == sorted(
        p.reference for p in report.posts)


def test_verify_agrees_with_a_fresh_build_and_names_a_changed_document(tmp_path: Path) -> None:
    post = INPUTS / "shared-head-of-hr.yaml"
    assert docgen.build([post], tmp_path / "out", jobs=1).ok
    folder = tmp_path / "out" / "EWK-WSM-HR-01"
    assert api.verify(folder, post) == []
    other = docgen.render(INPUTS / "joint-director-public-health.yaml").documents["contract"]
    (folder / "EWK-WSM-HR-01-contract.docx").write_bytes(other)
    problems = api.verify(folder, post)
    assert problems and any("contract" in p for p in problems)


def test_schema_is_the_json_schema_or_the_markdown_reference() -> None:
    schema = api.schema()
    assert isinstance(schema, dict) and "reference" in schema["properties"]
    markdown = api.schema(markdown=True)
    assert isinstance(markdown, str) and markdown.startswith("# The answer file")
    assert markdown == (ROOT / "docs" / "answer-file.md").read_text()
