"""The programme page checks workbooks within a bound, off the event loop, and keeps each
check while the workbook is unchanged. It checked every workbook in the folder on every
visit (about 40 ms a post; 5,000 posts: minutes), inside the request's event loop, so every
other person's page waited too; and it said of any file it could not read "check that it
is saved as an Excel workbook (.xlsx)", even of a real .xlsx with no Posts sheet (a budget
kept beside the programme) or one too large to open."""

from __future__ import annotations

import asyncio
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from intake_programme import set_cells, write_programme  # noqa: E402
from openpyxl import Workbook  # noqa: E402

import docgen.api.workbooks as workbooks_api  # noqa: E402
import docgen.web.programme as programme_page  # noqa: E402

from .helpers import PROGRAMMER_WORDS, Interview, Shown  # noqa: E402

BOOK = "Posts in the workbook posts.xlsx"


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The workbooks checked (by name), each check made as before; each check also
    records whether it ran on the event loop's thread ("loop")."""
    checked: list[str] = []
    check = workbooks_api.check_workbook

    def counting(path: Any) -> Any:
        try:
            asyncio.get_running_loop()
            checked.append("loop")
        except RuntimeError:
            pass
        checked.append(Path(path).name)
        return check(path)

    monkeypatch.setattr(workbooks_api, "check_workbook", counting)
    return checked



def _refs(page: Shown, heading: str) -> list[str]:
    return [" ".join(th.text_content().split()) for th in page.find(
        f"//h2[normalize-space()='{heading}']/following-sibling::table[1]/tbody/tr/th")]


def test_an_unchanged_workbook_is_checked_once_off_the_event_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = write_programme(tmp_path, 2)
    checked = _counted(monkeypatch)
    web = Interview(tmp_path)
    first = Shown(web.client.get("/programme"))
    assert _refs(first, BOOK) == ["EWK-0001", "EWK-0002"]
    assert checked == ["posts.xlsx"]  # on a worker thread, never the event loop's
    second = Shown(web.client.get("/programme"))
    assert _refs(second, BOOK) == ["EWK-0001", "EWK-0002"]
    assert checked == ["posts.xlsx"]  # kept: not checked again
    set_cells(book, {"A3": "EWK-0009"})
    os.utime(book, ns=(book.stat().st_atime_ns, book.stat().st_mtime_ns + 10**9))
    third = Shown(web.client.get("/programme"))
    assert _refs(third, BOOK) == ["EWK-0001", "EWK-0009"]
    assert checked == ["posts.xlsx", "posts.xlsx"]  # changed: checked again


def test_a_workbook_over_the_pages_limit_is_counted_not_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_programme(tmp_path, 3)
    monkeypatch.setattr(programme_page, "POSTS_PER_VISIT", 2)
    checked = _counted(monkeypatch)
    page = Shown(Interview(tmp_path).client.get("/programme"))
    said = page.section(BOOK)
    assert said.startswith("This workbook has 3 posts, more than this page checks (up to 2 "
                           "in a workbook), so its posts are not listed here."), said
    assert checked == [] and not _refs(page, BOOK)


def test_posts_beyond_a_visits_limit_wait_for_the_next_visit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_programme(tmp_path, 2)
    (tmp_path / "posts.xlsx").rename(tmp_path / "a.xlsx")
    write_programme(tmp_path, 2)
    (tmp_path / "posts.xlsx").rename(tmp_path / "b.xlsx")
    monkeypatch.setattr(programme_page, "POSTS_PER_VISIT", 3)
    checked = _counted(monkeypatch)
    web = Interview(tmp_path)
    first = Shown(web.client.get("/programme"))
    assert _refs(first, "Posts in the workbook a.xlsx") == ["EWK-0001", "EWK-0002"]
    assert first.section("Posts in the workbook b.xlsx").startswith(
        "Its posts are not checked yet: this page checks up to 3 posts each time it is "
        "opened. Open the page again to see them.")
    second = Shown(web.client.get("/programme"))
    assert _refs(second, "Posts in the workbook b.xlsx") == ["EWK-0001", "EWK-0002"]
    assert checked == ["a.xlsx", "b.xlsx"]


def test_workbooks_beyond_those_shown_are_said(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    write_programme(tmp_path, 1)
    for name in ("b.xlsx", "c.xlsx"):
        (tmp_path / name).write_bytes((tmp_path / "posts.xlsx").read_bytes())
    monkeypatch.setattr(programme_page, "BOOKS_SHOWN", 1)
    checked = _counted(monkeypatch)
    page = Shown(Interview(tmp_path).client.get("/programme"))
    assert page.text("//*[@id='workbooks-left-out']") == (
        "The folder holds 2 more Excel files not looked at here: this page looks at the "
        "first 1, in order of their names.")
    assert checked == ["b.xlsx"]


def test_a_spreadsheet_with_no_posts_sheet_is_not_a_programme_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = Workbook()
    wb.active.title = "Budget"
    wb.active.append(["Line", "Amount"])
    wb.save(tmp_path / "budget.xlsx")
    write_programme(tmp_path, 1)
    checked = _counted(monkeypatch)
    page = Shown(Interview(tmp_path).client.get("/programme"))
    assert not page.find("//h2[normalize-space()='Posts in the workbook budget.xlsx']")
    said = page.section("Other spreadsheets in the folder")
    assert said.startswith("This spreadsheet is not a programme workbook (no sheet named "
                           "Posts), so no posts are read from it."), said
    assert "budget.xlsx" in said and "saved as an Excel workbook" not in said
    assert _refs(page, BOOK) == ["EWK-0001"]
    assert checked == ["posts.xlsx"]


@pytest.mark.parametrize(("content", "said"), [
    (None, "This file is far larger than a programme workbook, so it is not opened."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     "This is an old-style Excel file (.xls), or one protected by a password"),
], ids=["too large", "old excel"])
def test_a_workbook_that_cannot_be_read_says_what_is_wrong(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None,
        said: str) -> None:
    path = tmp_path / "programme.xlsx"
    if content is None:  # a sparse file past the size docgen reads (nothing written)
        with path.open("wb") as f:
            f.truncate(workbooks_api.MAX_WORKBOOK_BYTES + 1)
    else:
        path.write_bytes(content)
    checked = _counted(monkeypatch)
    page = Shown(Interview(tmp_path).client.get("/programme"))
    shown = page.section("Posts in the workbook programme.xlsx")
    assert shown.startswith(said), shown
    assert "check that it is saved" not in shown and checked == []
    for word in (*PROGRAMMER_WORDS, "docgen", "intake"):
        assert word not in shown, word


def test_two_visits_at_once_check_a_workbook_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The second waits for the first's check and takes it (two checks of thousands of
    posts at once would take both cores)."""
    write_programme(tmp_path, 2)
    checked = _counted(monkeypatch)
    counting = workbooks_api.check_workbook

    def slow(path: Any) -> Any:
        time.sleep(0.5)
        return counting(path)

    monkeypatch.setattr(workbooks_api, "check_workbook", slow)
    webs = [Interview(tmp_path), Interview(tmp_path)]
    with ThreadPoolExecutor(2) as pool:
        pages = list(pool.map(lambda web: Shown(web.client.get("/programme")), webs))
    assert [_refs(p, BOOK) for p in pages] == [["EWK-0001", "EWK-0002"]] * 2
    assert checked == ["posts.xlsx"]
