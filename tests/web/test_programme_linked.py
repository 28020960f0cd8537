"""The programme page is linked from the start page (it was reachable only by typing its
address) in a folder of posts; a folder with none has no programme to show, and no link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown  # noqa: E402


def _link(folder: Path) -> list[str]:
    """Where the start page's programme link leads (none, or one address)."""
    web = Interview(folder)
    start = Shown(web.client.get("/"))
    hrefs = [a.get("href") for a in start.find("//main//a[@id='programme']")]
    for href in hrefs:
        page = Shown(web.client.get(href))
        assert page.status == 200 and "Programme at a glance" in page.text("//h1")
        assert "Eastwick" in page.text() or not list(folder.glob("*.yaml"))
    return hrefs


def test_a_folder_of_posts_links_the_programme(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    assert _link(tmp_path) == ["/programme"]


def test_a_folder_with_only_lock_files_or_a_csv_has_no_link(tmp_path: Path) -> None:
    """The programme page shows the folder's answer files and its workbooks' rows: for a
    spreadsheet's lock file or a .csv alone it would show no post, so it is not offered (a
    reviewer's find: a link to an empty programme). A workbook alone is linked
    (test_programme_workbooks.py)."""
    for name in (".~lock.programme.xlsx#", "~$programme.xlsx", "a.csv"):
        (tmp_path / name).write_bytes(b"")
    assert _link(tmp_path) == []


def test_an_empty_folder_has_no_programme_link(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a post", "utf-8")
    assert _link(tmp_path) == []
