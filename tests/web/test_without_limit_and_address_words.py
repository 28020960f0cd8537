"""How long confidentiality lasts reads as the form reads it (commit 2435ac9): the hint
says "A number of years, for example 2, or ‘without limit’", not "or indefinite", and a
saved "indefinite" is shown in the box as "without limit" (sent back unchanged, it stays
indefinite). A named post-holder's blank home address is never "Enter home address": on a
draft it is not refused at all (not known yet, as docgen reads it), only the name is."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"
BOX = "confidentiality.duration_after_end"


def test_the_duration_says_without_limit(tmp_path: Path) -> None:
    web = Interview.opened(tmp_path, HR)
    html = web.client.get(f"{web.base}/confidentiality").text
    hint = lxml.html.fromstring(html).xpath(
        '//div[@id="f-confidentiality-duration_after_end-hint"]')
    assert hint and " ".join(hint[0].text_content().split()) == \
        "A number of years, for example 2, or \u2018without limit\u2019"
    assert "indefinite" not in html.lower().replace("indefinitely", "")
    assert web.form("confidentiality")[BOX] == ["without limit"]
    assert web.submit("confidentiality").status_code == 200
    assert web.save(HR).status_code == 200
    assert docgen.load(tmp_path / HR).confidentiality.duration_after_end == "indefinite"


def test_a_missing_home_address_names_the_post_holder(tmp_path: Path) -> None:
    web = Interview.opened(tmp_path, HR)
    dates = {f"postholder__{d}-{p}": "" for d in ("consulted_on", "continuous_service_from")
             for p in ("day", "month", "year")}
    blank = {f"postholder__{k}": "" for k in ("name", "address", "pension_scheme")}
    assert web.submit("postholder", postholder_known="no", **blank, **dates).status_code \
        == 200
    sent = web.submit("postholder", postholder_known="yes")  # a named person, not typed yet
    assert sent.status_code == 422
    summary = [" ".join(li.text_content().split()) for li in lxml.html.fromstring(
        sent.text).xpath("//div[contains(@class, 'govuk-error-summary')]//li")]
    assert summary == ["Enter the post-holder's name"]  # the address may wait on a draft
    assert "Enter home address" not in sent.text
