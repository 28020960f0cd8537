"""``docgen verify`` against another post's answer file says so once and stops: comparing
the documents with answers they were never built from gave some 150 more lines, all noise."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import build
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
DPH = ROOT / "inputs" / "joint-director-public-health.yaml"


def test_verify_with_another_posts_answers_names_the_mismatch_alone(tmp_path: Path) -> None:
    report = build([HR], tmp_path / "out")
    assert report.ok
    (folder,) = [p for p in (tmp_path / "out").iterdir() if (p / "manifest.json").is_file()]
    result = CliRunner().invoke(cli, ["verify", str(folder), "--answers", str(DPH)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    mismatch = [line for line in lines if "reference NBC-ICB-DPH-2027 but" in line]
    assert len(mismatch) == 1, result.output
    assert f"is for {folder.name}" in mismatch[0]
    assert not [line for line in lines if "not found" in line], result.output
    assert len(lines) <= 3, result.output


def test_verify_with_its_own_answers_still_checks_the_documents(tmp_path: Path) -> None:
    assert build([HR], tmp_path / "out").ok
    (folder,) = [p for p in (tmp_path / "out").iterdir() if (p / "manifest.json").is_file()]
    agreement = next(folder.glob("*-agreement.docx"))
    agreement.write_bytes(b"not a zip")
    result = CliRunner().invoke(cli, ["verify", str(folder), "--answers", str(HR)])
    assert result.exit_code == 1 and agreement.name in result.output, result.output


def test_its_own_answer_file_with_a_new_reference_is_told_to_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer file found through the manifest is this post's, edited since the build:
    the advice is to rebuild, not to name another post's answer file."""
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert build([post], tmp_path / "out").ok
    (folder,) = [p for p in (tmp_path / "out").iterdir() if (p / "manifest.json").is_file()]
    post.write_text(post.read_text("utf-8").replace(f"reference: {folder.name}",
                                                    "reference: EWK-WSM-HR-02"), "utf-8")
    result = CliRunner().invoke(cli, ["verify", str(folder)])
    assert result.exit_code == 1
    assert ("reference EWK-WSM-HR-02 but" in result.output
            and "it has changed since these documents were built; rebuild the post"
            in result.output), result.output
    assert "--answers" not in result.output
