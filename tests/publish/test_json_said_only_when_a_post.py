"""A ``.json`` file found in a folder is said to need renaming only when it is a post saved
as JSON: an object whose top-level keys give ``docgen``. ``docgen build .`` in a project
that was built before told the user to rename docgen's own ``build/<ref>/manifest.json``
(its ``answer_file`` holds ``"extends": []``), and a ``tsconfig.json`` (``"extends"``) too,
counting each as "not answer file" in the summary, ``--json`` and ``not_posts``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

import docgen
from docgen.api import answer_files
from docgen.cli import cli

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"


def _project(tmp_path: Path) -> Path:
    (tmp_path / "inputs").mkdir()
    shutil.copy(HR, tmp_path / "inputs" / "post.yaml")
    (tmp_path / "tsconfig.json").write_text('{"extends": "./base.json"}', encoding="utf-8")
    (tmp_path / "package.json").write_text(
        '{"name": "site", "config": {"docgen": 1, "extends": []}}', encoding="utf-8")
    return tmp_path


def test_a_manifest_or_tool_config_is_not_said_to_be_a_post(tmp_path: Path) -> None:
    project = _project(tmp_path)
    post = project / "build" / "EWK-01"
    post.mkdir(parents=True)
    # a manifest keeps the answer file's name: even one that looks like a post is no post
    (post / "manifest.json").write_text(json.dumps(
        {"docgen": "1", "answer_file": {"path": "inputs/post.yaml", "extends": []}}),
        encoding="utf-8")
    found, left_out = answer_files([project])
    assert [p.name for p in found] == ["post.yaml"] and left_out == []


def test_a_post_saved_as_json_is_still_said(tmp_path: Path) -> None:
    (tmp_path / "post.json").write_text('{"docgen": 1, "reference": "X"}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"docgen": 1,', encoding="utf-8")
    shutil.copy(HR, tmp_path / "post.yaml")
    _, left_out = answer_files([tmp_path])
    assert [p.name for p, _ in left_out] == ["post.json"]


@pytest.mark.parametrize("command", ["build", "check"])
def test_building_a_built_project_skips_nothing_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(_project(tmp_path))
    first = CliRunner().invoke(cli, ["build", "."])
    assert first.exit_code == 0, first.output
    assert list(Path("build").glob("*/manifest.json"))
    again = CliRunner().invoke(cli, [command, "."])
    assert again.exit_code == 0, again.output
    assert "skipped" not in again.output and "not answer file" not in again.output
    listed = CliRunner().invoke(cli, [command, ".", "--json"])
    records = json.loads(listed.stdout)
    assert records and not [r for r in records if r["status"] == "not-an-answer-file"], records


def test_the_reports_not_posts_hold_none_of_them(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert docgen.build([project], out=project / "build").posts
    again = docgen.build([project], out=project / "build")
    assert again.posts and again.not_posts == []
