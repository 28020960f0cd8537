"""On a 375 px phone, the programme page (its workbook's rows too) and the agreement's
preview (its payment table) fit the screen: nothing scrolls sideways, and no label is cut
off."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from intake_programme import write_programme

from .conftest import EXAMPLES, Server

PHONE = {"width": 375, "height": 800}


@pytest.fixture(scope="module")
def phone(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One page at a phone's width on one server (a folder holding the Head of HR example
    and a workbook of two posts) for the four checks below, which only look: a server, a
    folder and a browser context a check cost some 0.45 s each in set-up."""
    folder = tmp_path_factory.mktemp("phone") / "answers"
    folder.mkdir()
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", folder)
    write_programme(folder, 2)
    with Server(folder) as server:
        context = browser.new_context(viewport=PHONE, base_url=server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
        context.close()


def _wide(page) -> list[int]:  # noqa: ANN001
    return page.evaluate("[document.documentElement.scrollWidth, "
                         "document.documentElement.clientWidth]")


@pytest.mark.parametrize("where", ["/programme", "/programme?partner=eastwick&status=draft",
                                   "agreement"])
def test_the_programme_and_the_agreement_preview_fit_a_phone(phone, where):  # noqa: ANN001
    page = phone
    if where == "agreement":
        page.goto("/open/shared-head-of-hr.yaml")
        where = page.url.rsplit("/", 1)[0] + "/preview/agreement"
        page.goto(where)
        assert page.locator(".docgen-preview table").count()  # the payment table is there
    else:
        page.goto(where)
        assert page.locator("svg.docgen-chart").count()
        assert "EWK-0002" in page.locator("table").last.inner_text()  # the workbook's rows
    wide = _wide(page)
    assert wide[0] <= 375, f"{where} is {wide[0]} px wide on a 375 px screen"


def test_the_chart_labels_are_whole_on_a_phone(phone):  # noqa: ANN001
    page = phone
    page.goto("/programme")
    chart = page.locator("svg.docgen-chart").bounding_box()
    assert chart and chart["x"] >= 0 and chart["x"] + chart["width"] <= 375
    for label in page.locator("svg.docgen-chart text").all():
        box = label.bounding_box()
        assert box and box["x"] >= chart["x"] - 1, label.text_content()
        assert box["x"] + box["width"] <= chart["x"] + chart["width"] + 1, label.text_content()


def test_a_long_folder_path_in_the_footer_wraps_on_a_phone(browser, tmp_path):  # noqa: ANN001
    """The footer names the folder the posts stay in; a long path without spaces made every
    page scroll sideways at 375 px."""
    folder = tmp_path / ("posts_of_the_shared_services_programme_" * 3) / "answer_files"
    folder.mkdir(parents=True)
    with Server(folder) as server:
        context = browser.new_context(viewport=PHONE, base_url=server.url)
        page = context.new_page()
        page.goto("/")
        assert "answer_files" in page.locator("footer").inner_text()
        wide = _wide(page)
        context.close()
    assert wide[0] <= 375, f"the start page is {wide[0]} px wide on a 375 px screen"


#: the widths the pages with "The money" panel must fit, from a small phone to a laptop: at
#: 800 to 1100 px its figures did not wrap (white-space: nowrap) and the page scrolled
#: sideways, "60% of the time" and "Not invoiced (the employer)" cut off (HR review B4)
MONEY_WIDTHS = (320, 800, 1024, 1100, 1280)


@pytest.mark.parametrize("where", ["payment", "post", "check"])
def test_the_pages_with_the_money_fit_every_width(phone, where):  # noqa: ANN001
    """Each page loaded once, then resized (cheap): nothing scrolls sideways, and every
    figure of the money panel lies inside the panel."""
    page = phone
    page.goto("/open/shared-head-of-hr.yaml")
    page.goto(page.url.rsplit("/", 1)[0] + f"/{where}")
    assert page.locator("#money").count() == 1
    try:
        for width in MONEY_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            wide = _wide(page)
            assert wide[0] <= wide[1], f"{where} is {wide[0]} px wide on a {width} px screen"
            outside = page.evaluate("""() => {
                const panel = document.getElementById('money').getBoundingClientRect();
                return [...document.querySelectorAll('#money dd, #money dt')]
                    .filter(e => e.getBoundingClientRect().right > panel.right + 1
                                 || e.scrollWidth > e.clientWidth + 1)
                    .map(e => e.textContent.trim());
            }""")
            assert not outside, f"{where} at {width} px: cut off {outside}"
    finally:
        page.set_viewport_size(PHONE)
