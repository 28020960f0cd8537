"""An organisation id typed with a capital on the Organisations sheet (audit: intake,
finding 2).

The Posts sheet read ``North`` as north, but the Organisations sheet kept ``North``: every
post that named it failed with "there is no organisation 'north'; add a row for it",
though the row was there. Both sheets now read an id the same way; an id that is no id
at all is refused at its own cell.
"""

from __future__ import annotations

from pathlib import Path

from docx_read import full_text
from intake_programme import name_organisations, organisation_rows, run, write_programme


def test_an_id_with_a_capital_on_the_organisations_sheet_is_that_id(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    rows = organisation_rows()
    rows[0][0], rows[1][0] = "Eastwick", " WESTMERE "
    name_organisations(book, rows)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "there is no organisation" not in text
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    agreement = full_text(out / "EWK-0001" / "EWK-0001-agreement.docx")
    assert "London Borough of Eastwick" in agreement and "Royal Borough of Westmere" in agreement


def test_an_id_that_is_no_id_is_refused_at_its_own_cell(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    rows = organisation_rows()
    rows[1][0] = "Royal Westmere"
    name_organisations(book, rows)
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Organisations!A3 (id): 'Royal Westmere' is not an organisation id; "
            "ids are lower case letters, digits and _, e.g. eastwick") in text, text
    assert "has details but no id" not in text
    assert ("posts.xlsx!Posts!H2 (partners, post EWK-0001): there is no organisation "
            "'westmere'; the Organisations sheet has an id that cannot be read, 'Royal "
            "Westmere' (Organisations!A3): if that row is westmere, write its id as westmere; "
            "otherwise add a row for it (or check the spelling)") in text


def test_one_id_in_two_cases_is_given_twice(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    rows = organisation_rows()
    name_organisations(book, [*rows, ["EASTWICK", *rows[0][1:]]])
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Organisations!A4 (id): organisation 'eastwick' is given twice (first "
            "in row 2); keep one row per id") in text
