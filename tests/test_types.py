"""docgen ships ``py.typed``, so its annotations are a promise: mypy in strict mode (with
the stubs for PyYAML, lxml and openpyxl, all in the test extra) finds no error in
``docgen/``: every function typed, no bare ``dict`` or ``list``, no ``Any`` returned
unchecked, no implicit re-export."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mypy() -> str:
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("mypy is not installed; it is part of the test extra")
        pytest.skip("mypy is not installed: pip install -e '.[test]'")
    return exe


def test_mypy_is_strict_for_the_whole_package() -> None:
    """Strict for every module, with no module let off by an override."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config.get("strict") is True
    assert config.get("files") == ["docgen"]
    for section in config.get("overrides", []):
        # neither key relaxes docgen's own checks: the first tells mypy a library has no
        # types, the second reads a library's own annotations though it ships no py.typed
        let_off = {k: v for k, v in section.items() if k not in (
            "module", "ignore_missing_imports", "follow_untyped_imports")}
        assert not let_off, f"an override relaxes {section['module']}: {let_off}"
        assert all(not m.startswith("docgen") for m in section["module"]), section


def test_mypy_finds_no_error_in_the_package() -> None:
    result = subprocess.run([_mypy(), "--no-incremental", "--config-file",
                             str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout
