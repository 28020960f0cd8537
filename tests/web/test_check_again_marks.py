"""A reason to check a section again that a later change undoes (a partner removed, then
added back; the law changed, then changed again) is kept with a mark of its kind beside
its words, and dropped by that mark (``carried.Reason``, ``carried.kept``): carried.py
once found its own reasons again with patterns made from their sentences. A draft kept on
disk by that docgen (sentences alone) still opens, and its reasons are dropped as before
(``carried.marked_again``, as the store reads the draft)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web import carried  # noqa: E402
from docgen.web.carried import LAW, PARTNER_REMOVED, Reason, kept, marked_again  # noqa: E402
from docgen.web.tasks import rechecks  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"
#: the reason a change of law to Scotland left on the legal basis, as docgen kept it on
#: disk before reasons had marks
OLD_LAW = ("?basis:The law of Scotland now applies, but the legal basis chosen, Section 113 "
           "of the Local Government Act 1972 (England and Wales), is a power in England and "
           "Wales. Check it still fits this post.")
OLD_REMOVED = ("?employer:Northtown was removed as a partner, but answers in these sections "
               "named it. Choose one of the partners left.")


def _in_scotland(tmp_path: Path) -> Interview:
    shutil.copy(EXAMPLES / HR, tmp_path)
    web = Interview(tmp_path)
    web.open(HR)
    web.submit("about", jurisdiction="scotland")
    return web


def _record(web: Interview) -> Path:
    store = web.client.app.app.state.store  # type: ignore[attr-defined]
    return store._file(web.base.rsplit("/", 1)[1])  # type: ignore[no-any-return]


def _says(web: Interview, page: str) -> list[str]:
    """The sentences saying the law changed, on ``page`` (the basis page or the task list)."""
    html = web.client.get(f"{web.base}/{page}").text
    text = " ".join(lxml.html.fromstring(html).text_content().split())
    return [s for s in text.split("The law of ")[1:] if " now applies" in s]


def test_a_change_of_law_keeps_its_reason_with_its_mark(tmp_path: Path) -> None:
    web = _in_scotland(tmp_path)
    visited = set(json.loads(_record(web).read_text("utf-8"))["visited"])
    assert list(kept(visited, LAW).values()) == ["scotland"]
    assert rechecks(visited, "basis") == [OLD_LAW.removeprefix("?basis:")]  # words alone
    assert "\x1f" not in web.client.get(f"{web.base}/tasks").text


def test_a_reason_reworded_since_it_was_kept_is_still_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by its mark, not its words: a reason kept in other words than the sentence
    has now (an earlier version's) goes when the law changes back."""
    with monkeypatch.context() as earlier:
        earlier.setattr(carried, "LAW_CHANGED", "Now {law}: {basis} belongs to {home}.")
        web = _in_scotland(tmp_path)
    assert web.task_states()["Legal basis"] == "Check again"
    assert "Now Scotland: Section 113" in web.client.get(f"{web.base}/basis").text
    web.submit("about", jurisdiction="england_and_wales")
    assert web.task_states()["Legal basis"] == "Completed"
    assert _says(web, "basis") == [] and _says(web, "tasks") == []


def test_a_draft_kept_before_reasons_had_marks_opens_and_drops_them(tmp_path: Path) -> None:
    web = _in_scotland(tmp_path)
    record = _record(web)
    kept_on_disk = json.loads(record.read_text("utf-8"))
    kept_on_disk["visited"] = [OLD_LAW if v.startswith("?basis:") else v
                               for v in kept_on_disk["visited"]]
    record.write_text(json.dumps(kept_on_disk), "utf-8")
    again = Interview(tmp_path)  # a restart: the draft as the older docgen kept it
    again.base = web.base
    assert again.task_states()["Legal basis"] == "Check again"
    assert len(_says(again, "basis")) == 1  # read as before
    again.submit("about", jurisdiction="england_and_wales")
    assert again.task_states()["Legal basis"] == "Completed"
    assert _says(again, "basis") == [] and _says(again, "tasks") == []


def test_an_older_reason_is_given_the_mark_of_its_kind() -> None:
    removed = marked_again(OLD_REMOVED)
    assert kept({removed}, PARTNER_REMOVED) == {removed: "northtown"}
    assert rechecks({removed}, "employer") == [OLD_REMOVED.removeprefix("?employer:")]
    law = marked_again(OLD_LAW)
    assert kept({law}, LAW) == {law: "scotland"} and kept({law}, PARTNER_REMOVED) == {}
    other = "?payment:Westmere is now the employer. Check they fit this post."
    assert [marked_again(v) for v in (other, "about", "*", law)] == [other, "about", "*", law]
    assert Reason(LAW, "wales").beside("Words") == "Words\x1flaw:wales"
