"""Two hints that did not match the page: the choice "They stop after four weeks of
continuous absence" sat beside a question asking for the number of weeks (so 6 weeks given
there still read "four"); and "one on each line" above lists of one-line boxes, each added
with "Add another"."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html

from .conftest import EXAMPLES
from .helpers import Interview


def _example(folder: Path) -> Interview:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", folder)
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    return interview


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).xpath("string(//main)").split())


def _label(html: str, field: str) -> str:
    page = lxml.html.fromstring(html)
    return " ".join(page.xpath(f"string(//label[@for='{field}'])").split())


def test_the_pause_choice_refers_to_the_weeks_given(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    html = interview.client.get(f"{interview.base}/payment").text
    assert _label(html, "f-payment-during_absence-2") == \
        "They stop after the number of weeks of continuous absence given below (4 if left " \
        "blank)"
    assert "four weeks" not in _text(html)


def test_check_your_answers_says_the_weeks_given(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    response = interview.submit("payment", **{"payment__during_absence": "pauses",
                                              "payment__pause_after_weeks": "6"})
    assert response.status_code == 200
    check = _text(interview.client.get(f"{interview.base}/check").text)
    assert "They stop after 6 weeks of continuous absence" in check
    interview.submit("payment", **{"payment__pause_after_weeks": ""})
    check = _text(interview.client.get(f"{interview.base}/check").text)
    assert "They stop after 4 weeks of continuous absence" in check  # the model's default


def test_lists_of_boxes_say_one_in_each_box(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    pages = {slug: _text(interview.client.get(f"{interview.base}/{slug}").text)
             for slug in ("job", "governance", "confidentiality")}
    assert "Shared ones and each partner's own, one in each box, with ‘Add another’ for " \
        "more" in pages["job"]
    assert "Shared objectives and each partner's own, one in each box, with ‘Add another’ " \
        "for more" in pages["governance"]
    assert "One kind in each box, with ‘Add another’ for more" in pages["confidentiality"]
    assert not [slug for slug, text in pages.items() if "each line" in text]
