"""Changing a partner's short code (``northshire`` → ``nicb``) on its own page left every
answer about it under the old code: the shares added up to 150%, The post, Management,
Payment, Governance and Job said "Select one of the partners", and check your answers
showed "northshire: 40%". Every answer naming the partner now follows its new code (read
from the model's party-id fields, not a list); a code another partner has is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

COUNTY = "Northshire County Council"
DETAILS = {"parties.1.short_name": "Northshire", "parties.1.address": "County Hall, Northshire",
           "parties.1.signatory.name": "Alex Moore",
           "parties.1.signatory.title": "Chief Executive",
           "parties.1.notices.title": "Monitoring Officer",
           "parties.1.notices.email": "legal@northshire.example.gov.uk"}


def _said(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _post(tmp_path: Path) -> Interview:
    """A post of Eastwick (employer) and Northshire, each answer about Northshire given."""
    web, _ = profiled_interview(tmp_path)
    response = web.begin("REN-01", partners=("eastwick", "-other-"), other_name=COUNTY,
                         other_kind="local_authority")
    web.base = str(response.url).rsplit("/partners", 1)[0]
    web.submit("partners/1", **DETAILS)
    answers: dict[str, dict[str, str]] = {
        "time-split": {"time_split.unit": "percent", "time_split.shares.eastwick": "60",
                       "time_split.shares.northshire": "40"},
        "management": {"management.line_managers.eastwick": "Chief Executive",
                       "management.line_managers.northshire": "Director of Resources",
                       "management.hr_lead": "northshire"},
        "payment": {"payment.cost_shares.eastwick": "60",
                    "payment.cost_shares.northshire": "40"},
        "governance": {"governance.objectives.eastwick.0": "One HR service",
                       "governance.objectives.northshire.0": "A shared payroll"},
        "job": {"job.responsibilities.eastwick.0": "Lead Eastwick's HR team",
                "job.responsibilities.northshire.0": "Lead Northshire's HR team"},
    }
    for slug, changes in answers.items():
        web.submit(slug, **changes)
    return web


def _answers(web: Interview) -> Any:
    """The post's answers as its file would hold them."""
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    return load_yaml(draft.text)


def _words(node: Any) -> set[str]:
    """Every key and text in ``node``."""
    if isinstance(node, dict):
        return {str(k) for k in node} | {w for v in node.values() for w in _words(v)}
    if isinstance(node, list):
        return {w for v in node for w in _words(v)}
    return {str(node)}


def test_a_new_short_code_takes_the_partners_answers_with_it(tmp_path: Path) -> None:
    web = _post(tmp_path)
    before = _answers(web)
    assert before["time_split"]["shares"] == {"eastwick": 60, "northshire": 40}
    response = web.submit("partners/1", **{"parties.1.id": "nicb"})
    assert response.status_code in (200, 303), response.text
    after = _answers(web)
    assert after["parties"][1]["id"] == "nicb"
    assert after["time_split"]["shares"] == {"eastwick": 60, "nicb": 40}
    assert after["management"]["line_managers"] == {"eastwick": "Chief Executive",
                                                    "nicb": "Director of Resources"}
    assert after["management"]["hr_lead"] == "nicb"
    assert after["payment"]["cost_shares"] == {"eastwick": 60, "nicb": 40}
    assert list(after["governance"]["objectives"]) == ["eastwick", "nicb"]
    assert list(after["job"]["responsibilities"]) == ["eastwick", "nicb"]
    assert [m["party"] for m in after["governance"]["steering_group"]["members"]] == \
        ["eastwick", "nicb"]
    assert [loc["party"] for loc in after["post"]["locations"]] == ["eastwick", "nicb"]
    assert "northshire" not in _words(after)
    check = _said(web.client.get(f"{web.base}/check").text)
    assert "Select one of the partners" not in check
    assert "add up to" not in check
    assert "northshire:" not in check
    assert f"{COUNTY}: 40%" in check


def test_the_employer_follows_its_new_short_code(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("REN-02", partners=("eastwick", "-other-"), employer="-other-",
                         other_name=COUNTY, other_kind="local_authority")
    web.base = str(response.url).rsplit("/partners", 1)[0]
    web.submit("partners/1", **DETAILS)
    web.submit("partners/1", **{"parties.1.id": "nicb"})
    after = _answers(web)
    assert after["employer"] == "nicb"


def test_a_short_code_another_partner_has_is_refused(tmp_path: Path) -> None:
    web = _post(tmp_path)
    response = web.submit("partners/1", **{"parties.1.id": "eastwick",
                                           "parties.1.address": "New County Hall"})
    assert response.status_code == 422
    said = _said(response.text)
    assert ("The Mayor and Burgesses of the London Borough of Eastwick already has the "
            f"abbreviation ‘eastwick’; give {COUNTY} an abbreviation of its own") in said, said
    assert "short code" not in said.lower()
    after = _answers(web)
    assert after["parties"][1]["id"] == "northshire"  # refused: nothing mixed
    assert after["parties"][1]["address"] == "New County Hall"  # the rest kept
    assert after["time_split"]["shares"] == {"eastwick": 60, "northshire": 40}


def test_a_profiled_employer_given_its_own_code_keeps_its_profiles_answers(
        tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("REN-03")
    web.submit("time-split", **{"time_split.shares.eastwick": "60",
                                "time_split.shares.westmere": "40"})
    response = web.submit("partners/0", **{"parties.0.id": "ew"})
    after = _answers(web)
    assert after["employer"] == "ew"
    assert after["time_split"]["shares"] == {"ew": 60, "westmere": 40}
    assert after["conflicts_of_interest"]["declare_within_days"] == 28  # the profile's, kept
    assert response.status_code in (200, 303)
    said = _said(web.client.get(f"{web.base}/tasks").text)  # the sections to check, kept
    assert "has an abbreviation of its own now, so it is no longer linked to its saved " \
        "organisation profile" in said, said
    assert "no longer a partner" not in said


def test_rows_added_and_not_yet_filled_in_follow_the_new_code(tmp_path: Path) -> None:
    web = _post(tmp_path)
    web.submit("governance", action="add-text:governance.objectives.northshire")
    web.submit("partners/1", **{"parties.1.id": "nicb"})
    rows = web.form("governance").get("governance.objectives.nicb.__n")
    assert rows == ["2"], rows  # the objective given and the row added for another
