"""``docgen new`` into a folder that does not exist suggests the commands to go on with,
each working as pasted: the folder's ``mkdir`` (run here through ``sh -c``), cmd's form
without ``-p`` on Windows, and the ``docgen new``/``docgen check`` it names."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

#: the folder command a refusal suggests: "Create it first (<command>) or name another"
MAKE = re.compile(r"Create it first \((.*)\) or name another, for example: (.*) \(in this folder\)")
posix_only = pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")


def _refused(args: list[str]) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["new", "--no-ask", *args])
    assert result.exit_code == 2, result.output
    found = MAKE.search(" ".join(result.stderr.split()))  # as one line, however it wraps
    assert found, result.stderr
    return found.group(1), found.group(2)


@posix_only
@pytest.mark.parametrize("folder", ["new posts", "Bob's posts", "-p"])
def test_the_suggested_mkdir_makes_the_folder_and_new_then_works(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    monkeypatch.setattr("docgen.shellwords.WINDOWS", False)
    monkeypatch.chdir(tmp_path)
    target = Path(folder) / "sub" / "my post.yaml"
    make, new = _refused(["--", str(target)])
    assert not (tmp_path / folder).exists()  # refused, nothing made
    subprocess.run(["sh", "-c", make], cwd=tmp_path, check=True)
    assert (tmp_path / target.parent).is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    assert shlex.split(new) == ["docgen", "new", "my post.yaml"]
    made = CliRunner().invoke(cli, ["new", "--no-ask", "--", str(target)])
    assert made.exit_code == 0, made.output
    assert (tmp_path / target).is_file()
    check = made.output.split("next: ")[1].strip()  # the next command, as pasted
    assert shlex.split(check)[:2] == ["docgen", "check"]
    assert Path(shlex.split(check)[2]) == target


def test_on_windows_the_folder_command_has_no_p(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """cmd's mkdir makes the folders above itself; ``mkdir -p`` there would also make a
    folder named ``-p``."""
    monkeypatch.setattr("docgen.shellwords.WINDOWS", True)
    monkeypatch.chdir(tmp_path)
    make, new = _refused([str(Path("new posts") / "my post.yaml")])
    assert make == 'mkdir "new posts"'
    assert "-p" not in make
    assert new == 'docgen new "my post.yaml"'


def test_the_suggested_new_keeps_the_options_given(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile suggested without --organisation would start an answer file instead."""
    monkeypatch.setattr("docgen.shellwords.WINDOWS", False)
    monkeypatch.chdir(tmp_path)
    _, new = _refused(["--organisation", str(Path("gone") / "organisations" / "eastwick.yaml")])
    assert new == "docgen new --organisation eastwick.yaml"
    _, new = _refused(["--like", "hr", str(Path("gone") / "post.yaml")])
    assert new == "docgen new --like hr post.yaml"


def test_a_file_in_the_way_is_not_offered_a_mkdir(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No command makes a folder where a file is: only another name is suggested."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x")
    result = CliRunner().invoke(cli, ["new", str(Path("notes.txt") / "post.yaml"), "--no-ask"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "notes.txt is a file, not a folder" in said and "mkdir" not in said
    assert said.endswith("for example: docgen new post.yaml (in this folder)")
