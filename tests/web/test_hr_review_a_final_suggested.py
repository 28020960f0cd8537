"""HR officer's review (A1): a new post could be made final while docgen's own suggestions
(the trial, the reviews, the steering group, the exit terms) were still unchecked: Check
your answers showed "Final" beside rows still saying "Suggested – Check this fits the
post", and the task list "Review: Suggested answers". Now "Final", and "Make the agreement
and job specification final now", are refused while any section still holds a suggestion
the officer has not checked, and "Before the post can be final" names each such section,
linked to its page, in plain words; once Continue on each confirms them, the post can be
final."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.final_now import FINAL_NOW  # noqa: E402

from .helpers import Browser, Shown, inputs_workspace, said_plainly  # noqa: E402
from .walk import TWO_COUNCILS  # noqa: E402

#: the sections a new post of Eastwick (employing) and Westmere starts with docgen's
#: suggestions in, as the task list names them, and their pages (Eastwick's profile gives
#: its own conflicts of interest policy: not a suggestion)
SUGGESTED = ("Governance", "Review", "Exit")
SLUGS = ("governance", "review", "exit")


def _answered(tmp_path: Path) -> Browser:
    """A new post of Eastwick (employing) and Westmere from inputs/' profiles, recruiting,
    every section the start page left answered, objectives given, every warning accepted:
    docgen's suggestions left as they are."""
    web = Browser(inputs_workspace(tmp_path))
    assert web.begin("EWK-WSM-PEOPLE-01").status_code == 200
    for slug, answers in TWO_COUNCILS.items():
        sent = web.submit(slug, **{k.replace(".", "__"): v for k, v in answers.items()})
        assert sent.status_code == 200, (slug, sent.text[:2000])
    objectives = web.submit("governance", action="tasks", **{
        "governance__objectives__eastwick__0": "One people strategy",
        "governance__objectives__westmere__0": "Lower agency spend"})
    assert objectives.status_code == 200, objectives.text[:2000]
    web.accept_every_warning()
    states = web.task_states()
    assert all(states[s] == "Suggested answers" for s in SUGGESTED), states
    return web


def _before_final(page: Shown) -> list[list[str]]:
    return page.links("//div[@id='before-final']//a")


def test_final_waits_for_the_suggested_answers_to_be_checked(tmp_path: Path) -> None:
    web = _answered(tmp_path)
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422 and refused.path.endswith("/about"), refused.text()
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    said_plainly(refused)
    assert "3 sections still have suggested answers that you have not checked" in said, said
    listed = _before_final(refused)
    base = refused.path[:-len("/about")]
    for title, slug in zip(SUGGESTED, SLUGS, strict=True):
        assert [f"Check the suggested answers in {title}", f"{base}/{slug}"] in listed, \
            listed
    assert not refused.find("//*[@id='final-now']"), "final now offered over suggestions"
    assert refused.checked("status") == ["draft"]
    # the button sent anyway (a page kept from before): refused too, nothing kept final
    sent = Shown(web.submit("about", action=FINAL_NOW))
    assert sent.status == 422, sent.text()
    assert ["Check the suggested answers in Review", f"{base}/review"] in _before_final(sent)
    assert web.form("about")["status"] == ["draft"]
    row = web.go(f"{web.base}/check").text(
        "//div[contains(@class, 'govuk-summary-list__row')][dt[contains(., 'final version')]]"
        "/dd[1]")
    assert row == "Draft", row


def test_once_each_is_checked_the_post_can_be_final(tmp_path: Path) -> None:
    web = _answered(tmp_path)
    for slug in SLUGS:
        page = web.go(f"{web.base}/{slug}")
        web.press(page)  # Continue: the suggestions are the officer's now
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert not [t for t, _ in _before_final(refused) if "suggested" in t], \
        _before_final(refused)
    final = web.press(refused, "#final-now")  # only the appointee's gap was left
    assert final.status == 200 and not final.path.endswith("/about"), final.text()
    assert web.form("about")["status"] == ["final"]
