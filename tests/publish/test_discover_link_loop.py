"""A symbolic link named like an answer file that leads back to itself (``loop.yaml ->
loop.yaml``), in a folder given to ``docgen check`` or ``docgen build`` (or the library's
``check_files``, ``build`` and ``answer_files``), is left out saying what it is, the posts
beside it checked or built; named, it is an error saying so (exit 1). Before, every door
stopped with a traceback ("RuntimeError: Symlink loop"), checking and building nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

import docgen
import docgen.api
from docgen.cli import cli

LOOP = "a symbolic link that leads back to itself (a loop of links), not an answer file"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "posts" / "post.yaml")
    try:
        os.symlink("loop.yaml", tmp_path / "posts" / "loop.yaml")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links here")
    return tmp_path


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
@pytest.mark.parametrize("named", ["posts", "posts/*.yaml"])
def test_a_looping_link_in_a_folder_is_left_out(here: Path, command: list[str],
                                                named: str) -> None:
    result = CliRunner().invoke(cli, [*command, named])
    said = " ".join(result.output.split())
    assert result.exit_code == 0 and result.exception is None, said
    assert f"skipped {Path('posts', 'loop.yaml')}: {LOOP}; left out" in said, said
    assert ("1 answer file, 0 with errors" if command == ["check"]
            else "1 built, 0 unchanged, 0 failed, 1 not answer file") in said, said


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_a_looping_link_named_is_an_error(here: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "posts/loop.yaml"])
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and not isinstance(result.exception, RuntimeError), said
    assert f"{Path('posts', 'loop.yaml')}: {LOOP}; remove it, or name the answer file " \
        "itself" in said, said
    assert not (here / "out").exists()


def test_the_library_says_the_same(here: Path) -> None:
    found, left_out = docgen.api.answer_files(["posts"])
    assert found == [Path("posts/post.yaml")]
    assert left_out == [(Path("posts/loop.yaml"), f"{LOOP}; left out")]
    for report in (docgen.api.check_files(["posts"]), docgen.build(["posts"], here / "out")):
        assert report.ok and [p.source.name for p in report.posts] == ["post.yaml"]
        assert [(n.source.name, n.reason) for n in report.not_posts] == [
            ("loop.yaml", f"{LOOP}; left out")]
    with pytest.raises(docgen.DocgenError, match="leads back to itself"):
        docgen.api.check_files(["posts/loop.yaml"])
