"""A post whose inputs are unchanged is skipped; when a person edited one of its documents
since docgen wrote it, the skip says so (naming the file, kept as it is), rather than
leaving them to learn it when a changed input makes the build refuse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT, copy_examples

from docgen import build
from docgen.cli import cli

EXAMPLE = ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml"
REFERENCE = "EWK-WSM-HR-01"
AGREEMENT = f"{REFERENCE}-agreement.docx"
CONTRACT = f"{REFERENCE}-contract.docx"


@pytest.fixture()
def post(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / "post.yaml"))


def _edit(path: Path) -> bytes:
    """Save ``path`` again with a paragraph added, as a person in Word would; its bytes."""
    document = docx.Document(str(path))
    document.add_paragraph("A note of my own.")
    document.save(str(path))
    return path.read_bytes()


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def test_a_skipped_post_names_the_document_edited_and_keeps_it(post: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).posts[0].status == "built"
    folder = out / REFERENCE
    manifest = (folder / "manifest.json").read_bytes()
    edited = _edit(folder / AGREEMENT)
    others = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != AGREEMENT}
    result = build([post], out).posts[0]
    assert result.status == "skipped", result.message
    assert result.message == (
        f"inputs unchanged since the last build; {AGREEMENT} changed since docgen wrote it "
        "(edited by hand?) and is kept as it is: `docgen build --force` would replace it "
        "(the edited copy is kept as <name>.edited-1.docx)")
    opened = [p for p in result.problems if not p.acknowledged]  # (its acknowledged ones too)
    assert [(p.severity, p.rule) for p in opened] == [("warning", "EDITED")]
    assert AGREEMENT in opened[0].message and result.outputs == []
    # nothing written: the edited copy, the other documents and the manifest as they were
    assert (folder / AGREEMENT).read_bytes() == edited
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.name != AGREEMENT} == others
    assert (folder / "manifest.json").read_bytes() == manifest
    assert not list(folder.glob("*.edited-*"))


def test_two_edited_documents_are_both_named(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([post], out)
    _edit(out / REFERENCE / AGREEMENT)
    _edit(out / REFERENCE / CONTRACT)
    result = build([post], out).posts[0]
    assert result.status == "skipped"
    assert (f"{AGREEMENT}, {CONTRACT} changed since docgen wrote them (edited by hand?) and "
            "are kept as they are: `docgen build --force` would replace them") in result.message


def test_the_command_line_says_so_in_text_and_json(post: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    code, first = _cli(str(post), "--out", out)
    assert code == 0 and f"built {REFERENCE}" in first
    before = first.strip().splitlines()[-1]  # the summary: its count of warnings
    edited = _edit(Path(out) / REFERENCE / AGREEMENT)
    code, said = _cli(str(post), "--out", out)
    assert code == 0 and f"unchanged {REFERENCE}" in said
    assert f"{AGREEMENT} changed since docgen wrote it (edited by hand?)" in said
    assert "`docgen build --force` would replace it" in said
    # the post's own warnings (its register row's) still counted, and the edit besides
    warnings = int(before.split("; ")[1].split()[0])
    assert f"; {warnings + 1} warning" in said.strip().splitlines()[-1]
    code, text = _cli(str(post), "--out", out, "--json")
    record = json.loads(text)[0]
    assert code == 0 and record["status"] == "skipped"
    assert record["message"].startswith("inputs unchanged since the last build; ")
    assert f"{AGREEMENT} changed since docgen wrote it" in record["message"]
    assert [p["rule"] for p in record["problems"] if not p["acknowledged"]] == ["EDITED"]
    assert (Path(out) / REFERENCE / AGREEMENT).read_bytes() == edited


def test_a_batch_names_the_post_whose_document_was_edited(tmp_path: Path) -> None:
    inputs = copy_examples(tmp_path / "inputs")
    out = tmp_path / "out"
    report = build([inputs], out)
    assert report.count("built") >= 2
    built = [p.reference for p in report.posts]
    _edit(out / built[0] / f"{built[0]}-agreement.docx")
    code, said = _cli(str(inputs), "--out", str(out))
    assert code == 0
    assert f"warning [EDITED] on 1 post ({built[0]})" in said
    assert f"{built[0]}-agreement.docx changed since docgen wrote it" in said
    assert f"0 built, {len(built)} unchanged, 0 failed" in said


def test_a_rebuild_with_nothing_edited_says_plainly_unchanged(post: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([post], out)
    result = build([post], out).posts[0]
    assert (result.status, result.message,
            [p for p in result.problems if not p.acknowledged]) == (
        "skipped", "inputs unchanged since the last build", [])
    code, said = _cli(str(post), "--out", str(out))
    assert code == 0 and f"unchanged {REFERENCE}" in said and "edited" not in said
    record = json.loads(_cli(str(post), "--out", str(out), "--json")[1])[0]
    assert record["message"] == "inputs unchanged since the last build"


def test_a_changed_input_then_refuses_in_the_same_words(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([post], out)
    edited = _edit(out / REFERENCE / AGREEMENT)
    post.write_text(post.read_text().replace("notice_months: 6", "notice_months: 9"))
    result = build([post], out).posts[0]
    assert result.status == "failed"
    assert (f"{AGREEMENT} in {out / REFERENCE} changed since docgen wrote it (edited by hand?); "
            "not overwritten. Move it away, or use --force (the edited copy is then kept as "
            "<name>.edited-1.docx)") == result.message
    assert (out / REFERENCE / AGREEMENT).read_bytes() == edited
