"""A partner page's form is for the partner it showed: opened in one tab, with a partner
above it removed in another, its Continue (or Back and Continue again) replaced the next
partner's name, address and signatory with the first's (audit: four partners, Westmere
removed in tab B, Northshire's page sent from tab A overwrote Southvale). It now says the
page is out of date, saves nothing and links to the list of partners."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _partner(index: int, name: str, short: str, signatory: str) -> dict[str, str]:
    at = f"parties.{index}"
    return {f"{at}.name": name, f"{at}.short_name": short, f"{at}.kind": "local_authority",
            f"{at}.address": f"1 High Street, {short}",
            f"{at}.signatory.name": signatory, f"{at}.signatory.title": "Chief Executive",
            f"{at}.notices.title": "Monitoring Officer",
            f"{at}.notices.email": f"legal@{short.lower()}.gov.uk"}


def _form(web: Interview, index: int) -> dict[str, list[str]]:
    return web.form(f"partners/{index}")


def _shown(web: Interview, index: int) -> dict[str, str]:
    return {k: v[-1] for k, v in _form(web, index).items() if k.startswith("parties.")}


def _four(tmp_path: Path) -> Interview:
    web, _ = profiled_interview(tmp_path)
    web.begin("STALE-01", partners=("eastwick", "westmere", "-other-"),
              other_name="Northshire County Council", other_kind="local_authority")
    web.base = web.base.removesuffix("/partners")  # it went on to Northshire's own page
    for index, name, short, who in ((2, "Northshire County Council", "Northshire", "Nia North"),
                                    (3, "Southvale District Council", "Southvale", "Sam South")):
        web.client.post(f"{web.base}/partners/{index}", data={
            "csrf_token": web.token, **_partner(index, name, short, who)})
    names = lxml.html.fromstring(web.client.get(f"{web.base}/partners").text).xpath(
        "//dl[@id='partners-list']//dt")
    assert [" ".join(n.text_content().split()) for n in names][2:] == [
        "Northshire County Council", "Southvale District Council"]
    return web


def test_an_old_partner_page_does_not_overwrite_the_partner_now_in_its_place(
        tmp_path: Path) -> None:
    web = _four(tmp_path)
    tab_a = _form(web, 2)  # Northshire's page, opened in tab A
    southvale = _shown(web, 3)
    assert southvale["parties.3.signatory.name"] == "Sam South"
    assert web.remove_partner(1).status_code == 200  # tab B removes Westmere
    tab_a["parties.2.signatory.name"] = ["Nadia North"]
    for action in ("continue", "continue"):  # Continue, then Back and Continue again
        tab_a["action"] = [action]
        response = web.client.post(f"{web.base}/partners/2", data=tab_a)
        assert response.status_code == 409
        text = " ".join(lxml.html.fromstring(response.text).text_content().split())
        assert "This page is out of date" in text and "Nothing you entered on it was saved" \
            in text
        link = lxml.html.fromstring(response.text).xpath("//a[@id='back-to-partners']")[0]
        assert link.get("href") == f"{web.base.split('testserver')[-1]}/partners"
    now = _shown(web, 2)  # Southvale, untouched
    assert now["parties.2.name"] == "Southvale District Council"
    assert now["parties.2.signatory.name"] == "Sam South"
    assert now["parties.2.address"] == "1 High Street, Southvale"
    assert _shown(web, 1)["parties.1.signatory.name"] == "Nia North"


def test_the_partner_page_still_saves_its_own_partner_and_adds_a_new_one_at_the_end(
        tmp_path: Path) -> None:
    web = _four(tmp_path)
    northshire = _form(web, 2)
    northshire["parties.2.signatory.name"] = ["Nadia North"]
    northshire["action"] = ["continue"]
    assert web.client.post(f"{web.base}/partners/2", data=northshire).url.path.endswith(
        "/partners")
    assert _shown(web, 2)["parties.2.signatory.name"] == "Nadia North"
    new = _form(web, 4)  # "Add another partner", opened before Westmere is removed
    assert web.remove_partner(1).status_code == 200
    new.update({k: [v] for k, v in _partner(4, "Upton Town Council", "Upton", "Una Up").items()})
    new["action"] = ["continue"]
    response = web.client.post(f"{web.base}/partners/4", data=new)
    assert response.url.path.endswith("/partners"), response.text
    assert _shown(web, 3)["parties.3.name"] == "Upton Town Council"
    assert _shown(web, 2)["parties.2.signatory.name"] == "Sam South"
