""""Final" refused on About: the error summary, read whole, says why once. The page had it
once, but the tests (and a reviewer) read the summary as ``//div[contains(@class,
'govuk-error-summary')]``, which finds the summary and its ``govuk-error-summary__body``
too, so the title and the list were read, then the list again: the refusal twice.
``Shown.text`` now reads an element found inside another once, with it. The summary is
GOV.UK's: "There is a problem", then one link to the status question, whose message says
the same words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402

SUMMARY = "//div[contains(@class, 'govuk-error-summary')]"


def _refused(folder: Path, **post: Any) -> Shown:
    """The Head of HR example (its VAT warning not accepted, ``post`` answers changed),
    "Final" chosen on About and Continue pressed: the page refusing it."""
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data.pop("acknowledge")
    data["reference"] = "EWK-WSM-HR-02"  # the folder holds the example too
    data["post"].update(post)
    web = Browser.on(folder, "refused.yaml", yaml.safe_dump(data, sort_keys=False))
    page = web.press(web.go(f"{web.base}/about"), status="final")
    assert page.status == 422 and page.path.endswith("/about"), page.text()
    return page


@pytest.mark.parametrize(("post", "why"), [
    ({}, "1 warning is not accepted or put right"),
    ({"hours_per_week": "lots"}, "every question must be answered without errors"),
])
def test_the_summary_says_why_once(folder: Path, post: dict[str, Any], why: str) -> None:
    page = _refused(folder, **post)
    [said] = [text for text, _ in page.errors()]  # one problem, one link
    assert said.startswith("\u2018Final\u2019 was not saved, so the post is still a draft. "
                           f"It cannot be final yet: {why}"), said
    assert page.text(SUMMARY) == f"There is a problem {said}"  # read whole: once
    assert page.text(SUMMARY).count("was not saved") == 1
    assert page.errors() == [[said, "#f-status"]]
    # beside the question, the same words (GOV.UK's pattern), and nowhere else
    assert page.text("//p[@id='f-status-error']") == f"Error: {said}"
    assert page.text().count("was not saved") == 2
    for word in ("status", "acknowledge", "GP0", "yaml"):
        assert word not in said

