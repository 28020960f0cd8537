"""A workbook named from the folder the command runs in names its organisation profiles
from there too (``organisations/eastwick.yaml:26``), as an answer file does: every post of
a programme named the profile by its whole path from the root
(``/tmp/…/organisations/eastwick.yaml:26``), a programme officer tester's finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from intake_programme import run

ROOT = Path(__file__).resolve().parents[2]


def test_a_workbooks_profile_warning_names_the_profile_from_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "inputs", tmp_path / "ws",
                    ignore=shutil.ignore_patterns("*.xlsx"))  # made by the README's command
    monkeypatch.chdir(tmp_path / "ws")
    code, text = run("intake", "write", ".", "programme.xlsx")
    assert code == 0, text
    code, text = run("check", "programme.xlsx", "-v")
    assert code == 0, text
    assert "  organisations/eastwick.yaml:" in text, text
    assert str(tmp_path) not in text, text
    code, whole = run("check", str(tmp_path / "ws" / "programme.xlsx"), "-v")
    assert code == 0 and f"{tmp_path}/ws/organisations/eastwick.yaml:" in whole  # as named
