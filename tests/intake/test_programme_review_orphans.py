"""Rows of other sheets for a post (programme review C2): a Posts row whose reference is not a
safe file name (`EWK/WSM/M08`) owns its rows on the other sheets (they are not "no post has
the reference"), and the rows of a deleted post are said once per sheet and reference."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, write_programme
from openpyxl import load_workbook


def _book(tmp_path: Path, rows: list[str]) -> Path:
    """Three posts; the Responsibilities sheet gets a row for each reference in ``rows``."""
    book = write_programme(tmp_path, 3)
    wb = load_workbook(book)
    for i, reference in enumerate(rows):
        wb["Responsibilities"].append([reference, "shared", f"Extra duty {i}"])
    wb.save(book)
    return book


def test_rows_of_a_post_whose_reference_is_bad_are_not_called_unknown(tmp_path: Path) -> None:
    book = _book(tmp_path, ["EWK/WSM/M08"] * 23)
    wb = load_workbook(book)
    wb["Posts"]["A3"] = "EWK/WSM/M08"
    wb["Responsibilities"]["A3"] = "EWK/WSM/M08"  # its row that was EWK-0002's
    wb.save(book)
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*args)
        assert code == 1, text
        assert "no post in the Posts sheet has the reference" not in text, text
        error = "posts.xlsx!Posts!A3 (reference, post EWK/WSM/M08): 'EWK/WSM/M08' must be a safe "
        assert text.count("posts.xlsx!") == text.count("posts.xlsx!Posts!") and error in text, text
        assert ("; 24 rows on other sheets (Responsibilities rows 3 and 5-27) belong to this "
                "post and have this reference too: change them with it") in text, text
        assert "outside the posts' rows" not in text, text


def test_rows_of_a_deleted_post_are_said_once_per_sheet(tmp_path: Path) -> None:
    book = _book(tmp_path, ["EWK-0404"] * 3 + ["EWK-0001"] + ["EWK-0404"])
    code, text = run("check", str(book))
    assert code == 1, text
    lines = [line for line in text.splitlines() if "no post in the Posts sheet" in line]
    assert lines == ["posts.xlsx!Responsibilities!A5 (reference): no post in the Posts sheet has "
                     "the reference 'EWK-0404' (Responsibilities rows 5-7 and 9); give the "
                     "reference of the post these rows belong to"], text
    assert text.splitlines()[-1].endswith(
        "1 error in the workbook outside the posts' rows (listed first): "
        "posts.xlsx!Responsibilities!A5"), text
