"""A LibreOffice stopped by docgen leaves nothing in /tmp.

LibreOffice makes a socket in /tmp for its single-instance pipe and removes it as it
exits; a process killed on timeout or Ctrl-C cannot, so docgen removes it (`_stop`).
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest
from conftest import ROOT, require_soffice

from docgen.errors import DocgenError
from docgen.publish import convert
from docgen.publish.convert import ipc_pipe_name, to_pdf

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX sockets in /tmp")


def _socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(path.lstat().st_mode)
    except OSError:
        return False


def test_a_libreoffice_stopped_on_timeout_leaves_no_socket(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_soffice()
    doc = tmp_path / "post.docx"
    shutil.copyfile(ROOT / "docgen" / "data" / "templates" / "job_spec.docx", doc)
    seen: list[Path] = []
    kill = convert._kill

    def kill_once_its_pipe_is_there(proc: object) -> None:
        """Wait for LibreOffice's socket (named from the job's profile), so the test shows
        docgen names the real one; then kill as docgen does."""
        (job,) = started
        pipe = Path("/tmp", ipc_pipe_name(job.profile, os.getuid()))
        deadline = time.monotonic() + 30
        while not _socket(pipe) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _socket(pipe), f"LibreOffice made no {pipe}"
        seen.append(pipe)
        kill(proc)  # type: ignore[arg-type]

    started: list[convert._Job] = []
    start = convert._start

    def record(exe: str, job: convert._Job, timeout: float) -> None:
        started.append(job)
        start(exe, job, timeout)

    monkeypatch.setattr(convert, "_start", record)
    monkeypatch.setattr(convert, "_kill", kill_once_its_pipe_is_there)
    with pytest.raises(DocgenError, match="did not finish"):
        to_pdf([doc], timeout=0.05)
    assert seen, "the conversion was not stopped"
    assert not _socket(seen[0]), f"{seen[0]} was left behind"


def test_the_pipe_name_is_libreoffices_md5_in_unpadded_hex() -> None:
    """Read from a running LibreOffice 7.4 started with this profile."""
    assert (ipc_pipe_name("file:///tmp/lop/profile", 0)
            == "OSL_PIPE_0_SingleOfficeIPC_1b7946f4eaf43f368f296abe3f062")


def test_only_a_socket_of_that_name_is_removed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain file that happens to have the name is not docgen's to remove."""
    job = convert._Job([tmp_path / "x.docx"], tmp_path / "job0")
    name = ipc_pipe_name(job.profile, os.getuid())
    planted = Path("/tmp", name)
    planted.write_text("not a socket", encoding="utf-8")
    try:
        job.proc = object()  # type: ignore[assignment]
        monkeypatch.setattr(convert, "_kill", lambda proc: None)
        convert._stop(job)
        assert planted.read_text(encoding="utf-8") == "not a socket"
    finally:
        planted.unlink()
