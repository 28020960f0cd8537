"""Ctrl-C at any moment of the command: one short line, no traceback, no process left,
and never lost (the command does not go on). Moved here from
tests/publish/test_faults_edges.py, where the first test began (issue 22)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import EXAMPLES

from docgen import _startup

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")


@pytest.mark.parametrize("delay", [0.3, 0.8, 3.0])
def test_ctrl_c_prints_no_traceback(tmp_path: Path, delay: float) -> None:
    """Ctrl-C (SIGINT to the terminal's process group) while the command starts (its
    modules loading) or while pool workers build: one short line, no traceback, no
    process left."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    text = HR.read_text()
    for i in range(8):
        (inputs / f"p{i}.yaml").write_text(text.replace("EWK-WSM-HR-01", f"EWK-WSM-{i:02d}"))
    build = subprocess.Popen(
        [sys.executable, "-m", "docgen", "build", str(inputs), "--out", str(tmp_path / "out"),
         "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode()[-3000:]
    assert build.returncode in (0, 1, 130, -signal.SIGINT), (build.returncode, err.decode()[-500:])
    if delay < 0.5:  # (eight posts take longer than that to build: the Ctrl-C is not lost)
        assert build.returncode != 0, err.decode()[-500:]
    _all_gone(build.pid)


def _all_gone(group: int) -> None:
    """Every process of ``group`` gone within half a second (a zombie counts: here nobody
    reaps an orphan)."""
    deadline = time.monotonic() + 0.5
    with contextlib.suppress(ProcessLookupError):
        while True:
            os.killpg(group, 0)
            if time.monotonic() > deadline:
                pytest.fail("a process of the build is still running")
            time.sleep(0.02)


#: a program named as the console script is (so docgen takes it for the command), whose
#: one command, ``probe``, docgen loads as it loads its own (``PROBE``, below)
CTRL_C_PROGRAM = """
import os, sys

import docgen.cli

docgen.cli.__path__.append(os.path.dirname(os.path.abspath(__file__)))
docgen.cli.COMMANDS["probe"] = ("probe", "probe_cmd")
sys.argv[1:] = ["probe"]
docgen.cli.main()
"""
#: Ctrl-C where Python cannot raise it, as the test above met it once in some hundreds of
#: runs under load: in a weakref callback (the import system runs one after each import;
#: Python prints "Exception ignored in ...", its traceback, and goes on), while the
#: command's modules load ("loading") or once it runs ("running": SIGINT to this process
#: alone, as `kill -INT` sends; sent again, it ends the wait that follows, and the
#: command's own clean-up runs on the way out, as on any other Ctrl-C); or in a library
#: whose start swallows any error ("swallowed": lxml's did, and the build went on)
PROBE = """
import os, signal, time, weakref

import click

MODE = os.environ["CTRL_C_PROBE"]


def ctrl_c_in_a_callback():
    class Lock: ...

    def callback(_ref):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000): pass

    lock = Lock()
    ref = weakref.ref(lock, callback)
    del lock
    for _ in range(1000): pass


if MODE == "loading":
    ctrl_c_in_a_callback()
elif MODE == "swallowed":
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000): pass
    except BaseException:
        pass


@click.command()
def probe_cmd():
    try:
        if MODE == "running":
            ctrl_c_in_a_callback()
            time.sleep(20)  # (a wait, as for a pool's results: the signal ends it)
        print("went on", flush=True)
    finally:
        print("cleaned up", flush=True)
"""


@pytest.mark.parametrize(("when", "status", "said"), [
    ("loading", 130, "interrupted"), ("swallowed", 130, "interrupted"),
    ("running", 1, "Aborted!")])
def test_ctrl_c_where_python_cannot_raise_it_still_ends_the_command(
        tmp_path: Path, when: str, status: int, said: str) -> None:
    """The command ends, quietly, and all its processes with it; it does not go on. Once
    it runs, it unwinds as from any other Ctrl-C (its clean-up runs)."""
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    program = tmp_path / "docgen"
    program.write_text(CTRL_C_PROGRAM, encoding="utf-8")
    run = subprocess.Popen([sys.executable, str(program)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True,
                           env={**os.environ, "CTRL_C_PROBE": when})
    out, err = run.communicate(timeout=120)
    assert "Traceback" not in err, err[-3000:]
    assert "went on" not in out
    assert ("cleaned up" in out) == (when == "running")  # unwound, not ended as by a kill
    assert (run.returncode, err.strip()) == (status, said), err[-500:]
    _all_gone(run.pid)


def test_a_ctrl_c_met_while_python_shuts_down_is_let_be(monkeypatch: pytest.MonkeyPatch) -> None:
    """No thread can start then (RuntimeError): the hook lets the interrupt go, the command
    ending anyway, rather than raising in the hook (printed as a second traceback)."""

    class NoThreads:
        def __init__(self, *args: object, **kwargs: object) -> None: ...

        def start(self) -> None:
            raise RuntimeError("can't create new thread at interpreter shutdown")

    monkeypatch.setattr(_startup.threading, "Thread", NoThreads)
    lost = KeyboardInterrupt()
    hook_args = SimpleNamespace(exc_type=KeyboardInterrupt, exc_value=lost, exc_traceback=None,
                                err_msg=None, object=None)  # (as sys.unraisablehook is given)
    assert _startup._interrupted_anyway(hook_args) is None  # type: ignore[arg-type]
