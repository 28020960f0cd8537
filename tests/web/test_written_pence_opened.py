"""An answer file written by hand with ``salary: 104.250`` (a thousands separator typed the
continental way) is refused by ``docgen check`` ("3 figures after the point"). Opened in the
interview it was read as £104.25 without a word: the round-trip reader's number became a
float, which has no trailing zero to count. Every door now reads the number as written."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import docgen

from .conftest import EXAMPLES
from .helpers import Interview


def _summary(html: str) -> list[str]:
    return [" ".join(a.text_content().split()) for a in lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//a")]


@pytest.mark.parametrize(("written", "places"), [("104.250", 3), ("92000.000", 3),
                                                 ("92000.5", None), ("92000.50", None)])
def test_money_written_in_the_file_is_read_as_written(tmp_path: Path, written: str,
                                                      places: int | None) -> None:
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")
    assert "  salary: 92000\n" in text
    (tmp_path / "post.yaml").write_text(text.replace("  salary: 92000\n",
                                                     f"  salary: {written}\n"), "utf-8")
    said = [p.message for p in docgen.check(tmp_path / "post.yaml").problems
            if p.key == "payment.salary"]
    interview = Interview(tmp_path)
    interview.open("post.yaml")
    shown = _summary(interview.client.get(f"{interview.base}/check").text)
    pence = [s for s in shown if "figures after the point" in s]
    if places is None:
        assert said == [] and pence == [], (said, shown)
    else:
        assert said and f"has {places} figures after the point ({written})" in said[0]
        assert pence, shown  # the interview says it too, in its own words
        assert interview.client.get(f"{interview.base}/payment").status_code == 200
