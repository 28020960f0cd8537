"""Fixtures the answer-file tests share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of the example organisations' profiles and a post that uses them
    (``post.yaml``, the procurement example), made the current folder."""
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", tmp_path / "post.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path
