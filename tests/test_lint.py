"""The code base stays ruff-clean (the style standard of the project)."""

import shutil
import subprocess
from pathlib import Path

import pytest


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([ruff, "check", str(root)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
