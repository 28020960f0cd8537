"""One id, one profile file: ``x.yaml`` and ``x.yml`` together are an error naming both
(never one taken silently by its suffix), in check, build and ``docgen.organisations``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def problems(output: str) -> str:
    """Every problem ``check --json`` reports, one ``file:line: key: message`` a line."""
    return "\n".join(f"{p['file']}:{p['line']}: {p['key']}: {p['message']}"
                     for record in json.loads(output) for p in record["problems"])


@pytest.fixture
def doubled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", tmp_path / "post.yaml")
    profile = tmp_path / "organisations" / "westmere.yaml"
    profile.with_suffix(".yml").write_text(profile.read_text(encoding="utf-8").replace(
        "Royal Borough of Westmere", "Wrong Duplicate Council"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_names_both_files(doubled: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "post.yaml", "--json"])
    assert result.exit_code == 1
    assert ("post.yaml:14: parties[1]: organisations/westmere.yaml and "
            "organisations/westmere.yml are both the profile of 'westmere'; keep one") \
        in problems(result.output)


def test_build_fails_and_writes_nothing(doubled: Path) -> None:
    report = docgen.build(["post.yaml"], "out")
    assert [p.status for p in report.posts] == ["failed"]
    assert "keep one" in str(report.posts[0].problems[0])
    assert not (doubled / "out" / "EWK-WSM-PROC-01").exists()


def test_organisations_lists_the_id_once_with_the_problem(doubled: Path) -> None:
    listed = docgen.organisations(".")
    assert [o["id"] for o in listed] == ["eastwick", "westmere"]
    westmere = listed[1]
    assert westmere["party"] is None and westmere["name"] is None
    assert westmere["problems"] == [
        "organisations/westmere.yaml:1: organisations/westmere.yaml and "
        "organisations/westmere.yml are both the profile of 'westmere'; keep one (delete "
        "or rename the other), so every post takes the same organisation"]


def test_checking_either_profile_names_both(doubled: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "organisations/westmere.yml", "--json"])
    assert result.exit_code == 1
    assert "are both the profile of 'westmere'; keep one" in problems(result.output)
