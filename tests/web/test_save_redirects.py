"""The "Saved as ..." confirmation was the reply to the Save form's POST, so reloading it
sent the form again (Chromium's "Confirm Form Resubmission"; HR walkthrough, item 3).
Save now answers with a redirect (303, Post/Redirect/Get) to "Check your answers", which
shows the confirmation on a GET: reloading it saves nothing. The confirmation names only
the file the draft was saved as, and only while nothing has changed since."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402

NAME = "shared-head-of-hr.yaml"


def _banner(html: str) -> str:
    found = lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-notification-banner--success')]")
    return " ".join(found[0].text_content().split()) if found else ""


def test_save_redirects_to_a_page_that_can_be_reloaded(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    web.submit("payment", payment__salary="95000")
    sent = web.client.post(f"{web.base}/save", data={"csrf_token": web.token, "name": NAME},
                           follow_redirects=False)
    assert sent.status_code == 303
    where = sent.headers["location"]
    assert where == f"{web.base.split('testserver')[1]}/check?saved={NAME}"
    assert sent.text == ""
    path = folder / NAME
    written = path.stat().st_mtime_ns
    for _ in range(2):  # shown, then reloaded: a GET, nothing sent or saved again
        shown = web.client.get(where)
        assert shown.status_code == 200 and _banner(shown.text) == f"Success Saved as {NAME}"
    assert path.stat().st_mtime_ns == written and "95000" in path.read_text()

    assert _banner(web.client.get(f"{web.base}/check?saved=other.yaml").text) == ""
    web.submit("payment", payment__salary="96000")  # changed since: not "saved" any more
    assert _banner(web.client.get(where).text) == ""


def test_a_save_refused_is_still_answered_at_once(folder: Path) -> None:
    web = Interview(folder)
    web.open(NAME)
    refused = web.client.post(f"{web.base}/save", data={"csrf_token": web.token,
                                                        "name": "../escaped"},
                              follow_redirects=False)
    assert refused.status_code == 422 and "Not saved" in refused.text
