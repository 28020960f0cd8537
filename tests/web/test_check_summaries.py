"""Check your answers and the money panel, as an HR officer read them: the Partners row
said each legal name twice ("The Mayor and Burgesses of the London Borough of Eastwick,
Eastwick, The Mayor and Burgesses of the London Borough of Eastwick, Local authority, …":
the short code was shown as the partner it names); a time split in days read
"Eastwick: 3; Westmere: 2", with no unit; and the money panel said "Extra pay for the
shared role (0%) £0.00" for a post with none."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html

from .conftest import EXAMPLES
from .helpers import Interview, profiled_interview

EASTWICK = "The Mayor and Burgesses of the London Borough of Eastwick"
WESTMERE = "The Mayor and Burgesses of the Royal Borough of Westmere"


def _rows(html: str) -> dict[str, str]:
    page = lxml.html.fromstring(html)
    return {" ".join(row.xpath("string(dt)").split()):
            " ".join(row.xpath("string(dd[1])").split())
            for row in page.xpath("//div[contains(@class, 'govuk-summary-list__row')]")}


def _money(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).xpath("string(//*[@id='money'])").split())


def _example(folder: Path) -> Interview:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", folder)
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    return interview


def test_each_partner_is_said_once_and_readably(tmp_path: Path) -> None:
    interview, _ = profiled_interview(tmp_path)
    interview.begin("EWK-WSM-ONCE")  # the partners from their profiles, as the walk had
    partners = _rows(interview.client.get(f"{interview.base}/check").text)["Partners"]
    assert partners.count(EASTWICK) == 1 and partners.count(WESTMERE) == 1, partners
    assert partners.startswith(f"{EASTWICK} (Eastwick), local authority, Town Hall, "), partners
    assert "signed by Priya Shah (Chief Executive), formal notices to the Director of Law " \
        "and Governance at legal@eastwick.example.gov.uk; " in partners, partners
    assert f"; {WESTMERE} (Westmere), local authority, " in partners, partners


def test_a_time_split_in_days_says_days(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    response = interview.submit("time-split", **{
        "time_split__unit": "days_per_week", "time_split__shares__eastwick": "3",
        "time_split__shares__westmere": "2"})
    assert response.status_code == 200
    rows = _rows(interview.client.get(f"{interview.base}/check").text)
    assert rows["Each partner's share of the time"] == \
        f"{EASTWICK}: 3 days a week; {WESTMERE}: 2 days a week"


def test_a_time_split_in_percentages_is_as_before(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    rows = _rows(interview.client.get(f"{interview.base}/check").text)
    assert rows["Each partner's share of the time"] == f"{EASTWICK}: 60%; {WESTMERE}: 40%"


def test_the_money_panel_leaves_out_extra_pay_when_there_is_none(tmp_path: Path) -> None:
    interview = _example(tmp_path)
    assert interview.submit("payment", **{"payment__premium_percent": ""}).status_code == 200
    money = _money(interview.client.get(f"{interview.base}/check").text)
    assert money.startswith("The money Salary£92,000.00 Employer pension"), money
    assert "Extra pay" not in money and "(0%)" not in money
    assert interview.submit("payment", **{"payment__premium_percent": "5"}).status_code == 200
    money = _money(interview.client.get(f"{interview.base}/check").text)
    assert "Extra pay for the shared role (5%)£4,600.00" in money, money
