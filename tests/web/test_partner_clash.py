"""Two partners given one short code, or one short name: the message names both partners
and the code they share, never one partner by the other's code (audit, item 2)."""

from __future__ import annotations

import lxml.html
import pytest

pytest.importorskip("starlette")

from .conftest import WESTMERE  # noqa: E402
from .test_employer_change import NORTHTOWN, _begin  # noqa: E402

SOUTHVALE = {k: v.replace("Northtown Hospitals NHS Foundation Trust",
                          "Southvale Integrated Care Board").replace("Northtown", "Southvale")
             for k, v in NORTHTOWN.items()}


def _said(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def test_a_short_code_already_used_names_both_partners(tmp_path) -> None:
    web = _begin(tmp_path)
    page = web.client.post(f"{web.base}/partners/2", data={
        "csrf_token": web.token, **SOUTHVALE, "parties.2.id": "westmere"})
    said = _said(page.text)
    expected = (f"Southvale Integrated Care Board and {WESTMERE} have the same abbreviation "
                "‘westmere’; give each its own")
    assert expected in said, said
    assert "Party id" not in said and "used by two parties" not in said
    listed = _said(web.submit("partners").text)
    assert expected in listed, listed
    check = _said(web.client.get(f"{web.base}/check").text)
    assert expected in check and "Party id" not in check


def test_a_short_name_already_used_names_both_partners(tmp_path) -> None:
    web = _begin(tmp_path)
    web.client.post(f"{web.base}/partners/2", data={
        "csrf_token": web.token, **SOUTHVALE, "parties.2.short_name": "Westmere",
        "parties.2.id": "southvale"})
    said = _said(web.submit("partners").text)
    assert (f"Southvale Integrated Care Board and {WESTMERE} have the same short name "
            "‘Westmere’; give each its own") in said, said
