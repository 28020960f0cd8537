"""A workbook row's "missing" messages replaced the answer checker's, so its newer hint was
lost: an answer the employer's organisation profile could give, and does not, says so (the
team may expect the profile to give it, as another employer's does). The row's message, at
its cell in the workbook's words, now ends with that hint; the answer file's wording is
tests/answers/test_review_employer_typo.py's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from answers.test_profiles import PROFILES
from intake_programme import run
from openpyxl import load_workbook

HINT = ("the employer's organisation profile, organisations/westmere.yaml, gives no expenses "
        "policy either: give it in this workbook, or add it to that profile (under "
        "policy: payment:)")


def _book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, employer: str) -> str:
    """A workbook beside the two example profiles, one row employed by ``employer``, no
    Base file (so the row gives no expenses answer)."""
    shutil.copytree(PROFILES, tmp_path / "organisations")
    monkeypatch.chdir(tmp_path)
    assert run("intake", "new", "posts.xlsx")[0] == 0
    wb = load_workbook("posts.xlsx")
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for heading, value in (("Reference", "EWK-WSM-A"), ("Job title", "Head of HR"),
                           ("Partners", "eastwick, westmere"), ("Employer", employer),
                           ("Salary", 92000)):
        posts.cell(row=2, column=heads.index(heading) + 1, value=value)
    wb.save("posts.xlsx")
    return "posts.xlsx"


def _expenses(output: str) -> list[str]:
    return [line for line in output.splitlines() if "gives no Expenses" in line]


def test_a_row_missing_what_the_employers_profile_does_not_give_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _book(tmp_path, monkeypatch, "westmere")  # Westmere's profile: no expenses policy
    code, out = run("check", book)
    assert code == 1, out
    [line] = _expenses(out)
    assert line.strip().startswith(
        "posts.xlsx!Posts!A2 (reference, post EWK-WSM-A): this post gives no Expenses"), line
    assert "the 'Other answers' sheet" in line  # the workbook's words, then the hint
    assert line.endswith(f"or name a Base file that gives it; {HINT}"), line
    assert "in this post" not in line and "\n" not in line
    code, out = run("intake", "read", book)  # said alike when the rows are read
    assert code == 1 and any(x.endswith(HINT) for x in _expenses(out)), out


def test_no_hint_where_the_employers_profile_gives_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _book(tmp_path, monkeypatch, "eastwick")  # Eastwick's profile gives expenses
    code, out = run("check", book)
    assert code == 1, out  # other answers are still missing
    assert _expenses(out) == [] and "gives no expenses policy" not in out, out
