"""fs_audit (the kill tests' audit hook) sees every way a post folder can be changed in
place, so test_faults_kill's "only renamed or exchanged in whole" check cannot be fooled:
a name relative to a folder's descriptor (``dir_fd``), which no event places, is logged
FORBIDDEN; chown, xattrs, mknod/mkfifo and a change through a descriptor are placed; the
removals of shutil.rmtree alone may use a descriptor. Each case runs in one subprocess
(an audit hook cannot be removed), one after another, split by a ``case`` line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.publish import fs_audit
from tests.publish.test_faults_kill import in_place, results

FILE = "contract.docx"
#: each case's code, run with ``p`` the path of its own post folder (named for the case,
#: holding FILE, with an extended attribute user.x), ``d`` a descriptor of it, ``out``
#: the output folder and ``exchange`` stage.py's renameat2 as fs_audit wraps it
CASES = {
    "EWK-1": ("fd = os.open('EWK-1-contract.docx', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, "
              "dir_fd=d); os.unlink('EWK-1-contract.docx', dir_fd=d)"),  # the reviewer's
    "opener": "open(FILE, 'w', opener=lambda n, f: os.open(n, f, dir_fd=d)).close()",
    "rename_dst_dir_fd": "os.rename(out + '/.spare', 'x.docx', dst_dir_fd=d)",
    "link_dst_dir_fd": "os.link(out + '/.spare', 'y.docx', dst_dir_fd=d)",
    "mkdir_dir_fd": "os.mkdir('sub', dir_fd=d)",
    "exchange_dir_fd": "exchange(d, FILE.encode(), -100, (out + '/.spare').encode(), 2)",
    "chown": "os.chown(p + '/' + FILE, os.getuid(), os.getgid())",
    "setxattr": "os.setxattr(p + '/' + FILE, 'user.y', b'1')",
    "removexattr": "os.removexattr(p + '/' + FILE, 'user.x')",
    "mknod": "os.mknod(p + '/node')",
    "mkfifo": "os.mkfifo(p + '/fifo')",
    "fchmod": "f = os.open(p + '/' + FILE, os.O_RDONLY); os.fchmod(f, 0o600); os.close(f)",
    "rmtree": "shutil.rmtree(p)",
}
#: the cases naming a file by a folder's descriptor: FORBIDDEN, as they cannot be placed
BY_DIR_FD = {"EWK-1", "opener", "rename_dst_dir_fd", "link_dst_dir_fd", "mkdir_dir_fd",
             "exchange_dir_fd"}
#: changes outside any post folder, or none: no in-place event
QUIET = {
    "rmtree_staged": ("os.makedirs(out + '/.docgen-staging/a/b'); "
                      "open(out + '/.docgen-staging/a/b/c', 'w').close(); "
                      "shutil.rmtree(out + '/.docgen-staging')"),
    "read_by_dir_fd": "os.close(os.open(FILE, os.O_RDONLY, dir_fd=d))",
    "exchange": ("os.mkdir(out + '/.a'); os.mkdir(out + '/.b'); "
                 "exchange(-100, (out + '/.a').encode(), -100, (out + '/.b').encode(), 2)"),
}
SCRIPT = """
import os, shutil, sys
sys.path.insert(0, {here!r})
import fs_audit
log, out = sys.argv[1:3]
note = fs_audit.install(log, out, '')
fs_audit.watch_os()
exchange = fs_audit.audited(fs_audit.stage._libc_renameat2(), note)
FILE = {file!r}
for name, code in {cases!r}.items():
    p = os.path.join(out, name)
    os.makedirs(p)
    open(os.path.join(p, FILE), 'w').close()
    os.setxattr(os.path.join(p, FILE), 'user.x', b'1')
    open(os.path.join(out, '.spare'), 'w').close()
    d = os.open(p, os.O_RDONLY)
    note('case ' + name)
    exec(code)
    note('case -')
    os.close(d)
"""


def run_cases(tmp_path: Path, cases: dict[str, str]) -> dict[str, Path]:
    """Each case's log (the lines logged while its code ran), from one audited
    subprocess; the set-up between cases is logged under ``-``."""
    out, log = tmp_path / "out", tmp_path / "fs.log"
    out.mkdir()
    script = SCRIPT.format(here=fs_audit.HERE, file=FILE, cases=cases)
    subprocess.run([sys.executable, "-c", script, str(log), str(out)], check=True,
                   cwd=tmp_path, timeout=120)
    lines: dict[str, list[str]] = {"-": []}
    name = "-"
    for line in log.read_text().splitlines():
        if line.split(" ")[1] == "case":
            name = line.split(" ")[2]
            lines.setdefault(name, [])
        else:
            lines[name].append(line)
    logs = {}
    for name, found in lines.items():
        logs[name] = tmp_path / f"{name}.log"
        logs[name].write_text("".join(f"{line}\n" for line in found))
    return logs


@pytest.mark.skipif(sys.platform != "linux", reason="xattrs, mknod, /proc/self/fd and "
                    "renameat2 are Linux's")
def test_every_change_in_place_is_reported(tmp_path: Path) -> None:
    logs = run_cases(tmp_path, CASES)
    out = tmp_path / "out"
    reported = {name: in_place(logs[name], out, [name]) for name in CASES}
    assert [name for name, found in reported.items() if not found] == [], reported
    # a name relative to a folder's descriptor cannot be placed: FORBIDDEN, whatever it is
    unplaced = {name for name, found in reported.items() if "FORBIDDEN" in found[0]}
    assert unplaced == BY_DIR_FD, reported


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/self/fd and renameat2 are Linux's")
def test_rmtree_and_the_exchange_are_logged_and_allowed(tmp_path: Path) -> None:
    logs = run_cases(tmp_path, QUIET)
    out = tmp_path / "out"
    assert {name: in_place(logs[name], out, list(QUIET)) for name in QUIET} == dict.fromkeys(
        QUIET, [])
    events = {name: [line.split(" ")[1] for line in logs[name].read_text().splitlines()]
              for name in QUIET}
    # rmtree's removals by descriptor are its own: its one event names the tree
    assert events["rmtree_staged"] == ["os.mkdir"] * 3 + ["open", "shutil.rmtree", "os.rmdir"]
    assert events["read_by_dir_fd"] == []
    assert events["exchange"] == ["os.mkdir", "os.mkdir", "docgen.exchange", "result"]
    assert results(logs["exchange"], "docgen.exchange") == ["0 0"]
