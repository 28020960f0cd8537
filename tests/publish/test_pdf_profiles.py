"""The LibreOffice profiles docgen keeps between PDF conversions (docgen/publish/convert.py):
a docgen killed with ``kill -9`` while its LibreOffice converts leaves that LibreOffice
running with its profile and the profile's lock files behind; the next conversions, two
side by side, must neither hand their work to it nor fail, and once it is gone its profile
is used again."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import pdf_text, require_soffice

from docgen.publish import convert

REF = "EWK-WSM-HR-01"


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_kill_9_mid_conversion_leaves_no_profile_that_breaks_the_next(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_soffice()
    kept = tmp_path / "kept"
    kept.mkdir(mode=0o700)
    monkeypatch.setattr(convert, "kept_profiles", lambda: kept)
    docs: list[Path] = []
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        docs.append(Path(shutil.copy(built / REF / f"{REF}-contract.docx", tmp_path / name)))
    script = ("import sys; from pathlib import Path; from docgen.publish import convert\n"
              f"convert.kept_profiles = lambda: Path({str(kept)!r})\n"
              f"convert.to_pdf([Path({str(docs[0])!r})])\n")
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        _wait_for(kept / "0.pid")
        os.kill(child.pid, signal.SIGKILL)  # docgen dies; its LibreOffice (own group) lives
        child.wait(timeout=30)
        assert (kept / "0.lock").exists()
        # two conversions side by side, while the left LibreOffice may still run
        running = _alive(int((kept / "0.pid").read_text()))
        pdfs = convert.to_pdf(docs[1:], jobs=2)
        assert all(REF in pdf_text(p) for p in pdfs)
        if running:  # neither took the profile in use: each had one of its own
            assert (kept / "1").is_dir() and (kept / "2").is_dir()
    finally:
        if child.poll() is None:
            child.kill()
        left = int((kept / "0.pid").read_text()) if (kept / "0.pid").exists() else 0
        if left:  # its profile dies mid-conversion, if it still converts
            with contextlib.suppress(ProcessLookupError):
                os.killpg(left, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while convert._still_running(kept / "0.pid") and time.monotonic() < deadline:
        time.sleep(0.05)  # until the system has reaped it (a zombie still counts)
    freed = not convert._still_running(kept / "0.pid")
    (pdf,) = convert.to_pdf([docs[0]])
    assert REF in pdf_text(pdf)
    if freed:  # the profile of the killed LibreOffice is taken again, and converts
        assert not (kept / "0.pid").exists() and (kept / "0" / "user").is_dir()
