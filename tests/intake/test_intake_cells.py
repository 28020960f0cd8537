"""Cells read as the person sees them (audit, intake 2, 5, 12, 14): percentages typed the
Excel way, formula errors, '#' in a value, small numbers in a date column."""

from __future__ import annotations

import re
from pathlib import Path

from docx_read import full_text
from intake_programme import run, write_programme
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from yaml_text import load_yaml


def set_posts(book: Path, row: int, heading: str, value: object, fmt: str | None = None) -> None:
    """Set one Posts cell by heading (adding the column when the workbook has none)."""
    wb = load_workbook(book)
    ws = wb["Posts"]
    heads = [c.value for c in ws[1]]
    if heading not in heads:
        ws.cell(row=1, column=len(heads) + 1, value=heading)
        heads.append(heading)
    cell = ws.cell(row=row, column=heads.index(heading) + 1, value=value)
    if fmt:
        cell.number_format = fmt
    wb.save(book)


def add_sheet_rows(book: Path, sheet: str, heads: list[str], rows: list[list[object]],
                   formats: dict[int, str] | None = None) -> None:
    wb = load_workbook(book)
    if sheet not in wb.sheetnames:
        wb.create_sheet(sheet).append(heads)
    ws = wb[sheet]
    for values in rows:
        ws.append(values)
        for col, fmt in (formats or {}).items():
            ws[f"{get_column_letter(col)}{ws.max_row}"].number_format = fmt
    wb.save(book)


def agreement(out: Path, reference: str = "EWK-0001") -> str:
    return full_text(out / reference / f"{reference}-agreement.docx")


def money(text: str, words: str) -> float:
    found = re.search(words + r" £([\d,]+\.\d\d)", text)
    assert found, words
    return float(found.group(1).replace(",", ""))


def test_percentages_typed_the_excel_way_reach_the_agreement_as_shown(tmp_path):
    """5% typed in Excel is 0.05 in a percent-formatted cell: the agreement says 5 %, the
    pension on-cost 20.6 %, and the Cost Base is worked out from those (read back)."""
    book = write_programme(tmp_path, 3)
    set_posts(book, 2, "Premium %", 0.05, "0%")          # 5% typed in Excel
    set_posts(book, 3, "Premium %", "5 %")                # text, as typed in a Text cell
    set_posts(book, 4, "Premium %", 5, '0.##" %"')        # the template's own format
    add_sheet_rows(book, "On-costs", ["Reference", "On-cost", "Percent"],
                   [["EWK-0001", "Employer pension contribution", 0.206],
                    ["EWK-0002", "Employer pension contribution", "20.6%"],
                    ["EWK-0003", "Employer pension contribution", 20.6]], {3: "0.0%"})
    wb = load_workbook(book)
    for r in (3, 4):  # only row 2's on-cost is a percent-formatted fraction
        wb["On-costs"][f"C{r}"].number_format = "General"
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "PERCENT" not in text and "is read as" not in text, text
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    bases = []
    for i in (1, 2, 3):
        doc = agreement(out, f"EWK-{i:04d}")
        assert "premium for the shared role of 5% of salary" in doc, doc[:2000]
        assert "(20.6%)" in doc and "0.206" not in doc and "0.05%" not in doc
        salary = 60000 + 250 * i
        total = round(salary * 1.05, 2)
        base = money(doc, "Cost Base is therefore")
        assert abs(base - round(total * 1.206, 2)) < 0.02, (base, total)
        bases.append(base)
    assert bases[0] > 75_000


def test_a_bare_fraction_in_a_percent_column_is_read_as_written_with_a_warning(tmp_path):
    book = write_programme(tmp_path, 1)
    set_posts(book, 2, "Premium %", 0.6)  # a General cell: 0.6 % or 60 %?
    add_sheet_rows(book, "On-costs", ["Reference", "On-cost", "Percent"],
                   [["EWK-0001", "Apprenticeship levy", 0.5]], {3: '0.##" %"'})
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("posts.xlsx!Posts!H2 (premium %, post EWK-0001): warning: 0.6 is read as 0.6 %; "
            "if you meant 60 %, write 60") in text, text
    # an older workbook's format only printed a % sign, so 0.5 there may be 50% typed:
    # warned too (programme officer's review, item 1), read as written
    assert ("'On-costs'!C2 (percent, post EWK-0001): warning: 0.5 is read as 0.5 %; if you "
            "meant 50 %") in text, text
    out = tmp_path / "out"
    run("build", str(book), "--out", str(out), "-q")
    assert "premium for the shared role of 0.6% of salary" in agreement(out)


def test_a_hash_in_an_other_answers_value_is_text_not_a_comment(tmp_path):
    book = write_programme(tmp_path, 1)
    add_sheet_rows(book, "Other answers", ["Reference", "Answer", "Value"],
                   [["EWK-0001", "exit.reversion_grade", "Grade 7 # senior"],
                    ["EWK-0001", "post.grade", "[a, b] # note"]])
    code, text = run("check", str(book))
    assert code == 1
    assert "posts.xlsx!'Other answers'!C3 (post.grade, post EWK-0001): the ' #' in it would " \
           "start a comment" in text, text
    wb = load_workbook(book)
    wb["Other answers"].delete_rows(3)
    wb.save(book)
    code, text = run("intake", "read", str(book))
    assert code == 0, text
    written = load_yaml((tmp_path / "EWK-0001.yaml").read_text())
    assert written["exit"]["reversion_grade"] == "Grade 7 # senior"  # quoted by the writer
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    assert "graded Grade 7 # senior" in agreement(out)


def test_an_organisation_with_details_but_no_id_is_an_error_at_its_id_cell(tmp_path):
    book = write_programme(tmp_path, 1)
    add_sheet_rows(book, "Organisations", ["Id", "Legal name", "Short name"],
                   [[None, "No id Council", "NIC"]])
    code, text = run("check", str(book))
    assert code == 1
    assert "posts.xlsx!Organisations!A2 (id): the organisation has details but no id" in text


def test_a_small_number_in_a_date_column_is_not_a_date_in_1900(tmp_path):
    book = write_programme(tmp_path, 2)
    set_posts(book, 2, "Consulted on", 12)
    set_posts(book, 3, "Consulted on", 12, "yyyy-mm-dd")  # openpyxl reads 1900-01-12
    code, text = run("check", str(book))
    assert code == 1
    assert "(consulted on, post EWK-0001): 12 is not a date; write a date, e.g. 2027-04-01" \
        in text, text
    assert "(consulted on, post EWK-0002): 1900-01-12 is not a plausible date for a post" \
        in text, text


def test_workbook_wording_a_base_file_that_is_not_yaml_and_a_plain_number(tmp_path):
    """Audit intake 15 (two of its cases): the message is about the cell, in its words."""
    book = write_programme(tmp_path, 2)
    set_posts(book, 2, "Base file", "posts.xlsx")
    set_posts(book, 3, "Hours a week", "37.5 hrs")
    code, text = run("check", str(book))
    assert code == 1
    assert ("posts.xlsx!Posts!G2 (base file, post EWK-0001): the base file must be a .yaml "
            "answer file (found 'posts.xlsx')") in text, text
    assert "not UTF-8" not in text
    assert "(hours a week, post EWK-0002): write a number, e.g." in text, text
