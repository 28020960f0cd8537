"""A half-filled row whose Partners cell is empty reports only what the officer must
write: its employer's organisation profile gives the post its standing policy once the
partners are named, so the row is not told to write what that policy gives.

Before, a row naming its Employer (eastwick, whose profile gives the notice months, the
confidentiality and the conflicts of interest) but no Partners was told "this post gives
no Exit: fill in row 2's Notice months, Reverts to cells, e.g. Notice months: 6", "this
post gives no Confidentiality ..." and "... Conflicts of interest": a profile completes a
post only through a partner named by id, so with none named the checker took no policy
and asked for all of it. Once the partners were named, those errors went, and "the
Reverts to cell of row 2 is empty" (which the profile does not give) came in their place.
``check``, ``build`` and ``intake read`` say the same of the row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from answers.test_profiles import PROFILES
from intake_programme import organisation_rows, run
from openpyxl import load_workbook

Said = list[tuple[str, str, str]]


def _book(folder: Path, cells: dict[str, str], in_full: bool = False) -> Path:
    """A workbook made by ``docgen intake new`` beside the example profiles, row 2 filled
    in part (``cells``: heading → value); ``in_full``: its Organisations sheet writes each
    partner out in full."""
    shutil.copytree(PROFILES, folder / "organisations", dirs_exist_ok=True)
    book = folder / "posts.xlsx"
    book.unlink(missing_ok=True)
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for heading, value in cells.items():
        posts.cell(row=2, column=heads.index(heading) + 1, value=value)
    for i, values in enumerate(organisation_rows() if in_full else []):
        for j, value in enumerate(values):
            wb["Organisations"].cell(row=2 + i, column=1 + j, value=value)
    wb.save(book)
    return book


def _said(output: str) -> Said:
    [record] = json.loads(output)
    return [(p["severity"], p["cell"], p["message"]) for p in record["problems"]]


def _check_and_build(folder: Path, cells: dict[str, str], in_full: bool = False) -> Said:
    """What check says of row 2, asserted the same as what build says."""
    book = _book(folder, cells, in_full)
    code, checked = run("check", str(book), "--json")
    assert code == 1, checked
    code, built = run("build", str(book), "--out", str(folder / "out"), "--json")
    assert code == 1, built
    assert _said(checked) == _said(built)
    return _said(checked)


HALF = {"Reference": "HALF-01", "Job title": "Shared Head of Culture", "Employer": "eastwick"}


def test_a_row_without_partners_is_not_asked_for_what_its_employers_profile_gives(
        tmp_path: Path) -> None:
    said = _check_and_build(tmp_path, HALF)
    messages = " ".join(m for _, _, m in said)
    assert "the Partners cell of row 2 is empty" in messages
    assert "Notice months" not in messages  # eastwick's profile gives them (6)
    for given in ("gives no Exit", "gives no Confidentiality", "gives no Conflicts of interest",
                  "gives no Payment"):
        assert given not in messages, given
    # what the profile leaves to the row is still asked for, at its cell
    assert "the Reverts to cell of row 2 is empty" in messages
    assert "the Salary cell of row 2 is empty" in messages
    # the row says what it will say once the partners are named, and the Partners cell
    named = _check_and_build(tmp_path / "named", {**HALF, "Partners": "eastwick, westmere"})
    partners = [s for s in said if s[1].endswith("!D2")]
    assert len(partners) == 1 and partners[0][0] == "error"
    assert [s for s in said if s not in partners] == named


def test_intake_read_says_it_as_check_does(tmp_path: Path) -> None:
    book = _book(tmp_path, HALF)
    code, text = run("intake", "read", str(book), "--into", str(tmp_path / "posts"))
    assert code == 1
    text = " ".join(text.split())
    assert "the Partners cell of row 2 is empty" in text
    assert "the Reverts to cell of row 2 is empty" in text
    assert "Notice months" not in text and "gives no Confidentiality" not in text


def test_an_employer_without_a_profile_is_still_asked_for_everything(tmp_path: Path) -> None:
    """No profile gives the policy of an employer that has none: its row must write it."""
    said = _check_and_build(tmp_path, {**HALF, "Employer": "northwick"})
    messages = " ".join(m for _, _, m in said)
    assert "fill in row 2's Notice months, Reverts to cells" in messages
    assert "gives no Confidentiality" in messages


def test_an_employer_the_organisations_sheet_writes_in_full_is_asked_for_its_policy(
        tmp_path: Path) -> None:
    """An organisation the Organisations sheet writes out in full never reads its profile
    once named (the sheet wins), so its row must give the policy itself: still asked for."""
    said = _check_and_build(tmp_path, HALF, in_full=True)
    messages = " ".join(m for _, _, m in said)
    assert "fill in row 2's Notice months, Reverts to cells" in messages
    # and the sections that profile's policy would have given (a reviewer's find: a post
    # naming no partners recorded the profile's policy, so they went unsaid)
    assert "this post gives no Confidentiality" in messages, messages
    assert "no Conflicts of interest" in messages, messages


def test_a_column_the_row_still_needs_is_said_missing_for_the_sheet_too(tmp_path: Path) -> None:
    """The answer the profile leaves to the row has no column (Reverts to deleted): said at
    the row and once for the Posts sheet, by check and build, as once the partners are
    named (before, "fill in row 2's Notice months cell" asked for what the profile gives)."""
    book = _book(tmp_path, HALF)
    wb = load_workbook(book)
    posts = wb["Posts"]
    posts.delete_cols([c.value for c in posts[1]].index("Reverts to") + 1)
    wb.save(book)
    checked = run("check", str(book), "--json")
    built = run("build", str(book), "--out", str(tmp_path / "out"), "--json")
    assert checked[0] == built[0] == 1
    for _, output in (checked, built):
        records = json.loads(output)
        messages = " ".join(p["message"] for r in records for p in r["problems"])
        assert "gives no Reverts to: the Posts sheet has no 'Reverts to' column" in messages
        assert "the Posts sheet has no 'Reverts to' column, which 1 row needs (row 2)" in messages
        assert "Notice months" not in messages
