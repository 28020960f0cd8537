"""Percent cells can never read 100× too small without a warning (programme officer's
review, item 1). The template's Premium % and Percent cells are real percentages
(13.9% is stored as 0.139 and read as 13.9); a workbook of an older version, whose format
only printed a % sign, is still read as it shows, and any percentage below 1 is warned
about whatever the cell's format (Excel may store "15%" typed there as 0.15)."""

from __future__ import annotations

from pathlib import Path

import yaml
from intake_programme import run, write_programme, write_yaml
from openpyxl import load_workbook
from yaml_text import load_yaml

from docgen.intake.sheets import OLD_PERCENT_FORMAT
from docgen.intake.sheets_read import percent_sign


def _premium(book: Path, cells: dict[int, tuple[object, str]]) -> None:
    wb = load_workbook(book)
    ws = wb["Posts"]
    col = ws.max_column + 1
    ws.cell(row=1, column=col, value="Premium %")
    for row, (value, fmt) in cells.items():
        ws.cell(row=row, column=col, value=value).number_format = fmt
    wb.save(book)


def test_the_template_formats_percent_cells_as_real_percentages(tmp_path: Path) -> None:
    book = tmp_path / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    heads = [c.value for c in wb["Posts"][1]]
    premium = wb["Posts"].cell(row=5, column=heads.index("Premium %") + 1)
    assert percent_sign(premium.number_format) == "times100"
    assert percent_sign(wb["On-costs"]["C5"].number_format) == "times100"


def test_fifteen_percent_typed_is_fifteen_and_a_fraction_is_warned_in_any_format(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 4)
    _premium(book, {2: (0.15, "0.0##%"),             # 15% typed in the template's cell
                    3: (0.15, OLD_PERCENT_FORMAT),   # 15% typed in an older workbook's cell
                    4: (15, OLD_PERCENT_FORMAT),     # 15 typed there: still 15
                    5: (0.0015, "0.0##%")})          # 0.15% shown: below 1 all the same
    code, text = run("check", str(book))
    assert code == 0, text
    assert "Posts!H2" not in text and "Posts!H4" not in text, text
    assert ("posts.xlsx!Posts!H3 (premium %, post EWK-0002): warning: 0.15 is read as 0.15 %; "
            "if you meant 15 %, write 15") in text, text
    assert "Posts!H5 (premium %, post EWK-0004): warning: 0.15 is read as 0.15 %" in text, text
    code, text = run("intake", "read", str(book))
    assert code == 0, text
    read = {i: load_yaml((tmp_path / f"EWK-000{i}.yaml").read_text())["payment"]
            ["premium_percent"] for i in (1, 2, 3, 4)}
    assert read == {1: 15, 2: 0.15, 3: 15, 4: 0.15}


def test_a_percentage_written_into_the_workbook_reads_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    files = write_yaml(folder, 1)
    data = load_yaml(files[0].read_text())
    data["payment"]["premium_percent"] = 13.9
    files[0].write_text(yaml.safe_dump(data), encoding="utf-8")
    book = tmp_path / "book.xlsx"
    code, text = run("intake", "write", str(folder), str(book))
    assert code == 0, text
    ws = load_workbook(book)["Posts"]
    heads = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=heads.index("Premium %") + 1)
    assert cell.value == 0.139 and percent_sign(cell.number_format) == "times100"
    back = tmp_path / "back"
    back.mkdir()
    code, text = run("intake", "read", str(book), "--into", str(back))
    assert code == 0, text
    assert load_yaml((back / "EWK-0001.yaml").read_text())["payment"]["premium_percent"] == 13.9


def test_fifteen_stored_in_a_percent_cell_is_said_as_the_cell_shows_it(tmp_path: Path) -> None:
    """15 typed into a percent cell where the program does not add the % (or written by a
    script) shows 1500%: said at the cell with what to type, never 'premium_percent: 8'."""
    book = write_programme(tmp_path, 1)
    _premium(book, {2: (15, "0.0##%")})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!H2 (premium %, post EWK-0001): the cell shows 1500%, more than "
            "100%; if you meant 15%, type 15% (with the % sign)") in text, text
    assert "premium_percent: 8" not in text
