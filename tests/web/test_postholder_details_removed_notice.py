""""Remove this answer" pressed for an answer docgen does not use among the post-holder's
details (``colour: blue``), with "Not yet: we are recruiting" chosen and details typed:
docgen asks "Remove the post-holder's details?", and "Yes, remove their details" takes out
the details and that answer with them. The page shown next says so, in a notice, once:
before, the answer the officer asked to remove was simply gone without a word. The plain
"Yes, remove their details" after Continue (no answer asked about) says nothing of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402

NAMED = "  name: Morgan Ellis\n"
REMOVE = "drop-ask:postholder.colour"
SAID = ("The post-holder's details were removed, with the answer \u2018colour\u2019 that "
        "was among them.")
BANNER = "//div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]"


def _odd(tmp_path: Path) -> Browser:
    """The worked example with an answer docgen does not use under the post-holder."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert NAMED in text
    return Browser.on(tmp_path, "odd.yaml", text.replace(NAMED, NAMED + "  colour: blue\n", 1))


def _notice(page: Shown) -> str:
    """The words of the page's notification banners, each run of white space one space."""
    return page.text(BANNER)


def _asked(web: Browser, button: str) -> Shown:
    """``button`` pressed on the post-holder's page with "Not yet" chosen and a name
    typed: "Remove the post-holder's details?"."""
    page = web.go(f"{web.base}/postholder")
    asked = web.press(page, button, {"postholder_known": "no",
                                     "postholder.name": "Sam Okafor"})
    assert asked.status == 200 and "Remove the post-holder's details?" in asked.text("//h1")
    return asked


def test_the_answer_removed_with_the_details_is_said_on_the_next_page(
        tmp_path: Path) -> None:
    web = _odd(tmp_path)
    done = web.press(_asked(web, REMOVE), "#confirm-discard")  # "Yes, remove their details"
    assert done.status == 200 and done.path.endswith("/postholder"), done.url
    assert done.checked("postholder_known") == ["no"]
    assert not done.find("//*[@id='unknown-answers']")  # gone, with the details
    notice = _notice(done)
    assert SAID in notice, notice
    for word in ("postholder.", "drop-ask", "yaml", "unknown_key", "docgen "):
        assert word not in notice, word
    # no links to give: no empty list, which a screen reader reads out as "0 items"
    assert not done.find(f"{BANNER}//ul"), done.url
    assert SAID not in _notice(web.go(f"{web.base}/postholder"))  # said once


def test_keeping_the_details_says_nothing(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    kept = web.follow(_asked(web, REMOVE), "cancel-discard")  # "No, keep their details"
    assert kept.value("postholder.name") == "Sam Okafor"
    assert "colour" not in _notice(kept)


def test_yes_after_continue_says_nothing_of_the_answer(tmp_path: Path) -> None:
    """The officer asked to remove no answer: the details' confirmation said what goes."""
    web = _odd(tmp_path)
    done = web.press(_asked(web, "continue"), "#confirm-discard")
    assert done.status == 200, done.url
    assert not done.path.endswith("/postholder"), done.url  # on to the next page
    notice = _notice(done)
    assert "colour" not in notice and "were removed" not in notice, notice

