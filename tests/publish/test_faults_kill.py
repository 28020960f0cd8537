"""Faults from outside: ``kill -9`` of ``docgen build`` right before file-system events of
one post's publishing and of the register's write, and two builds into one folder at once.

A kill at a random time rarely lands in publishing: a post's set is staged, synced and
switched in within a few milliseconds of a build's second (of 20 rounds killed at a random
time, none landed there). So the builds run docgen's command under a Python audit hook
(tests/publish/fs_audit.py; nothing in docgen): every file-system event under the output
folder is logged, and a round's build stops right before the ``k``-th event that names one
post (its staging folder made, a file of the set written, a person's file carried over,
the folders exchanged, the old set removed) or the register, and is killed there: before
the first event of each kind one post's publishing and the register's write have (the
logged first build shows them), and a seeded sample of the rest (a set's later files,
written as its first is; every one would cost a build each). The rename-aside way (macOS,
Windows) is killed between its two renames and after them, and the next run after it is
killed right after putting the old set back. Moments with no event of their own are not
reached: between a file's write and its fsync (the hook sees the open), between a rename
and the folder's fsync, inside shutil.rmtree (one event for the tree). After every kill
each post folder is a complete set that ``verify`` passes against the answer file its
manifest records (so never the agreement of one build beside the contract of another), or
absent with its complete old set aside for the next run to put back; a person's notes are
in it, a document a person edited is untouched, the workers are gone, and a plain rerun
publishes the current documents of every post but the edited one (which ``--force``
replaces keeping the person's copy: tests/publish/test_faults.py). The log shows, too,
that nothing is ever written, copied or removed inside a post folder, nor a register
written in place: each is only ever renamed in whole (and that no event named a file by a
folder's descriptor, which the log could not place: tests/publish/test_fs_audit.py).
A reference respelt only in case is killed around its folder's case rename (its own test).
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
from collections.abc import Collection
from pathlib import Path

import pytest
from conftest import EXAMPLES

from docgen.publish.files import read_manifest
from docgen.publish.stage import STAGING
from docgen.publish.verify_folder import verify_folder
from tests.publish import fs_audit

EDITED = "EWK-WSM-HR-02"  # a person edited its contract: never replaced without --force
NOTES = b"ask legal about clause 7"
REGISTER = "register.csv"
#: the only events that may name a post folder itself: it is swapped or renamed whole
WHOLE = ("docgen.exchange", "os.rename")
#: how many of the events whose kind was killed before already are killed before too
SAMPLED, SEED = 1, 12


def programme(root: Path) -> list[Path]:
    """The three examples and a fourth post (four posts make the batch use workers)."""
    inputs = root / "inputs"
    inputs.mkdir()
    files = [Path(shutil.copy(e, inputs / e.name)) for e in EXAMPLES]
    hr = next(f for f in files if f.name == "shared-head-of-hr.yaml")
    fourth = inputs / "second-head-of-hr.yaml"
    fourth.write_text(hr.read_text().replace("EWK-WSM-HR-01", EDITED))
    return [*files, fourth]


def salaried_programme(root: Path) -> tuple[list[Path], dict[str, bytes]]:
    """:func:`programme` at 78,000, and each answers' (and base file's) bytes by sha256."""
    files = programme(root)
    versions = {hashlib.sha256(b).hexdigest(): b
                for b in (f.read_bytes() for f in (root / "inputs").glob("_*.yaml"))}
    set_salaries(files, 78000, versions)
    return files, versions


def set_salaries(files: list[Path], salary: int, versions: dict[str, bytes]) -> None:
    for f in files:
        f.write_text(re.sub(r"(?m)^  salary: \d+$", f"  salary: {salary}", f.read_text()))
        data = f.read_bytes()
        versions[hashlib.sha256(data).hexdigest()] = data


def reference(answers: Path) -> str:
    return re.search(r"(?m)^reference: (\S+)", answers.read_text())[1]


def session_alive(sid: int) -> list[int]:
    """Processes still in the session the build started (its workers)."""
    alive = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path("/proc", pid, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile (Path.glob's own stat raised ESRCH, unhandled)
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(pid))
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


def audited(log: Path, out: Path, files: list[Path], pause: str = "-",
            way: str = "exchange") -> list[str]:
    """``docgen build`` of ``files`` into ``out`` under the audit hook, logging to ``log``
    (``pause``: ``<target>:<k>``; ``way``: ``exchange`` or ``rename-aside``)."""
    return [sys.executable, "-c", fs_audit.COMMAND, str(log), str(out), pause, way,
            "build", *map(str, files), "--out", str(out), "--jobs", "2"]


def logged(log: Path, out: Path) -> list[tuple[str, str, list[str]]]:
    """The log's events as (pid, event, paths relative to ``out``); a FORBIDDEN line's
    event and arguments as they are, in one; no ``result`` line (see :func:`results`)."""
    lines = []
    for line in log.read_text().splitlines():
        pid, event, rest = line.split(" ", 2)
        if event == "FORBIDDEN":
            lines.append((pid, event, [rest]))
        elif event != "result":
            lines.append((pid, event, [os.path.relpath(p, out) for p in rest.split(" ")]))
    return lines


def results(log: Path, event: str) -> list[str]:
    """What each call fs_audit wraps returned (for the exchange: ``<rc> <errno>``)."""
    return [line.split(" ", 3)[3] for line in log.read_text().splitlines()
            if line.split(" ")[1:3] == ["result", event]]


def in_place(log: Path, out: Path, posts: Collection[str]) -> list[str]:
    """Events that changed what the output folder publishes (a post folder, a register:
    not a dot-name, docgen's own) other than by swapping or renaming it in whole: a file
    in a post folder opened to write, copied, linked, removed or renamed, the folder made,
    a register written in place; and any event fs_audit could not place (a name relative
    to a folder's descriptor, outside shutil.rmtree's own removals): FORBIDDEN."""
    return [f"{event} {paths}" for _, event, paths in logged(log, out)
            for path in paths if event == "FORBIDDEN" or (
                ((parts := path.split(os.sep))[0] in posts or (
                    len(parts) == 1 and not path.startswith(".")))
                and (len(parts) > 1 or event not in WHOLE))]


def sequence(log: Path, out: Path, target: str) -> list[str]:
    """The events naming ``target`` (fs_audit.names), in order, all in one process."""
    found = [(pid, event) for pid, event, paths in logged(log, out)
             if any(fs_audit.names(target, p) for p in paths)]
    assert len({pid for pid, _ in found}) == 1, found
    return [event for _, event in found]


def kill_at(cmd: list[str], cwd: Path, pause: str) -> str:
    """Start the build in its own session and kill -9 its parent process (the workers must
    follow) where it pauses (fs_audit: ``pause`` is ``<target>:<k>``); returns the event it
    paused before, and fails if it never does."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=cwd)
    lines = []  # nothing polled: the pause says when (or the build ends without one)
    while (line := proc.stderr.readline()) and not line.startswith("docgen: paused at"):
        lines.append(line)
    if line:  # not proc.poll(): a build that ended may not have been reaped yet
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 5
    while session_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert session_alive(proc.pid) == [], f"{pause}: workers outlived the build"
    assert line, f"{pause}: never reached ({''.join(lines)[-2000:]})"
    return line.split()[4]


def chosen(events: list[str]) -> list[int]:
    """The ``k`` (from 1) to kill before: the first event of each kind, and a seeded
    sample of :data:`SAMPLED` of the others (a set's second to fourth files, written as
    its first is), which every ``k`` would cost a build each."""
    first = {event: k for k, event in reversed(list(enumerate(events, 1)))}
    rest = sorted(set(range(1, len(events) + 1)) - set(first.values()))
    return sorted([*first.values(), *random.Random(SEED).sample(rest, min(SAMPLED, len(rest)))])


def rounds(ways: list[str], register: list[str]) -> list[tuple[int, str, int, str, str]]:
    """(post, target, k, way, event expected) for each kill: before the events of one
    post's publishing (:func:`chosen`; the posts in turn; ``ways``, from a logged build)
    and of the register's write; then the rename-aside way between its two renames and
    after them, and the next run right after it puts the old set back (its unfinished new
    set removed and the old set renamed back, in ``recover``, whose events fs_audit does
    not count; then the first event counted, the staging folder of its new set made)."""
    plan = [(i % 3, "", k, "exchange", ways[k - 1]) for i, k in enumerate(chosen(ways))]
    plan += [(0, REGISTER, k, "exchange", register[k - 1]) for k in chosen(register)]
    swap = ways.index("docgen.exchange") + 1
    return [*plan, (1, "", swap + 1, "rename-aside", "os.rename"),
            (1, "", 1, "exchange", "os.mkdir"),
            (2, "", swap + 2, "rename-aside", "shutil.rmtree")]


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the build's workers, "
                    "which end with their parent by PR_SET_PDEATHSIG; the exchange is Linux's "
                    "renameat2")
def test_kill_9_before_logged_steps_of_publishing_never_leaves_a_mixed_set(
        tmp_path: Path) -> None:
    files, versions = salaried_programme(tmp_path)
    out, scratch, log = tmp_path / "out", tmp_path / "scratch", tmp_path / "fs.log"
    scratch.mkdir()
    refs = [reference(f) for f in files]
    for ref in refs:  # a person's notes in each post folder, before docgen's documents
        (out / ref).mkdir(parents=True)
        (out / ref / "notes.txt").write_bytes(NOTES)
    # the first build logged: each post's set exchanged with a folder (its notes carried
    # over), so the events of a post's publishing and the register's write are known
    subprocess.run(audited(log, out, files), capture_output=True, timeout=300, cwd=tmp_path,
                   check=True)
    assert in_place(log, out, refs) == []
    exchanged = results(log, "docgen.exchange")  # logged before it is tried: it happened
    assert exchanged == ["0 0"] * len(refs), exchanged
    plan = rounds(sequence(log, out, refs[0]), sequence(log, out, REGISTER))
    contract = out / EDITED / f"{EDITED}-contract.docx"  # a person edits a document
    contract.write_bytes(contract.read_bytes() + b"\0")
    kept = {EDITED: {p.name: p.read_bytes() for p in (out / EDITED).iterdir()}}
    passed: set[str] = set()
    for round_, (post, target, k, way, expected) in enumerate(plan):
        # the post killed changed (and the edited one, refused each time); a post a kill
        # left old is built again next round; each round first plants a half-published set
        # of its post, as the other worker leaves if killed publishing it (fs_audit.uncounted)
        set_salaries([files[post], files[3]], 80000 + 1000 * round_, versions)
        (left := out / STAGING / f"{refs[post]}~left.new").mkdir(parents=True)
        (left / "half.docx").write_bytes(b"PK")
        pause = f"{target or refs[post]}:{k}"
        got = kill_at(audited(log, out, files, pause, way), tmp_path, pause)
        assert got == expected, (round_, pause, log.read_text().splitlines()[-40:])
        assert_consistent(out, versions, scratch, passed, refs, kept)
        if target == REGISTER:  # its temporary file there once written, not renamed in
            assert (k > 1) == bool(list(out.glob(".register.csv.*.part"))), pause
        else:  # a staging folder of the post's (or its old set aside) from its making on
            staged = [p for p in (out / STAGING).glob(f"{refs[post]}~*") if p != left]
            assert (expected != "os.mkdir") == bool(staged), (pause, staged)
    done = subprocess.run(audited(log, out, files), capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert f"{EDITED}-contract.docx" in done.stdout + done.stderr  # refused: edited
    assert assert_consistent(out, versions, scratch, passed, refs, kept) == len(files)
    for f in files[:3]:
        manifest = read_manifest(out / reference(f))
        assert manifest and manifest["answer_file"]["sha256"] == hashlib.sha256(
            f.read_bytes()).hexdigest()  # the current answers, not an older round's
    assert not (out / STAGING).exists()
    assert not list(out.rglob("*.part"))
    assert in_place(log, out, refs) == []  # every build, killed or not


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
        procs = [subprocess.Popen([sys.executable, "-m", "docgen", "build", str(src),
                                   "--out", str(out), "--force", *wait],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for src in sources]
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        for code, _stdout, stderr in results:
            assert "Traceback" not in stderr
            assert code == 0 or "another docgen build is writing to" in stderr, stderr
        if wait:
            assert all(code == 0 for code, _, _ in results), results
        assert assert_consistent(out, versions, scratch) == 1


def case_state(out: Path, ref: str, versions: dict[str, bytes], scratch: Path) -> str:
    """The one folder of ``ref``'s post (names compared casefolded): a post folder, or its
    old set aside with no post folder (the rename-aside way between its renames); it must be
    a complete set agreeing with its manifest's answers (verified under the spelling the
    manifest records: the old set under the new spelling, killed after the case rename,
    is complete but not yet rebuilt). Returns its name."""
    mine = [p for p in [*out.iterdir(), *(out / STAGING).glob("*.old")]
            if p.is_dir() and p.name.split("~")[0].casefold() == ref.casefold()]
    assert len(mine) == 1, sorted(p.name for p in mine)
    folder, manifest = mine[0], read_manifest(mine[0])
    assert manifest and manifest["reference"].casefold() == ref.casefold(), folder
    if folder.name != manifest["reference"]:  # verify reads the folder's name
        # only the old set under the new spelling: never the new set under the old one
        assert folder.name.split("~")[0] == ref, (folder.name, manifest["reference"])
        folder = scratch / "aside" / manifest["reference"]
        shutil.rmtree(folder.parent, ignore_errors=True)
        shutil.copytree(mine[0], folder)
    verified(folder, versions, scratch, None)
    return mine[0].name


@pytest.mark.skipif(sys.platform != "linux", reason="as above: /proc, PDEATHSIG, renameat2")
def test_kill_9_around_a_case_only_reference_change_leaves_one_folder(tmp_path: Path) -> None:
    """A reference respelt only in case (EWK-WSM-HR-01 to ewk-wsm-hr-01): stage.commit
    renames the old folder to the new spelling, then switches the new set in. Killed before
    that rename, before the exchange after it, and (the rename-aside way) before each of the
    fallback's renames: one folder of the post (casefolded; or its old set aside), a complete
    set; a plain rerun leaves one verified folder under the new spelling, one register line."""
    files, versions = salaried_programme(tmp_path)
    out, scratch, log = tmp_path / "out", tmp_path / "scratch", tmp_path / "fs.log"
    scratch.mkdir()
    subprocess.run(audited(log, out, files), capture_output=True, timeout=300, cwd=tmp_path,
                   check=True)
    post = next(f for f in files if reference(f) == "EWK-WSM-HR-01")
    old, new = reference(post), reference(post).lower()
    post.write_text(post.read_text().replace(f"reference: {old}\n", f"reference: {new}\n"))
    set_salaries([post], 78000, versions)
    shutil.copytree(out, before := tmp_path / "before", symlinks=True)
    log.unlink()  # the respelt post's events, from a build that is not killed
    subprocess.run(audited(log, out, files), capture_output=True, timeout=300, cwd=tmp_path,
                   check=True)
    steps = [(e, p) for _, e, p in logged(log, out) if any(fs_audit.names(new, x) for x in p)]
    # k of the first event naming the post folder itself (either spelling): the case rename
    case = next(k for k, (_, p) in enumerate(steps, 1) if {old, new} & set(p))
    plan = [(case, "exchange", "os.rename", old), (case + 1, "exchange", "docgen.exchange", new),
            (case + 1, "rename-aside", "os.rename", new),
            (case + 2, "rename-aside", "os.rename", f"{new}~")]
    for k, way, expected, left in plan:
        shutil.rmtree(out)
        shutil.copytree(before, out, symlinks=True)
        pause = f"{new}:{k}"
        paused = kill_at(audited(log, out, files, pause, way), tmp_path, pause)
        assert case_state(out, new, versions, scratch).startswith(left), pause
        assert paused == expected, pause
        done = subprocess.run(audited(log, out, files), capture_output=True, text=True,
                              timeout=300, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert case_state(out, new, versions, scratch) == new, pause
        assert read_manifest(out / new)["answer_file"]["sha256"] == hashlib.sha256(
            post.read_bytes()).hexdigest(), pause
        lines = (out / REGISTER).read_text().casefold().splitlines()
        assert sum(new.casefold() in line for line in lines) == 1, (pause, lines)
        assert not (out / STAGING).exists() and not list(out.rglob("*.part")), pause
    # the logged build renamed the old folder to the new spelling, then exchanged
    assert [e for e, _ in steps[case - 1:case + 1]] == ["os.rename", "docgen.exchange"], steps
    assert steps[case - 1][1] == [old, new], steps
    assert in_place(log, out, [*map(reference, files), old]) == []
