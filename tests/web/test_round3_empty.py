"""Round 3, journeys 1 and 2: a new post starts with no objectives (a standing answer,
``objectives: {}``, which docgen accepts with a warning), yet pressing Continue on the
Governance page without typing one stopped there with "Enter objectives": the blank page
was read as leaving out a key the post must have. Likewise "Enter responsibilities" on
the Job page. A blank page now gives the empty answer docgen accepts; its warning stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

import docgen
from docgen.web.forms import EMPTY_IS_AN_ANSWER

from .conftest import EXAMPLES, add_profiles, new_two_partner_post
from .helpers import Browser


@pytest.fixture
def folder(folder: Path) -> Path:
    """The Head of HR example beside the test organisations' profiles."""
    return add_profiles(folder)


def test_docgen_accepts_each_empty_answer_the_form_writes():
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    for section, key in EMPTY_IS_AN_ANSWER:
        data = YAML(typ="safe").load(text)
        data[section][key] = {}
        data.pop("acknowledge", None)
        report = docgen.check(data)
        assert not report.errors, (section, key, [str(p) for p in report.errors])
        assert any(w.path[:2] == (section, key) for w in report.warnings), (section, key)


def _errors(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".govuk-error-summary a", "a => a.map(e => "
                                     "e.textContent.trim())")


def test_governance_and_job_left_without_objectives_or_responsibilities_continue(
        browser, server):
    page, base = new_two_partner_post(browser, server, "EWK-WSM-EMPTY-01", True)
    page.goto(f"{base}/governance")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/review")  # review and exit: docgen's suggestions, to confirm
    page.goto(f"{base}/job")
    page.fill("[name='job.person_specification.0.criterion']", "CIPD Level 7")
    page.select_option("[name='job.person_specification.0.area']", "qualifications")
    page.check("[name='job.person_specification.0.essential'][value=yes]")
    page.check("[name='job.person_specification.0.assessed_by'][value=application]")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/post")  # the one section still open (no title or start date yet)
    page.goto(f"{base}/check")
    errors = _errors(page)
    assert not [e for e in errors if e.startswith(("Governance", "Job"))], errors
    warnings = page.inner_text("#warnings")
    assert "no shared objectives" in warnings, warnings  # the model's warning, not an error
    page.context.close()


def test_governance_and_job_left_empty_continue_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it."""
    web = Browser(folder)
    page = web.start("EWK-WSM-EMPTY-01")
    assert page.path.endswith("/tasks"), page.url
    base = page.url.rsplit("/", 1)[0]
    page = web.press(web.go(f"{base}/governance"))
    assert page.path.endswith("/review"), page.url  # docgen's suggestions, to confirm
    page = web.press(web.go(f"{base}/job"), fields={
        "job.person_specification.0.criterion": "CIPD Level 7",
        "job.person_specification.0.area": "qualifications",
        "job.person_specification.0.essential": "yes",
        "job.person_specification.0.assessed_by": "application"})
    assert page.path.endswith("/post"), page.url  # the one section still open
    page = web.go(f"{base}/check")
    errors = [text for text, _ in page.errors()]
    assert errors  # the post's own answers are still to give
    assert not [e for e in errors if e.startswith(("Governance", "Job"))], errors
    warnings = page.text("//*[@id='warnings']")
    assert "no shared objectives" in warnings, warnings  # the model's warning, not an error
