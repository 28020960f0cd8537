"""docgen/shellwords.py: a path in a suggested command is one word for the user's shell,
pasted as it is shown (POSIX checked by running ``sh``; Windows by the form cmd takes)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import docgen.api.workbooks
from docgen.shellwords import make_folder_command, shell_path

NAMES = ["my posts", "Bob's posts", "-p", "--help", "a\"b", "$HOME", "plain"]
needs_sh = pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")


def test_the_old_homes_give_the_same_helpers() -> None:
    """``docgen.api.workbooks`` keeps its public names."""
    assert docgen.api.workbooks.shell_path is shell_path
    assert docgen.api.workbooks.make_folder_command is make_folder_command


def test_posix_quoting() -> None:
    assert shell_path("my posts.xlsx", windows=False) == "'my posts.xlsx'"
    assert shell_path("Bob's posts", windows=False) == "'Bob'\"'\"'s posts'"
    assert shell_path("posts.xlsx", windows=False) == "posts.xlsx"
    assert shell_path("", windows=False) == "''"


def test_a_leading_dash_is_never_an_option() -> None:
    """``docgen check -x.yaml`` or ``mkdir -p -p`` would read the path as an option."""
    assert shell_path("-p", windows=False) == "./-p"
    assert shell_path("-my posts", windows=False) == "'./-my posts'"
    assert shell_path(Path("-p/x.yaml"), windows=False) == "./-p/x.yaml"
    assert shell_path("-p", windows=True) == ".\\-p"
    assert make_folder_command("-p", windows=False) == "mkdir -p ./-p"
    assert make_folder_command("-p", windows=True) == "mkdir .\\-p"
    assert shell_path("/abs/-p", windows=False) == "/abs/-p"  # not leading: left as it is


def test_windows_quoting() -> None:
    """cmd and PowerShell take no single quotes: double quotes when a word needs them."""
    assert shell_path("my posts.xlsx", windows=True) == '"my posts.xlsx"'
    assert shell_path("Bob's posts", windows=True) == '"Bob\'s posts"'
    assert shell_path(r"C:\Users\me\posts.xlsx", windows=True) == r"C:\Users\me\posts.xlsx"
    assert shell_path("a&b", windows=True) == '"a&b"'
    assert shell_path("", windows=True) == '""'


def test_the_folder_command_in_each_shells_form() -> None:
    assert make_folder_command("a b/c", windows=False) == "mkdir -p 'a b/c'"
    assert make_folder_command("a b/c", windows=True) == 'mkdir "a b/c"'
    assert "-p" not in make_folder_command("it's/here", windows=True)


def test_this_computers_shell_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked at each call, not fixed when the module loads."""
    monkeypatch.setattr("docgen.shellwords.WINDOWS", True)
    assert make_folder_command("a b") == 'mkdir "a b"'
    monkeypatch.setattr("docgen.shellwords.WINDOWS", False)
    assert make_folder_command("a b") == "mkdir -p 'a b'"


@needs_sh
@pytest.mark.parametrize("name", NAMES)
def test_sh_makes_the_folder_named_and_nothing_else(tmp_path: Path, name: str) -> None:
    target = Path(name) / "inner"
    subprocess.run(["sh", "-c", make_folder_command(target, windows=False)], cwd=tmp_path,
                   check=True, env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    assert (tmp_path / target).is_dir()
    assert [p.name for p in tmp_path.iterdir()] == [name]


@needs_sh
@pytest.mark.parametrize("name", NAMES)
def test_sh_passes_the_path_as_one_word(tmp_path: Path, name: str) -> None:
    said = subprocess.run(["sh", "-c", f"printf %s {shell_path(name, windows=False)}"],
                          capture_output=True, text=True, check=True).stdout
    assert Path(said) == Path(name) and said in (name, f"./{name}")
