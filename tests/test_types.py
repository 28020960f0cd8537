"""docgen ships ``py.typed``, so its annotations are a promise: mypy (with the stubs for
PyYAML, lxml and openpyxl, all in the test extra) finds no error in ``docgen/``, and the
packages listed as strict in pyproject.toml pass every check of ``mypy --strict``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# strict flags set once in [tool.mypy] for every module (the first is global only)
GLOBAL = {"warn_redundant_casts", "warn_unused_ignores"}
# global only, and left off: docxtpl.* and python_redlines.* match no module yet
EXCUSED = {"warn_unused_configs"}
# the packages that have been brought to strict; the list in pyproject.toml may grow,
# never lose one of these
STRICT_AT_LEAST = {"docgen.answers", "docgen.facts", "docgen.clauses", "docgen.ooxml",
                   "docgen.intake", "docgen.publish", "docgen.web", "docgen.cli", "docgen",
                   "docgen.api", "docgen.errors", "docgen.pipeline", "docgen.results"}


def _mypy() -> str:
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("mypy is not installed; it is part of the test extra")
        pytest.skip("mypy is not installed: pip install -e '.[test]'")
    return exe


def _config() -> dict[str, Any]:
    config: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    return config


def _strict_section() -> dict[str, Any]:
    sections = [s for s in _config().get("overrides", []) if s.get("disallow_untyped_defs")]
    assert len(sections) == 1, "one [[tool.mypy.overrides]] section holds the strict packages"
    return sections[0]


def _strict_flags() -> set[str]:
    """The config names of the flags ``mypy --strict`` turns on, read from mypy's own help
    so that a flag a newer mypy adds to --strict shows up here."""
    result = subprocess.run([_mypy(), "--help"], capture_output=True, text=True, timeout=60)
    help_text = " ".join(result.stdout.split()).replace("- ", "-")  # undo the wrapping
    enables = re.search(r"--strict Strict mode; enables the following flags: "
                        r"((?:--[a-z-]+, )*--[a-z-]+)", help_text)
    assert enables, "mypy --help no longer lists what --strict enables"
    flags = {f.removeprefix("--").replace("-", "_") for f in enables.group(1).split(", ")}
    assert len(flags) >= 10, flags
    return flags


def test_mypy_finds_no_error_in_the_package() -> None:
    result = subprocess.run([_mypy(), "--no-incremental", "--config-file",
                             str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout


def test_the_strict_packages_have_every_flag_of_mypy_strict() -> None:
    section = _strict_section()
    modules = section["module"]
    named = {m.removesuffix(".*") for m in modules}
    assert named >= STRICT_AT_LEAST, f"strict packages lost: {STRICT_AT_LEAST - named}"
    for name in named:
        where = ROOT.joinpath(*name.split("."))
        assert where.is_dir() or where.with_suffix(".py").is_file(), f"{name} does not exist"
    config = _config()
    missing = []
    for flag in sorted(_strict_flags()):
        if flag == "no_implicit_reexport":
            ok = section.get("implicit_reexport") is False
        elif flag in GLOBAL:
            ok = config.get(flag) is True
        elif flag in EXCUSED:
            ok = True
        else:
            ok = section.get(flag) is True
        if not ok:
            missing.append(flag)
    assert not missing, f"the strict section lacks {missing}"
