""""Final" chosen on About while the post cannot be final (warnings not accepted, answers
still to give) is not saved: the status stays a draft, the page says so and names what
is still to do, with a link to its page; check your answers can still make the
documents."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _recruiting(folder: Path) -> Interview:
    """The Head of HR example with its post-holder taken out (so the contract has a gap)."""
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    asked = web.submit("postholder", postholder_known="no")
    button = lxml.html.fromstring(asked.text).xpath('//button[@id="confirm-discard"]')
    if button:
        form = button[0].getparent().getparent()
        web.client.post(f"{web.base}/postholder",
                        data={**dict(form.form_values()), "action": button[0].get("value")})
    assert web.form("postholder")["postholder_known"] == ["no"]
    return web


def test_final_refused_is_not_saved(folder: Path) -> None:
    web = _recruiting(folder)
    sent = web.submit("about", status="final")
    assert sent.status_code == 422 and sent.url.path.endswith("/about")
    said = _text(sent.text)
    assert "‘Final’ was not saved, so the post is still a draft." in said
    assert re.search(r"1 answer is still to be given and 1 warning is not accepted", said), \
        said  # the warning: GP045, a post to return to given for a recruit
    link = lxml.html.fromstring(sent.text).xpath('//div[@id="before-final"]//a')
    assert ("Give the name and address of the person appointed, once known",
            f"{web.base}/postholder#f-postholder-name".split(
        "testserver", 1)[-1]) in [(a.text_content(), a.get("href")) for a in link]
    assert web.form("about")["status"] == ["draft"]  # the radios show what is kept
    check = web.client.get(f"{web.base}/check")
    assert "the documents cannot be made yet" not in check.text
    assert web.client.get(f"{web.base}/preview/agreement").status_code == 200


def test_save_and_return_does_not_keep_a_refused_final(folder: Path) -> None:
    web = _recruiting(folder)
    sent = web.submit("about", action="tasks", status="final")
    assert sent.status_code == 422 and "‘Final’ was not saved" in _text(sent.text)
    assert web.form("about")["status"] == ["draft"]


def test_final_allowed_is_saved(folder: Path) -> None:
    shutil.copy(EXAMPLES / "joint-director-public-health.yaml", folder)
    web = Interview(folder)
    web.open("joint-director-public-health.yaml")
    sent = web.submit("about", status="final")
    assert sent.status_code == 200 and not sent.url.path.endswith("/about"), _text(sent.text)
    assert web.form("about")["status"] == ["final"]
