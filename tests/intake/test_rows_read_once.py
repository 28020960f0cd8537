"""A workbook's folder of kept answers records the row each post was read from (``.rows``,
read and parsed in claims alone). The intake's build of another workbook asked
it again for every post that workbook built, and a failed row asked twice who built its
post (claims.other_owner, then claims.taken_from), for each time the register's failed
lines were made. The intake now reads each folder's record once for all its posts
(rows_record.Seen, kept for one call chain only), and who built a failed row's post once
(claims.builder). Each post's own build (publish/post.py, perhaps in another process)
asks for itself and is not counted here."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from intake_programme import run, set_cells, write_programme

import docgen.intake.run as intake_run
import docgen.publish.claims as claims
import docgen.publish.rows_record as rows_record
import docgen.publish.sources as sources

POSTS = 3


def _intake_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """From now on, each ``.rows`` file and each post folder's manifest (as claims reads
    it) the intake reads, by file: not while the batch builds the posts, save in the
    register's failed lines it asks the intake for."""
    reads: Counter[Path] = Counter()
    counting = [True]
    read_text, read_manifest, batch = Path.read_text, claims.read_manifest, intake_run.build

    def text(path: Path, *args: Any, **kwargs: Any) -> str:
        if counting[0] and path.name == rows_record.ROWS:
            reads[path] += 1
        return read_text(path, *args, **kwargs)

    def manifest(folder: Path) -> Any:
        if counting[0]:
            reads[folder] += 1
        return read_manifest(folder)

    def build(files: list[Path], out: Path,
              failed_register_rows: Callable[[Any], Any], **kwargs: Any) -> Any:
        def failures(built: Any) -> Any:
            counting[0] = True
            try:
                return failed_register_rows(built)
            finally:
                counting[0] = False

        counting[0] = False
        try:
            return batch(files, out, failed_register_rows=failures, **kwargs)
        finally:
            counting[0] = True

    monkeypatch.setattr(Path, "read_text", text)
    monkeypatch.setattr(claims, "read_manifest", manifest)
    monkeypatch.setattr(intake_run, "build", build)
    return reads


def _programme(tmp_path: Path) -> tuple[Path, Path, Path]:
    """programme.xlsx built, and a copy of it saved as programme v2.xlsx."""
    first = write_programme(tmp_path, POSTS).rename(tmp_path / "programme.xlsx")
    out = tmp_path / "out"
    code, text = run("build", str(first), "--out", str(out), "-q")
    assert code == 0, text
    return first, Path(shutil.copy(first, tmp_path / "programme v2.xlsx")), out


def test_the_old_workbooks_rows_are_read_once_for_all_its_posts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, copy, out = _programme(tmp_path)
    (tmp_path / "old").mkdir()
    first.rename(tmp_path / "old" / first.name)  # gone: the copy takes the posts over
    reads = _intake_reads(monkeypatch)
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0 and f"has taken over {POSTS} posts" in text, text
    assert reads[out / ".docgen-intake" / "programme" / rows_record.ROWS] == 1, reads


def test_a_failed_rows_post_is_asked_who_built_it_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows refused while the first workbook is in use: each post's manifest is read once
    before the build (whether another workbook's post is taken over) and once for its
    failed line in the register; the first workbook's rows once for each."""
    first, copy, out = _programme(tmp_path)
    set_cells(copy, {f"B{n}": f"Shared Head of Digital {n}" for n in range(2, POSTS + 2)})
    reads = _intake_reads(monkeypatch)
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and f"0 built, 0 unchanged, {POSTS} failed" in text, text
    assert reads[out / ".docgen-intake" / "programme" / rows_record.ROWS] == 2, reads
    for n in range(1, POSTS + 1):
        assert reads[out / f"EWK-{n:04d}"] == 2, reads


def test_a_copys_record_is_read_and_written_once_a_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy's own ``.rows`` (its rows, and the posts programme.xlsx keeps for it) was
    read four times before the build and again for the failed lines, and could be
    written twice: once now, with the marks that still hold and this build's."""
    _, copy, out = _programme(tmp_path)
    code, text = run("build", str(copy), "--out", str(out))  # both kept for it: marked
    assert code == 0 and f"0 built, {POSTS} unchanged" in text.splitlines()[-1], text
    set_cells(copy, {"D2": "lots", "B3": "Shared Head of Digital"})  # a cell error, a refusal
    record = out / ".docgen-intake" / copy.stem / rows_record.ROWS
    writes: Counter[Path] = Counter()
    atomic_write = sources.atomic_write

    def write(path: Path, data: bytes) -> None:
        writes[path] += 1
        atomic_write(path, data)

    monkeypatch.setattr(sources, "atomic_write", write)
    record.unlink()  # so it is written whatever it held
    reads = _intake_reads(monkeypatch)
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "1 unchanged, 2 failed" in text.splitlines()[-1], text
    assert (reads[record], writes[record]) == (1, 1), (reads, writes)


@pytest.mark.parametrize("damaged", [b"[]", b'{"rows": [1]}', b'"x"', b"null", b"\xff\xfe{"],
                         ids=["a-list", "rows-not-a-mapping", "a-string", "null", "not-utf-8"])
def test_a_damaged_record_reads_as_none(tmp_path: Path, damaged: bytes) -> None:
    """A ``.rows`` that is not the mapping docgen writes (edited, cut short, another
    encoding) is read as no record: the Posts sheet and no rows, never an error."""
    (tmp_path / rows_record.ROWS).write_bytes(damaged)
    assert rows_record.read_rows(tmp_path) == ("Posts", {})


def test_a_held_posts_manifest_is_read_once_before_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The posts programme.xlsx keeps for its copy (their marks recorded in the copy's
    ``.rows``): whether each mark still holds is told from the manifest just read to see
    who built the post, where claims.still_held read every held post's manifest again."""
    _, copy, out = _programme(tmp_path)
    code, text = run("build", str(copy), "--out", str(out))  # both kept for it: marked
    assert code == 0 and f"0 built, {POSTS} unchanged" in text.splitlines()[-1], text
    record = out / ".docgen-intake" / copy.stem / rows_record.ROWS
    assert len(rows_record.read_record(record.parent)[1]) == POSTS
    reads = _intake_reads(monkeypatch)
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0 and f"0 built, {POSTS} unchanged" in text.splitlines()[-1], text
    for n in range(1, POSTS + 1):
        assert reads[out / f"EWK-{n:04d}"] == 1, reads
    assert len(rows_record.read_record(record.parent)[1]) == POSTS  # the marks still hold
