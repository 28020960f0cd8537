"""A pipe (FIFO) named like an answer file in a folder given to ``docgen check`` or
``docgen build`` (or the library's ``check_files`` and ``build``) is found without waiting
and fails as one named does ("not a regular file"), the other posts checked or built. Before,
the folder's scan opened it to read its first bytes and waited for a writer for ever: both
commands hung. Run in a subprocess with a time limit, so a hang fails the test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

NOT_REGULAR = "this is not a regular file (a device, a pipe or a folder)"
LIBRARY = """
import docgen, docgen.api
for report in (docgen.api.check_files(["posts"]), docgen.build(["posts"], "lib-out")):
    print(sorted((p.source.name, p.status, [e.message for e in p.errors]) for p in report.posts))
"""


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES[0], tmp_path / "posts" / "post.yaml")
    os.mkfifo(tmp_path / "posts" / "pipe.yaml")
    return tmp_path


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True,
                              text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} hung on a pipe in the folder")


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_a_pipe_in_a_folder_fails_as_one_named_does(posts: Path, command: list[str]) -> None:
    ran = _run(["-m", "docgen", *command, "posts"], posts)
    said = " ".join((ran.stdout + ran.stderr).split())  # build says a failed post on stderr
    assert ran.returncode == 1, said
    assert NOT_REGULAR in said, said
    assert ("2 answer files, 1 with errors" if command == ["check"]
            else "1 built, 0 unchanged, 1 failed") in said, said
    named = _run(["-m", "docgen", *command, "posts/pipe.yaml"], posts)
    assert named.returncode == 1 and NOT_REGULAR in " ".join((named.stdout
                                                              + named.stderr).split())


def test_the_library_says_the_same(posts: Path) -> None:
    ran = _run(["-c", LIBRARY], posts)
    assert ran.returncode == 0, ran.stderr
    checked, built = ran.stdout.splitlines()
    for line, status in ((checked, "checked"), (built, "built")):
        assert "('pipe.yaml', 'failed', ['" + NOT_REGULAR in line, line
        assert f"('post.yaml', '{status}', [])" in line, line
