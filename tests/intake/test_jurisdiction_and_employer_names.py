"""Small slips a programme officer makes (programme officer's review, item 7): "England &
Wales" for the jurisdiction is england_and_wales, and an employer typed as the
organisation's name is told the id it means."""

from __future__ import annotations

from pathlib import Path

from intake_programme import name_organisations, organisation_rows, run, write_programme
from openpyxl import load_workbook
from yaml_text import load_yaml


def _posts_column(book: Path, heading: str, values: dict[int, object]) -> None:
    wb = load_workbook(book)
    ws = wb["Posts"]
    col = ws.max_column + 1
    ws.cell(row=1, column=col, value=heading)
    for row, value in values.items():
        ws.cell(row=row, column=col, value=value)
    wb.save(book)


def test_england_ampersand_wales_is_england_and_wales(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    _posts_column(book, "Jurisdiction", {2: "England & Wales"})
    code, text = run("intake", "read", str(book))
    assert code == 0, text
    data = load_yaml((tmp_path / "EWK-0001.yaml").read_text(encoding="utf-8"))
    assert data["jurisdiction"] == "england_and_wales"


def test_an_employer_typed_as_its_name_is_told_the_id(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    rows = organisation_rows()
    rows[1][1] = "Harbridge City Council"  # westmere's legal name, for the test
    name_organisations(book, rows)
    _posts_column(book, "Employer", {2: "Harbridge City Council", 3: "Eastwick",
                                     4: "Harbridge city council."})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("(employer, post EWK-0001): 'Harbridge City Council' is not an organisation id; "
            "ids are lower case letters, digits and _, e.g. eastwick; did you mean westmere? "
            "It is the id of Harbridge City Council on the Organisations sheet: type the id"
            ) in text, text
    assert "post EWK-0002" not in text.split("checked EWK-0002")[0]
    [third] = [line for line in text.splitlines() if "(employer, post EWK-0003)" in line]
    assert "did you mean westmere?" in third, third
