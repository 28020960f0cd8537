""""Not known yet" ticked with words typed in the same box, sent some other way than a
section page's Continue: from a partner's page, by the live check, or with "Save and come
back later" or "Save and return to the task list". Each keeps the words (never "not known
yet" for them) and asks which was meant, as Continue does: before, each saved the words
and said nothing, so the officer believed "Not known yet" was recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, said_plainly  # noqa: E402

POST = "shared-head-of-hr.yaml"
TICK = "\u2018Not known yet\u2019"


@pytest.mark.parametrize(("button", "index", "field", "typed"), [
    ("continue", 0, "signatory.title", "Director of Resources"),
    ("later", 1, "signatory.name", "Pat Jones"),
])
def test_a_partner_page_with_words_and_the_tick_asks_which(
        tmp_path: Path, button: str, index: int, field: str, typed: str) -> None:
    """Its Continue and its "Save and come back later" alike: the words kept on the page
    and on disk, the tick not applied, and once the officer has chosen (the words, as the
    page now shows), the button does what it says."""
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/partners/{index}")
    name = f"parties.{index}.{field}"
    shown = web.press_with_both(page, button, name, typed)
    assert ("Your answers are saved" in shown.text()) == (button == "later")
    said_plainly(shown, "docgen ")
    party = web.on_disk()["parties"][index]
    holder, key = field.split(".")
    assert isinstance(party, dict) and party[holder][key] == typed
    shown = web.press(shown, button)  # asked once: now it goes on
    assert shown.status == 200 and not shown.errors(), shown.errors()
    if button == "later":
        assert shown.path == "/", shown.url


def test_live_check_with_words_and_the_tick_says_which(tmp_path: Path) -> None:
    web = Browser.opened(tmp_path, POST)
    before = web.kept()
    form = web.form("post")
    sent = web.client.post(f"{web.base}/post/live", data={
        **form, "post.title": "Head of People and Culture", "post.title-tbc": "tbc",
        "changed": ["post.title", "post.title-tbc"]})
    assert sent.status_code == 200, sent.text[:2000]
    body = sent.json()
    wanted = f"Enter the job title, or tick {TICK}, not both"
    assert any(wanted in (errors or []) for errors in body["fields"].values()), body["fields"]
    assert wanted in [s["message"] for s in body["summary"]], body["summary"]
    assert web.kept() == before  # the live check saves nothing


@pytest.mark.parametrize("button", ["later", "tasks"])
def test_leaving_a_section_with_words_and_the_tick_asks_which(tmp_path: Path,
                                                              button: str) -> None:
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/post")
    shown = web.press_with_both(page, button, "post.title", "Head of People and Culture")
    said = [text for text, _ in shown.errors()]
    assert f"Enter the job title, or tick {TICK}, not both" in said, said
    text = shown.text()
    assert "Your answers are saved" in text, text
    said_plainly(shown, "docgen ")
    assert web.on_disk()["post"]["title"] == "Head of People and Culture"
    shown = web.press(shown, button)  # asked once: the button now does what it says
    assert shown.status == 200 and not shown.path.endswith("/post"), shown.url
