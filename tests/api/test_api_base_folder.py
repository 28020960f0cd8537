"""Answers given as text with ``workspace=FOLDER`` are read as if written in that folder
(issue 24 point 3): a clauses folder they name is relative to it and must stay inside it,
so a caller (the web interview) needs no hidden copy of the answers beside the posts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from yaml_text import load_yaml

import docgen

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"


def _overlay(folder: Path) -> None:
    notices = load_yaml((ROOT / "docgen/data/clauses/agreement/2100-notices.yaml")
                             .read_text())
    notices["replaces_version"] = notices["version"]
    notices["text"] = notices["text"].replace("A notice under this Agreement must be in writing",
                                              "Every notice must be on vellum")
    folder.mkdir(parents=True)
    (folder / "notices.yaml").write_text(yaml.safe_dump(notices, sort_keys=False))


def test_text_names_a_clauses_folder_inside_its_workspace(tmp_path: Path) -> None:
    _overlay(tmp_path / "posts" / "wording")
    text = HR.read_text(encoding="utf-8") + "clauses: [wording]\n"
    before = sorted(tmp_path.rglob("*"))
    result = docgen.render(text, workspace=tmp_path / "posts", documents=["agreement"])
    assert [c["id"] for c in result.manifest["agreement"]["clauses"]
            if c["source"] == "overlay"] == ["agreement.notices"]
    assert sorted(tmp_path.rglob("*")) == before  # nothing written


@pytest.mark.parametrize("where", ["../outside", "/tmp"])
def test_a_clauses_folder_outside_the_workspace_is_refused(tmp_path: Path, where: str) -> None:
    _overlay(tmp_path / "outside")
    (tmp_path / "posts").mkdir()
    text = HR.read_text(encoding="utf-8") + f"clauses: ['{where}']\n"
    errors = docgen.check(text, workspace=tmp_path / "posts").errors
    assert [e.key for e in errors] == ["clauses[0]"], errors
    assert ("leads outside the project folder" if where.startswith("..")
            else "not an absolute path") in errors[0].message


def test_without_a_workspace_text_may_name_no_folder() -> None:
    text = HR.read_text(encoding="utf-8") + "clauses: [wording]\n"
    errors = docgen.check(text).errors
    assert errors and "workspace=FOLDER" in errors[0].message


def test_a_house_style_in_text_is_found_in_the_workspace(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    text = (tmp_path / "inputs/shared-head-of-hr-house-style.yaml").read_text()
    result = docgen.render(text, workspace=tmp_path / "inputs", documents=["contract"])
    assert result.manifest["contract"]["house_style"]["party"] == "eastwick"
    assert docgen.check(text).errors  # no folder: a file on disk cannot be named
