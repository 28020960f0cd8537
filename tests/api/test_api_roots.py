"""The batch API's ``roots``: a caller that found the answer files itself names the folders
the user gave, and each is a project root (profiles, ``extends``), as when the folders are
passed as ``paths``."""

from __future__ import annotations

import shutil
from pathlib import Path

import docgen
from docgen.api import check_files

ROOT = Path(__file__).resolve().parents[2]


def _layout(tmp_path: Path) -> tuple[Path, Path]:
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs" / "organisations", inputs / "organisations")
    (inputs / "hr").mkdir()
    post = inputs / "hr" / "post.yaml"
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", post)
    return inputs, post


def test_check_files_takes_the_folders_named_as_roots(tmp_path: Path) -> None:
    inputs, post = _layout(tmp_path)
    assert not check_files([post]).ok  # the file alone: its own folder is the project
    assert check_files([post], roots=[inputs]).ok
    assert check_files([inputs]).ok  # the folder as a path is a root, as before


def test_build_takes_the_folders_named_as_roots(tmp_path: Path) -> None:
    inputs, post = _layout(tmp_path)
    report = docgen.build([post], tmp_path / "out", roots=[inputs])
    assert [p.status for p in report.posts] == ["built"], report.posts[0].problems
