"""The command line is a client of docgen.api (issue 24 point 3): its import-linter contract
forbids every stage package, and breaks when a command imports one.

The contract's own run is tests/test_architecture.py::test_import_contracts_hold; here a
copy of the package with one forbidden import added shows the contract catches it (it
forbade five packages, so a command could import the answer loader, the clause library
or the intake directly and nothing failed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME = "The command line is a client of docgen.api"
#: the packages the command line may import (besides docgen and its top-level modules)
ALLOWED = {"api", "cli"}


def _contract() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (found,) = [c for c in config["tool"]["importlinter"]["contracts"]
                if c["name"].startswith(NAME)]
    return dict(found)


def test_the_contract_forbids_every_stage_package() -> None:
    packages = {p.name for p in (ROOT / "docgen").iterdir() if (p / "__init__.py").is_file()}
    contract = _contract()
    assert contract["source_modules"] == ["docgen.cli"]
    assert {f"docgen.{p}" for p in packages - ALLOWED} <= set(contract["forbidden_modules"])
    # the one exception: `docgen serve` starts the interview
    assert all(i.startswith("docgen.cli.serve -> docgen.web")
               for i in contract.get("ignore_imports", []))


@pytest.mark.parametrize("module, line", [
    ("rules", "from docgen.rulebook.engine import RULES"),
    ("build", "from docgen.intake import is_workbook"),
    ("new", "import docgen.answers.starter"),
])
def test_a_command_importing_a_stage_breaks_the_contract(tmp_path: Path, module: str,
                                                          line: str) -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    shutil.copytree(ROOT / "docgen", tmp_path / "docgen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = [exe, "--no-cache"]
    command = tmp_path / "docgen" / "cli" / f"{module}.py"
    ok = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert f"{NAME}" in ok.stdout
    assert "docgen.cli is not allowed" not in ok.stdout, ok.stdout[-3000:]
    command.write_text(command.read_text(encoding="utf-8") + f"\n{line}  # noqa\n",
                       encoding="utf-8")
    bad = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert f"docgen.cli.{module} -> " in bad.stdout, bad.stdout[-3000:]
