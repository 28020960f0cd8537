"""An answer file given a new reference and built under it, whose next build fails: its
last successful build is the new reference's folder, not the old one's. The old folder
(kept, as any folder whose file now has another reference) keeps its row as built, and
neither that row, the new one nor the build's notice says the file's last documents stand
under the old reference (they are told so only when no folder of the new one was built)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

from docgen import build, read_register

EXAMPLE = ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml"
OLD, NEW = "EWK-WSM-HR-01", "EWK-WSM-HR-02"


def _built_twice(tmp_path: Path) -> tuple[Path, Path]:
    """post.yaml built as OLD, then given NEW and built again."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    post = Path(shutil.copy(EXAMPLE, inputs / "post.yaml"))
    out = tmp_path / "out"
    assert build([inputs], out).ok
    post.write_text(post.read_text().replace(f"reference: {OLD}", f"reference: {NEW}"))
    assert build([inputs], out).ok
    assert (out / OLD).is_dir() and (out / NEW).is_dir()
    return post, out


def _rows(out: Path) -> dict[str, dict[str, str]]:
    rows = {r["reference"]: r for r in read_register(out / "register.csv")}
    assert rows == {r["reference"]: r for r in read_register(out / "register.xlsx")}
    return rows


def test_a_failed_build_after_the_new_reference_was_built_leaves_the_old_row_built(
        tmp_path: Path) -> None:
    post, out = _built_twice(tmp_path)
    post.write_text(post.read_text().replace("salary: 92000", 'salary: "£92,000"'))
    report = build([post.parent], out)
    assert [p.status for p in report.posts] == ["failed"]
    rows = _rows(out)
    assert set(rows) == {OLD, NEW}
    assert rows[OLD]["build"] == "built" and not rows[OLD].get("why")
    assert rows[NEW]["build"] == "failed"
    assert "the documents of its last successful build stand" in rows[NEW]["why"]
    assert "earlier reference" not in rows[NEW]["why"]
    [notice] = [n for n in report.notices if n.kind == "reference-changed"]
    assert notice.reference == OLD
    assert "its last successful build" not in notice.message
    assert "the documents of EWK-WSM-HR-01 and its register row are kept" in notice.message


def test_a_copy_of_the_renamed_post_leaves_both_rows_built(tmp_path: Path) -> None:
    """The tester's case: a copy of the renamed post, built with it by ``build .``."""
    post, out = _built_twice(tmp_path)
    copy = post.parent / "post-copy.yaml"
    copy.write_text(post.read_text().replace("salary: 92000", "salary: 94000"))
    report = build([post.parent], out)
    assert {p.source.name: p.status for p in report.posts} == {
        "post.yaml": "skipped", "post-copy.yaml": "failed"}
    rows = _rows(out)
    assert {r: rows[r]["build"] for r in rows} == {OLD: "built", NEW: "built"}
    assert not any("last successful build" in n.message for n in report.notices)
