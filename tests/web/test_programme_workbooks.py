"""The programme page shows the posts of each programme workbook in the folder: by row,
each reference and whether it has problems, as ``docgen check posts.xlsx`` finds them
(through the public ``docgen.api.workbooks``). It showed only the folder's answer files,
so a programme kept in a workbook was not on it at all, and a folder holding only a
workbook had no link to it. A workbook docgen cannot read is said plainly; a lock file
beside one, or a sheet saved as text, is not a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from intake_programme import set_cells, write_programme  # noqa: E402

from docgen.api.workbooks import check_workbook  # noqa: E402

from .helpers import PROGRAMMER_WORDS, Interview, Shown  # noqa: E402


def _book_rows(page: Shown, heading: str) -> list[list[str]]:
    """The rows of the table after the heading ``heading``: [row, reference, problems]."""
    table = page.find(f"//h2[normalize-space()='{heading}']/following-sibling::table[1]")
    assert len(table) == 1, page.text()
    return [[" ".join(c.text_content().split()) for c in tr.xpath("td|th")]
            for tr in table[0].xpath("./tbody/tr")]



def test_a_workbooks_posts_are_listed_by_row_with_their_problems(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)  # posts.xlsx and its base file: no answer file
    set_cells(book, {"E3": "eastwick: 50; westmere: 60"})  # row 3's shares add up to 110
    _, report = check_workbook(book)
    assert [len(p.errors) for p in report.posts] == [0, 1, 0]  # what the command line says
    warnings = [len(p.warnings) for p in report.posts]

    web = Interview(tmp_path)
    start = Shown(web.client.get("/"))
    assert [a.get("href") for a in start.find("//main//a[@id='programme']")] == ["/programme"]
    page = Shown(web.client.get("/programme"))
    assert page.status == 200
    heading = "Posts in the workbook posts.xlsx"

    def problems(i: int) -> str:
        return f"{warnings[i]} warning{'s' if warnings[i] != 1 else ''}" if warnings[i] \
            else "None"

    assert _book_rows(page, heading) == [
        ["2", "EWK-0001", problems(0)],
        ["3", "EWK-0002", "1 to fix, other checks wait until these are fixed"],
        ["4", "EWK-0003", problems(2)]]
    said = page.section(heading)
    assert "To change a row, edit the workbook" in said
    for word in (*PROGRAMMER_WORDS, "docgen", "xlsx row", "Time split"):
        assert word not in said, word


def test_a_workbook_that_cannot_be_read_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / "programme.xlsx").write_bytes(b"not a workbook")
    web = Interview(tmp_path)
    start = Shown(web.client.get("/"))
    assert start.find("//main//a[@id='programme']")
    page = Shown(web.client.get("/programme"))
    assert page.status == 200
    said = page.section("Posts in the workbook programme.xlsx")
    assert said.startswith("This file is not saved as an Excel workbook (.xlsx), or it is "
                           "damaged, so its posts cannot be read.")
    for word in (*PROGRAMMER_WORDS, "docgen", "intake"):
        assert word not in said, word


def test_a_workbook_with_no_rows_says_so(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    set_cells(book, {f"{c}2": None for c in "ABCDEFG"})
    page = Shown(Interview(tmp_path).client.get("/programme"))
    assert "The workbook has no posts yet." in page.section("Posts in the workbook posts.xlsx")


def test_lock_files_and_sheets_saved_as_text_are_not_workbooks(tmp_path: Path) -> None:
    for name in (".~lock.programme.xlsx#", "~$programme.xlsx", "a.csv", "b.ods"):
        (tmp_path / name).write_bytes(b"")
    web = Interview(tmp_path)
    assert not Shown(web.client.get("/")).find("//main//a[@id='programme']")
    page = Shown(web.client.get("/programme"))
    assert not page.find("//h2[starts-with(normalize-space(), 'Posts in the workbook')]")


def test_the_workbooks_own_errors_are_counted_apart_from_its_rows(tmp_path: Path) -> None:
    """A Responsibilities row naming no post is the workbook's error, none of its rows'."""
    book = write_programme(tmp_path, 2)
    set_cells(book, {"A2": "EWK-9999"}, sheet="Responsibilities")
    page = Shown(Interview(tmp_path).client.get("/programme"))
    said = page.section("Posts in the workbook posts.xlsx")
    assert "1 to fix in the workbook itself, outside its rows" in said
    assert [r[:2] for r in _book_rows(page, "Posts in the workbook posts.xlsx")] == [
        ["2", "EWK-0001"], ["3", "EWK-0002"]]
