"""A programme workbook (or a sheet saved as .csv) named to the library's ``build`` or
``check_files`` is a failed post that says what it is and what to do, as the command line
says; before, ``check_files`` said "not UTF-8 text" of an .xlsx and ``build`` gave a YAML
error for a .csv. Answer files named beside it are still built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen
from docgen import api

HR = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


@pytest.mark.parametrize("name", ["programme.xlsx", "Programme.XLSM", "posts.csv"])
@pytest.mark.parametrize("call", ["build", "check_files"])
def test_a_workbook_named_to_the_library_is_a_failed_post_saying_what_to_do(
        tmp_path: Path, name: str, call: str) -> None:
    book = tmp_path / name
    book.write_bytes(b"PK\x03\x04 not really a zip" if "xls" in name.lower() else b"a,b\n1,2\n")
    shutil.copy(HR, tmp_path / HR.name)
    paths = [book, tmp_path / HR.name]
    report = (docgen.build(paths, tmp_path / "out") if call == "build"
              else api.check_files(paths))
    failed, post = report.posts
    assert failed.status == "failed" and failed.source == book
    [problem] = failed.problems
    assert problem.file == book
    if name.endswith(".csv"):
        assert problem.message.startswith("a .csv file is not a programme workbook")
    else:
        assert problem.message == (
            "a programme workbook is not an answer file; build its rows with docgen build "
            f"{name}, or write them out as answer files with docgen intake read {name} and "
            "build those")
    assert post.reference == "EWK-WSM-HR-01"
    assert post.status == ("built" if call == "build" else "checked")


def test_a_workbook_alone_writes_nothing(tmp_path: Path) -> None:
    book = tmp_path / "programme.xlsx"
    book.write_bytes(b"PK\x03\x04")
    report = docgen.build([book], tmp_path / "out")
    assert [p.status for p in report.posts] == ["failed"] and not report.ok
    assert not (tmp_path / "out").exists()
