"""The wheel works anywhere: built from a clean copy, installed into a fresh venv, and run
from an unrelated folder; an incomplete install says so in every command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from filelock import FileLock

from docgen import build

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", ".build-setuptools",
                              "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis")


def run(args: list[str | Path], cwd: Path, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)
    if ok:
        assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the source copy it was built from), built once per test run: every test
    file and every xdist worker asking for it shares one build, under a lock in the folder
    the workers' temporary folders share. Beside the wheel, in the same pip run, the wheels
    of every dependency it and its `serve` extra declare, resolved from the index once: the
    fresh venvs install from that folder alone (see ``fresh_venv``)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    base = shared / "docgen-wheel"
    with FileLock(str(shared / "docgen-wheel.lock")):
        if not (base / "done").exists():
            shutil.rmtree(base, ignore_errors=True)
            shutil.copytree(ROOT, base / "src", ignore=SKIP)
            run([sys.executable, "-m", "pip", "wheel", "-q", "-w", base / "dist", ".[serve]"],
                cwd=base / "src")
            (base / "done").touch()
    wheels = list((base / "dist").glob("docgen-*.whl"))
    assert len(wheels) == 1
    return wheels[0], base / "src"


def fresh_venv(folder: Path, wheel: Path, extras: str = "") -> Path:
    """A new venv in ``folder`` with ``wheel`` (with ``extras``, e.g. "[serve]") and its
    dependencies installed; its bin folder. The tests' own pip installs into it (half the
    CPU of putting pip in the venv and compiling every module of every dependency). pip
    resolves what the wheel declares against the folder the ``wheel`` fixture filled from
    the index, and nothing else: an install from the index resolved them again, 4-6 s a
    venv, most of it reading the index's long pages (pydantic-core's is 7 MB)."""
    run([sys.executable, "-m", "venv", "--without-pip", folder], cwd=folder.parent)
    bin_dir = folder / ("Scripts" if sys.platform == "win32" else "bin")
    run([sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "-q",
         "--no-compile", "--no-index", "--find-links", wheel.parent, f"{wheel}{extras}"],
        cwd=folder.parent)
    return bin_dir


@pytest.fixture(scope="module")
def installed(wheel: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, Path]:
    """(the fresh venv's bin folder, the source copy the wheel was built from)."""
    whl, src = wheel
    return fresh_venv(tmp_path_factory.mktemp("wheel") / "venv", whl), src


def test_building_the_wheel_writes_nothing_into_build(installed: tuple[Path, Path]) -> None:
    """build/ is docgen's default output folder: setuptools must build elsewhere."""
    _, src = installed
    assert not (src / "build").exists()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert config["tool"]["distutils"]["build"]["build-base"] != "build"


def test_wheel_in_fresh_venv_builds_three_documents_from_an_empty_folder(
        installed: tuple[Path, Path], tmp_path: Path) -> None:
    bin_dir, _ = installed
    work = tmp_path / "somewhere-else"
    work.mkdir()
    run([bin_dir / "docgen", "new", "post.yaml", "--like", "hr"], cwd=work)
    done = run([bin_dir / "docgen", "build", "post.yaml"], cwd=work)
    docs = sorted(p.name for p in (work / "build").rglob("*.docx"))
    assert docs == ["EWK-WSM-HR-01-agreement.docx", "EWK-WSM-HR-01-contract.docx",
                    "EWK-WSM-HR-01-job-spec.docx"], done.stdout
    # it is the installed copy that ran, not this checkout
    where = run([bin_dir / "python", "-c", "import docgen; print(docgen.__file__)"], cwd=work)
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout


def test_missing_clause_library_is_an_error_in_every_command(
        installed: tuple[Path, Path], tmp_path: Path) -> None:
    bin_dir, _ = installed
    where = run([bin_dir / "python", "-c", "import docgen, pathlib; "
                 "print(pathlib.Path(docgen.__file__).parent)"], cwd=tmp_path)
    clauses = Path(where.stdout.strip()) / "data" / "clauses"
    shutil.copy(ROOT / "inputs" / "shared-head-of-hr.yaml", tmp_path / "post.yaml")
    moved = tmp_path / "clauses-aside"
    shutil.move(clauses, moved)
    try:
        for args in (["clauses", "list"], ["clauses", "lint"], ["check", "post.yaml"],
                     ["build", "post.yaml"]):
            done = run([bin_dir / "docgen", *args], cwd=tmp_path, ok=False)
            said = done.stdout + done.stderr
            assert done.returncode != 0, (args, said)
            assert "clause library is missing or empty" in said, (args, said)
            assert "Traceback" not in said and "OK" not in said, (args, said)
    finally:
        shutil.move(moved, clauses)


def test_optional_parts_name_their_extra(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """Installed without extras: review copies, redlines and the browser interview say
    which extra to install."""
    bin_dir, _ = installed
    run([bin_dir / "docgen", "new", "post.yaml", "--like", "dph"], cwd=tmp_path)
    done = run([bin_dir / "docgen", "build", "post.yaml", "--format", "docx,md"], cwd=tmp_path,
               ok=False)
    # refused before anything is built (exit 2), naming the packages the wheel's own
    # metadata lists for the extra: never docgen[review], which PyPI has as another project
    assert done.returncode == 2
    assert 'pip install "pypandoc-binary>=1.13"' in done.stderr
    assert "docgen-0.1.0-py3-none-any.whl[review]" in done.stderr
    assert "docgen[" not in done.stdout + done.stderr
    assert not (tmp_path / "build").exists()
    old = tmp_path / "build" / "NBC-ICB-DPH-2027" / "NBC-ICB-DPH-2027-contract.docx"
    run([bin_dir / "docgen", "build", "post.yaml"], cwd=tmp_path)
    assert old.exists()
    done = run([bin_dir / "docgen", "compare", old, old, "--out", tmp_path / "cmp"],
               cwd=tmp_path, ok=False)
    assert done.returncode != 0
    assert 'pip install "python-redlines[all]>=2.0"' in done.stdout + done.stderr
    assert "docgen[" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    done = run([bin_dir / "docgen", "serve", tmp_path], cwd=tmp_path, ok=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "needs the serve extra" in done.stderr  # the extra's name, as pip knows it
    assert '"starlette>=0.40"' in done.stderr and '"uvicorn>=0.30"' in done.stderr
    assert "docgen[" not in done.stderr


def test_declared_dependencies_are_bounded_and_used() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = {d.split(">")[0].split("<")[0].split("[")[0].strip(): d
            for d in config["dependencies"]}
    assert "<0.21" in deps["docxtpl"]  # docgen relies on docxtpl's internals
    assert "pypandoc-binary" not in deps and "pypandoc" not in deps  # the review extra
    modules = {"python-docx": "docx", "pyyaml": "yaml", "jinja2": "jinja2"}
    source = "\n".join(p.read_text() for p in (ROOT / "docgen").rglob("*.py"))
    for name in deps:
        module = modules.get(name, name.replace("-", "_"))
        assert f"import {module}" in source or f"from {module}" in source, name


def test_manifest_records_the_libraries_that_shape_the_output(tmp_path: Path) -> None:
    build([ROOT / "inputs" / "shared-head-of-hr.yaml"], tmp_path, jobs=1)
    manifest = json.loads((tmp_path / "EWK-WSM-HR-01" / "manifest.json").read_text())
    for name in ("docxtpl", "python-docx", "lxml", "jinja2"):
        assert manifest["libraries"][name] == metadata.version(name)
