"""The README's example of a workbook problem is one docgen gives (programme review C3d): it
named Posts!D7 for the salary, where the template's column D is Partners and Salary is K."""

from __future__ import annotations

import re
from pathlib import Path

from intake_programme import run
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = re.compile(r"`(posts\.xlsx!Posts!([A-Z]+)(\d+) \((\w+), post ([\w-]+)\): ([^`]+))`")


def test_the_readme_example_is_what_check_says_for_the_template(tmp_path: Path) -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    found = EXAMPLE.search(readme)
    assert found, "the README gives an example problem at a Posts cell"
    said, column, row, label, reference, _ = found.groups()
    book = tmp_path / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    headings = {str(c.value).casefold(): c.column_letter for c in posts[1] if c.value}
    assert headings[label] == column, f"{label} is column {headings[label]} of the template"
    posts[f"A{row}"] = reference
    posts[f"{column}{row}"] = "lots"  # money typed as words
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1 and said in text, text
