"""A workbook as a programme team fills it in (audit of the intake): dates and money typed as
text ("1 April 2027", "£52,000"), shares with a % sign, headings typed in their own case or
with a unit, a column renamed. Each read back from the answer files or the documents."""

from __future__ import annotations

import json
from pathlib import Path

from docx_read import full_text
from intake_programme import run, write_programme
from intake_programme import set_cells as cells
from openpyxl import load_workbook
from yaml_text import load_yaml

from docgen.intake.sheets_read import headings
from docgen.intake.table import load_table
from docgen.intake.typed import folded


def answers(folder: Path, reference: str) -> dict:
    return load_yaml((folder / f"{reference}.yaml").read_text(encoding="utf-8"))


def test_dates_money_and_shares_typed_as_text_reach_the_documents(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    cells(book, {"C2": "1 April 2027", "D2": "£52,000", "C3": "15/05/2027", "D3": "61,250.50",
                 "C4": "2nd Sept 2027", "E4": "eastwick: 60%; westmere: 40%"})
    posts, out = tmp_path / "posts", tmp_path / "out"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    one, two, three = (answers(posts, f"EWK-000{i}") for i in (1, 2, 3))
    assert (str(one["post"]["start_date"]), one["payment"]["salary"]) == ("2027-04-01", 52000)
    assert (str(two["post"]["start_date"]), two["payment"]["salary"]) == ("2027-05-15", 61250.5)
    assert str(three["post"]["start_date"]) == "2027-09-02"
    assert three["time_split"]["shares"] == {"eastwick": 60, "westmere": 40}
    code, text = run("build", str(book), "--out", str(out))
    assert code == 0, text
    contract = full_text(out / "EWK-0001" / "EWK-0001-contract.docx")
    assert "£52,000.00" in contract and "1 April 2027" in contract
    contract = full_text(out / "EWK-0002" / "EWK-0002-contract.docx")
    assert "£61,250.50" in contract and "15 May 2027" in contract
    agreement = full_text(out / "EWK-0003" / "EWK-0003-agreement.docx")
    assert "60%" in agreement and "40%" in agreement and "2 September 2027" in agreement


def test_text_that_is_no_date_or_amount_fails_at_its_cell_showing_the_forms(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    cells(book, {"C2": "31/02/2027", "D3": "52k", "D4": "£52.000,00"})
    code, text = run("check", str(book))
    assert code == 1
    assert ("posts.xlsx!Posts!C2 (start date, post EWK-0001): '31/02/2027' is not a date; write "
            "a date, e.g. 2027-04-01, 1 April 2027 or 01/04/2027 (day first)") in text
    assert ("posts.xlsx!Posts!D3 (salary, post EWK-0002): write money as a number, e.g. 92000 "
            "(found '52k')") in text
    assert "posts.xlsx!Posts!D4 (salary, post EWK-0003): write money as a number" in text


def test_a_heading_in_another_case_or_with_a_unit_is_read_as_docgen_s(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    cells(book, {"B1": "Job Title", "D1": "Salary (£)", "E1": "time split ", "H1": "Budget code",
                 "H2": "BC-17"})
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    one = answers(posts, "EWK-0001")
    assert one["post"]["title"] == "Shared Head of Service 1"  # not the base file's title
    assert one["payment"]["salary"] == 60250
    assert one["time_split"]["shares"] == {"eastwick": 41, "westmere": 59}
    # a column of the team's own stays theirs: named in a warning, never read
    assert ("posts.xlsx!Posts!H1 (budget code): warning: docgen does not read a column headed "
            "'Budget code'") in text
    assert "Job Title" not in text and "Salary (£)" not in text


def test_a_renamed_column_holding_values_is_refused_with_the_heading_it_should_have(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    cells(book, {"D1": "Annual salary"})  # read without it, both posts take the base's salary
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 1
    assert ("posts.xlsx!Posts!D1: docgen does not read a column headed 'Annual salary'; did you "
            "mean 'Salary'? Rename the heading to 'Salary' (its values, from row 2, would "
            "otherwise be left out of the documents)") in text
    assert not posts.exists() or list(posts.iterdir()) == []
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 1 and "did you mean 'Salary'?" in text
    assert not (tmp_path / "out" / "EWK-0001").exists()
    cells(book, {"D2": None, "D3": None})  # the renamed column empty: nothing is lost
    code, text = run("check", str(book))
    assert code == 0 and "warning: docgen does not read a column headed 'Annual salary'" in text


def test_an_organisation_id_typed_with_capitals_is_that_id(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    cells(book, {"E2": "Eastwick: 55; WESTMERE: 45"})  # as a name is typed
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    assert answers(posts, "EWK-0001")["time_split"]["shares"] == {"eastwick": 55, "westmere": 45}
    cells(book, {"E2": "East wick: 55; westmere: 45"})  # no id whatever the case: at its cell
    code, text = run("check", str(book))
    assert code == 1 and ("posts.xlsx!Posts!E2 (time split, post EWK-0001): 'East wick' is not "
                          "an organisation id") in text


def test_a_choice_typed_in_words_is_the_choice_it_names(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    cells(book, {"H1": "Status", "H2": "Draft", "I1": "Jurisdiction", "I2": "England and Wales",
                 "I3": "Englnd"})
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 1
    one = answers(posts, "EWK-0001")  # the row's own answers: the base file's are apart
    assert (one["status"], one["jurisdiction"]) == ("draft", "england_and_wales")
    assert ("posts.xlsx!Posts!I3 (jurisdiction, post EWK-0002): 'Englnd' is not one of the "
            "choices; choose one of england_and_wales, england, wales, scotland, "
            "northern_ireland") in text


def test_a_figure_worked_out_in_excel_is_read_as_the_cell_shows_it(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    uplifted = 60000 * 1.035  # =60000*1.035 holds 62099.99999999999 and shows £62,100.00
    assert uplifted != 62100
    cells(book, {"D2": uplifted, "D3": 61250.505, "H1": "Premium %", "H2": 0.1 + 0.2})
    wb = load_workbook(book)
    wb["Posts"]["H2"].number_format = "0%"  # shows 30%
    wb.save(book)
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out))
    assert code == 1  # the salary typed with a tenth of a penny is still refused
    assert ("posts.xlsx!Posts!D3 (salary, post EWK-0002): has more than 2 decimal places "
            "(found 61250.505); round it to pence") in text
    assert "62099.99" not in text and "30.000000" not in text
    contract = full_text(out / "EWK-0001" / "EWK-0001-contract.docx")
    assert "£62,100.00" in contract and "30%" in contract


def test_a_merged_heading_or_note_that_loses_nothing_is_read(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 4)
    wb = load_workbook(book)
    ws = wb["Posts"]
    ws.insert_cols(2)  # an empty column beside Reference, its heading merged into Reference's
    ws.merge_cells("A1:B1")
    ws["J1"], ws["J2"] = "Board notes", "Agreed at the March board"
    ws.merge_cells("J2:J5")  # one note for four posts, in a column docgen does not read
    wb.save(book)
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    assert answers(posts, "EWK-0004")["payment"]["salary"] == 61000
    wb = load_workbook(book)
    wb["Posts"]["B3"] = "EWK-0002-B"  # a value under the merged heading: no heading names it
    wb.save(book)
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 1
    assert ("posts.xlsx!Posts!A1: the heading 'Reference' is merged across A1:B1, and B3 under "
            "it holds a value that no heading names") in text
    wb = load_workbook(book)
    wb["Posts"]["B3"] = None
    wb["Posts"].merge_cells("F2:F3")  # two posts' salaries in one cell: refused, as before
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1 and "posts.xlsx!Posts!F2: cells F2:F3 are merged; unmerge them" in text


def test_a_row_whose_base_file_was_left_empty_says_so_at_that_cell(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    cells(book, {"G3": None})  # EWK-0002's Base file, left empty when the row was copied
    slip = ("posts.xlsx!Posts!G3 (base file, post EWK-0002): warning: the Base file is empty, "
            "while 2 other rows name _partners.yaml; give it here if this post shares their "
            "standing answers")
    code, text = run("check", str(book))
    assert code == 1
    failed = text[text.index("FAILED EWK-0002"):].splitlines()
    assert failed[1].startswith("  " + slip)  # before the post's twenty "required" errors
    assert "the Posts sheet has no 'Legal basis' column" in text
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 1 and slip in text
    assert not (tmp_path / "out" / "EWK-0002").exists()
    cells(book, {"G2": None, "G4": None})  # no row names one: nothing to point at
    assert "the Base file is empty" not in run("check", str(book))[1]


def test_headings_and_choices_stay_apart_when_read_the_way_people_type_them() -> None:
    """A heading or choice is read case, spaces and punctuation aside: no two of one sheet
    (or one column) may then be the same, or a cell could be read as the wrong one."""
    for sheet, heads in headings().items():
        assert len({folded(h) for h in heads}) == len(heads), sheet
    table = load_table()
    for column in [*table.posts, *table.organisations.columns,
                   *(c for s in table.sheets for c in s.columns)]:
        assert len({folded(c) for c in column.choices}) == len(column.choices), column.heading


def test_values_in_a_column_with_no_heading_are_named_in_a_warning(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    cells(book, {"J3": "Band 8b", "J2": None})  # a column added, its heading never typed
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 0, text  # left out, as before: no heading says what the values are
    assert ("posts.xlsx!Posts!J1: warning: column J holds values (the first in J3) but no "
            "heading in row 1, so docgen reads none of them") in text


def test_a_key_the_row_gives_nowhere_names_the_column_the_sheet_lacks(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)  # a post-holder, and no Consulted on column
    code, text = run("check", str(book))
    assert code == 0
    assert ("posts.xlsx!Posts!A2 (postholder.consulted_on; the Posts sheet has no 'Consulted "
            "on' column, post EWK-0001): warning: is not known yet") in text


def test_a_hidden_column_that_docgen_reads_is_named(tmp_path: Path) -> None:
    """A hidden row was named; a hidden column was read without a word, though a team may
    hide a column thinking it is left out (its values still reach the documents)."""
    book = write_programme(tmp_path, 2)
    wb = load_workbook(book)
    wb["Posts"].column_dimensions["D"].hidden = True  # Salary
    wb["Posts"].column_dimensions["H"].hidden = True  # nothing in it: nothing to say
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    said = " ".join(text.split())
    assert ("posts.xlsx!Posts!D1: warning: column D (Salary) is hidden; docgen reads it like "
            "the others (hiding is not deleting)") in said, said
    assert "column H" not in said


def test_what_the_workbook_says_as_a_whole_is_a_json_record_like_the_others(
        tmp_path: Path) -> None:
    """``--json`` ended with a bare ``{"workbook": [...]}``, with no source or status, so a
    program reading the documented records broke on it; it is a notice record now."""
    book = write_programme(tmp_path, 1)
    cells(book, {"H1": "Budget code", "H2": "BC-17"})
    code, text = run("check", str(book), "--json")
    assert code == 0, text
    records = json.loads(text)
    assert all({"source", "reference", "status", "problems"} <= set(r) for r in records)
    [whole] = [r for r in records if r.get("kind") == "workbook"]
    assert (whole["status"], whole["source"]) == ("notice", str(book))
    [problem] = whole["problems"]
    assert problem["cell"] == "posts.xlsx!Posts!H1" and problem["severity"] == "warning"
    assert "docgen does not read a column headed 'Budget code'" in problem["message"]
