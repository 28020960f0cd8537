"""Faults from outside: ``kill -9`` of ``docgen build`` at random points, and two builds
started into one output folder at once.

After every fault each post folder is either absent or a complete set that
``verify`` passes against the answer file its manifest records (so never the
agreement of one build beside the contract of another), the workers are gone,
and a plain rerun (no ``--force``) publishes the current documents.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import EXAMPLES

from docgen.publish.files import read_manifest
from docgen.publish.stage import STAGING
from docgen.publish.verify_folder import verify_folder

SEED = 12
ROUNDS = 10


def programme(root: Path) -> list[Path]:
    """The three examples and a fourth post (four posts make the batch use workers)."""
    inputs = root / "inputs"
    inputs.mkdir()
    files = [Path(shutil.copy(e, inputs / e.name)) for e in EXAMPLES]
    hr = next(f for f in files if f.name == "shared-head-of-hr.yaml")
    fourth = inputs / "second-head-of-hr.yaml"
    fourth.write_text(hr.read_text().replace("EWK-WSM-HR-01", "EWK-WSM-HR-02"))
    return [*files, fourth]


def set_salaries(files: list[Path], salary: int, versions: dict[str, bytes]) -> None:
    for f in files:
        f.write_text(re.sub(r"(?m)^  salary: \d+$", f"  salary: {salary}", f.read_text()))
        data = f.read_bytes()
        versions[hashlib.sha256(data).hexdigest()] = data


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", *args]


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


def assert_consistent(out: Path, versions: dict[str, bytes], scratch: Path,
                      passed: set[str] | None = None) -> int:
    """Every post folder is a complete set agreeing with the answers it was built from.
    ``passed``: the folders verified already, each by the hash of its name, every file's
    name and bytes and the answers (verify_folder reads no more); a folder no round has
    changed since it passed is not verified again, which would read the same bytes."""
    checked = 0
    if not out.is_dir():
        return checked
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and p.name != STAGING):
        manifest = read_manifest(folder)
        assert manifest is not None, f"{folder} has documents but no manifest"
        answers = versions[manifest["answer_file"]["sha256"]]
        state = hashlib.sha256(folder.name.encode() + answers)
        for file in sorted(folder.rglob("*")):
            state.update(f"\0{file.relative_to(folder)}\0".encode())
            state.update(b"" if file.is_dir() else file.read_bytes())
        checked += 1
        if passed is not None and state.hexdigest() in passed:
            continue
        (scratch / f"{folder.name}.yaml").write_bytes(answers)
        shutil.copy(scratch / f"{folder.name}.yaml", scratch / manifest["answer_file"]["path"])
        problems = verify_folder(folder, scratch / manifest["answer_file"]["path"])
        assert problems == [], (folder.name, problems)
        if passed is not None:
            passed.add(state.hexdigest())
    return checked


def test_kill_9_at_random_points_never_leaves_a_mixed_set(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    files = programme(tmp_path)
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    scratch.mkdir()
    versions: dict[str, bytes] = {}
    for extends in (tmp_path / "inputs").glob("_*.yaml"):
        versions[hashlib.sha256(extends.read_bytes()).hexdigest()] = extends.read_bytes()
    killed = 0
    full = 0.0
    passed: set[str] = set()
    for salary in (78000, 79000):  # full builds first: later kills hit existing sets
        set_salaries(files, salary, versions)
        start = time.monotonic()
        subprocess.run(docgen("build", *map(str, files), "--out", str(out), "--jobs", "2"),
                       capture_output=True, timeout=300, cwd=tmp_path, check=True)
        full = time.monotonic() - start  # the second, warm (caches made), as the rounds are
    for round_ in range(ROUNDS):
        set_salaries(files, 80000 + 1000 * round_, versions)
        start = time.monotonic()
        proc = subprocess.Popen(docgen("build", *map(str, files), "--out", str(out),
                                       "--jobs", "2"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True, cwd=tmp_path)
        time.sleep(rng.uniform(0.2, 1.1) * full)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must follow
            killed += 1
        else:  # it finished first: aim the next kills by the builds this machine makes now
            full = min(full, time.monotonic() - start)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 5
        while session_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert session_alive(proc.pid) == [], f"round {round_}: workers outlived the build"
        assert_consistent(out, versions, scratch, passed)
    assert killed >= 3, "the kills came too late to test anything"
    done = subprocess.run(docgen("build", *map(str, files), "--out", str(out)),
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert assert_consistent(out, versions, scratch) == len(files)
    for f in files:
        manifest = read_manifest(out / re.search(r"(?m)^reference: (\S+)", f.read_text())[1])
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
