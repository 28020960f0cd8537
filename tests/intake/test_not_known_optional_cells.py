"""``tbc`` typed in a Posts cell for an answer that may be left out (End date, Premium %)
said "docgen needs it to write the documents", which is untrue: as the answer file's check
now does (``answers.forms.leaving_out``), the cell offers filling it in or leaving the cell
blank, and says what blank means. A column docgen needs keeps "docgen needs it"
(tests/intake/test_not_known_cells.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run, set_cells, write_programme
from openpyxl import load_workbook

from docgen.intake.cells import CellError, from_cell
from docgen.intake.table import load_table


@pytest.mark.parametrize(("heading", "blank"), [
    ("End date", "for an open-ended arrangement"), ("Premium %", "for the default, 0")])
def test_tbc_in_an_optional_column_offers_leaving_the_cell_blank(heading: str,
                                                                 blank: str) -> None:
    with pytest.raises(CellError) as refused:
        from_cell(load_table().column(heading), "TBC")
    said = str(refused.value)
    assert "docgen needs it" not in said, said
    assert said.startswith("is not known yet (found 'TBC')"), said
    assert "fill it in, e.g. " in said and said.endswith(f"or leave the cell blank ({blank})")


def test_check_says_it_at_the_end_date_cell(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    set_cells(book, {"H1": "End date", "H2": "tbc"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!H2 (end date, post EWK-0001): is not known yet (found 'tbc'), "
            "and End date takes no tbc; fill it in, e.g. 2029-03-31, or leave the cell blank "
            "(for an open-ended arrangement)") in text, text
    assert "docgen needs it" not in text


def test_tbc_on_other_answers_for_an_optional_key_offers_deleting_the_row(
        tmp_path: Path) -> None:
    """On Other answers a key is left out by having no row: "leave end_date out" (the answer
    file's words) is said as deleting the row."""
    book = write_programme(tmp_path, 1)
    wb = load_workbook(book)
    sheet = wb.create_sheet("Other answers")
    sheet.append(["Reference", "Answer", "Value"])
    sheet.append(["EWK-0001", "post.end_date", "tbc"])
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!'Other answers'!C2 (post.end_date, post EWK-0001): is not known yet "
            "(found 'tbc')") in text, text
    assert ("fill it in, e.g. 2029-03-31 in the Value cell, or delete this row (leaving "
            "end_date out) for an open-ended arrangement") in text, text
    assert "docgen needs it" not in text
