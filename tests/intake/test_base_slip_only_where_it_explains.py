"""The warning at an empty Base file cell ("the Base file is empty, while 1 other row names
_base.yaml") is said only of a row whose errors it explains (answers the row gives
nowhere), and only pointing at a base file other rows' answers were merged with: a
complete row that names no base was warned on every check and build, a warning it could
never clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run
from openpyxl import load_workbook

from .examples_book import examples, typed

SLIP = "the Base file is empty"


def _one_row_names(tmp_path: Path, base: str | None) -> Path:
    """The examples' workbook (complete rows, none naming a base), row 4 naming
    ``_base.yaml``: written as ``base`` (None: no such file)."""
    book = examples(tmp_path)
    heads = {c.value: c.column_letter for c in load_workbook(book)["Posts"][1]}
    typed(book, {f"Posts!{heads['Base file']}4": "_base.yaml"})
    if base is not None:
        (book.parent / "_base.yaml").write_text(base, encoding="utf-8")
    return book


@pytest.mark.parametrize("base", ["", None, "docgen: 1\n"])
def test_complete_rows_get_no_warning_from_another_row_s_base_file(tmp_path: Path,
                                                                   base: str | None) -> None:
    book = _one_row_names(tmp_path, base)
    code, text = run("check", str(book))
    assert SLIP not in text, text
    code, text = run("build", str(book), "--out", str(tmp_path / "bout"))
    assert SLIP not in text, text
    for row, reference in ((2, "EWK-WSM-HR-01"), (5, "NBC-ICB-DPH-2027")):
        assert f"built {reference} (programme.xlsx row {row})\n" in text, text
