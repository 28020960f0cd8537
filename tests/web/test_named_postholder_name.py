""""Yes, a named person" asks for the name: the employer's profile gives a pension scheme,
so the post-holder's answers were never all blank and a post-holder with no name was
accepted (the contract printed "[to be confirmed]"). "Not yet" works as before."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

BLANK = {"postholder__name": "", "postholder__address": "",
         **{f"postholder__{d}-{p}": "" for d in ("consulted_on", "continuous_service_from")
            for p in ("day", "month", "year")}}


def _summary(html: str) -> list[str]:
    return [" ".join(a.text_content().split()) for a in lxml.html.fromstring(html).xpath(
        '//div[contains(@class, "govuk-error-summary")]//a')]


def _label(html: str) -> str:
    found = lxml.html.fromstring(html).xpath('//label[@for="f-postholder-name"]')
    return " ".join(found[0].text_content().split())


def test_a_named_person_needs_a_name(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("NAMED-1", postholder_known="yes")
    page = web.client.get(f"{web.base}/postholder").text
    assert _label(page) == "Full name"  # not "(optional)"
    sent = web.submit("postholder", postholder_known="yes", **BLANK)
    assert sent.status_code == 422
    assert "Enter the post-holder's name" in _summary(sent.text)
    assert _label(sent.text) == "Full name"
    back = web.submit("postholder", action="tasks", postholder_known="yes", **BLANK)
    assert "to_correct=postholder" in str(back.url)  # the task list says to correct it
    named = web.submit("postholder", postholder_known="yes", postholder__name="Alex Morgan")
    assert named.status_code == 200 and not named.url.path.endswith("/postholder")
    assert web.form("postholder")["postholder.name"] == ["Alex Morgan"]


def test_not_yet_still_needs_no_name(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("NAMED-2", postholder_known="yes")
    sent = web.submit("postholder", postholder_known="no", **BLANK)  # the profile's
    assert "confirm-discard" not in sent.text  # pension scheme only: not asked about
    assert sent.status_code == 200 and not sent.url.path.endswith("/postholder")
    assert web.form("postholder")["postholder_known"] == ["no"]
    assert "Enter the post-holder" not in web.client.get(f"{web.base}/postholder").text


def test_the_address_and_consultation_date_may_wait_on_a_draft(tmp_path: Path) -> None:
    """Labelled "(needed before the post is final)", and read by docgen left out as not
    known yet: blank on a draft, they are not refused (they were, "Enter the post-holder's
    home address" and "Enter the date they were consulted", when all was blank, so the
    officer had to tick "Not known yet"); check your answers lists them as gaps."""
    web = Interview.opened(tmp_path, "shared-legal-services-three-councils.yaml")
    sent = web.submit("postholder", postholder_known="yes", **BLANK)
    assert sent.status_code == 422
    assert _summary(sent.text) == ["Enter the post-holder's name"]
    named = web.submit("postholder", postholder_known="yes",
                       **{**BLANK, "postholder__name": "Alex Morgan"})
    assert named.status_code == 200 and not named.url.path.endswith("/postholder")
    assert web.on_disk()["postholder"] == {"name": "Alex Morgan"}
    check = " ".join(lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
                     .text_content().split())
    assert "The post-holder's home address is not known yet" in check
    assert "The date they were consulted is not known yet" in check
