"""One GOV.UK tag colour, one meaning on every page (reviewer of 9c00762): the task list's
"Suggested answers" is purple so that it is not read as "Check again" (yellow). The
"Suggested" tag on Check your answers and on a section's own check page marks the same
thing, so it is purple there too, never the yellow of "Check again"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Shown, two_councils  # noqa: E402

#: the Suggested tags on a page
TAGS = "//main//*[contains(@class,'app-suggested')]/strong[contains(@class,'govuk-tag')]"


def _tag_classes(page: Shown) -> list[list[str]]:
    """The classes of each "Suggested" tag on ``page`` (there must be some)."""
    tags = page.find(TAGS)
    assert tags, page.text()
    assert all(" ".join(t.text_content().split()) == "Suggested" for t in tags)
    return [str(t.get("class")).split() for t in tags]


@pytest.mark.parametrize("page", ["/check", "/check/review", "/check/conflicts"])
def test_the_suggested_tag_is_purple_as_on_the_task_list(tmp_path: Path, page: str) -> None:
    web = two_councils(tmp_path, "COLOUR-1")
    tasks = Shown(web.client.get(f"{web.base}/tasks"))
    listed = tasks.find("//strong[contains(@class,'govuk-tag')][.='Suggested answers']")
    assert listed and all("govuk-tag--purple" in str(t.get("class")).split() for t in listed)
    for classes in _tag_classes(Shown(web.client.get(f"{web.base}{page}"))):
        assert "govuk-tag--purple" in classes, classes
        assert "govuk-tag--yellow" not in classes, classes  # "Check again"'s colour
