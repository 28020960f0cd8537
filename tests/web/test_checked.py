"""The interview's checks kept a few seconds (docgen/web/checked.py): the same answers and
profiles are checked once, a change to either (or the time running out) checks again, and
each caller gets a report of its own."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.web import checked  # noqa: E402
from docgen.web.yamltext import parse, to_plain  # noqa: E402

from .helpers import Interview  # noqa: E402

HERE = Path(__file__).parent
POST = Path(docgen.__file__).parent / "data" / "examples" / "shared-head-of-hr.yaml"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The answers each real ``docgen.check`` was given, in order."""
    calls: list[Any] = []
    real = docgen.check

    def check(source: Any, **kwargs: Any) -> docgen.CheckReport:
        calls.append(source)
        return real(source, **kwargs)

    monkeypatch.setattr(docgen, "check", check)
    checked._KEPT.clear()
    return calls


def _answers() -> dict[str, Any]:
    return to_plain(parse(POST.read_text(encoding="utf-8")))


def test_the_same_answers_are_checked_once_and_each_caller_has_its_own_report(
        counted: list[Any], tmp_path: Path) -> None:
    answers = _answers()
    first = checked.check(answers, tmp_path)
    first.problems.clear()
    first.facts["reference"] = "CHANGED"  # type: ignore[index]
    second = checked.check(_answers(), tmp_path)
    assert len(counted) == 1
    assert second.reference == docgen.check(answers, workspace=tmp_path).reference
    assert second.problems and second.facts and second.facts.get("reference") != "CHANGED"


def test_a_changed_answer_its_type_or_the_time_running_out_checks_again(
        counted: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _answers()
    checked.check(answers, tmp_path)
    salary = answers["payment"]["salary"]
    checked.check({**answers, "payment": {**answers["payment"], "salary": salary + 1}},
                  tmp_path)
    assert len(counted) == 2
    start = answers["post"]["start_date"]
    assert isinstance(start, dt.date)  # a date, and the text of that date: not the same
    checked.check({**answers, "post": {**answers["post"], "start_date": start.isoformat()}},
                  tmp_path)
    assert len(counted) == 3
    numbered = {**answers, "payment": {**answers["payment"], 1: "x"}}
    named = {**answers, "payment": {**answers["payment"], "1": "x"}}  # a key 1, then "1"
    assert checked.check(numbered, tmp_path).errors != checked.check(named, tmp_path).errors
    assert len(counted) == 5
    monkeypatch.setattr(checked, "KEPT_SECONDS", -1.0)
    checked.check(answers, tmp_path)
    assert len(counted) == 6


def test_a_profile_changed_on_disk_is_read_at_the_next_check(
        counted: list[Any], tmp_path: Path) -> None:
    shutil.copytree(HERE / "data" / "organisations", tmp_path / "organisations")
    answers = _answers()
    checked.check(answers, tmp_path)
    checked.check(answers, tmp_path)
    assert len(counted) == 1
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# changed\n",
                       encoding="utf-8")
    checked.check(answers, tmp_path)
    assert len(counted) == 2
    (tmp_path / "organisations" / "newtown.yaml").write_text("", encoding="utf-8")
    checked.check(answers, tmp_path)
    assert len(counted) == 3


def test_a_profile_written_twice_in_one_tick_at_one_size_is_read_again(
        counted: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes within one tick of the file's clock, the same size: its name, size and
    time are the same after both, so its bytes decide (the file being that recent: for the
    whole test, which a stall of 2 s could otherwise cut in two)."""
    monkeypatch.setattr(checked, "RECENT_SECONDS", 3600.0)
    monkeypatch.setattr(checked, "KEPT_SECONDS", 3600.0)  # kept however slow the machine
    shutil.copytree(HERE / "data" / "organisations", tmp_path / "organisations")
    profile = tmp_path / "organisations" / "eastwick.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text + "\n# changed: one\n", encoding="utf-8")
    first = profile.stat()
    answers = _answers()
    checked.check(answers, tmp_path)
    profile.write_text(text + "\n# changed: two\n", encoding="utf-8")
    os.utime(profile, ns=(first.st_atime_ns, first.st_mtime_ns))  # the same tick
    assert (profile.stat().st_size, profile.stat().st_mtime_ns) == \
        (first.st_size, first.st_mtime_ns)
    checked.check(answers, tmp_path)
    assert len(counted) == 2
    checked.check(answers, tmp_path)  # unchanged since: kept
    assert len(counted) == 2


def test_the_start_pages_posts_are_checked_once_until_a_post_file_changes(
        counted: list[Any], folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list of posts checks each post's file; shown again it is not checked again,
    unless a file changed (its status and problems then are the file's as it is). The
    files, just copied, count as recent throughout (known by their bytes too): a stall of
    2 s between two showings would otherwise change how they are known, and check again."""
    monkeypatch.setattr(checked, "RECENT_SECONDS", 3600.0)
    monkeypatch.setattr(checked, "KEPT_SECONDS", 3600.0)  # kept however slow the machine
    web = Interview(folder)  # its first page is the start page
    before = len(counted)
    assert before and "grey\">Draft</strong>" in web.client.get("/").text
    assert len(counted) == before
    post = folder / "shared-head-of-hr.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("status: draft", "status: final"),
                    encoding="utf-8")
    page = web.client.get("/").text
    assert len(counted) > before and "green\">Final</strong>" in page
    before = len(counted)
    (folder / "_base.yaml").write_text("docgen: 1\n", encoding="utf-8")  # what posts extend
    web.client.get("/")
    assert len(counted) > before
    assert "grey\">Draft</strong>" not in page
