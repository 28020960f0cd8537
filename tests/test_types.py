"""docgen ships ``py.typed``, so its annotations are a promise: mypy in strict mode (with
the stubs for PyYAML, lxml and openpyxl, all in the test extra) finds no error in
``docgen/``: every function typed, no bare ``dict`` or ``list``, no ``Any`` returned
unchecked, no implicit re-export."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
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


def _cache_options() -> list[str]:
    """mypy's incremental cache, kept under the temporary folder for the user's sessions:
    a full check takes 6-7 s of CPU, one with the cache 0.3 s plus the modules changed since
    (mypy checks each module's hash against it, keeps the errors it found and re-reports
    them, and writes its files atomically, so sessions may share it). Outside the checkout:
    the tests write nothing into the repository. Only a folder the user owns and no one
    else may write to is used (a foreign cache could hide an error); else no cache."""
    if os.name != "posix":
        return ["--no-incremental"]
    shelf = Path(tempfile.gettempdir()) / f"docgen-tests-mypy-cache-{os.getuid()}"
    try:
        shelf.mkdir(mode=0o700, exist_ok=True)
        st = shelf.lstat()
    except OSError:
        return ["--no-incremental"]
    if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022:
        return ["--cache-dir", str(shelf)]
    return ["--no-incremental"]


def test_mypy_finds_no_error_in_the_package() -> None:
    result = subprocess.run([_mypy(), *_cache_options(), "--config-file",
                             str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout
