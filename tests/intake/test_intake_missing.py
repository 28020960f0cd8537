"""An answer a workbook row gives nowhere is said in the workbook's terms: a column the
Posts sheet lacks once for the sheet, its heading as the sheet spells it; an empty cell by
its column heading and row; no YAML, no `docgen schema` (that advice is for answer files)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from intake_programme import run, set_cells, write_programme
from openpyxl import load_workbook

YAML_ADVICE = ("docgen schema", "add it, e.g.", "required here but missing")


def _without_salary_column(tmp_path: Path) -> Path:
    book = write_programme(tmp_path, 2)
    base = tmp_path / "_partners.yaml"
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    data["payment"].pop("salary", None)  # the base file gives no salary either
    base.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    wb = load_workbook(book)
    wb["Posts"].delete_cols(4)  # D: Salary
    wb.save(book)
    return book


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_missing_column_is_said_once_with_its_heading(tmp_path: Path, command: str) -> None:
    book = _without_salary_column(tmp_path)
    extra = ["--out", str(tmp_path / "out")] if command == "build" else []
    code, text = run(command, str(book), *extra)
    assert code == 1, text
    said = ("posts.xlsx!Posts!1:1 (Salary): the Posts sheet has no 'Salary' column, which 2 "
            "rows need (rows 2, 3); add a column headed 'Salary' to row 1 of the Posts sheet "
            "and give each post's salary in it, e.g. 92000 (or give it in each such row's "
            "Base file)")
    assert text.count(said) == 1, text
    for row in (2, 3):
        assert (f"posts.xlsx!Posts!A{row} (reference, post EWK-000{row - 1}): gives no Salary: "
                "the Posts sheet has no 'Salary' column; add the column (said once for "
                "the sheet, at posts.xlsx!Posts!1:1), or name a Base file that gives it") in text
    assert "'salary' column" not in text and "payment.salary" not in text
    assert not any(advice in text for advice in YAML_ADVICE), text


def test_a_row_with_only_a_reference_names_each_column_and_sheet(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    set_cells(book, {"A3": "EWK-0009"})
    code, text = run("check", str(book))
    assert code == 1, text
    failed = text[text.index("FAILED EWK-0009"):].splitlines()[1:]
    assert failed and not any(advice in text for advice in YAML_ADVICE), text
    assert "e.g. post: {" not in text
    assert ("  posts.xlsx!Posts!B3 (job title, post EWK-0009): this post gives no Post (The "
            "job being shared): fill in row 3's Job title, Start date cells, e.g. Job title: "
            "Shared Head of Human Resources") in failed
    assert ("  posts.xlsx!Posts!A3 (reference, post EWK-0009): gives no Employer: the Posts "
            "sheet has no 'Employer' column; add the column (said once for the sheet, at "
            "posts.xlsx!Posts!1:1), or name a Base file that gives it") in failed
    assert ("  posts.xlsx!Posts!D3 (salary, post EWK-0009): this post gives no Payment (Who "
            "pays what, and how): fill in row 3's Salary cell, e.g. Salary: 92000") in failed
    assert any("give it in the 'Other answers' sheet (a row with Reference EWK-0009, Answer "
               "review.trial_months, Value 12), or name a Base file that gives it" in line
               for line in failed), text
    for line in failed[:-1]:  # each names a column heading or a sheet (the last: summary)
        assert "cell" in line or "sheet" in line, line


def test_an_empty_cell_gives_one_example(tmp_path: Path) -> None:
    """The column's meaning is cut before its own "e.g.": it said "give the Salary (Annual
    base salary: write money as a number, e.g. 78000), e.g. 92000", two examples."""
    book = write_programme(tmp_path, 1)
    base = tmp_path / "_partners.yaml"
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    data["payment"].pop("salary", None)  # the base file gives no salary either
    base.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    set_cells(book, {"D2": None})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("  posts.xlsx!Posts!D2 (salary, post EWK-0001): the Salary cell of row 2 is empty; "
            "give the Salary (Annual base salary: write money as a number), e.g. 92000\n"
            ) in text, text
    assert text.count("e.g.") == 1, text
