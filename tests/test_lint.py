"""The code base stays ruff-clean (the style standard of the project)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest


def test_ruff_clean() -> None:
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(root)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
