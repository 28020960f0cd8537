"""Small wording on "Check your answers" and in the money panel (audit, item 5): a Change
link's hidden words made the whole question small ("Change how is vat treated?"), and the
employer's row said "Each invoice not invoiced"."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.pages import in_sentence  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"


def _open(tmp_path: Path) -> Interview:
    shutil.copy(EXAMPLES / HR, tmp_path)
    web = Interview(tmp_path, previews_in_advance=False)
    web.open(HR)
    return web


def test_a_change_link_keeps_an_abbreviation_in_capitals(tmp_path: Path) -> None:
    web = _open(tmp_path)
    for slug in ("check", "check/payment"):
        page = lxml.html.fromstring(web.client.get(f"{web.base}/{slug}").text)
        links = [" ".join(a.text_content().split()) for a in page.xpath("//dd/a")]
        assert "Change how is VAT treated?" in links, slug
        assert not any("vat" in link for link in links)
        assert "Change each partner's share of the time" in links or slug != "check"


def test_in_sentence_makes_only_a_first_ordinary_word_small() -> None:
    assert in_sentence("How is VAT treated?") == "how is VAT treated?"
    assert in_sentence("HR lead") == "HR lead"
    assert in_sentence("NHS body's name") == "NHS body's name"
    assert in_sentence("Day-to-day manager at each partner") == \
        "day-to-day manager at each partner"


def test_the_money_panel_says_the_employer_is_not_invoiced(tmp_path: Path) -> None:
    web = _open(tmp_path)
    page = lxml.html.fromstring(web.client.get(f"{web.base}/payment").text)
    rows = [" ".join(" ".join(c.text_content() for c in r).split())
            for r in page.xpath("//div[@id='money']//div[contains(@class, 'row')]")]
    assert "Each invoice Not invoiced (the employer)" in rows
    assert not any(r == "Each invoice not invoiced" for r in rows)
    assert sum(r.startswith("Each invoice £") for r in rows) == 1  # Westmere's is a sum
