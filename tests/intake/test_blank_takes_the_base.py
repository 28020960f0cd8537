"""``tbc`` in a cell that takes none is told to fill it in or leave the cell blank, and what
blank means in the answer file's words ("for an open-ended arrangement"). A row whose Base
file, or whose employer's organisation profile, gives that answer takes that value when
the cell is blank: the advice said the untrue thing. It now names the value and the file
it comes from, on the Posts sheet and on Other answers (where blank is the row deleted),
for an answer that may be left out and for one docgen needs, under check and build alike.
A row whose base gives no such answer keeps the answer file's words
(tests/intake/test_not_known_optional_cells.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from intake_programme import run, set_cells, write_programme
from openpyxl import load_workbook

from .examples_book import examples


def _line(path: Path, key: str) -> int:
    """The line of the file that writes ``key:`` (once)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:")]
    assert len(found) == 1, found
    return found[0]


def _with_end_date(tmp_path: Path) -> tuple[Path, int]:
    """The one-row programme, its base file giving ``post.end_date: 2029-03-31``."""
    book = write_programme(tmp_path, 1)
    base = tmp_path / "_partners.yaml"
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    data["post"]["end_date"] = "2029-03-31"
    base.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return book, _line(base, "end_date")


def _other_answer(book: Path, reference: str, key: str, value: str) -> None:
    wb = load_workbook(book)
    sheet = wb["Other answers"] if "Other answers" in wb.sheetnames else None
    if sheet is None:
        sheet = wb.create_sheet("Other answers")
        sheet.append(["Reference", "Answer", "Value"])
    sheet.append([reference, key, value])
    wb.save(book)


def test_end_date_tbc_with_a_base_giving_one_says_blank_takes_the_base(tmp_path: Path) -> None:
    book, line = _with_end_date(tmp_path)
    set_cells(book, {"H1": "End date", "H2": "tbc"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!H2 (end date, post EWK-0001): is not known yet (found 'tbc'), "
            "and End date takes no tbc; fill it in, e.g. 2029-03-31, or leave the cell blank "
            f"to take 2029-03-31 from its Base file, _partners.yaml (line {line})") in text, text
    assert "open-ended" not in text, text


def test_a_needed_cell_the_base_gives_is_offered_the_blank_too(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    set_cells(book, {"D2": "tbc"})  # Salary: the base file gives 92000
    line = _line(tmp_path / "_partners.yaml", "salary")
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!D2 (salary, post EWK-0001): is not known yet (found 'tbc'), but "
            "docgen needs it to write the documents; fill it in, e.g. 92000, or leave the cell "
            f"blank to take 92000 from its Base file, _partners.yaml (line {line})") in text, text


def test_other_answers_tbc_with_a_base_giving_it_says_deleting_the_row_takes_it(
        tmp_path: Path) -> None:
    book, line = _with_end_date(tmp_path)
    _other_answer(book, "EWK-0001", "post.end_date", "tbc")
    for command in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*command)
        assert code == 1, text
        assert ("posts.xlsx!'Other answers'!C2 (post.end_date, post EWK-0001): is not known yet "
                "(found 'tbc'), and this key takes no tbc: it is given or left out; fill it in, "
                "e.g. 2029-03-31 in the Value cell, or delete this row to take 2029-03-31 from "
                f"its Base file, _partners.yaml (line {line})") in text, (command, text)
        assert "open-ended" not in text, (command, text)


def test_other_answers_tbc_the_employers_profile_gives_says_deleting_the_row_takes_it(
        tmp_path: Path) -> None:
    """Row 4 (Procurement) names its partners by id: Eastwick's profile gives its policy."""
    book = examples(tmp_path)
    profile = book.parent / "organisations" / "eastwick.yaml"
    line = _line(profile, "foi_consultation_days")
    _other_answer(book, "EWK-WSM-PROC-01", "confidentiality.foi_consultation_days", "tbc")
    for command in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*command)
        assert code == 1, text
        text = " ".join(text.split())
        # (said as the answer file says it: a key the profile gives may be left out)
        assert ("(confidentiality.foi_consultation_days, post EWK-WSM-PROC-01): is not known "
                "yet (found 'tbc'), and this key takes no tbc: it is given or left out; fill "
                "it in, e.g. 5 in the Value cell, or delete this row to take 5 from eastwick's "
                f"profile, organisations/eastwick.yaml (line {line})") in text, (command, text)
        assert text.count("delete this row to take 5") == 1
