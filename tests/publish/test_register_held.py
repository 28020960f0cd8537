"""A post the old workbook keeps for its copy: "programme v2.xlsx" (Save As) gave the same
answers as programme.xlsx, still in its folder, so its build left the post unchanged and
programme.xlsx's. When that row of the copy then fails, the register says so, as for an
answer file whose rebuild fails: the row is failed, with the row's errors, and says that
the documents of the last successful build stand (their figures), which are untouched. It
never shows the old, built row as if the copy's row had built. A row that now differs is
refused, as any row of the copy that differs is while programme.xlsx is in use: it did not
fail on errors of its own, and the register keeps programme.xlsx's row, as for a row that
never held the post. What held the post is recorded (``.rows``: ``held``), so a failed
row whose new answers were kept in place of the old ones gives the same register on every
build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from intake_programme import run, set_cells, write_programme

import docgen.publish.rows_record as rows_record
from docgen import read_register


def _rows(out: Path) -> dict[str, dict[str, object]]:
    """The register's workbook read back, by reference."""
    return {str(r["reference"]): r for r in read_register(out / "register.xlsx")}


def _builder(out: Path, reference: str) -> str:
    """The workbook folder of the kept answers that built a post's documents."""
    manifest = json.loads((out / reference / "manifest.json").read_text(encoding="utf-8"))
    return Path(manifest["answer_file"]["resolved"]).parent.name


def _held_copy(tmp_path: Path) -> tuple[Path, Path, Path]:
    """programme.xlsx built, then its copy built: both posts kept by programme.xlsx."""
    first = write_programme(tmp_path, 2).rename(tmp_path / "programme.xlsx")
    out = tmp_path / "out"
    code, text = run("build", str(first), "--out", str(out), "-q")
    assert code == 0, text
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0 and "0 built, 2 unchanged" in text.splitlines()[-1], text
    assert _builder(out, "EWK-0001") == "programme"  # kept by programme.xlsx
    return first, copy, out


@pytest.mark.parametrize("cells", [
    {"B2": "Shared Head of People", "D2": "lots"},  # a cell the intake cannot read
    {"D2": -5},  # a salary below nothing: kept as the row's answers, failed by the build
], ids=["a-cell-error", "an-error-the-build-finds"])
def test_a_held_posts_row_with_errors_is_failed_in_the_register(
        tmp_path: Path, cells: dict[str, object]) -> None:
    first, copy, out = _held_copy(tmp_path)
    before = _rows(out)["EWK-0001"]
    documents = {p.name: p.read_bytes() for p in (out / "EWK-0001").iterdir() if p.is_file()}
    set_cells(copy, cells)
    cell = "D2 (salary"
    for _ in range(2):  # and again: the same answer from the same inputs
        code, text = run("build", str(copy), "--out", str(out))
        assert code == 1 and f"programme v2.xlsx!Posts!{cell}, post EWK-0001)" in text, text
        rows = _rows(out)
        assert (rows["EWK-0001"]["build"], rows["EWK-0002"]["build"]) == ("failed", "built")
        why = str(rows["EWK-0001"]["why"])
        assert why.startswith(f"programme v2.xlsx!Posts!{cell}, post EWK-0001)"), why
        assert "the documents of its last successful build stand" in why, why
        # the figures of the documents that stand, not the failed row's
        assert rows["EWK-0001"]["title"] == before["title"] == "Shared Head of Service 1"
        assert rows["EWK-0001"]["cost_base"] == before["cost_base"]
        assert len(rows) == 2
    assert {p.name: p.read_bytes() for p in (out / "EWK-0001").iterdir()
            if p.is_file()} == documents  # the documents are untouched
    assert _builder(out, "EWK-0001") == "programme"
    # programme.xlsx, whose post it still is, builds it as it stands: built again
    code, text = run("build", str(first), "--out", str(out))
    assert code == 0 and "0 built, 2 unchanged" in text.splitlines()[-1], text
    assert _rows(out)["EWK-0001"]["build"] == "built"


def test_a_held_posts_row_refused_for_differing_leaves_the_old_workbooks_row(
        tmp_path: Path) -> None:
    """The row now differs (refused while programme.xlsx is in use): it did not fail on
    errors of its own, so the register keeps programme.xlsx's row, built, as for a row that
    never held the post, on every build of either workbook alike (it does not follow
    whichever was built last)."""
    first, copy, out = _held_copy(tmp_path)
    set_cells(copy, {"B2": "Shared Head of People"})
    for book in (copy, copy, first, copy):
        code, text = run("build", str(book), "--out", str(out))
        if book == copy:
            assert code == 1 and "holds the documents built from programme.xlsx" in text, text
        rows = _rows(out)
        assert (rows["EWK-0001"]["build"], rows["EWK-0002"]["build"]) == ("built", "built")
        assert rows["EWK-0001"]["title"] == "Shared Head of Service 1"
        assert not rows["EWK-0001"].get("why"), rows["EWK-0001"]
        assert len(rows) == 2
    assert _builder(out, "EWK-0001") == "programme"


def test_a_post_the_old_workbook_built_again_is_no_longer_held(tmp_path: Path) -> None:
    """programme.xlsx rebuilt the post with answers of its own since: the copy's row no
    longer holds it, and a failure of that row leaves programme.xlsx's row built (the row
    of a copy that never held the post does: test_programme_review_saved_as.py)."""
    first, copy, out = _held_copy(tmp_path)
    set_cells(first, {"B2": "Shared Head of Data"})
    code, text = run("build", str(first), "--out", str(out))
    assert code == 0 and "1 built, 1 unchanged" in text.splitlines()[-1], text
    set_cells(copy, {"D2": "lots"})
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "programme v2.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    rows = _rows(out)
    assert (rows["EWK-0001"]["build"], rows["EWK-0002"]["build"]) == ("built", "built")
    assert rows["EWK-0001"]["title"] == "Shared Head of Data"


def _marks(out: Path, book: Path) -> dict[str, str]:
    """The posts recorded as held for a workbook (its ``.rows``: ``held``)."""
    return rows_record.read_record(out / ".docgen-intake" / book.stem)[1]


def _sha(out: Path, reference: str) -> str:
    """The sha256 of the answers a post's documents were built from (its manifest's)."""
    manifest = json.loads((out / reference / "manifest.json").read_text(encoding="utf-8"))
    return str(manifest["answer_file"]["sha256"])


def test_a_removed_rows_mark_is_dropped(tmp_path: Path) -> None:
    """The row leaves the copy, then comes back with an error the build finds: it has not
    given programme.xlsx's answers since, so programme.xlsx's row stays (a stale mark
    would show the post failed)."""
    _, copy, out = _held_copy(tmp_path)
    assert set(_marks(out, copy)) == {"EWK-0001", "EWK-0002"}
    set_cells(copy, {"A2": "EWK-0003"})
    set_cells(copy, {"A2": "EWK-0003"}, sheet="Responsibilities")
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0, text
    assert set(_marks(out, copy)) == {"EWK-0002"}
    set_cells(copy, {"A2": "EWK-0001", "D2": -5})
    set_cells(copy, {"A2": "EWK-0001"}, sheet="Responsibilities")
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "programme v2.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    rows = _rows(out)
    assert (rows["EWK-0001"]["build"], rows["EWK-0001"]["title"]) == (
        "built", "Shared Head of Service 1")


def test_a_mark_of_a_post_taken_with_force_is_dropped(tmp_path: Path) -> None:
    """The copy takes the posts with --force (the mark no longer names another workbook's
    documents); programme.xlsx takes them back with --force, the same answers, the same
    hash: the copy's row failing later leaves programme.xlsx's row."""
    first, copy, out = _held_copy(tmp_path)
    for book, force in ((copy, ["--force"]), (copy, []), (first, ["--force"])):
        code, text = run("build", str(book), "--out", str(out), *force)
        assert code == 0, text
    assert _marks(out, copy) == {}
    assert _builder(out, "EWK-0001") == "programme"
    set_cells(copy, {"D2": -5})
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "programme v2.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    assert _rows(out)["EWK-0001"]["build"] == "built"


def test_a_deleted_post_folders_mark_is_dropped(tmp_path: Path) -> None:
    _, copy, out = _held_copy(tmp_path)
    shutil.rmtree(out / "EWK-0001")
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0 and "1 built, 1 unchanged" in text.splitlines()[-1], text
    assert set(_marks(out, copy)) == {"EWK-0002"}


def test_the_mark_is_the_hash_the_documents_were_built_from(tmp_path: Path) -> None:
    """programme.xlsx's new answers failed the build (kept, but the documents are still the
    old answers'); the copy gives those answers alike, so the post stays programme.xlsx's:
    the mark is the manifest's hash (the documents'), not the kept file's, so the copy's
    row failing later with an error of its own is the post's failure."""
    first, copy, out = _held_copy(tmp_path)
    documents = _sha(out, "EWK-0001")
    for book in (first, copy):
        set_cells(book, {"D2": -5})
        code, text = run("build", str(book), "--out", str(out))
        assert code == 1, text
    assert _marks(out, copy)["EWK-0001"] == documents == _sha(out, "EWK-0001")
    set_cells(copy, {"D2": -6})
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "programme v2.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    rows = _rows(out)
    assert rows["EWK-0001"]["build"] == "failed"
    assert "the documents of its last successful build stand" in str(rows["EWK-0001"]["why"])
