""""Remove this answer" on the post-holder's page (an answer docgen does not use,
``nickname: Mo`` under the post-holder) sends the page's form: what the officer typed is
saved first, as Continue saves it. "Not yet: we are recruiting" chosen with details typed
asks "Remove the post-holder's details?" first, as Continue does; words typed with "Not
known yet" ticked are asked about before the confirmation. Before, the page's form was
sent but not saved for the post-holder, so everything typed on it was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap

pytest.importorskip("starlette")

from docgen.web.final_now import FINAL_NOW  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402
from .test_final_open_listed import _recruit, _refused  # noqa: E402

NAMED = "  name: Morgan Ellis\n"
REMOVE = "drop-ask:postholder.nickname"


def _odd(tmp_path: Path) -> Browser:
    """The worked example with an answer docgen does not use under the post-holder."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert NAMED in text
    return Browser.on(tmp_path, "odd.yaml", text.replace(NAMED, NAMED + "  nickname: Mo\n", 1))


def _saved(web: Browser) -> dict[str, Any]:
    """The post's answers as the draft keeps them on disk (what a restart would open)."""
    return web.on_disk()


def _confirmed(web: Browser, page: Shown) -> Shown:
    """The confirmation asked for ``nickname``, then "Yes, remove it": the page again."""
    return web.answer_removed(page, "nickname", "/postholder")


def test_what_was_typed_on_the_postholder_page_is_kept(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/postholder")
    asked = web.press(page, REMOVE, {"postholder.name": "Sam Okafor",
                                     "postholder.address": "2 Mill Road, Eastwick EW1 2AB"})
    done = _confirmed(web, asked)
    assert done.value("postholder.name") == "Sam Okafor"
    assert done.checked("postholder_known") == ["yes"]
    held = _saved(web)["postholder"]
    assert held["name"] == "Sam Okafor" and held["address"] == "2 Mill Road, Eastwick EW1 2AB"
    assert "nickname" not in held


def test_not_yet_with_details_typed_asks_to_remove_them_first(tmp_path: Path) -> None:
    """As Continue: "Not yet" would throw away the details typed, so docgen asks first;
    "No, keep their details" finds them as typed, "Yes" takes them out (the answer with
    them) and comes back to the page."""
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/postholder")
    asked = web.press(page, REMOVE, {"postholder_known": "no",
                                     "postholder.name": "Sam Okafor"})
    assert asked.status == 200, asked.url
    assert "Remove the post-holder's details?" in asked.text("//h1")  # not the answer's yet
    assert "Sam Okafor" in asked.text()
    kept = web.follow(asked, "cancel-discard")  # "No, keep their details"
    assert kept.value("postholder.name") == "Sam Okafor"
    assert kept.checked("postholder_known") == ["yes"]
    assert _saved(web)["postholder"]["nickname"] == "Mo"  # nothing removed yet
    done = web.press(asked, "#confirm-discard")  # "Yes, remove their details"
    assert done.status == 200 and done.path.endswith("/postholder"), done.url
    assert done.checked("postholder_known") == ["no"]
    assert not done.find("//*[@id='unknown-answers']")
    assert "postholder" not in _saved(web)


def test_words_typed_with_not_known_yet_ticked_are_asked_about_first(tmp_path: Path) -> None:
    web = _odd(tmp_path)
    page = web.go(f"{web.base}/postholder")
    shown = web.press_with_both(page, REMOVE, "postholder.name", "Sam Okafor")
    assert "Remove the answer" not in shown.text("//h1")  # not the confirmation yet
    said = [text for text, _ in shown.errors()]
    notice = shown.text("//div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]")
    assert "Your answers are saved" in notice, notice
    assert "Then press \u2018Remove this answer\u2019 again." in notice, notice
    for word in ("tbc", "postholder.", "drop-ask", "yaml"):
        assert word not in notice and all(word not in text for text in said), word
    held = _saved(web)["postholder"]
    assert held["name"] == "Sam Okafor"  # the words, never "not known yet"
    assert held["nickname"] == "Mo"  # not removed: the officer has not confirmed
    done = _confirmed(web, web.press(shown, REMOVE))  # chosen: now it asks to confirm
    assert done.value("postholder.name") == "Sam Okafor"


def test_naming_the_appointee_makes_the_contract_again_as_continue_does(
        folder: Path) -> None:
    """A recruit's post made final without its contract, whose post-holder's answers hold
    only one docgen does not use (a file changed by hand): the name typed and "Remove this
    answer" pressed makes the contract again, as Continue does (``contract_again``), and
    the confirmation says the post is a draft again; kept final without its contract, the
    post named an appointee whose contract was never made."""
    web = _recruit(folder)
    _refused(web)
    assert web.submit("about", action=FINAL_NOW).status_code == 200
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["documents"] == ["agreement", "job_spec"]
    draft.doc["postholder"] = CommentedMap(nickname="Mo")
    page = web.go(f"{web.base}/postholder")
    asked = web.press(page, REMOVE, {"postholder_known": "yes",
                                     "postholder.name": "Sam Okoro"})
    assert "documents" not in draft.doc  # the appointee known: the contract made again
    assert draft.doc["status"] == "draft"  # its address still to give: a draft again
    assert "This post is a draft again" in asked.text(), asked.text()
    done = _confirmed(web, asked)
    assert done.value("postholder.name") == "Sam Okoro"
