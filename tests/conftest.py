"""Shared fixtures: the examples built once per session, and readers for the outputs."""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

try:  # POSIX only: elsewhere the temporary folders stay where pytest puts them
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from docgen import build
from docgen.answers.yamlfile import load_answer_text
from docgen.errors import AnswerFileError, Problem
from docgen.pipeline import check_located
from docgen.publish.convert import remove_ipc_pipe
from docgen.publish.workers import COLLECT_EVERY

ROOT = Path(__file__).resolve().parent.parent
# The input contract: the three example answer files every version of docgen must accept
# unchanged, kept byte for byte in the repository (tests/data/contract-examples/README.md).
# The shipped examples (inputs/, docgen/data/examples/) carry the same answers plus
# comments and acknowledgements, so they build with no open warning; the tests that count
# warnings and lines work on the contract copies.
EXAMPLES_DIR = ROOT / "tests" / "data" / "contract-examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
#: inputs/ also holds a post that names its parties by id and needs inputs/organisations/
#: beside it (tests/answers/test_profiles.py)
PROFILED_EXAMPLE = "shared-head-of-procurement.yaml"
#: inputs/ also holds the Head of HR post in the councils' own house styles, which needs
#: inputs/organisations/styles/ beside it (test_house_style.py)
STYLED_EXAMPLE = "shared-head-of-hr-house-style.yaml"


#: the tests' temporary folders go on this RAM disk where the machine has one (Linux's
#: /dev/shm, executable and with room): docgen syncs each file it publishes to the disk (a
#: post's set must survive kill -9 and a power cut), and on a real disk every test that
#: builds waits for those syncs (tests/publish and tests/cli 55-58 s against 60-74 s,
#: alternating; the whole suite 4 min 43 s against 4 min 56 s, back to back, within this
#: machine's drift). ``--basetemp`` or DOCGEN_TESTS_ON_DISK=1 keeps them on disk. A run
#: holds a lock beside its folder while it lives (a folder whose lock is free belongs to a
#: run that has ended, in any container sharing the disk); one whose tests failed keeps its
#: folder until the next run.
RAM_DISK, RAM_NEEDED = Path("/dev/shm"), 4 * 2**30
ON_DISK = "DOCGEN_TESTS_ON_DISK"
_HELD: list[int] = []  # this run's lock, open until the process ends


def _ram_disk_basetemp() -> Path | None:
    """This run's temporary folder on the RAM disk, if it may go there (ended runs' removed)."""
    if fcntl is None or not hasattr(os, "statvfs"):
        return None
    try:
        disk = os.statvfs(RAM_DISK)
    except OSError:
        return None
    if disk.f_flag & (os.ST_NOEXEC | os.ST_RDONLY) or disk.f_bavail * disk.f_frsize < \
            RAM_NEEDED or not os.access(RAM_DISK, os.W_OK | os.X_OK):
        return None
    mine = f"docgen-tests-{os.getuid()}-"
    for lock in RAM_DISK.glob(mine + "*.lock"):
        if _locked(lock):
            shutil.rmtree(lock.with_suffix(""), ignore_errors=True)
            lock.unlink(missing_ok=True)
    folder = RAM_DISK / f"{mine}{os.getpid()}"
    if not _locked(folder.with_suffix(".lock"), keep=True):
        return None
    return folder


def _locked(path: Path, keep: bool = False) -> bool:
    """Whether this process got ``path``'s lock (held on if ``keep``, else let go)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    if keep:
        _HELD.append(fd)
    else:
        os.close(fd)
    return True


@pytest.hookimpl(tryfirst=True)  # before pytest makes its temporary-folder factory from it
def pytest_configure(config: pytest.Config) -> None:
    """The temporary folders on a RAM disk (:data:`RAM_DISK`). Then: Python keeps the
    bytecode it compiles, in the test processes and every process they start (set before
    pytest-xdist starts its workers, which inherit it). Where PYTHONDONTWRITEBYTECODE is
    set (as on the machines that run .ci/run), each `python -m docgen`, `docgen` in the
    wheel's venv and `docgen serve` the tests start compiled docgen and its libraries from
    source again: some 0.15 s a command in the checkout and 0.45 s in the wheel's venv
    (installed without compiling). Nothing read from a __pycache__ changes what docgen
    does; the tests that look for files written ignore __pycache__ as Python users'
    machines have them."""
    if not (config.option.basetemp or os.environ.get(ON_DISK)
            or os.environ.get("PYTEST_XDIST_WORKER")):  # (a worker is given the run's)
        config.option.basetemp = _ram_disk_basetemp()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    use_a_session_cache()
    # the cycle collector's thresholds are the batch's workers': a test run allocates a
    # great deal that reference counting alone frees (parsed documents, reports), and
    # collecting every 700 allocations walked the templates and libraries each process keeps
    gc.set_threshold(*COLLECT_EVERY)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection left (the test modules, docgen and its libraries, all kept for the
    run) is moved out of the cycle collector's sight (``gc.freeze``), so its collections
    walk only what the tests make. Together with those thresholds, 6% less CPU for
    the same tests (tests/clauses, answers and rulebook, one process: 71.6 s against 76.3 s).
    A cycle the tests make is still collected."""
    gc.collect()
    gc.freeze()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run's folder on the RAM disk is removed (it holds memory), unless tests failed:
    then it is kept for a look, until the next run."""
    folder = session.config.option.basetemp
    if (folder and Path(folder).parent == RAM_DISK and exitstatus != pytest.ExitCode.TESTS_FAILED
            and not os.environ.get("PYTEST_XDIST_WORKER")):
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).with_suffix(".lock").unlink(missing_ok=True)


#: what a test using each fixture costs beyond an ordinary test's ~0.05 s, roughly (seconds
#: of CPU measured in a whole run): the files that use them are run first (below)
FIXTURE_SECONDS = {"page": 1.5, "browser": 4.0, "wheel": 3.0, "venv": 3.0, "installed": 3.0,
                   "pdfs": 3.0, "copies": 1.0}
ORDINARY_SECONDS = 0.05


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Test files in order of what they are expected to cost, dearest first (a file's own
    order kept). pytest-xdist hands out a whole file at a time (``--dist loadfile``) in this
    order (``--no-loadscope-reorder``): by its default order, the most tests first, the
    browser files, a few long tests each, came last, and one core ran them alone for the
    run's last 10 s while the other was idle."""
    cost: dict[str, float] = {}
    for item in items:
        extra = sum(FIXTURE_SECONDS.get(f, 0.0) for f in getattr(item, "fixturenames", ()))
        file = item.nodeid.split("::")[0]
        cost[file] = cost.get(file, 0.0) + ORDINARY_SECONDS + extra
    items.sort(key=lambda item: -cost[item.nodeid.split("::")[0]])


#: set in the test session's environment once its cache folder is made (pytest-xdist's
#: workers and every command a test starts inherit both it and XDG_CACHE_HOME)
SESSION_CACHE = "DOCGEN_TESTS_CACHE_HOME"


def use_a_session_cache() -> None:
    """The command line keeps what it prepared under XDG_CACHE_HOME (else ~/.cache): the
    tests point it at a folder of their own for the session, so no test reads the user's
    cache (a stale or foreign entry would decide what a test sees) or writes into their
    home. One folder for the whole session (made by the first process, before pytest-xdist
    starts its workers) keeps the cache's speed-up across the tests; it is removed when
    the process that made it ends."""
    if os.environ.get(SESSION_CACHE):
        return
    folder = tempfile.mkdtemp(prefix="docgen-tests-cache-")
    os.environ[SESSION_CACHE] = os.environ["XDG_CACHE_HOME"] = folder
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # (leaves a link's target)
    keep_python_redlines(Path(folder))


def keep_python_redlines(folder: Path) -> None:
    """python-redlines unpacks its comparison program (some 100 MB, 1.7 s) into
    XDG_CACHE_HOME on first use, and not atomically: in a new folder each session, two
    test processes comparing documents at once could run it half-written. Its folder in
    the session's is a link to one kept under the temporary folder for the user's
    sessions, so it is unpacked once, as it was in ~/.cache; only a folder the user owns
    and no one else may write to is used (what is kept there is run)."""
    if os.name != "posix":
        return
    shelf = Path(tempfile.gettempdir()) / f"docgen-tests-python-redlines-{os.getuid()}"
    try:
        shelf.mkdir(mode=0o700, exist_ok=True)
        st = shelf.lstat()
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022:
            (folder / "python-redlines").symlink_to(shelf, target_is_directory=True)
    except OSError:
        pass  # unpacked in the session's folder instead


def copy_examples(folder: Path) -> Path:
    """``folder`` (made here) holding a copy of each example answer file, to edit and build."""
    folder.mkdir(parents=True, exist_ok=True)
    for ex in EXAMPLES:
        shutil.copy(ex, folder / ex.name)
    return folder


def problems_of(text: str) -> list[Problem]:
    """The errors ``check`` finds in an answer file's text (none: an empty list)."""
    try:
        check_located(load_answer_text(text, "post.yaml"))
    except AnswerFileError as exc:
        return exc.problems
    return []


def require_soffice() -> str:
    """LibreOffice is required in CI (installed by .ci/run); locally a missing one skips."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run must install it")
        pytest.skip("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    return exe


#: one LibreOffice user profile for each test process, made by its first conversion and
#: used by the next (a new profile costs LibreOffice about 0.25 s to set up; a test process
#: converts one batch at a time, so two never share it at once)
_LO_PROFILE = Path(tempfile.gettempdir()) / f"docgen-tests-lo-profile-{os.getpid()}"
_LO_PROFILE_URL = f"file://{_LO_PROFILE}"
atexit.register(shutil.rmtree, _LO_PROFILE, ignore_errors=True)


#: the LibreOffice this test process keeps running on ``_LO_PROFILE`` (see ``_office``);
#: empty until the first conversion, None where it could not be started
_OFFICE: list[subprocess.Popen[bytes] | None] = []


#: prctl, looked up here: a forked child must not load a library before it execs (another
#: thread may hold the loader's lock at the fork)
_PRCTL = ctypes.CDLL(None).prctl if sys.platform == "linux" else None


def _die_with_this_process() -> None:
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: even if pytest is killed


def _office(exe: str) -> None:
    """Start, once per test process, a LibreOffice that stays running on ``_LO_PROFILE``:
    each ``soffice --convert-to`` on that profile then hands its documents to it through
    LibreOffice's own single-instance pipe and waits for them to be converted, 0.25 s a call
    rather than the 1.1 s of starting LibreOffice (the suite converts in seven tests). It
    holds a text file open, or it would quit after the first conversion handed to it; it is
    ready once LibreOffice has written that file's lock file, and nothing is converted
    before (a soffice started earlier would take the pipe). Linux only (it dies with this
    process); elsewhere, or if it cannot start, each conversion starts LibreOffice."""
    if _OFFICE:
        return
    _OFFICE.append(None)
    program = Path(os.path.realpath(exe)).with_name("soffice.bin")
    if sys.platform != "linux" or not program.is_file():
        return
    keep = Path(tempfile.gettempdir()) / f"docgen-tests-lo-open-{os.getpid()}" / "open.txt"
    try:  # a folder left by a killed run (same pid) that cannot be removed: not kept
        shutil.rmtree(keep.parent, ignore_errors=True)  # no lock file but the one it writes
        keep.parent.mkdir()
        atexit.register(shutil.rmtree, keep.parent, ignore_errors=True)
        keep.write_text("kept open by the tests' LibreOffice\n", encoding="utf-8")
    except OSError:
        return
    deadline = time.monotonic() + 30
    for _attempt in range(2):  # with a new profile LibreOffice asks to be started again (81)
        office = subprocess.Popen(
            [str(program), f"-env:UserInstallation={_LO_PROFILE_URL}", "--headless",
             "--norestore", "--nologo", str(keep)], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            preexec_fn=_die_with_this_process)
        atexit.register(_stop_office, office)
        while office.poll() is None and time.monotonic() < deadline:
            if (keep.parent / f".~lock.{keep.name}#").exists():
                _OFFICE[0] = office
                return
            time.sleep(0.01)
        _stop_office(office)
        if office.returncode != 81:
            return


def _stop_office(office: subprocess.Popen[bytes]) -> None:
    """Asked to quit first (it then removes its pipe and temporary files), then killed; the
    pipe a killed one leaves in /tmp is removed."""
    for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, None)):
        if office.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(office.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(wait)
    remove_ipc_pipe(_LO_PROFILE_URL)


def convert(docs: list[Path], outdir: Path, to: str) -> None:
    """LibreOffice's ``--convert-to to`` of ``docs`` into ``outdir``, in one LibreOffice
    process (per-call start-up is the slow part): the one this test process keeps running
    (``_office``), or one started for these documents."""
    exe = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    _office(exe)
    try:
        subprocess.run(
            [exe, f"-env:UserInstallation={_LO_PROFILE_URL}", "--headless", "--convert-to",
             to, "--outdir", str(outdir), *map(str, docs)],
            check=True, capture_output=True, timeout=600,
        )
    except subprocess.TimeoutExpired:  # a wedged kept LibreOffice: not used again
        office = _OFFICE[0] if _OFFICE else None
        if office is not None:
            _OFFICE[0] = None
            _stop_office(office)
        raise


def to_pdf(docs: list[Path], outdir: Path) -> list[Path]:
    """The PDFs of ``docs``, made in ``outdir`` by LibreOffice (``convert``)."""
    convert(docs, outdir, "pdf")
    pdfs = [outdir / (d.stem + ".pdf") for d in docs]
    missing = [p for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return pdfs


def pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe:
        return subprocess.run([exe, "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three shared examples built once; returns the output folder."""
    out = tmp_path_factory.mktemp("build")
    report = build(EXAMPLES, out)
    failures = [(p.source, p.message, [str(x) for x in p.errors]) for p in report.posts
                if p.status != "built"]
    assert not failures, failures
    return out


@pytest.fixture(scope="session")
def agreement_book() -> bytes:
    """The agreement's clause book as ``docgen clauses export`` writes it, exported once per
    worker: the tests that edit a book open their own copy of these bytes."""
    from clause_book_edits import exported

    return exported()


#: the Head of HR's two London councils by their corporate names (GP057), which the input
#: contract's copy names "London Borough of Eastwick" and "Royal Borough of Westmere"
CORPORATE = {"eastwick": "The Mayor and Burgesses of the London Borough of Eastwick",
             "westmere": "The Mayor and Burgesses of the Royal Borough of Westmere"}


def with_only_the_vat_warning(hr_text: str) -> str:
    """The Head of HR example answering every good-practice point except GP014 (VAT advice):
    the councils' corporate names (GP057), reversion post and grade, who bears costs of
    earlier service, and a dispute procedure whose steps involve different people. Tests of
    batch output count on one warning a post."""
    for old, new in (
            ("    name: London Borough of Eastwick\n", f"    name: {CORPORATE['eastwick']}\n"),
            ("    name: Royal Borough of Westmere\n", f"    name: {CORPORATE['westmere']}\n"),
            ("    - {level: Chief Executives, days: 20}",
             "    - {level: Directors of Resources, days: 20}"),
            ("  postholder_reverts_to: eastwick\n",
             "  postholder_reverts_to: eastwick\n"
             "  reversion_post: Head of Human Resources, London Borough of Eastwick\n"
             "  reversion_grade: Chief Officer Grade 4\n"
             "  prior_service: employer\n")):
        assert old in hr_text, old
        hr_text = hr_text.replace(old, new)
    return hr_text
