"""A programme workbook opened and saved again in LibreOffice Calc, as the many councils
that use Calc rather than Excel do, reads exactly as the workbook docgen wrote.

The workbook of the shipped examples (``docgen intake write``) is given, with openpyxl, what
a person typing in it leaves: a changed salary, a boolean where docgen writes yes/no, text
with leading zeros, a long cell with a line break, an empty text and a cell of spaces. Calc
(headless, one conversion for the file) opens it and saves it as .xlsx over the team's
workbook, and ``docgen intake read`` and ``docgen build`` take it as a user would.

What Calc 7.4 changes in the file, none of which docgen reads differently: a boolean is
saved as the formula ``=TRUE()`` or ``=FALSE()`` with its result; a cell of empty text is
dropped; number formats are written escaped (``yyyy\\-mm\\-dd``, ``\\£#,##0.00``); the
formatted rows below the values become empty styled cells (the Organisations sheet's
``max_row`` goes from 8 to 208); a validation that is only an input message gets the
formula ``0``; and the frozen heading row is not kept by a headless conversion.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import convert, require_soffice
from docx_read import full_text
from intake_programme import ROOT, run
from openpyxl import load_workbook
from yaml_text import load_yaml

INPUTS = ROOT / "inputs"
BOOK = "programme.xlsx"
#: the cell a person changes before saving in Calc: the Head of HR's salary (92000)
SALARY_CELL, SALARY = "K2", 95500
LONG_PURPOSE = (
    "To lead a legal service for three councils. " + " ".join(
        f"Duty {i}: advise the councils, their members and officers on the law, on "
        "governance and on the lawful exercise of their functions, and keep the "
        "constitution under review." for i in range(1, 31))
    + "\nA second paragraph, typed after a line break in the cell.")
#: cell → what a person leaves there before the Calc save (the shipped posts' rows: 2 Head
#: of HR, 3 the same in house styles, 4 Procurement, 5 Public Health, 6 Legal)
TYPED: dict[tuple[str, str], Any] = {
    ("Posts", "M4"): "049",  # Grade: text of digits, leading zero and all
    ("Posts", "U5"): True,  # Politically restricted: a boolean, not docgen's "yes"
    ("Person specification", "D4"): False,  # Essential: the Head of HR's "no" as a boolean
    ("Posts", "T6"): LONG_PURPOSE,  # Job purpose: some 4,000 characters and a line break
    ("Posts", "I2"): "",  # End date: empty text, not a blank cell
    ("Posts", "P6"): "   ",  # Post-holder address: spaces only
}
#: what those cells change in the shipped answer files (a boolean, empty text and spaces
#: mean what the cells held before)
CHANGED = {"EWK-WSM-HR-01": ("payment", "salary", SALARY),
           "EWK-WSM-PROC-01": ("post", "grade", "049"),
           "TRI-LEGAL-01": ("post", "purpose", LONG_PURPOSE)}


def require_calc() -> None:
    """LibreOffice with its spreadsheet (Calc) module: a LibreOffice installed with Writer
    alone (Debian's libreoffice-writer-nogui) cannot open a workbook. Required in CI."""
    program = Path(os.path.realpath(require_soffice())).parent
    if sys.platform == "linux" and (program / "libswlo.so").is_file() and not (
            program / "libsclo.so").is_file():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Calc is not installed; .ci/run must install "
                        "libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui")


@dataclass(frozen=True)
class RoundTrip:
    folder: Path  # the team's folder: the workbook, organisations/ and posts/
    typed: Path  # the workbook as saved before Calc opened it (openpyxl)
    read_before: str  # what `docgen intake read` said of the workbook before Calc
    read_after: str  # and of the Calc-saved one over it

    @property
    def book(self) -> Path:  # the Calc-saved workbook
        return self.folder / BOOK

    def post(self, reference: str) -> dict[str, Any]:
        return load_yaml((self.folder / "posts" / f"{reference}.yaml").read_text("utf-8"))


def _set(book: Path, cells: dict[tuple[str, str], Any]) -> None:
    wb = load_workbook(book)
    for (sheet, cell), value in cells.items():
        wb[sheet][cell] = value
    wb.save(book)


@pytest.fixture(scope="module")
def calc(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    """The examples' workbook, typed in, read into posts/; then with a salary changed,
    saved by Calc over the team's workbook and read into posts/ again."""
    require_calc()
    tmp = tmp_path_factory.mktemp("calc")
    folder = tmp / "inputs"
    shutil.copytree(INPUTS, folder, ignore=shutil.ignore_patterns("*.xlsx"))
    book = folder / BOOK
    code, out = run("intake", "write", str(folder), str(book))
    assert code == 0, out
    _set(book, TYPED)
    code, before = run("intake", "read", str(book), "--into", str(folder / "posts"))
    assert code == 0, before
    typed = tmp / "typed" / BOOK
    typed.parent.mkdir()
    shutil.copy(book, typed)
    _set(typed, {("Posts", SALARY_CELL): SALARY})
    convert([typed], tmp / "saved-by-calc", "xlsx")
    saved = tmp / "saved-by-calc" / BOOK
    assert saved.is_file(), "LibreOffice Calc did not save the workbook"
    shutil.copy(saved, book)
    code, after = run("intake", "read", str(book), "--into", str(folder / "posts"))
    assert code == 0, after
    return RoundTrip(folder, typed, before, after)


def _resolved(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """``data`` with each party's house style as the file it names."""
    for party in data.get("parties", []):
        if isinstance(party, dict) and "house_style" in party:
            party["house_style"] = (folder / party["house_style"]).resolve()
    return data


def test_every_post_reads_back_as_its_answer_file_with_the_changed_salary(calc):
    """Calc's file gives each shipped answer file back as it was, but for what was typed;
    reading it over the posts read before Calc updates the one row whose salary changed."""
    assert "5 written" in calc.read_before, calc.read_before
    assert "0 written, 1 updated, 4 unchanged, 0 kept (edited by hand), 0 failed" \
        in calc.read_after, calc.read_after
    originals = sorted(INPUTS.glob("*.yaml"))
    assert len(originals) == 5
    for original in originals:
        expected = load_yaml(original.read_text(encoding="utf-8"))
        if (change := CHANGED.get(expected["reference"])) is not None:
            section, key, value = change
            expected[section][key] = value
        got = calc.post(expected["reference"])
        assert _resolved(got, calc.folder / "posts") == _resolved(expected, calc.folder), \
            original.name


def test_what_hr_and_legal_check_on_the_posts_read_from_calc(calc):
    hr = calc.post("EWK-WSM-HR-01")
    text = (calc.folder / "posts" / "EWK-WSM-HR-01.yaml").read_text(encoding="utf-8")
    salary = hr["payment"]["salary"]
    assert salary == SALARY and type(salary) is int and "  salary: 95500\n" in text
    assert hr["post"]["start_date"] == dt.date(2027, 4, 1)  # a date, not a serial or text
    assert "  start_date: 2027-04-01\n" in text
    assert hr["postholder"]["consulted_on"] == dt.date(2027, 1, 18)
    assert "end_date" not in hr["post"]  # the cell of empty text is a blank
    assert hr["payment"]["premium_percent"] == 8  # 0.08 in a percent format
    assert hr["payment"]["on_costs"][0] == {"name": "Employer pension contribution (LGPS)",
                                            "percent": 19.8}
    assert hr["time_split"]["unit"] == "percent"
    assert hr["time_split"]["shares"] == {"eastwick": 60, "westmere": 40}
    assert [p["name"] for p in hr["parties"]] == [
        "The Mayor and Burgesses of the London Borough of Eastwick",
        "The Mayor and Burgesses of the Royal Borough of Westmere"]
    assert [c["essential"] for c in hr["job"]["person_specification"]][:3] == [
        True, True, False]  # the boolean FALSE, saved by Calc as =FALSE()
    procurement = calc.post("EWK-WSM-PROC-01")
    assert procurement["post"]["grade"] == "049"  # the leading zero kept
    assert procurement["parties"] == ["eastwick", "westmere"]
    health = calc.post("NBC-ICB-DPH-2027")
    assert health["post"]["politically_restricted"] is True  # the boolean TRUE
    assert health["payment"]["salary"] == 126000
    assert [p["name"] for p in health["parties"]] == [
        "Northbridge City Council", "NHS Northbridge and Vale Integrated Care Board"]
    legal = calc.post("TRI-LEGAL-01")
    assert legal["post"]["purpose"] == LONG_PURPOSE and len(LONG_PURPOSE) > 4000
    assert legal["time_split"]["shares"] == {"ashby": 2, "brookfield": 1.5,
                                             "coldharbour": 1.5}
    assert "postholder" not in legal  # a cell of spaces is a blank
    assert legal["post"]["start_date"] == dt.date(2027, 7, 1)


def test_calc_keeps_the_drop_downs_and_the_typed_cells(calc):
    """What the team sees when they open Calc's file again, and what docgen reads from it:
    each cell's value (a boolean as its formula's saved result) and each drop-down."""
    before, after = load_workbook(calc.typed), load_workbook(calc.book, data_only=True)
    assert after.sheetnames == before.sheetnames
    assert after["Lists"].sheet_state == "hidden"
    for title in before.sheetnames:
        lists = {(str(v.sqref), v.formula1) for v in before[title].data_validations.dataValidation
                 if v.type == "list"}
        kept = {(str(v.sqref), v.formula1) for v in after[title].data_validations.dataValidation
                if v.type == "list"}
        assert kept == lists, title
        for row in before[title].iter_rows():
            for cell in row:
                again = after[title][cell.coordinate].value
                assert again == cell.value and type(again) is type(cell.value), \
                    (title, cell.coordinate)
    assert after["Posts"][SALARY_CELL].value == SALARY
    assert after["Posts"]["U5"].value is True and after["Posts"]["M4"].value == "049"
    assert after["Person specification"]["D4"].value is False
    assert after["Posts"]["T6"].value == LONG_PURPOSE


def test_the_calc_saved_workbook_builds_every_post_with_no_new_problem(calc):
    out = calc.folder.parent / "out"
    code, said = run("build", str(calc.book), "--out", str(out))
    assert code == 0, said
    summary = re.search(r"5 built, 0 unchanged, 0 failed; (\d+) warnings \((\d+) acknowledged\)",
                        said)
    assert summary and summary.group(1) == summary.group(2), said  # none left open
    assert "error" not in said.lower(), said
    contract = full_text(out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-contract.docx")
    assert "£95,500" in contract and "£92,000" not in contract
    assert "1 April 2027" in contract
    spec = full_text(out / "TRI-LEGAL-01" / "TRI-LEGAL-01-job-spec.docx")
    assert "Duty 30: advise the councils" in spec and "A second paragraph, typed" in spec
