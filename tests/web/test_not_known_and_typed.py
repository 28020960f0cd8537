""""Not known yet" ticked with words typed in the box: the words are kept (never thrown
away for "not known yet") and the page asks for one or the other, in the question's own
words, GOV.UK style."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402


def test_words_typed_and_not_known_ticked_are_kept_and_refused(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Browser(tmp_path)
    web.open("shared-head-of-hr.yaml")
    shown = web.go(f"{web.base}/post")
    assert shown.find("//input[@name='post.title-tbc']")  # the job title may be not known
    form = web.form("post")
    sent = web.client.post(f"{web.base}/post", data={
        **form, "post.title": "Head of People and Culture", "post.title-tbc": "tbc",
        "action": "continue"})
    assert sent.status_code == 422 and sent.url.path.endswith("/post"), sent.text[:2000]
    page = Shown(sent)
    said = [text for text, _ in page.errors()]
    assert "Enter the job title, or tick \u2018Not known yet\u2019, not both" in said, said
    assert page.find("//input[@name='post.title']")[0].get("value") == \
        "Head of People and Culture"  # what was typed, kept
    assert web.form("post")["post.title"] == ["Head of People and Culture"]
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["post"]["title"] == "Head of People and Culture"
    sent = web.client.post(f"{web.base}/post", data={**web.form("post"),
                                                     "action": "continue"})
    assert sent.status_code == 200  # one of the two: saved
