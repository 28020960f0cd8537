"""The tests pass in a plain clone: nothing in the repository reads outside it.

In a fresh clone there is no ``../shared`` beside the repository; a test or a
module that preferred it would pass here and fail there (it did: 18 tests).
``.ci/run`` runs the suite in a copy of the tracked files alone in an empty
folder; these tests catch the mistake sooner, and say where.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "tests" / "data" / "contract-examples"
SHIPPED = (ROOT / "inputs", ROOT / "docgen" / "data" / "examples")
SCANNED = ("docgen", "tests", "scripts", "bench", ".ci")
SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".yaml", ".yml", ".json", ".sh", ""}

# A path out of the repository into a "shared" folder beside it, however it is spelt.
OUTSIDE = re.compile(
    r"\.\./+shared"                                  # ../shared
    r"|/work/+shared"                                # the machine's copy
    r"|\.parents?(\[\d+\])?\s*/\s*['\"]shared['\"]"  # ROOT.parent / "shared"
    r"|['\"]shared['\"]\s*/\s*['\"]examples['\"]")   # ... / "shared" / "examples"
# Naming the path to test that a text does NOT contain it is not reading it.
MEMBERSHIP = re.compile(r"""["']\.\./shared["']\s+(not\s+)?in\b""")
# Docstrings that name the path to say it must not be used.
ALLOWED = {("tests/web/test_http.py", "SPEC.md or ../shared the user"),
           ("tests/answers/test_schema.py", "users see points at ../shared.")}


def _files() -> list[Path]:
    found = []
    for top in SCANNED:
        base = ROOT / top
        paths = [base] if base.is_file() else base.rglob("*")
        found += [p for p in paths if p.is_file() and p.suffix in SUFFIXES
                  and "__pycache__" not in p.parts and p != Path(__file__).resolve()]
    return found


def test_no_test_or_module_refers_to_a_folder_beside_the_repository() -> None:
    files = _files()
    assert any(p.name == "conftest.py" for p in files) and any(p.suffix == ".py" for p in files)
    bad = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                 .splitlines(), 1):
            if OUTSIDE.search(MEMBERSHIP.sub("", line)) and not any(
                    rel == f and why in line for f, why in ALLOWED):
                bad.append(f"{rel}:{n}: {line.strip()}")
    assert not bad, "read the repository's own examples (inputs/, docgen/data/examples/ or " \
                    "tests/data/contract-examples/), never a folder beside it:\n" + "\n".join(bad)


def test_the_pattern_catches_the_ways_it_was_written() -> None:
    for line in ('SHARED = ROOT.parent / "shared"', "p = '../shared/examples/x.yaml'",
                 'ROOT.parents[1] / "shared" / "examples"', "open('/work/shared/examples')"):
        assert OUTSIDE.search(line), line
    for line in ('a.governance.objectives.get("shared")', "shared-head-of-hr.yaml"):
        assert not OUTSIDE.search(line), line

#: examples in inputs/ that need the organisations/ folder beside them (profiles and
#: letterheads), so they are not packaged: `docgen new --like` copies one file
WORKSPACE_ONLY = ("shared-head-of-hr-house-style.yaml", "shared-head-of-procurement.yaml")


def test_the_examples_the_tests_use_are_tracked_by_git() -> None:
    """An untracked example would be missing from a clone (and from .ci/run's copy)."""
    try:
        listed = subprocess.run(["git", "ls-files", "tests/data", "inputs",
                                 "docgen/data/examples"], cwd=ROOT, capture_output=True,
                                text=True, check=True, timeout=60).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    needed = [p.relative_to(ROOT).as_posix() for d in (CONTRACT, *SHIPPED)
              for p in sorted(d.glob("*.yaml"))]
    needed += [p.relative_to(ROOT).as_posix()
               for p in sorted((ROOT / "inputs" / "organisations").rglob("*.*"))]
    # 3 contract copies, 3 packaged examples, 5 in inputs/, 2 profiles and 2 letterheads
    assert len(needed) == 15
    assert not [p for p in needed if p not in listed]


def test_the_two_shipped_copies_of_the_examples_are_in_step() -> None:
    """inputs/ (for a clone) and docgen/data/examples/ (inside the wheel) hold the same
    answers; only the comment pointing at the schema differs."""
    names = sorted(p.name for p in SHIPPED[0].glob("*.yaml") if p.name not in WORKSPACE_ONLY)
    assert names == sorted(p.name for p in SHIPPED[1].glob("*.yaml"))
    assert names == sorted(p.name for p in CONTRACT.glob("*.yaml"))
    for name in names:
        one, two = ((d / name).read_text().splitlines() for d in SHIPPED)
        assert one[1:] == two[1:], name
        assert "$schema=" in one[0] and "$schema=" in two[0]
