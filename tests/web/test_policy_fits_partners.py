"""A council's standing answers were copied into a council + NHS post as if answered: with
Eastwick (a profile) employing and an NHS body not listed, Confidentiality, Conflicts,
Governance, Review and Exit showed "Completed" though never opened, and the documents said
"records of each council's employees" and "Leaders of the councils". A profile's standing
answers are written for posts between bodies of its own kind: with a partner of another
kind those sections are not completed until the officer has opened them, and the task list
says which to check. Between two councils nothing changes."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.fields import STEPS  # noqa: E402

from .helpers import profiled_interview  # noqa: E402
from .test_start import _states  # noqa: E402

TRUST = "Northtown Hospitals NHS Foundation Trust"
STANDING = ("Confidentiality", "Conflicts of interest", "Governance", "Review", "Exit")
SLUG = {step.title: step.slug for step in STEPS}


def _notice(html: str) -> str:
    found = lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-notification-banner')]")
    return " ".join(found[0].text_content().split()) if found else ""


def test_a_councils_standing_answers_are_checked_in_a_post_with_an_nhs_body(
        tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("EWK-NHS-01", partners=("eastwick", "-other-"), other_name=TRUST,
                         other_kind="nhs_body")
    assert _notice(response.text) == ""  # not on the half-filled partner's page
    web.base = str(response.url).rsplit("/partners", 1)[0]
    notice = _notice(web.client.get(f"{web.base}/tasks").text)  # on the task list, kept
    assert "These sections hold answers from Eastwick's organisation details" in notice, notice
    assert TRUST in notice
    assert "written for posts between local authorities" in notice
    assert "Post-holder" not in notice  # its pension scheme is the employer's, whoever shares
    for section in (*STANDING, "Payment"):
        assert section in notice, section
    for word in ("policy", "profile", "yaml", "local_authority"):
        assert word not in notice.lower(), word
    states = _states(web.client.get(f"{web.base}/tasks").text)
    for section in STANDING:
        assert states[section] != "Completed", (section, states)
    assert states["Partners"] != "Completed"  # its page still to answer
    web.submit("confidentiality")  # opened and continued: now the officer's answer
    assert _states(web.client.get(f"{web.base}/tasks").text)["Confidentiality"] == \
        "Completed"


def test_two_councils_take_the_standing_answers_as_before(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("EWK-WSM-01")
    assert _notice(response.text) == ""
    states = _states(response.text)
    # Eastwick's profile gives its own confidentiality and conflicts answers: completed;
    # the rest hold docgen's suggestions, for the officer to confirm
    assert {section: states[section] for section in STANDING} == {
        "Confidentiality": "Completed", "Conflicts of interest": "Completed",
        "Governance": "Suggested answers", "Review": "Suggested answers",
        "Exit": "Suggested answers"}, states
    for section in ("Governance", "Review", "Exit"):  # Continue keeps them as the officer's
        web.submit(SLUG[section])
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert all(states[section] == "Completed" for section in STANDING), states


@pytest.mark.parametrize("action", ["tasks", "goto"])
def test_save_and_return_does_not_mark_a_section_completed(tmp_path: Path,
                                                          action: str) -> None:
    """"Save and return to the task list" (or a link left with JavaScript) keeps what was
    typed but is not the officer saying the section is done: the standing answers still to
    check stayed Completed after it (a review of the change)."""
    web, _ = profiled_interview(tmp_path)
    response = web.begin("EWK-NHS-02", partners=("eastwick", "-other-"), other_name=TRUST,
                         other_kind="nhs_body")
    web.base = str(response.url).rsplit("/partners", 1)[0]
    left = web.submit("confidentiality", action=action)
    assert left.url.path.endswith("/tasks")
    assert _states(web.client.get(f"{web.base}/tasks").text)["Confidentiality"] != \
        "Completed"
