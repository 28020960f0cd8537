"""What a check says about the workbook as a whole (audit: intake, finding 7).

A row of another sheet for no post failed the check (exit 1) under a summary of "10 posts,
0 with errors"; a row with no reference was headed "FAILED  (posts.xlsx row 9)"; a hidden
sheet was read without a word, though a hidden row or column gets a warning.
"""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, set_cells, write_programme
from openpyxl import load_workbook


def test_the_summary_counts_an_error_outside_the_posts_rows(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"A4": "EWK-0099", "B4": "shared", "C4": "An orphan"}, "Responsibilities")
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*args)
        assert code == 1, text
        error = ("posts.xlsx!Responsibilities!A4 (reference): no post in the Posts sheet has the "
                 "reference 'EWK-0099'")
        summary = ("; 1 error in the workbook outside the posts' rows (listed first): "
                   "posts.xlsx!Responsibilities!A4")
        assert error in text and summary in text, text
        assert text.index(error) < text.index(summary)
    assert "2 posts, 0 with errors" + summary in run("check", str(book))[1]


def test_a_row_with_no_reference_is_headed_so(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"A3": None})
    code, text = run("check", str(book))
    assert code == 1, text
    assert "FAILED (no reference) posts.xlsx row 3\n  posts.xlsx!Posts!A3 (reference): give the " \
        "post a reference" in text, text
    assert "FAILED  (" not in text


def test_a_hidden_sheet_is_read_with_a_warning(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    wb = load_workbook(book)
    wb["Responsibilities"].sheet_state = "hidden"
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("posts.xlsx!Responsibilities!A1: warning: the sheet 'Responsibilities' is hidden; "
            "docgen reads it like the others (hiding is not deleting): unhide it") in text, text
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0 and "Lead service 1" in (posts / "EWK-0001.yaml").read_text()
