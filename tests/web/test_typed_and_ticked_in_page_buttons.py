""""Not known yet" ticked with words typed in the same box, sent by a button that changes
the page rather than leaving it: "Add another", "Remove" (a row of a list) and "Remove
this answer". Each keeps the words and asks which was meant, as Continue and the buttons
that leave the page do: before, "Add another" and "Remove" saved the words, dropped the
tick and came back without a word, and "Remove this answer" went on to its confirmation,
so the officer believed "Not known yet" was recorded. "Add another" and "Remove" still
add or remove the row asked for (the page comes back either way); "Remove this answer"
asks first, and is pressed again once the officer has chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown, said_plainly  # noqa: E402

POST = "shared-head-of-hr.yaml"
TICK = "\u2018Not known yet\u2019"
SAVED = "Your answers are saved"


def _notice(page: Shown) -> str:
    """What the notice above the page says (its first, GOV.UK's notification banner)."""
    found = page.find("//div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]")
    assert found, page.url
    return " ".join(found[0].text_content().split())


def _rows(page: Shown, name: str) -> int:
    """How many rows the list ``name`` shows."""
    return int(page.find(f"//input[@name='{name}.__n']")[0].get("value"))


@pytest.mark.parametrize(("slug", "button", "box", "typed", "asked"), [
    ("post", "add-row:post.locations", "post.title", "Head of People and Culture",
     "Enter the job title"),
    ("confidentiality", "add-text:confidentiality.protected_information",
     "confidentiality.data_sharing_agreement", "The 2024 data sharing agreement", None),
])
def test_add_another_with_words_and_the_tick_adds_the_row_and_asks_which(
        tmp_path: Path, slug: str, button: str, box: str, typed: str,
        asked: str | None) -> None:
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/{slug}")
    listed = button.partition(":")[2]
    before = _rows(page, listed)
    shown = web.press_with_both(page, button, box, typed)
    said = [text for text, _ in shown.errors()]
    wanted = [text for text in said if text.endswith(f", or tick {TICK}, not both")]
    assert len(wanted) == 1, said
    if asked:
        assert wanted[0] == f"{asked}, or tick {TICK}, not both", said
    assert dict(shown.errors())[wanted[0]] == f"#f-{box.replace('.', '-')}"
    assert _rows(shown, listed) == before + 1  # the row asked for: added all the same
    notice = _notice(shown)
    assert SAVED in notice and "The new row you asked for has been added." in notice, notice
    said_plainly(shown)  # (its "an answer docgen does not use" names the tool)
    saved: Any = web.on_disk()
    for key in box.split("."):
        saved = saved[key]
    assert saved == typed  # the words, never "not known yet"


def test_remove_a_row_with_words_and_the_tick_removes_it_and_asks_at_the_row_moved_up(
        tmp_path: Path) -> None:
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/post")
    assert _rows(page, "post.locations") == 2
    shown = web.press(page, "remove:post.locations:0", {
        "post.locations.1.site": "Civic Centre annexe, Westmere",
        "post.locations.1.site-tbc": "tbc"})
    assert shown.status == 422 and shown.path.endswith("/post"), shown.url
    assert _rows(shown, "post.locations") == 1  # the row asked for: removed all the same
    said = shown.errors()
    assert [f"Enter the site, or tick {TICK}, not both", "#f-post-locations-0-site"] in \
        said, said  # at the row as it is now (it was the second), beside its words
    assert shown.value("post.locations.0.site") == "Civic Centre annexe, Westmere"
    assert not shown.checked("post.locations.0.site-tbc")
    notice = _notice(shown)
    assert SAVED in notice and "The row you asked to remove has been removed." in notice
    said_plainly(shown)
    assert [row["site"] for row in web.on_disk()["post"]["locations"]] == [
        "Civic Centre annexe, Westmere"]
    # the words chosen (as the page now shows them): the buttons go back to doing only
    # what they say
    again = web.press(shown, "add-row:post.locations")
    assert again.status == 200 and not again.errors(), again.errors()


def test_remove_the_row_holding_words_and_the_tick_asks_nothing_of_it(tmp_path: Path) -> None:
    web = Browser.opened(tmp_path, POST)
    page = web.go(f"{web.base}/post")
    shown = web.press(page, "remove:post.locations:1", {
        "post.title": "Head of People and Culture", "post.title-tbc": "tbc",
        "post.locations.1.site": "Civic Centre annexe", "post.locations.1.site-tbc": "tbc"})
    assert shown.status == 422, shown.url  # the job title still asks which
    said = [text for text, _ in shown.errors()]
    assert said[0] == f"Enter the job title, or tick {TICK}, not both", said
    assert not any("site" in text for text in said), said  # the row removed asks nothing
    assert _rows(shown, "post.locations") == 1
    assert [row["site"] for row in web.on_disk()["post"]["locations"]] == [
        "Town Hall, Eastwick"]


def _odd(tmp_path: Path) -> Browser:
    """The worked example with an answer docgen does not use on the payment page."""
    text = (EXAMPLES / POST).read_text(encoding="utf-8")
    assert "\npayment:\n" in text
    return Browser.on(tmp_path, "odd.yaml",
                      text.replace("\npayment:\n", "\npayment:\n  bonus_pool: 5000\n", 1))


def test_remove_this_answer_with_words_and_the_tick_asks_which_first(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/payment")
    shown = web.press(page, "drop-ask:payment.bonus_pool", {
        "payment.on_costs.0.name": "Employer's pension contributions",
        "payment.on_costs.0.name-tbc": "tbc"})
    assert shown.status == 422 and shown.path.endswith("/payment"), shown.url
    assert "Remove the answer" not in shown.text("//h1")  # not the confirmation yet
    said = [text for text, _ in shown.errors()]
    assert any(text.endswith(f", or tick {TICK}, not both") for text in said), said
    assert shown.value("payment.on_costs.0.name") == "Employer's pension contributions"
    assert not shown.checked("payment.on_costs.0.name-tbc")
    notice = _notice(shown)
    assert SAVED in notice and "Then press \u2018Remove this answer\u2019 again." in notice
    said_plainly(shown)
    saved = web.on_disk()["payment"]
    assert saved["on_costs"][0]["name"] == "Employer's pension contributions"
    assert saved["bonus_pool"] == 5000  # not removed: the officer has not confirmed
    asked = web.press(shown, "drop-ask:payment.bonus_pool")  # chosen: now it asks to confirm
    assert asked.status == 200 and "Remove the answer \u2018bonus_pool\u2019?" in \
        asked.text("//h1"), asked.url
