"""The ``docgen`` command ends its process at once when it is done (docgen/_startup.py,
``end``): with the command's exit status, its whole output, and the ``atexit`` handlers
run; a program that calls :func:`docgen.cli.main` itself goes on after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
POST = ROOT / "inputs" / "shared-head-of-hr.yaml"


def _docgen(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=300, env={**os.environ, **env})


def test_the_command_ends_at_once_with_its_status_and_all_its_output(tmp_path: Path) -> None:
    done = _docgen("check", str(POST), PYTHONVERBOSE="1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "# cleanup[" not in done.stderr  # no module was taken apart one by one
    assert done.stdout == CliRunner().invoke(cli, ["check", str(POST)]).output
    bad = tmp_path / "bad.yaml"
    bad.write_text("docgen: 1\n", encoding="utf-8")
    assert _docgen("check", str(bad)).returncode == 1
    assert _docgen("build", str(tmp_path / "missing.yaml")).returncode == 2
    assert _docgen("--version").stdout.startswith("docgen, version")


def test_atexit_handlers_still_run() -> None:
    probe = ("import atexit, runpy, sys\n"
             "atexit.register(lambda: print('atexit ran', flush=True))\n"
             "sys.argv = ['docgen', '--version']\n"
             "runpy.run_module('docgen', run_name='__main__', alter_sys=True)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "atexit ran"


def test_a_program_that_calls_main_goes_on() -> None:
    probe = ("import sys\nsys.argv = ['docgen', '--version']\nfrom docgen.cli import main\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    print('went on', exc.code)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "went on 0"


def test_a_build_ending_at_once_leaves_every_file_whole(tmp_path: Path) -> None:
    """A batch (two workers) and a one-post build, each ended at once: every document,
    manifest and register is there and whole, and the second run finds nothing to do."""
    out = tmp_path / "out"
    done = _docgen("build", str(ROOT / "inputs"), "--out", str(out), "-j", "2",
                   PYTHONVERBOSE="1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "# cleanup[" not in done.stderr
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 15
    for document in documents:
        assert Document(str(document)).paragraphs  # a whole zip with a document in it
    for manifest in out.glob("*/manifest.json"):
        assert manifest.read_text("utf-8").rstrip().endswith("}")
    assert (out / "register.csv").read_text("utf-8").count("\n") >= 6
    assert (out / "register.xlsx").stat().st_size > 0
    again = _docgen("build", str(ROOT / "inputs"), "--out", str(out))
    assert again.returncode == 0 and "0 built, 5 unchanged" in again.stdout, again.stdout
