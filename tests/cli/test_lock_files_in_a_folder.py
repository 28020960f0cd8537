"""The lock file Microsoft Office (``~$post.yaml``) or LibreOffice (``.~lock.post.yaml#``)
keeps beside an answer file it has open, found in a folder given to ``docgen check`` or
``docgen build`` (or the library's ``check_files``, ``build`` and ``answer_files``), is
said to be that program's lock file for it, as one named is (tests/cli/
test_office_lock_files_named.py), by the one rule of docgen/answers/lock_names.py. Before,
Office's was "not an answer file (an answer file starts with `docgen: 1` ...)", read to
tell, and LibreOffice's was passed over without a word. Neither is read as YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from lock_bytes import LIBREOFFICE, OFFICE

import docgen
import docgen.api
from docgen.cli import cli

SAID = {
    "~$post.yaml": "Microsoft Office's lock file for post.yaml, there while post.yaml is open "
                   "in Microsoft Office, not an answer file; left out (docgen reads post.yaml "
                   "as last saved: save it first)",
    ".~lock.post.yaml#": "LibreOffice's lock file for post.yaml, there while post.yaml is open "
                         "in LibreOffice, not an answer file; left out (docgen reads post.yaml "
                         "as last saved: save it first)"}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of one post, open in Word and in LibreOffice (their lock files beside it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "posts" / "post.yaml")
    (tmp_path / "posts" / "~$post.yaml").write_bytes(OFFICE)
    (tmp_path / "posts" / ".~lock.post.yaml#").write_bytes(LIBREOFFICE)
    return tmp_path


def _said(output: str) -> str:
    return " ".join(output.split())


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_a_folders_lock_files_are_said_to_be_lock_files(here: Path,
                                                          command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "posts"])
    said = _said(result.output)
    assert result.exit_code == 0, said
    for lock, words in SAID.items():
        assert f"skipped {Path('posts', lock)}: {words}" in said, said
    assert "starts with `docgen: 1`" not in said and "control character" not in said
    assert ("1 answer file, 0 with errors" if command == ["check"]
            else "1 built, 0 unchanged, 0 failed, 2 not answer files") in said


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_a_lock_file_is_never_read_as_yaml(here: Path, command: list[str]) -> None:
    """A lock file holding an answer file's text (as no lock file does) is still left out
    unread, by its name: read, it was a second post, checked or built."""
    for lock in SAID:
        shutil.copy(here / "posts" / "post.yaml", here / "posts" / lock)
    result = CliRunner().invoke(cli, [*command, "posts"])
    said = _said(result.output)
    assert result.exit_code == 0, said
    assert all(f"skipped {Path('posts', lock)}: {words}" in said
               for lock, words in SAID.items()), said
    assert ("1 answer file, 0 with errors" if command == ["check"] else "1 built,") in said
    if command[0] == "build":
        assert [p.name for p in (here / "out").iterdir() if p.is_dir()] == [
            docgen.load("posts/post.yaml").reference]


def test_the_library_says_so_too(here: Path) -> None:
    found, left_out = docgen.api.answer_files(["posts"])
    assert found == [Path("posts/post.yaml")]
    assert {p.name: why for p, why in left_out} == SAID
    for report in (docgen.api.check_files(["posts"]), docgen.build(["posts"], here / "out")):
        assert report.ok and len(report.posts) == 1
        assert {n.source.name: n.reason for n in report.not_posts} == SAID


def test_the_locked_file_is_named_as_a_lock_file_named_names_it(here: Path) -> None:
    """Word's ``~$`` lock file of a longer name drops its first two letters
    (``~$ared-post.yaml`` beside ``shared-post.yaml``), found as the direct naming finds it;
    a lock file whose file is gone is still one, with nothing to save."""
    folder = here / "posts"
    (folder / "post.yaml").rename(folder / "shared-post.yaml")
    (folder / "~$post.yaml").unlink()
    (folder / ".~lock.post.yaml#").unlink()
    (folder / "~$ared-post.yaml").write_bytes(OFFICE)
    (folder / ".~lock.gone.yml#").write_bytes(LIBREOFFICE)
    _, left_out = docgen.api.answer_files(["posts"])
    assert {p.name: why for p, why in left_out} == {
        "~$ared-post.yaml": "Microsoft Office's lock file for shared-post.yaml, there while "
                            "shared-post.yaml is open in Microsoft Office, not an answer file; "
                            "left out (docgen reads shared-post.yaml as last saved: save it "
                            "first)",
        ".~lock.gone.yml#": "LibreOffice's lock file for gone.yml, there while gone.yml is open "
                            "in LibreOffice, not an answer file; left out"}
    named = CliRunner().invoke(cli, ["check", "posts/~$ared-post.yaml"])
    assert named.exit_code == 1 and "lock file for shared-post.yaml" in _said(named.output)


def test_a_workbooks_lock_file_in_a_folder_is_passed_over_as_before(here: Path) -> None:
    """Only an answer file's lock file is said: a folder's workbooks are not its posts."""
    (here / "posts" / "~$posts.xlsx").write_bytes(OFFICE)
    _, left_out = docgen.api.answer_files(["posts"])
    assert "~$posts.xlsx" not in {p.name for p, _ in left_out}
