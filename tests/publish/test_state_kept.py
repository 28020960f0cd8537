"""A build with ``incremental=False`` keeps what the folder's state records of the other
answer files (the reference each last built under, which lets their next incremental
build skip an unchanged post before reading it): it used to rewrite the state with only
its own posts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docgen
from docgen.answers.folder_names import STATE

ROOT = Path(__file__).resolve().parents[2]


def test_a_full_build_of_one_post_keeps_the_others_last_references(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    hr, dph = (Path(shutil.copy(ROOT / "inputs" / name, inputs / name)) for name in
               ("shared-head-of-hr.yaml", "joint-director-public-health.yaml"))
    assert docgen.build([inputs], out, jobs=1).ok
    before = json.loads((out / STATE).read_text())
    assert set(before) == {str(hr.resolve()), str(dph.resolve())}
    assert docgen.build([hr], out, jobs=1, incremental=False).ok
    assert json.loads((out / STATE).read_text()) == before
    again = docgen.build([inputs], out, jobs=1)
    assert [p.status for p in again.posts] == ["skipped", "skipped"]


def test_a_rebuild_that_records_nothing_new_leaves_the_state_file_as_it_was(
        tmp_path: Path) -> None:
    """The state is written only when its bytes change: a forced rebuild of the same post
    records what the file already holds, so the file is not written, synced and renamed
    again; building another post into the folder adds its entry."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    hr, dph = (Path(shutil.copy(ROOT / "inputs" / name, inputs / name)) for name in
               ("shared-head-of-hr.yaml", "joint-director-public-health.yaml"))
    assert docgen.build([hr], out, jobs=1).ok
    written = (out / STATE).stat()
    assert docgen.build([hr], out, jobs=1, force=True).ok
    again = (out / STATE).stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    assert json.loads((out / STATE).read_text()) == {str(hr.resolve()): "EWK-WSM-HR-01"}
    assert docgen.build([dph], out, jobs=1).ok
    assert set(json.loads((out / STATE).read_text())) == {str(hr.resolve()), str(dph.resolve())}
