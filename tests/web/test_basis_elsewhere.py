"""The law changed after the legal basis was chosen (section 113, then Scotland): the Legal
basis page offers Scotland's powers only, so it says what the answer was and that it
applies elsewhere, and the section is not completed until another is chosen."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

SAID = ("Your answer was ‘Section 113 of the Local Government Act 1972 (England and "
        "Wales)’, which applies in England and Wales only; choose the power for Scotland")


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _state(web: Interview, title: str) -> str:
    page = lxml.html.fromstring(web.client.get(f"{web.base}/tasks").text)
    row = page.xpath(f'//li[contains(@class, "govuk-task-list__item")]'
                     f'[.//*[normalize-space()="{title}"]]')
    return " ".join(row[0].xpath('.//*[contains(@class, "govuk-task-list__status")]')[0]
                    .text_content().split())


def test_the_page_says_what_the_answer_was(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    assert SAID not in _text(web.client.get(f"{web.base}/basis").text)
    web.submit("about", jurisdiction="scotland")
    html = web.client.get(f"{web.base}/basis").text
    said = _text(html)
    assert SAID in said
    summary = lxml.html.fromstring(html).xpath(
        '//div[contains(@class, "govuk-error-summary")]//a')
    assert [a.get("href") for a in summary if SAID in _text(lxml.html.tostring(
        a, encoding="unicode"))] == ["#f-legal_basis"]
    assert "Completed" not in _state(web, "Legal basis")
    chosen = web.submit("basis", legal_basis="lgs_1966_s35")
    assert chosen.status_code == 200 and SAID not in _text(chosen.text)
    assert SAID not in _text(web.client.get(f"{web.base}/basis").text)
    assert _state(web, "Legal basis") == "Completed"
