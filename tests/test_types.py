"""docgen ships ``py.typed``, so its annotations are a promise: mypy (with the stubs for
PyYAML, lxml and openpyxl, all in the test extra) finds no error in ``docgen/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error_in_the_package() -> None:
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("mypy is not installed; it is part of the test extra")
        pytest.skip("mypy is not installed: pip install -e '.[test]'")
    result = subprocess.run([exe, "--no-incremental", "--config-file",
                             str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout
