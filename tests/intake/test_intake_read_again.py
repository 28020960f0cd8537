"""Reading a workbook again, as a programme team does after each round of edits: a row that
now fails keeps its earlier answer file and is never called removed, and the same warning on
20 posts is one line, while a note about one cell (a hidden row) is shown at that cell."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, write_programme
from intake_programme import set_cells as cells
from openpyxl import load_workbook


def test_a_row_failing_after_an_earlier_read_keeps_its_file_and_is_never_called_removed(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    posts = tmp_path / "posts"
    assert run("intake", "read", str(book), "--into", str(posts))[0] == 0
    before = (posts / "EWK-0002.yaml").read_bytes()
    cells(book, {"D3": "about 78k"})
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 1
    assert (f"FAILED row 3 (EWK-0002): not written; {posts / 'EWK-0002.yaml'} still holds the "
            "values read before") in text
    assert "no longer in" not in text  # before: "post EWK-0002 is no longer in posts.xlsx"
    assert (posts / "EWK-0002.yaml").read_bytes() == before
    assert text.splitlines()[-1].startswith("0 written, 0 updated, 2 unchanged, 0 kept "
                                            "(edited by hand), 1 failed")


def test_reading_many_rows_groups_the_rules_warnings_and_shows_cell_notes_in_full(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 20)
    wb = load_workbook(book)
    wb["Posts"].row_dimensions[4].hidden = True
    wb.save(book)
    code, text = run("intake", "read", str(book), "--into", str(tmp_path / "posts"))
    assert code == 0, text
    lines = text.splitlines()
    assert ("posts.xlsx!Posts!A4 (reference, post EWK-0003): warning: row 4 is hidden; it was "
            "read like the others (delete the row to leave the post out)") in lines
    # a warning no catalogued rule gives is grouped by its key, and the line names the key
    tbc = [line for line in lines if line.startswith("warning [TBC] on ")]
    assert tbc and all("postholder." in line for line in tbc)
    assert text.count("VATSC03540") == 0  # the acknowledged VAT warning: not 20 copies
    said = [line for line in lines if not line.startswith("wrote ")]
    assert len(said) < 10, text  # before: 3 or 4 lines of warnings for each of the 20 posts


def test_a_workbook_build_shows_each_hidden_row_at_its_cell(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 6)
    wb = load_workbook(book)
    for row in (3, 6):
        wb["Posts"].row_dimensions[row].hidden = True
    wb.save(book)
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 0, text
    for row, reference in ((3, "EWK-0002"), (6, "EWK-0005")):  # before: only the first named
        assert (f"posts.xlsx!Posts!A{row} (reference, post {reference}): warning: row {row} is "
                "hidden") in text
    assert "warning [HIDDEN]" not in text
    assert any(line.startswith("warning [GP023] on 6 posts") for line in text.splitlines())
