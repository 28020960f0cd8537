""""Not known yet" ticked with words typed in the same box, sent some other way than a
section page's Continue: from a partner's page, by the live check, or with "Save and come
back later" or "Save and return to the task list". Each keeps the words (never "not known
yet" for them) and asks which was meant, as Continue does: before, each saved the words
and said nothing, so the officer believed "Not known yet" was recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")

from .helpers import Browser, Shown  # noqa: E402

POST = "shared-head-of-hr.yaml"
TICK = "\u2018Not known yet\u2019"


def _on_disk(web: Browser) -> dict[str, Any]:
    """The answers of the draft as kept on disk (what a restart would open)."""
    store = web.client.app.app.state.store  # type: ignore[attr-defined]
    record = json.loads((store.home / f"{web.base.rsplit('/', 1)[1]}.json").read_text("utf-8"))
    answers = yaml.safe_load(record["text"])
    assert isinstance(answers, dict)
    return answers


def _plain_words(page: Shown) -> None:
    """What the page says about it, the error summary and any notice above it, has
    nothing a programmer would say: no key paths, YAML, rule ids or commands."""
    text = page.text("//div[contains(concat(' ', @class, ' '), ' govuk-error-summary ')]"
                     " | //div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]")
    assert text, page.url
    for word in ("tbc", "parties.", "post.title", "yaml", "docgen ", "--", "GP0"):
        assert word not in text, (word, text)


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
    shown = web.press(page, button, {name: typed, f"{name}-tbc": "tbc"})
    assert shown.status == 422 and shown.path.endswith(f"/partners/{index}"), shown.url
    said = [text for text, _ in shown.errors()]
    assert any(text.endswith(f"or tick {TICK}, not both") for text in said), said
    assert shown.value(name) == typed  # kept as typed
    assert not shown.checked(f"{name}-tbc")  # the tick not applied
    assert ("Your answers are saved" in shown.text()) == (button == "later")
    _plain_words(shown)
    party = _on_disk(web)["parties"][index]
    holder, key = field.split(".")
    assert isinstance(party, dict) and party[holder][key] == typed
    shown = web.press(shown, button)  # asked once: now it goes on
    assert shown.status == 200 and not shown.errors(), shown.errors()
    if button == "later":
        assert shown.path == "/", shown.url


def test_live_check_with_words_and_the_tick_says_which(tmp_path: Path) -> None:
    web = Browser.opened(tmp_path, POST)
    before = _on_disk_or_none(web)
    form = web.form("post")
    sent = web.client.post(f"{web.base}/post/live", data={
        **form, "post.title": "Head of People and Culture", "post.title-tbc": "tbc",
        "changed": ["post.title", "post.title-tbc"]})
    assert sent.status_code == 200, sent.text[:2000]
    body = sent.json()
    wanted = f"Enter the job title, or tick {TICK}, not both"
    assert any(wanted in (errors or []) for errors in body["fields"].values()), body["fields"]
    assert wanted in [s["message"] for s in body["summary"]], body["summary"]
    assert _on_disk_or_none(web) == before  # the live check saves nothing


def _on_disk_or_none(web: Browser) -> dict[str, Any] | None:
    store = web.client.app.app.state.store  # type: ignore[attr-defined]
    path = store.home / f"{web.base.rsplit('/', 1)[1]}.json"
    return _on_disk(web) if path.is_file() else None


@pytest.mark.parametrize("button", ["later", "tasks"])
def test_leaving_a_section_with_words_and_the_tick_asks_which(tmp_path: Path,
                                                              button: str) -> None:
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/post")
    shown = web.press(page, button, {"post.title": "Head of People and Culture",
                                     "post.title-tbc": "tbc"})
    assert shown.status == 422 and shown.path.endswith("/post"), shown.url
    said = [text for text, _ in shown.errors()]
    assert f"Enter the job title, or tick {TICK}, not both" in said, said
    text = shown.text()
    assert "Your answers are saved" in text, text
    assert shown.value("post.title") == "Head of People and Culture"
    assert not shown.checked("post.title-tbc")
    _plain_words(shown)
    assert _on_disk(web)["post"]["title"] == "Head of People and Culture"
    shown = web.press(shown, button)  # asked once: the button now does what it says
    assert shown.status == 200 and not shown.path.endswith("/post"), shown.url
