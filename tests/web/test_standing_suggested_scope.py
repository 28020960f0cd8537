"""What counts as docgen's suggestion (HR officer's review): the start page marked every
section holding a standing answer, so Check your answers tagged the partners' own
addresses ("Places of work") and plain defaults (how the time is divided, how the partners
pay, who carries out the appraisal) "Suggested", hiding the judgements that need checking
(the trial, the matters the post-holder does not act in) among them. Only the judgements
in ``standing.SUGGESTED_KEYS`` are tagged now, by the start page and Check your answers
alike."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Shown, two_councils  # noqa: E402

#: Check your answers' marking of a row still holding docgen's suggestion
MARK = "Suggested Check this fits the post"


def _rows(page: Shown) -> dict[str, dict[str, str]]:
    """Check your answers' rows, by section heading, each label to its answer as shown."""
    out: dict[str, dict[str, str]] = {}
    for h2 in page.find("//main//h2[following-sibling::*[1][self::dl]]"):
        out[" ".join(h2.text_content().split())] = {
            " ".join(row.xpath("./dt")[0].text_content().split()):
            " ".join(row.xpath("./dd[1]")[0].text_content().split())
            for row in h2.getnext().xpath("./div[contains(@class,'govuk-summary-list__row')]")}
    return out


def test_only_docgens_judgements_are_tagged_suggested(tmp_path: Path) -> None:
    web = two_councils(tmp_path, "SCOPE-1")
    rows = _rows(Shown(web.client.get(f"{web.base}/check")))
    for section in ("Payment", "Time split"):
        tagged = [label for label, answer in rows[section].items() if MARK in answer]
        assert not tagged, (section, tagged)
    post = rows["The post"]  # the places of work are the partners' own addresses
    assert [label for label, a in post.items() if MARK in a] == [
        "What the post-holder is not expected to do"], post
    assert any(label.startswith("Places of work") for label in post), post
    trial = [a for label, a in rows["Review"].items() if "trial" in label.lower()]
    assert trial and all(MARK in a for a in trial), rows["Review"]
    matters = [a for label, a in rows["Conflicts of interest"].items()
               if "not act" in label.lower() or "excluded" in label.lower()]
    assert matters and all(MARK in a for a in matters), rows["Conflicts of interest"]
