"""Sections a change asks the officer to look at again stay marked on the task list until
each is opened and continued (HR walkthrough): the banner naming them was said once, on
whatever page came next (a half-filled partner's page, the next section), and the task
list still said "Completed" beside them."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.checking import Live  # noqa: E402
from docgen.web.tasks import task_list  # noqa: E402

from .helpers import Interview, inputs_workspace, profiled_interview  # noqa: E402

TRUST = "Northtown Hospitals NHS Foundation Trust"
CARRIED = ("Payment", "Confidentiality", "Conflicts of interest", "Governance", "Exit")


def _states(html: str) -> dict[str, str]:
    """Each section's status by its title (not its hint)."""
    out = {}
    for item in lxml.html.fromstring(html).xpath("//li[contains(@class, 'task-list__item')]"):
        name = item.xpath(".//a | .//div[contains(@class, 'name-and-hint')]/div[1]")[0]
        status = item.xpath(".//div[contains(@class, 'govuk-task-list__status')]")[0]
        out[" ".join(name.text_content().split())] = " ".join(status.text_content().split())
    return out


def _banner(html: str, at: str = "check-again") -> str:
    found = lxml.html.fromstring(html).xpath(f"//*[@id='{at}']")
    return " ".join(found[0].text_content().split()) if found else ""


def _begin(tmp_path: Path) -> Interview:
    web = Interview(inputs_workspace(tmp_path))
    web.begin("CHK-AGAIN-01")
    return web


def test_a_new_employer_marks_the_sections_to_check_until_each_is_continued(
        tmp_path: Path) -> None:
    web = _begin(tmp_path)
    after = web.submit("employer", employer="westmere")
    assert after.url.path.endswith("/tasks")  # the list, and why, where it is kept
    banner = _banner(after.text)
    assert "Westmere is now the employer" in banner and "Mayor" not in banner, banner
    assert "Eastwick's saved organisation profile" in banner
    assert "does not give them all" not in after.text
    states = _states(after.text)
    for section in CARRIED:
        assert section in banner and states[section] == "Check again", (section, states)
    web.client.get(f"{web.base}/post")  # another page seen: nothing is lost
    web.client.get(f"{web.base}/check")
    tasks = web.client.get(f"{web.base}/tasks").text
    assert _states(tasks)["Confidentiality"] == "Check again"
    assert "Confidentiality" in _banner(tasks)
    page = web.client.get(f"{web.base}/confidentiality").text
    assert "Westmere is now the employer" in _banner(page)  # says why
    web.client.get(f"{web.base}/tasks")
    assert _states(web.client.get(f"{web.base}/tasks").text)["Confidentiality"] == \
        "Check again"  # opened, not continued
    web.submit("confidentiality")
    tasks = web.client.get(f"{web.base}/tasks").text
    assert _states(tasks)["Confidentiality"] == "Completed"
    assert "Confidentiality" not in _banner(tasks) and "Exit" in _banner(tasks)
    for section in ("payment", "conflicts", "governance", "exit"):
        web.submit(section)
    tasks = web.client.get(f"{web.base}/tasks").text
    assert _banner(tasks) == ""
    assert "Check again" not in " ".join(_states(tasks).values())


def test_a_partner_removed_marks_its_sections_until_each_is_continued(
        tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("CHK-AGAIN-02", partners=("eastwick", "westmere", "-other-"),
              other_name="Northshire County Council", other_kind="local_authority")
    web.base = web.base.rsplit("/partners", 1)[0]
    listed = web.remove_partner(1)
    assert "Royal Borough of Westmere was removed" in _banner(listed.text, "main-content")
    web.client.get(f"{web.base}/post")  # another page seen: the list is still there
    web.client.get(f"{web.base}/partners")
    tasks = web.client.get(f"{web.base}/tasks").text
    banner = _banner(tasks)
    assert "Westmere was removed as a partner" in banner and "Mayor" not in banner, banner
    for section in ("The post", "Governance"):
        assert _states(tasks)[section] == "Check again" and section in banner, section
    web.submit("post")
    assert _states(web.client.get(f"{web.base}/tasks").text)["The post"] != "Check again"


def test_standing_answers_to_check_are_said_on_the_task_list_not_a_partners_page(
        tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("EWK-NHS-02", partners=("eastwick", "-other-"), other_name=TRUST,
                         other_kind="nhs_body")
    assert "/partners/" in response.url.path
    assert "govuk-notification-banner" not in response.text  # a half-filled form: no links
    web.base = str(response.url).rsplit("/partners", 1)[0]
    tasks = web.client.get(f"{web.base}/tasks").text
    banner = _banner(tasks)
    assert "answers from Eastwick's organisation details" in banner, banner
    assert TRUST in banner, banner
    for section in ("Confidentiality", "Governance", "Review", "Exit"):
        assert _states(tasks)[section] == "Check again", section


def test_save_and_come_back_later_leaves_a_section_to_check_again(tmp_path: Path) -> None:
    web = _begin(tmp_path)
    web.submit("employer", employer="westmere")
    web.submit("exit", action="later")
    web.submit("governance", action="tasks")
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Exit"] == states["Governance"] == "Check again"


def test_the_sections_to_check_again_are_kept_with_the_draft(tmp_path: Path) -> None:
    web = _begin(tmp_path)
    web.submit("employer", employer="westmere")
    draft_id = web.base.rsplit("/", 1)[1]
    store = web.client.app.app.state.store
    again = store._read(draft_id)  # as after a restart, from the drafts folder
    assert again is not None
    tasks = [t for t in task_list(again.view(), Live(), again.visited)
             if t["state"] == "Check again"]
    assert {t["step"].title for t in tasks} >= set(CARRIED) - {"Payment"}
    assert all("Westmere is now the employer" in t["why"][0] for t in tasks)
