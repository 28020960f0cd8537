"""Sheets as a whole (audit, intake 3, 4, 5, 7, 10): a misnamed sheet, hidden rows on every
sheet, formula errors, and bounds checked before the workbook is loaded."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from intake_programme import run, write_programme
from openpyxl import load_workbook
from openpyxl.styles import Font

from docgen.intake import sheets_read
from docgen.intake.table import MAX_ROWS


def with_on_costs(tmp_path: Path) -> Path:
    book = write_programme(tmp_path, 2)
    wb = load_workbook(book)
    ws = wb.create_sheet("On-costs")
    ws.append(["Reference", "On-cost", "Percent"])
    ws.append(["EWK-0001", "Employer pension contribution", 20.6])
    ws.append(["EWK-0001", "Old levy (no longer applies)", 0.5])
    wb.save(book)
    return book


@pytest.mark.parametrize(("title", "meant"), [
    ("On costs", "On-costs"), ("Oncosts", "On-costs"), ("On-cost", "On-costs"),
    ("Other Answer", "Other answers"), ("Objectves", "Objectives"),
])
def test_a_misspelt_sheet_is_refused_with_the_name_it_should_have(tmp_path, title, meant):
    book = with_on_costs(tmp_path)
    wb = load_workbook(book)
    if meant != "On-costs":
        wb.create_sheet(title).append(["Reference", "x"])
    else:
        wb["On-costs"].title = title
    wb.save(book)
    for command in (["check", str(book)], ["build", str(book), "--out", str(tmp_path / "o")]):
        code, text = run(*command)
        assert code == 1, text
        assert f"docgen does not read a sheet named '{title}'; did you mean '{meant}'?" in text
    assert not (tmp_path / "o" / "EWK-0001").exists()


def test_a_sheet_docgen_does_not_read_is_named_in_a_warning(tmp_path):
    book = with_on_costs(tmp_path)
    wb = load_workbook(book)
    wb.create_sheet("Lookups")["A1"] = "Gwynedd"
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "posts.xlsx!Lookups!A1: warning: docgen does not read the sheet 'Lookups'" in text
    # beside the sheet it resembles: a warning that names it
    wb = load_workbook(book)
    wb.create_sheet("Responsibilites").append(["Reference", "For", "Responsibility"])
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("docgen does not read the sheet 'Responsibilites', so nothing on it reaches the "
            "documents; did you mean 'Responsibilities'?") in text


def test_a_renamed_posts_sheet_names_the_sheets_found(tmp_path):
    book = write_programme(tmp_path, 1)
    wb = load_workbook(book)
    wb["Posts"].title = "Posts 2027"
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1
    assert "did you mean 'Posts'? Rename the sheet to 'Posts'" in text, text


def test_hidden_rows_on_every_sheet_are_reported(tmp_path):
    book = with_on_costs(tmp_path)
    wb = load_workbook(book)
    wb["On-costs"].row_dimensions[3].hidden = True
    wb["Responsibilities"].row_dimensions[2].hidden = True
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "posts.xlsx!'On-costs'!A3 (reference, post EWK-0001): warning: row 3 is hidden" in text
    assert ("posts.xlsx!Responsibilities!A2 (reference, post EWK-0001): warning: row 2 is "
            "hidden") in text


def _with_error(book: Path, sheet_xml_has: bytes, cell: str, code: str) -> None:
    """Make ``cell`` a formula whose saved result is ``code`` (as Excel saves #N/A)."""
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/") and sheet_xml_has in parts[n])
    body = parts[name].decode()
    start = body.index(f'<c r="{cell}"')
    end = body.index("</c>", start) + 4
    body = body[:start] + (f'<c r="{cell}" t="e"><f>VLOOKUP(A2,Staff!A:B,2,FALSE)</f>'
                           f"<v>{code}</v></c>") + body[end:]
    parts[name] = body.encode()
    with zipfile.ZipFile(book, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)


@pytest.mark.parametrize("code", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!",
                                  "#NUM!"])
def test_a_formula_whose_result_is_an_excel_error_fails_its_row_at_the_cell(tmp_path, code):
    book = write_programme(tmp_path, 2)
    _with_error(book, b"Shared Head of Service", "F2", code)  # Post-holder
    out = tmp_path / "out"
    for command in (["check", str(book)], ["build", str(book), "--out", str(out), "-q"]):
        exit_code, text = run(*command)
        assert exit_code == 1
        assert (f"posts.xlsx!Posts!F2 (post-holder, post EWK-0001): this cell's formula gives "
                f"an error ({code})") in text, text
    assert not (out / "EWK-0001").exists() and (out / "EWK-0002").is_dir()


def test_formatting_far_below_the_data_is_not_a_row(tmp_path):
    book = with_on_costs(tmp_path)
    wb = load_workbook(book)
    wb["Posts"].cell(row=6000, column=3).font = Font(bold=True)
    wb["On-costs"].cell(row=9000, column=2).number_format = "0.0"
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "2 posts, 0 with errors" in text


def test_a_large_sheet_docgen_does_not_read_is_never_loaded(tmp_path):
    """A 1,000,000-cell sheet beside the posts: read in well under the seconds a full load
    took (28 s and 1.2 GB in the audit for 3,000,000 cells)."""
    book = write_programme(tmp_path, 2)
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in
                                             ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"))
                   + "</row>" for r in range(1, 100_001))
    data = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/workbook.xml":
                body = body.replace(b"</sheets>", (
                    b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships" name="Data" sheetId="99" r:id="rId99"/></sheets>'))
            elif item.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", (
                    b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/'
                    b'sheet99.xml"/></Relationships>'))
            elif item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", (
                    b'<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
            z.writestr(item, body)
        z.writestr("xl/worksheets/sheet99.xml", '<worksheet xmlns="http://schemas.openxml'
                   'formats.org/spreadsheetml/2006/main"><sheetData>' + rows +
                   "</sheetData></worksheet>")
    book.write_bytes(data.getvalue())
    started = time.monotonic()
    code, text = run("check", str(book))
    took = time.monotonic() - started
    assert code == 0, text
    assert "docgen does not read the sheet 'Data'" in text
    assert took < 4, took  # a full load of that sheet alone takes about 10 s


def test_too_many_rows_on_a_sheet_of_facts_is_refused_before_loading(tmp_path):
    book = write_programme(tmp_path, 1)
    wb = load_workbook(book)
    ws = wb["Responsibilities"]
    for i in range(MAX_ROWS + 5):
        ws.append(["EWK-0001", "shared", f"duty {i}"])
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1
    assert f"the Responsibilities sheet holds values in more than {MAX_ROWS:,} rows" in text
    assert f"posts.xlsx!Responsibilities!A{MAX_ROWS + 2}: " in text  # the first row too many


def test_too_many_cells_on_a_sheet_is_not_called_too_many_rows(tmp_path, monkeypatch):
    """A sheet wide enough to reach the cap on cells before the cap on rows was told it
    held "more than 5,000 rows", with the count of cells read ("counted 300,061 cells
    before stopping"): untrue, and not a count an officer can act on."""
    book = write_programme(tmp_path, 3)
    monkeypatch.setattr(sheets_read, "MAX_CELLS", 20)  # the Posts sheet holds 27
    code, text = run("check", str(book))
    assert code == 1
    assert "the Posts sheet holds more than 20 cells with values (in " in text, text
    assert "rows below its headings" not in text and "before stopping" not in text
