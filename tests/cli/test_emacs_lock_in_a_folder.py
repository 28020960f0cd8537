"""Emacs keeps ``.#post.yaml`` beside a file it has unsaved changes to: a symbolic link to
``user@host.pid:boot``, which leads nowhere. Found in a folder given to ``check`` or
``build`` it failed the run ("cannot read the file"); it is now said to be Emacs's lock
file and left out, as Office's and LibreOffice's are (docgen/answers/lock_names.py), and
named, it is said to be one, with who has the file open (the link's own words)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from docgen.cli import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Emacs's lock is a link")

LEFT_OUT = ("skipped posts/.#post.yaml: Emacs's lock file for post.yaml, there while post.yaml "
            "is open in Emacs, not an answer file; left out (docgen reads post.yaml as last "
            "saved: save it first)")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "posts" / "post.yaml")
    (tmp_path / "posts" / ".#post.yaml").symlink_to("officer@host.12345:1765100000")
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, " ".join(result.output.split())


def test_a_folders_emacs_lock_is_left_out_of_check_and_build(here: Path) -> None:
    code, said = _run("check", "posts")
    assert code == 0 and LEFT_OUT in said and "1 answer file, 0 with errors" in said
    code, said = _run("build", "posts", "--out", "out")
    assert code == 0 and LEFT_OUT in said and "1 built" in said and "0 failed" in said
    assert sorted(p.name for p in (here / "out").iterdir() if p.is_dir()
                  and not p.name.startswith(".")) == ["NBC-ICB-DPH-2027"]


def test_an_emacs_lock_named_is_said_to_be_one_with_its_owner(here: Path) -> None:
    code, said = _run("check", "posts/.#post.yaml")
    assert code == 1
    assert ("this is Emacs's lock file for post.yaml, there while post.yaml is open in Emacs "
            "(by officer), not an answer file; name the answer file itself, e.g. docgen check "
            "posts/post.yaml") in said


def test_checks_summary_counts_the_files_left_out_as_builds_does(here: Path) -> None:
    """``build`` said "1 not answer file" for the lock file left out; ``check`` said only
    "1 answer file, 0 with errors" below the same "skipped" line."""
    (here / "posts" / "notes.yaml").write_text("meeting: Tuesday\n", encoding="utf-8")
    said = _run("check", "posts")[1]
    assert said.endswith("1 answer file, 0 with errors, 2 not answer files")
    assert "2 not answer files" in _run("build", "posts", "--out", "out")[1]
