"""PDF copies of the Word documents, made by LibreOffice in headless mode.

Starting LibreOffice is the slow part (about 1.4 s), so a batch is split into
``jobs`` chunks and each chunk goes to *one* ``soffice --convert-to pdf`` call
with its own throw-away profile: separate profiles let the processes run side
by side without one handing its work to the other, and nothing is left behind.

Fields: a plain ``--convert-to pdf`` recomputes PAGE/NUMPAGES and REF fields from
the real numbering (measured on LibreOffice 7.4: a REF whose stored text was
tampered with prints the right clause number), so no docx round trip is needed.
It does not rebuild a table of contents (neither does a docx→docx round trip on
7.4). docgen writes its own contents page already filled in from the clause headings
(style ``DGContents``), so that one reads right as saved; any other TOC field (one
rebuilt or added in Word) gets a warning.

Every call has a timeout and runs in its own process group, which is killed on
timeout (``os.killpg`` on POSIX, ``taskkill /T`` on Windows), so a stuck
LibreOffice becomes a :class:`DocgenError`, never a hang. ``DOCGEN_SOFFICE``
names the program; otherwise PATH and the usual install folders are searched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.errors import DocgenError
from docgen.ooxml.packages import has_toc
from docgen.publish.files import atomic_write

INSTALL_HINT = "sudo apt-get install libreoffice-writer-nogui"
INSTALL_HINTS = {"win32": "winget install TheDocumentFoundation.LibreOffice",
                 "darwin": "brew install --cask libreoffice"}
#: seconds allowed for one LibreOffice process: start-up plus this much per document
BASE_TIMEOUT = 90.0
PER_DOCUMENT_TIMEOUT = 15.0


def install_hint(platform: str = sys.platform) -> str:
    return INSTALL_HINTS.get(platform, INSTALL_HINT)


def soffice_locations(platform: str = sys.platform) -> list[Path]:
    """Where LibreOffice's installers put ``soffice`` when it is not on PATH."""
    if platform == "win32":
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        roots += ["C:\\Program Files", "C:\\Program Files (x86)"]
        return [Path(r) / "LibreOffice" / "program" / "soffice.exe"
                for r in dict.fromkeys(r for r in roots if r)]
    if platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"]
    # distribution packages put soffice on PATH; the official tarballs install in /opt
    return sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)


def find_soffice() -> str:
    """The LibreOffice executable: ``DOCGEN_SOFFICE``, else PATH, else the usual install
    folders (Program Files on Windows, /Applications on macOS, /opt on Linux)."""
    override = os.environ.get("DOCGEN_SOFFICE")
    if override:
        found = shutil.which(override)
        if found is None:
            raise DocgenError(f"DOCGEN_SOFFICE is set to '{override}', which is not an "
                              "executable; unset it, or install LibreOffice: "
                              f"{install_hint()}")
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in soffice_locations():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise DocgenError("making PDFs needs LibreOffice, and 'soffice' is neither on PATH nor in "
                      "the usual install folders. Install it with: "
                      f"{install_hint()} (or set DOCGEN_SOFFICE to the soffice program)")


@dataclass
class _Job:
    """One LibreOffice process converting a chunk of the batch."""

    sources: list[Path]  # the caller's documents
    workdir: Path
    proc: subprocess.Popen[bytes] | None = None
    deadline: float = 0.0
    stderr: str = ""

    @property
    def staged(self) -> list[Path]:
        """Inputs copied under unique names: two folders may hold documents with one name."""
        return [self.workdir / "in" / f"{i:05d}-{src.name}" for i, src in enumerate(self.sources)]

    @property
    def outdir(self) -> Path:
        return self.workdir / "out"

    def pdf_for(self, staged: Path) -> Path:
        return self.outdir / (staged.stem + ".pdf")

    @property
    def profile(self) -> str:
        """The throw-away LibreOffice profile, as the URL LibreOffice is given."""
        return (self.workdir / "profile").as_uri()


def _chunks(items: list[Path], n: int) -> list[list[Path]]:
    """``items`` in ``n`` contiguous, nearly equal chunks (order kept)."""
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return [c for c in out if c]


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's whole process tree (soffice → oosplash → soffice.bin).

    POSIX: the process group it was started in. Windows has no process groups to
    signal: ``taskkill /T`` ends the tree, and ``proc.kill()`` the process itself if
    that fails.
    """
    killpg = getattr(os, "killpg", None)
    if killpg is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            killpg(proc.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    else:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10,
                           check=False)
        with contextlib.suppress(OSError):
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def ipc_pipe_name(profile: str, uid: int) -> str:
    """The name of the socket a LibreOffice started with ``profile`` makes in /tmp.

    LibreOffice removes it when it exits, but a process killed on timeout or Ctrl-C
    cannot: :func:`remove_ipc_pipe` removes it. The name is the MD5 of the profile's URL in UTF-16,
    each byte in hex without padding (desktop/source/app/officeipcthread.cxx); a test
    reads the real name from a running LibreOffice.
    """
    digest = hashlib.md5(profile.encode("utf-16-le"), usedforsecurity=False).digest()
    return f"OSL_PIPE_{uid}_SingleOfficeIPC_" + "".join(f"{b:x}" for b in digest)


def remove_ipc_pipe(profile: str) -> None:
    """Remove the socket of a LibreOffice started with ``profile`` that was killed (only
    a socket of that name: a file that merely has it is not LibreOffice's)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows names its pipes in no folder
        return
    name = ipc_pipe_name(profile, getuid())
    for folder in ("/tmp", "/var/tmp"):  # LibreOffice's choice, not TMPDIR
        with contextlib.suppress(OSError):
            pipe = Path(folder, name)
            if stat.S_ISSOCK(pipe.lstat().st_mode):
                pipe.unlink()


def _stop(job: _Job) -> None:
    """Kill a job's LibreOffice and remove the socket it could not remove itself."""
    assert job.proc is not None
    _kill(job.proc)
    remove_ipc_pipe(job.profile)


def _own_group() -> dict[str, Any]:
    """Popen arguments that start a process in a group of its own, so it can be ended
    with everything it starts."""
    if os.name == "nt":
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    return {"start_new_session": True}


def _start(exe: str, job: _Job, timeout: float) -> None:
    (job.workdir / "in").mkdir(parents=True)
    job.outdir.mkdir()
    for src, staged in zip(job.sources, job.staged, strict=True):
        shutil.copyfile(src, staged)
    cmd = [exe, f"-env:UserInstallation={job.profile}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "pdf", "--outdir", str(job.outdir),
           *map(str, job.staged)]
    job.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, **_own_group())
    job.deadline = time.monotonic() + timeout


def _finish(job: _Job) -> None:
    """Wait for one process until its deadline; kill it and raise if it overruns."""
    assert job.proc is not None
    try:
        _, err = job.proc.communicate(timeout=max(0.1, job.deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        _stop(job)
        raise DocgenError(
            f"LibreOffice did not finish converting {len(job.sources)} document(s) to PDF in "
            f"time (first: {job.sources[0]}); it was stopped. Try again, or convert fewer "
            "documents at once") from None
    job.stderr = "\n".join(line for line in err.decode("utf-8", "replace").splitlines()
                           if line.strip() and "javaldx" not in line)


def to_pdf(docx_paths: list[Path], jobs: int = 2, *, timeout: float | None = None) -> list[Path]:
    """Convert Word documents to PDFs written next to them; returns the PDF paths in order.

    ``jobs`` LibreOffice processes share the batch. ``timeout`` is the limit per
    process in seconds (default: 90 s plus 15 s per document in its chunk).
    """
    sources = [Path(p) for p in docx_paths]
    if not sources:
        return []
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        raise DocgenError(f"cannot make a PDF of {', '.join(missing)}: no such file")
    exe = find_soffice()
    for src in sources:
        if has_toc(src):
            warnings.warn(f"{src.name} has a table of contents; LibreOffice does not refresh "
                          "it when converting, so the PDF shows the contents as last saved",
                          stacklevel=2)
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
        batch = [_Job(chunk, Path(tmp) / f"job{i}")
                 for i, chunk in enumerate(_chunks(sources, max(1, min(jobs, len(sources)))))]
        try:
            for job in batch:
                limit = timeout or BASE_TIMEOUT + PER_DOCUMENT_TIMEOUT * len(job.sources)
                _start(exe, job, limit)
            for job in batch:
                _finish(job)
        except BaseException:
            for job in batch:  # never leave a LibreOffice running behind us
                if job.proc is not None and job.proc.poll() is None:
                    _stop(job)
            raise
        failed: list[str] = []
        for job in batch:
            assert job.proc is not None
            for src, staged in zip(job.sources, job.staged, strict=True):
                pdf = job.pdf_for(staged)
                if job.proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
                    failed.append(str(src))
        if failed:
            detail = "; ".join(j.stderr for j in batch if j.stderr)[-800:]
            raise DocgenError(f"LibreOffice could not convert {', '.join(failed)} to PDF"
                              + (f": {detail}" if detail else ""))
        results: list[Path] = []
        for job in batch:
            for src, staged in zip(job.sources, job.staged, strict=True):
                target = src.with_suffix(".pdf")
                atomic_write(target, job.pdf_for(staged).read_bytes())
                results.append(target)
    return results


__all__ = ["to_pdf", "find_soffice", "soffice_locations", "has_toc", "INSTALL_HINT"]
