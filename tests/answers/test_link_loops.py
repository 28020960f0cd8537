"""A symbolic link that leads back to itself, met anywhere an answer file names a file (the
file itself, its ``extends`` base, a party's organisation profile), is a user's mistake said
in words, with its file and key, never "unexpected error (RuntimeError: Symlink loop ...)"
nor a traceback (docgen/answers/bounded.py: ``real_path``, ``LINK_LOOP``)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

import docgen
from docgen.cli import cli
from docgen.errors import AnswerFileError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")

LOOP = "a symbolic link that leads back to itself (a loop of links)"
PROFILED = ROOT / "inputs" / "shared-head-of-procurement.yaml"


def _check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(path)])
    return result.exit_code, " ".join(result.output.split())


def test_loading_a_link_to_itself_is_an_answer_file_error(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    with pytest.raises(AnswerFileError) as raised:
        docgen.load(tmp_path / "loop.yaml")
    problem, = raised.value.problems
    assert problem.message.startswith(LOOP + ", not an answer file; remove it")
    assert problem.file == tmp_path / "loop.yaml"


def test_a_base_file_that_loops_is_said_at_extends(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text("docgen: 1\nextends: base.yaml\n", encoding="utf-8")
    (tmp_path / "base.yaml").symlink_to("base.yaml")
    code, said = _check(tmp_path / "post.yaml")
    assert code == 1
    assert "unexpected error" not in said and "RuntimeError" not in said
    assert f"post.yaml:2 extends extends 'base.yaml' is {LOOP}; point it at the file " \
           "itself" in said


def test_a_profile_that_loops_is_said_at_its_party(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the table names the profile as the folder's
    shutil.copy(PROFILED, tmp_path / "post.yaml")
    (tmp_path / "organisations").mkdir()
    shutil.copy(ROOT / "inputs" / "organisations" / "westmere.yaml",
                tmp_path / "organisations")
    (tmp_path / "organisations" / "eastwick.yaml").symlink_to("eastwick.yaml")
    code, said = _check(Path("post.yaml"))
    assert code == 1
    assert "unexpected error" not in said and "LinkLoop" not in said
    assert f"parties[0] organisations/eastwick.yaml is {LOOP}; put the profile itself " \
           "there (or a link to it), or write the party out in full" in said
    # the same post with the profile there is fine: the loop was the only fault
    (tmp_path / "organisations" / "eastwick.yaml").unlink()
    shutil.copy(ROOT / "inputs" / "organisations" / "eastwick.yaml",
                tmp_path / "organisations")
    assert _check(Path("post.yaml"))[0] == 0


def test_said_alike_where_resolve_returns_a_path_for_a_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From Python 3.13 ``resolve`` returns a path for a loop instead of raising: the loop is
    found by asking the system (ELOOP), so the words are the same in every Python."""
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: self.absolute())
    (tmp_path / "post.yaml").write_text("docgen: 1\nextends: base.yaml\n", encoding="utf-8")
    (tmp_path / "base.yaml").symlink_to("base.yaml")
    code, said = _check(tmp_path / "post.yaml")
    assert code == 1 and f"extends 'base.yaml' is {LOOP}; point it at the file" in said
