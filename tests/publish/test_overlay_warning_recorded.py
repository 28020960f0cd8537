"""A clause overlay written for an older version of a standard clause gives the warning
OVERLAY ("review the overlay against the new standard wording"). The build added it to the
post's problems only after the register row and the manifest's warnings were made, so a
rebuild with nothing changed (the post skipped, its warnings read back from the manifest)
no longer said it, and the register's count of warnings left it out."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
FOI = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1300-foi.yaml"


def _build() -> list[dict]:
    result = CliRunner().invoke(cli, ["build", "--json", "post.yaml", "--out", "out",
                                      "--clauses", "overlay"])
    return json.loads(result.output)


def _overlay_warnings(post: dict) -> list[str]:
    return [p["message"] for p in post["problems"] if p["rule"] == "OVERLAY"]


@pytest.fixture
def old_overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The HR post and an overlay of the FOI clause that replaces version 1 (it is at 2)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(HR, tmp_path / "post.yaml")
    (tmp_path / "overlay").mkdir()
    text = FOI.read_text("utf-8")
    assert "\nversion: 2\n" in text
    (tmp_path / "overlay" / "agreement.foi.yaml").write_text(
        text.replace("\nversion: 2\n", "\nversion: 9\nreplaces_version: 1\n", 1), "utf-8")
    return tmp_path


def test_an_unchanged_rebuild_says_the_overlay_warning_again(old_overlay: Path) -> None:
    [first] = _build()
    assert first["status"] == "built"
    [warning] = _overlay_warnings(first)
    assert "replaces version 1 of the standard clause" in warning
    # the way out, as the final check's refusal asks it to be resolved (it cannot be
    # acknowledged)
    assert warning.endswith("then set its replaces_version to 2")
    [second] = _build()
    assert second["status"] == "skipped"
    assert _overlay_warnings(second) == [warning]


def test_the_register_counts_the_overlay_warning(old_overlay: Path) -> None:
    [post] = _build()
    warnings = [p for p in post["problems"] if p["severity"] == "warning"]
    assert [p["rule"] for p in warnings].count("OVERLAY") == 1  # said once, not twice
    manifest = json.loads(next((old_overlay / "out").rglob("manifest.json")).read_text("utf-8"))
    assert manifest["register"]["warnings"] == len(warnings)
    assert [w["rule"] for w in manifest["warnings"]].count("OVERLAY") == 1
    with (old_overlay / "out" / "register.csv").open(encoding="utf-8-sig") as f:
        [row] = list(csv.DictReader(f))
    assert row["Warnings"] == str(len(warnings))
