"""A post marked final, with an answer docgen does not use among the post-holder's details
(``colour: blue``): "Remove this answer" pressed with "Not yet: we are recruiting" chosen,
then "Yes, remove their details". When another notice is waiting for the next page (the
post made a draft again, final_now.contract_again's "This post is a draft again"), the
answer's going is said in that notice, not skipped: before (fc1e772) the removed answer
vanished without a word whenever a notice was already there. The waiting notice keeps its
heading and its link to About; only one banner is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from docgen.web import interview  # noqa: E402
from docgen.web.carried import removed_with  # noqa: E402
from docgen.web.drafts import Draft  # noqa: E402
from docgen.web.final_now import DRAFT_AGAIN  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402
from .test_postholder_details_removed_notice import BANNER, NAMED, REMOVE, _asked  # noqa: E402

#: the answer's sentence, inside the other notice
ALSO = ("The post-holder's details were removed, with the answer \u2018colour\u2019 that "
        "was among them.")


def _final(tmp_path: Path) -> Browser:
    """The worked example marked final, made without its contract (a recruit's post made
    final now), with an answer docgen does not use under the post-holder."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert NAMED in text and "\nstatus: draft\n" in text
    text = text.replace(NAMED, NAMED + "  colour: blue\n", 1).replace(
        "\nstatus: draft\n", "\ndocuments: [agreement, job_spec]\nstatus: final\n", 1)
    web = Browser.on(tmp_path, "final.yaml", text)
    assert web.go(f"{web.base}/about").checked("status") == ["final"]
    return web


def _draft_again(_request: Any, draft: Draft) -> None:
    """As final_now.contract_again does when the post cannot stay final: a draft again,
    and "This post is a draft again" waiting for the next page."""
    draft.doc["status"] = "draft"
    draft.notice = {**DRAFT_AGAIN, "links": [("About", f"/edit/{draft.id}/about")]}


def test_the_answer_is_said_in_the_notice_already_waiting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    web = _final(tmp_path)
    asked = _asked(web, REMOVE)
    monkeypatch.setattr(interview, "contract_again", _draft_again)
    done = web.press(asked, "#confirm-discard")  # "Yes, remove their details"
    assert done.status == 200 and done.path.endswith("/postholder"), done.url
    assert not done.find("//*[@id='unknown-answers']")  # gone, with the details
    banners = done.find(BANNER)
    assert len(banners) == 1, done.text(BANNER)
    said = done.text(BANNER)
    assert f"{DRAFT_AGAIN['heading']}." in said, said  # the waiting notice, kept
    assert ALSO in said, said  # and the answer that went, not skipped
    assert done.links(f"{BANNER}//a") == [["About", f"{done.path[:-len('postholder')]}about"]]
    for word in ("postholder.", "drop-ask", "yaml", "unknown_key"):
        assert word not in said, word
    assert ALSO not in Shown(web.client.get(f"{web.base}/postholder")).text()  # said once


def test_removed_with_adds_to_a_waiting_notice(tmp_path: Path) -> None:
    """The same, on the draft itself: the answer's sentence first, then the waiting
    notice's own text, which leads to its links."""
    web = _final(tmp_path)
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])  # type: ignore
    assert isinstance(draft, Draft)
    draft.doc.pop("postholder")  # "Not yet": the details and the answer gone
    _draft_again(None, draft)
    removed_with(draft, "colour", REMOVE)
    assert draft.notice is not None
    assert draft.notice["heading"] == DRAFT_AGAIN["heading"]
    assert draft.notice["text"] == f"{ALSO} {DRAFT_AGAIN['text']}"
    assert draft.notice["links"] == [("About", f"/edit/{draft.id}/about")]
