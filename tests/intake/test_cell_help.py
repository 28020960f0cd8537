"""The cell help agrees with the sheet (programme officer's review, item 6): its title is
the column's heading, yes/no columns give yes or no, date cells are not told to "write
dates as 2027-04-01", percent cells give 15%, and a key is a heading (or an Answer on the
Other answers sheet), never an answer file's key alone."""

from __future__ import annotations

import re
from pathlib import Path

from intake_programme import run
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string


def _help(tmp_path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, heading) → (title, text) of every column's input message."""
    book = tmp_path / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    out = {}
    for ws in wb.worksheets:
        heads = [c.value for c in ws[1]]
        for dv in ws.data_validations.dataValidation:
            if not dv.prompt:
                continue
            letter = re.match(r"[A-Z]+", str(dv.sqref)).group()
            out[(ws.title, heads[column_index_from_string(letter) - 1])] = (
                dv.promptTitle, dv.prompt)
    return out


def test_every_help_title_is_its_heading(tmp_path: Path) -> None:
    shown = _help(tmp_path)
    assert len(shown) > 40
    wrong = {k: v[0] for k, v in shown.items() if v[0] != k[1][:32]}
    assert wrong == {}, wrong


def test_the_help_uses_the_sheets_own_forms(tmp_path: Path) -> None:
    shown = _help(tmp_path)
    restricted = shown[("Posts", "Politically restricted")][1]
    assert "Example: yes" in restricted and "True" not in restricted
    assert restricted.startswith("yes if the post")
    assert "Example: yes" in shown[("Person specification", "Essential")][1]
    assert "write dates as" not in shown[("Posts", "Start date")][1]
    split = shown[("Posts", "Time split")][1]
    assert "post.days_per_week (an Answer on the Other answers sheet)" in split, split
    assert "'Hours a week'" in split and "post.hours_per_week" not in split
    assert "Example: 8%" in shown[("Posts", "Premium %")][1]
    assert "Example: 15%" in shown[("On-costs", "Percent")][1]
    for (sheet, heading), (_, text) in shown.items():
        keys = [k for k in re.findall(r"\b[a-z_]+\.[a-z_.]+\b", text)
                if k not in ("e.g", "s.2", "_partners.yaml", "eastwick.example.gov.uk")
                and f"{k} (an Answer on" not in text]
        assert keys == [], (sheet, heading, text)
