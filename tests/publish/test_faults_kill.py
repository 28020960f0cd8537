"""Faults from outside: ``kill -9`` of ``docgen build`` at each named moment of publishing,
and two builds started into one output folder at once.

A kill at a random time rarely lands in publishing: a post's set is staged, synced and
switched in within a few milliseconds of a build's second (of 20 rounds killed at a
random time, none landed there, 3 between two posts' sets, the rest before any). So each
round sets ``DOCGEN_PAUSE_AT`` (``docgen.publish.files.pause_point``): the build stops
between two os-level steps (a staged folder made, a file of the set written, the set
synced, a person's files carried over, the folders exchanged or the old one renamed
aside, the new one renamed in, the old set removed, an interrupted run's set put back, the
register's first file written before its rename) and is killed right there. After every kill
each post folder is a complete set that ``verify`` passes against the answer file its
manifest records (so never the agreement of one build beside the contract of another),
or absent with its complete old set aside for the next run to put back; a person's notes
are in it, a document a person edited is untouched, the workers are gone, and a plain
rerun publishes the current documents of every post but the edited one (which
``--force`` replaces keeping the person's copy: tests/publish/test_faults.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Collection
from pathlib import Path

from conftest import EXAMPLES

from docgen.publish.files import PAUSE_POINTS, read_manifest
from docgen.publish.stage import STAGING
from docgen.publish.verify_folder import verify_folder

#: (point, n, whether folders cannot be exchanged), one round each, in order: an "aside"
#: kill leaves the old set aside, which the next round's start puts back ("restored");
#: "file-written" 2 is half a set (two documents of three and no manifest); "temp-written"
#: 1 is register.csv after every post (the batch's state, unchanged, is not written again)
ROUNDS = (("stage-made", 1, False), ("file-written", 2, False), ("set-synced", 1, False),
          ("carried-over", 1, False), ("exchanged", 1, False), ("published", 1, False),
          ("temp-written", 1, False), ("aside", 1, True), ("restored", 1, True),
          ("renamed-in", 1, True))
#: the kills that leave a staged or aside set behind (the others may or may not)
LEAVE_A_STAGED_SET = {"stage-made", "file-written", "set-synced", "carried-over",
                      "exchanged", "aside", "renamed-in"}
#: a build whose folders cannot be exchanged (macOS, Windows, some file systems): the
#: rename-aside way; named docgen before docgen loads, so it starts as the command does
#: (docgen._startup.is_the_command: the code cache, no collections; 0.15 s less CPU)
NO_EXCHANGE = ("import sys; sys.argv[0] = 'docgen'; import docgen.publish.stage as s; "
               "s._exchange = lambda a, b: False; from docgen.cli import main; main()")
EDITED = "EWK-WSM-HR-02"  # a person edited its contract: never replaced without --force
NOTES = b"ask legal about clause 7"


def programme(root: Path) -> list[Path]:
    """The three examples and a fourth post (four posts make the batch use workers)."""
    inputs = root / "inputs"
    inputs.mkdir()
    files = [Path(shutil.copy(e, inputs / e.name)) for e in EXAMPLES]
    hr = next(f for f in files if f.name == "shared-head-of-hr.yaml")
    fourth = inputs / "second-head-of-hr.yaml"
    fourth.write_text(hr.read_text().replace("EWK-WSM-HR-01", EDITED))
    return [*files, fourth]


def set_salaries(files: list[Path], salary: int, versions: dict[str, bytes]) -> None:
    for f in files:
        f.write_text(re.sub(r"(?m)^  salary: \d+$", f"  salary: {salary}", f.read_text()))
        data = f.read_bytes()
        versions[hashlib.sha256(data).hexdigest()] = data


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", *args]


def reference(answers: Path) -> str:
    return re.search(r"(?m)^reference: (\S+)", answers.read_text())[1]


def session_alive(sid: int) -> list[int]:
    """Processes still in the session the build started (its workers)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def verified(folder: Path, versions: dict[str, bytes], scratch: Path,
             passed: set[str] | None) -> None:
    """``folder`` is a complete set agreeing with the answers it was built from.
    ``passed``: the folders verified already, each by the hash of its name, every file's
    name and bytes and the answers (verify_folder reads no more); a folder no round has
    changed since it passed is not verified again, which would read the same bytes."""
    manifest = read_manifest(folder)
    assert manifest is not None, f"{folder} has documents but no manifest"
    answers = versions[manifest["answer_file"]["sha256"]]
    state = hashlib.sha256(folder.name.encode() + answers)
    for file in sorted(folder.rglob("*")):
        state.update(f"\0{file.relative_to(folder)}\0".encode())
        state.update(b"" if file.is_dir() else file.read_bytes())
    if passed is not None and state.hexdigest() in passed:
        return
    (scratch / f"{folder.name}.yaml").write_bytes(answers)
    shutil.copy(scratch / f"{folder.name}.yaml", scratch / manifest["answer_file"]["path"])
    problems = verify_folder(folder, scratch / manifest["answer_file"]["path"])
    assert problems == [], (folder.name, problems)
    if passed is not None:
        passed.add(state.hexdigest())


def assert_consistent(out: Path, versions: dict[str, bytes], scratch: Path,
                      passed: set[str] | None = None, posts: Collection[str] = (),
                      kept: dict[str, dict[str, bytes]] | None = None) -> int:
    """Every post folder is a complete set agreeing with the answers it was built from, or
    (the rename-aside way, killed between its renames) absent with the complete old set
    aside; ``posts``, the references that had a folder, must still have one or be aside,
    each with a person's notes. ``kept``: post folders that must hold exactly these files
    (a person edited a document: nothing may replace it). Returns how many post folders
    there are."""
    checked = 0
    if not out.is_dir():
        return checked
    kept = kept or {}
    folders = {p.name for p in out.iterdir() if p.is_dir() and p.name != STAGING}
    for name in sorted(folders | set(posts)):
        folder = out / name
        if not folder.is_dir():
            aside = sorted((out / STAGING).glob(f"{name}~*.old"))
            assert len(aside) == 1, f"{name}: no post folder and no old set aside"
            folder = scratch / "aside" / name  # verify reads the folder's name too
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(aside[0], folder)
        if name in posts:
            notes = folder / "notes.txt"
            assert notes.is_file() and notes.read_bytes() == NOTES, f"{name}: notes lost"
        if name in kept:
            assert {p.name: p.read_bytes() for p in folder.iterdir()} == kept[name], name
        else:
            verified(folder, versions, scratch, passed)
        checked += folder.parent == out
    return checked


def kill_at(cmd: list[str], cwd: Path, point: str) -> None:
    """Start the build in its own session and kill -9 its parent process (the workers must
    follow) where it pauses at ``point`` (``DOCGEN_PAUSE_AT``); fails if it never does."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=cwd,
                            env={**os.environ, "DOCGEN_PAUSE_AT": point})
    lines = []  # nothing polled: the pause says when (or the build ends without one)
    while (line := proc.stderr.readline()) and not line.startswith("docgen: paused at"):
        lines.append(line)
    reached = bool(line)  # not proc.poll(): a build that ended may not have been reaped yet
    if reached:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 5
    while session_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert session_alive(proc.pid) == [], f"{point}: workers outlived the build"
    assert reached, f"{point}: never reached ({''.join(lines)[-2000:]})"


def test_kill_9_at_each_point_of_publishing_never_leaves_a_mixed_set(tmp_path: Path) -> None:
    assert {r[0] for r in ROUNDS} == set(PAUSE_POINTS)  # a kill at each
    files = programme(tmp_path)
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    scratch.mkdir()
    versions: dict[str, bytes] = {}
    for extends in (tmp_path / "inputs").glob("_*.yaml"):
        versions[hashlib.sha256(extends.read_bytes()).hexdigest()] = extends.read_bytes()
    set_salaries(files, 78000, versions)
    subprocess.run(docgen("build", *map(str, files), "--out", str(out), "--jobs", "2"),
                   capture_output=True, timeout=300, cwd=tmp_path, check=True)
    refs = [reference(f) for f in files]
    for ref in refs:  # a person's notes in each, and one edited document
        (out / ref / "notes.txt").write_bytes(NOTES)
    contract = out / EDITED / f"{EDITED}-contract.docx"
    contract.write_bytes(contract.read_bytes() + b"\0")
    kept = {EDITED: {p.name: p.read_bytes() for p in (out / EDITED).iterdir()}}
    passed: set[str] = set()
    for round_, (point, n, fallback) in enumerate(ROUNDS):
        # one post changed a round (in turn), and the edited one (refused each time): the
        # point is reached by its first set, and a post a kill left old is built again
        set_salaries([files[round_ % 3], files[3]], 80000 + 1000 * round_, versions)
        args = ("build", *map(str, files), "--out", str(out), "--jobs", "2")
        cmd = [sys.executable, "-c", NO_EXCHANGE, *args] if fallback else docgen(*args)
        kill_at(cmd, tmp_path, f"{point}:{n}")
        assert_consistent(out, versions, scratch, passed, refs, kept)
        staged = list((out / STAGING).glob("*~*"))
        assert point not in LEAVE_A_STAGED_SET or staged, f"{point}: killed outside the window"
        assert point != "temp-written" or list(out.glob(".register.csv.*.part")), staged
    done = subprocess.run(docgen("build", *map(str, files), "--out", str(out)),
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert f"{EDITED}-contract.docx" in done.stdout + done.stderr  # refused: edited
    assert assert_consistent(out, versions, scratch, passed, refs, kept) == len(files)
    for f in files[:3]:
        manifest = read_manifest(out / reference(f))
        assert manifest and manifest["answer_file"]["sha256"] == hashlib.sha256(
            f.read_bytes()).hexdigest()  # the current answers, not an older round's
    assert not (out / STAGING).exists()
    assert not list(out.rglob("*.part"))


def test_two_builds_into_one_folder_at_once(tmp_path: Path) -> None:
    """Two answer files with one reference, built at the same moment, three times."""
    hr = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
    versions: dict[str, bytes] = {}
    sources = []
    for i, salary in enumerate((91000, 99000)):
        (tmp_path / f"team{i}").mkdir()
        src = Path(shutil.copy(hr, tmp_path / f"team{i}" / hr.name))
        set_salaries([src], salary, versions)
        sources.append(src)
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    scratch.mkdir()
    for round_ in range(3):
        wait = ["--wait", "60"] if round_ else []
        procs = [subprocess.Popen(docgen("build", str(src), "--out", str(out), "--force",
                                         *wait),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for src in sources]
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        for code, _stdout, stderr in results:
            assert "Traceback" not in stderr
            assert code == 0 or "another docgen build is writing to" in stderr, stderr
        if wait:
            assert all(code == 0 for code, _, _ in results), results
        assert assert_consistent(out, versions, scratch) == 1
