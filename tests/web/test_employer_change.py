"""Choosing another employer keeps the answers that came from the old employer's
organisation profile (as the post's own) and marks the sections they are in to check
again on the task list, saying why (audit, item 1; HR walkthrough)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, inputs_workspace  # noqa: E402
from .test_start import _states  # noqa: E402

NORTHTOWN = {"parties.2.name": "Northtown Hospitals NHS Foundation Trust",
             "parties.2.short_name": "Northtown", "parties.2.kind": "nhs_body",
             "parties.2.address": "1 Hospital Road, Northtown",
             "parties.2.signatory.name": "Sam Reid",
             "parties.2.signatory.title": "Chief Executive",
             "parties.2.notices.title": "Company Secretary",
             "parties.2.notices.email": "secretary@northtown.example.nhs.uk"}


def _begin(tmp_path: Path) -> Interview:
    web = Interview(inputs_workspace(tmp_path))
    web.begin("AUD-EMP-01")
    return web


def _notice(html: str) -> str:
    found = lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-notification-banner')]")
    return " ".join(found[0].text_content().split()) if found else ""


def _check_problems(web: Interview) -> str:
    page = lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
    return " ".join(" ".join(page.xpath(
        "//div[contains(@class, 'govuk-error-summary')]//text()")).split())


def test_an_employer_without_a_profile_keeps_the_old_profiles_answers_and_says_so(
        tmp_path: Path) -> None:
    web = _begin(tmp_path)
    web.client.post(f"{web.base}/partners/2", data={"csrf_token": web.token, **NORTHTOWN})
    before = _states(web.client.get(f"{web.base}/tasks").text)
    assert before["Confidentiality"] == before["Conflicts of interest"] == "Completed"
    after = web.submit("employer", employer="northtown")
    assert after.status_code == 200 and after.url.path.endswith("/tasks")
    notice = _notice(after.text)
    assert "Northtown is now the employer" in notice \
        and "Eastwick's saved organisation profile" in notice, notice
    for section in ("Payment", "Confidentiality", "Conflicts of interest", "Governance",
                    "Exit"):
        assert section in notice
    web.client.get(f"{web.base}/post")
    assert notice == _notice(web.client.get(f"{web.base}/tasks").text)  # kept till checked
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Confidentiality"] == states["Conflicts of interest"] == "Check again"
    # before: docgen suggestions to confirm ("Suggested answers"); now: the employer's change
    assert states["Exit"] == "Check again" and before["Exit"] == "Suggested answers"
    problems = _check_problems(web)
    for lost in ("VAT", "expenses", "notice", "redundancy", "Confidentiality",
                 "Conflicts", "dispute"):
        assert lost not in problems, problems
    web.save("aud-emp-01.yaml")  # saved with its gaps; the answers are the post's own
    text = (web.folder / "aud-emp-01.yaml").read_text(encoding="utf-8")
    for kept in ("employer: northtown", "treatment: outside_scope", "notice_months: 6",
                 "redundancy_costs: cost_shares", "declare_within_days: 28"):
        assert kept in text, kept


def test_a_profiled_employer_missing_some_answers_keeps_the_rest(tmp_path: Path) -> None:
    web = _begin(tmp_path)
    after = web.submit("employer", employer="westmere")
    notice = _notice(after.text)
    assert "Westmere is now the employer" in notice \
        and "Confidentiality" in notice
    assert "Confidentiality" not in _check_problems(web)
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Confidentiality"] == states["Conflicts of interest"] == "Check again"


def test_removing_the_employer_keeps_its_profiles_answers(tmp_path: Path) -> None:
    web = _begin(tmp_path)
    web.client.post(f"{web.base}/partners/2", data={"csrf_token": web.token, **NORTHTOWN})
    listed = web.remove_partner(0)
    assert "London Borough of Eastwick was removed" in _notice(listed.text)
    tasks = web.client.get(f"{web.base}/tasks").text
    assert "Eastwick is no longer a partner" in _notice(tasks)
    assert _states(tasks)["Confidentiality"] == "Check again"


def test_an_unchanged_employer_says_nothing(tmp_path: Path) -> None:
    web = _begin(tmp_path)
    assert _notice(web.submit("employer", employer="eastwick").text) == ""


def test_a_removed_employer_added_back_is_not_said_removed(tmp_path: Path) -> None:
    """The employer removed as a partner, then added back under the same name: the
    employer's page and the task list no longer say "Northtown was removed as a partner…
    Choose one of the partners left" with Northtown listed and chosen (they did)."""
    web = _begin(tmp_path)
    web.client.post(f"{web.base}/partners/2", data={"csrf_token": web.token, **NORTHTOWN})
    web.submit("employer", employer="northtown")
    web.remove_partner(2)
    removed = "Northtown was removed as a partner"
    assert removed in web.client.get(f"{web.base}/employer").text
    assert _states(web.client.get(f"{web.base}/tasks").text)["Employer"] == "Check again"
    web.client.post(f"{web.base}/partners/2", data={"csrf_token": web.token, **NORTHTOWN})
    page = web.client.get(f"{web.base}/employer").text
    assert removed not in page
    assert lxml.html.fromstring(page).xpath("//input[@name='employer'][@checked]/@value") \
        == ["northtown"]
    tasks = web.client.get(f"{web.base}/tasks").text
    assert removed not in tasks and _states(tasks)["Employer"] == "Completed"
