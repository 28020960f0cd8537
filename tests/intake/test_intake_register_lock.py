"""A workbook build writes its register once, inside the one hold of the output lock the
build takes: the rows that failed in the workbook (never made into answer files) and the
posts the build made are one register, and no other build can take the folder between
the documents and the register (it could, and the run then ended in an error after its
documents were written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from filelock import FileLock
from intake_programme import set_cells, write_programme, write_yaml

from docgen import read_register
from docgen.answers.folder_names import LOCK
from docgen.cli import cli
from docgen.intake import run as intake_run
from docgen.publish import batch


def _build(book: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", str(book), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def _rows(out: Path) -> dict[str, str]:
    """Each register row's last build, by reference (or Post), the CSV and the workbook
    agreeing."""
    rows = read_register(out / "register.csv")
    assert rows == read_register(out / "register.xlsx")
    return {r["reference"] or r["title"]: r["build"] for r in rows}


def test_a_build_taking_the_folder_after_the_documents_cannot_fail_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    set_cells(book, {"D3": "about 78k"})  # EWK-0002 fails in the workbook itself
    other = FileLock(out / LOCK, timeout=0)  # another build, started once this one's ends
    real = batch.build

    def then_another(*args: Any, **kwargs: Any) -> Any:
        report = real(*args, **kwargs)
        other.acquire()
        return report

    monkeypatch.setattr(intake_run, "build", then_another)
    try:
        code, text = _build(book, out)
    finally:
        other.release()
    assert "another docgen build" not in text
    assert code == 1  # the row with errors, and only that
    assert _rows(out) == {"EWK-0001": "built", "EWK-0002": "failed", "EWK-0003": "built"}


def test_the_output_lock_is_taken_once_for_documents_and_register(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    set_cells(book, {"A3": None, "E4": "eastwick: 50; westmere: 40"})  # no reference; 90%
    holds: list[Path] = []
    acquire = FileLock.acquire

    def counted(self: FileLock, *args: Any, **kwargs: Any) -> Any:
        holds.append(Path(self.lock_file))
        return acquire(self, *args, **kwargs)

    monkeypatch.setattr(FileLock, "acquire", counted)
    code, _ = _build(book, out)
    assert code == 1
    assert holds == [out / LOCK]
    assert _rows(out) == {"EWK-0001": "built", "EWK-0003": "failed",  # the 90%: in the build
                          "posts.xlsx row 3 (Shared Head of Service 2; reference not known)":
                          "failed"}


def test_the_build_api_takes_the_failed_rows_of_a_caller_and_writes_them_with_its_posts(
        tmp_path: Path) -> None:
    """``docgen.build(..., failed_register_rows=)``: a program that made the answer files
    from its own input gives the register's rows for what failed there; one register,
    written inside the build's lock. Without it, a build is as it was."""
    import docgen

    files = write_yaml(tmp_path, 2)
    out = tmp_path / "out"
    seen: list[list[str]] = []

    def mine(posts: list[Any]) -> list[dict[str, Any]]:
        seen.append([p.status for p in posts])
        return [{"reference": "EWK-0009", "title": "Shared Head of Service 9",
                 "source": "my-input row 9", "build": "failed", "why": "no salary given"}]

    report = docgen.build(files, out, failed_register_rows=mine)
    assert report.ok and seen == [["built", "built"]]
    assert _rows(out) == {"EWK-0001": "built", "EWK-0002": "built", "EWK-0009": "failed"}
    docgen.build(files, out, force=True)
    assert _rows(out) == {"EWK-0001": "built", "EWK-0002": "built"}
