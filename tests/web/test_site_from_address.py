"""A partner typed in by hand (not listed among the organisation profiles) had its legal
name as its place of work ("Northshire County Council"), given by the start page before
its address was known; the address typed on its own page a page later never reached it
(HR walkthrough). Now the address is its place of work, unless the officer changed it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from yaml_text import load_yaml  # noqa: E402

from .helpers import Interview, profiled_interview  # noqa: E402

COUNTY = "Northshire County Council"
DETAILS = {"parties.1.address": "County Hall, Northshire NS1 1AA",
           "parties.1.signatory.name": "Alex Moore",
           "parties.1.signatory.title": "Chief Executive",
           "parties.1.notices.title": "Monitoring Officer",
           "parties.1.notices.email": "legal@northshire.example.gov.uk"}


def _begun(tmp_path: Path) -> Interview:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("SITE-01", partners=("eastwick", "-other-"), other_name=COUNTY,
                         other_kind="local_authority")
    web.base = str(response.url).rsplit("/partners", 1)[0]
    return web


def _sites(web: Interview) -> Any:
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    return {row["party"]: row["site"] for row in load_yaml(draft.text)["post"]["locations"]}


def test_the_address_typed_on_the_partners_page_is_its_place_of_work(tmp_path: Path) -> None:
    web = _begun(tmp_path)
    assert _sites(web)["northshire"] == COUNTY  # no address yet
    web.submit("partners/1", **DETAILS)
    sites = _sites(web)
    assert sites["northshire"] == "County Hall, Northshire NS1 1AA", sites
    assert sites["eastwick"] == "Town Hall, 1 High Street, London E20 1AA"  # its profile's
    assert "County Hall, Northshire NS1 1AA" in web.client.get(f"{web.base}/check").text


def test_a_place_of_work_the_officer_changed_is_kept(tmp_path: Path) -> None:
    web = _begun(tmp_path)
    web.submit("partners/1", **DETAILS)
    web.submit("post", **{"post.locations.1.site": "Northshire Depot"})
    assert _sites(web)["northshire"] == "Northshire Depot"
    web.submit("partners/1", **{**DETAILS, "parties.1.address": "New County Hall"})
    assert _sites(web)["northshire"] == "Northshire Depot"
