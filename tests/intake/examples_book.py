"""The shipped examples' programme workbook, written (``docgen intake write``) beside a copy
of their posts and organisations in a test's own folder, and a way to type into its cells
(as the defect reports did)."""

from __future__ import annotations

import shutil
from pathlib import Path

from intake_programme import ROOT, run
from openpyxl import load_workbook

INPUTS = ROOT / "inputs"


def examples(tmp_path: Path) -> Path:
    """``tmp_path/in/programme.xlsx``: the examples' workbook (rows 2-6: the Head of HR,
    the same in house styles, Procurement, Public Health, Legal) beside its profiles."""
    folder = tmp_path / "in"
    shutil.copytree(INPUTS, folder, ignore=shutil.ignore_patterns("*.xlsx"))
    book = folder / "programme.xlsx"  # git-ignored in inputs/: written here, as setup does
    code, text = run("intake", "write", str(folder), str(book))
    assert code == 0, text
    return book


def typed(book: Path, cells: dict[str, object]) -> None:
    """``{"Posts!S5": "council: ..."}``: each cell set (None empties it), then saved."""
    wb = load_workbook(book)
    for where, value in cells.items():
        sheet, cell = where.rsplit("!", 1)
        wb[sheet][cell].value = value
    wb.save(book)
