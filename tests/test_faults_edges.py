"""The edges of issue 22: every read failure fails the run; discovery reads a bounded
prefix; the small findings (point 6).

Each case gives a clear error naming the file and the reason, a non-zero exit, and no
traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from docgen.cli import cli
from docgen.publish import discover

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                     SystemExit)
    return result.exit_code, result.output


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    shutil.copy(HR, folder / HR.name)
    return folder


# --- point 2: every read failure fails the run ------------------------------------------


def test_an_answer_file_in_another_encoding_fails_the_run(project: Path) -> None:
    bad = project / "utf16.yaml"
    bad.write_bytes(HR.read_text().replace("EWK-WSM-HR-01", "U16").encode("utf-16"))
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "utf16.yaml" in out and "UTF-8" in out
    assert "skipped" not in out.lower().split("utf16.yaml")[0][-40:]


def test_a_folder_named_like_an_answer_file_fails_the_run(project: Path) -> None:
    (project / "x.yaml").mkdir()
    code, out = run("build", str(project / "*.yaml"), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "x.yaml" in out and "folder" in out


def test_a_broken_link_named_like_an_answer_file_fails_the_run(project: Path) -> None:
    (project / "gone.yaml").symlink_to(project / "nowhere.yaml")
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "gone.yaml" in out and "No such file" in out


def test_an_answer_file_that_cannot_be_opened_fails_the_run(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions (simulated: the tests run as root, who may read anything)."""
    locked = project / "locked.yaml"
    shutil.copy(HR, locked)
    for module in (os, io):
        monkeypatch.setattr(module, "open", _denying(module.open))
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "locked.yaml" in out and "Permission denied" in out


def _denying(real_open):  # noqa: ANN001, ANN202 - wraps os.open or io.open
    def deny(path, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if isinstance(path, str | Path) and Path(path).name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)
    return deny


# --- point 4: discovery reads a bounded prefix ------------------------------------------


def test_discovery_reads_a_bounded_prefix_of_a_huge_file(project: Path) -> None:
    """A 5 GB sparse file beside the posts: read 1 MB of it, reported, not read whole."""
    huge = project / "huge.yaml"
    with huge.open("wb") as fh:
        fh.truncate(5 * 1024**3)
    started = time.monotonic()
    files, left_out = discover.find_answer_files([project])
    assert time.monotonic() - started < 2
    assert [f.name for f in files] == [HR.name]
    assert [(f.name, "not an answer file" in why) for f, why in left_out] == [
        ("huge.yaml", True)]
