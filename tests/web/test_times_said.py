"""Times as GOV.UK style writes them ("7 December 2026 at 8:27am"), in the server's local
time: the drafts list said "last changed 2026-12-07 08:27 UTC"."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.when import said, said_iso  # noqa: E402

from .helpers import Interview, Shown  # noqa: E402

SAID = re.compile(r"\d{1,2} (January|February|March|April|May|June|July|August|September|"
                  r"October|November|December) \d{4} at (\d{1,2}(:\d\d)?(am|pm)|midday|"
                  r"midnight)")


@pytest.mark.parametrize(("moment", "words"), [
    (dt.datetime(2026, 12, 7, 8, 27), "7 December 2026 at 8:27am"),
    (dt.datetime(2026, 12, 7, 9, 0), "7 December 2026 at 9am"),
    (dt.datetime(2026, 12, 7, 12, 0), "7 December 2026 at midday"),
    (dt.datetime(2026, 12, 7, 0, 0), "7 December 2026 at midnight"),
    (dt.datetime(2026, 12, 7, 17, 5), "7 December 2026 at 5:05pm"),
    (dt.datetime(2026, 12, 7, 12, 30), "7 December 2026 at 12:30pm")])
def test_said_as_govuk_writes_it(moment: dt.datetime, words: str) -> None:
    assert said(moment) == words  # a naive time: as it is


def test_a_stamp_is_said_in_local_time() -> None:
    utc = dt.datetime(2026, 12, 7, 8, 27, tzinfo=dt.UTC)
    assert said_iso("2026-12-07T08:27:03+00:00") == said(utc.astimezone())
    assert said_iso("") == "" and said_iso("not a time") == "not a time"


def test_the_drafts_list_says_when_in_words(tmp_path: Path) -> None:
    web = Interview.opened(tmp_path, "shared-head-of-hr.yaml")
    web.submit("post", action="later", post__title="Head of People")
    text = Shown(web.client.get("/")).text()
    found = re.search(r"last changed (.*?)(?: ·|$| Delete)", text)
    assert found is not None, text
    assert SAID.fullmatch(found.group(1).strip()), found.group(1)
    assert "UTC" not in text and not re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", text)
