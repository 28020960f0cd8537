"""Posts that came from a workbook in the interview, and the programme page (issue 25)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

import lxml.html  # noqa: E402
from intake_programme import base_answers, write_programme  # noqa: E402

from docgen.intake.folder import read_into  # noqa: E402

from .helpers import Interview  # noqa: E402

#: the rows of the totals by partner (the workbook's own rows are a table of their own)
TOTALS = "//table[normalize-space(caption)='Totals by partner']/tbody/tr"


@pytest.fixture
def programme_folder(tmp_path):
    book = write_programme(tmp_path, 3)
    assert len(read_into(book, tmp_path).written) == 3
    return tmp_path


def test_the_start_page_lists_and_opens_posts_read_from_a_workbook(programme_folder):
    web = Interview(programme_folder)
    html = web.client.get("/").text
    for ref in ("EWK-0001", "EWK-0002", "EWK-0003"):
        assert f'href="/open/{ref}.yaml"' in html
    assert "Shared Head of Service 2" in html
    page = web.open("EWK-0002.yaml")
    assert "EWK-0002" in page or "Shared Head of Service 2" in page


def test_the_programme_page_totals_each_partner_and_filters_without_javascript(
        programme_folder):
    web = Interview(programme_folder)
    response = web.client.get("/programme")
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.text)
    rows = {r.xpath("string(th)"): [c.text_content() for c in r.xpath("td")]
            for r in doc.xpath(TOTALS)}
    eastwick, westmere = (p["name"] for p in base_answers()["parties"])
    # shares 41/59, 42/58, 43/57 of salaries 60250, 60500, 60750 (+ premium, on-costs)
    assert rows[eastwick][:2] == ["3", "1.26"]
    assert rows[westmere][:2] == ["3", "1.74"]
    svg = doc.xpath("//svg")[0]
    assert svg.get("role") == "img"
    assert svg.xpath("string(title)") == "Total annual cost by partner"
    assert f"{eastwick}: £" in svg.xpath("string(desc)")
    labels = [" ".join(t.xpath(".//text()")) for t in svg.xpath("//text")]  # names in tspans
    assert eastwick in labels and rows[eastwick][2] in labels
    one = lxml.html.fromstring(web.client.get("/programme?partner=eastwick").text)
    assert [r.xpath("string(th)") for r in one.xpath(TOTALS)] == [eastwick]
    final = web.client.get("/programme?status=final").text
    assert "No posts match." in final
