"""docgen's suggestions not confirmed yet stay marked on a saved post (HR officer's view):
"Save" keeps what is on the page, it does not say the officer has looked at each
suggestion. So a post saved with them, reopened (after the server restarts too), still
shows those sections as "Suggested answers" and each row "Suggested", on Check your
answers and on the section's own check page, until Continue on the section's page. Once every one is
confirmed and the post saved, no draft of it is left in the drafts folder."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.fields import STEPS  # noqa: E402
from docgen.web.store import DRAFTS_DIR  # noqa: E402

from .helpers import Interview, Shown, profiled_interview  # noqa: E402

TAG = "Suggested Check this fits the post"


def _states(web: Interview) -> dict[str, str]:
    """Each section's state on the task list, by its slug."""
    by_title = {s.title: s.slug for s in STEPS}
    return {by_title[name]: state for name, state in web.task_states().items()}


def _section_rows(web: Interview, slug: str) -> tuple[Shown, list[str]]:
    """The section's own check page, and each of its answers as shown."""
    page = Shown(web.client.get(f"{web.base}/check/{slug}"))
    return page, [" ".join(dd.text_content().split()) for dd in page.find(
        "//main//dl/div[contains(@class,'govuk-summary-list__row')]/dd[1]")]


def _all_rows(web: Interview) -> str:
    return Shown(web.client.get(f"{web.base}/check")).text()


def _drafts(folder: Path) -> list[Path]:
    return sorted((folder / DRAFTS_DIR).glob("*.json"))


def test_a_sections_own_check_page_marks_its_suggestions(tmp_path: Path) -> None:
    web, _ = profiled_interview(tmp_path)
    web.begin("KEPT-1")
    assert _states(web)["review"] == "Suggested answers"
    page, answers = _section_rows(web, "review")
    assert answers and all(TAG in a for a in answers), answers
    assert "Suggested" in page.text("//*[@id='suggested']")
    # the employer profile's own policy is not docgen's suggestion: not marked
    page, answers = _section_rows(web, "conflicts")
    assert answers and not any(TAG in a for a in answers), answers
    assert not page.find("//*[@id='suggested']")


def test_suggestions_stay_to_check_after_saving_reopening_and_a_restart(
        tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    web.begin("KEPT-2")
    assert web.save("kept-2.yaml").status_code == 200
    web.open("kept-2.yaml")  # the same server
    assert _states(web)["review"] == "Suggested answers"
    again = Interview(folder)  # the server restarted
    again.open("kept-2.yaml")
    states = _states(again)
    assert states["review"] == "Suggested answers", states
    _, answers = _section_rows(again, "review")
    assert answers and all(TAG in a for a in answers), answers
    assert TAG in _all_rows(again)
    assert len(_drafts(folder)) == 1, _drafts(folder)  # one record, not one an open
    # the saved post is not "changes not saved yet": the start page lists no draft of it
    assert not Shown(again.client.get("/")).find("//*[@id='drafts']//a")


def test_continue_confirms_them_and_leaves_no_draft_once_saved(tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    web.begin("KEPT-3")
    assert web.save("kept-3.yaml").status_code == 200
    again = Interview(folder)  # the server restarted
    again.open("kept-3.yaml")
    states = _states(again)
    to_check = [slug for slug, state in states.items() if state == "Suggested answers"]
    assert "review" in to_check, to_check
    # sections not all answered yet hold suggestions too (what the post is not expected to
    # do): the officer presses Continue on each page, answered or not
    for slug in [slug for slug, state in states.items() if state != "Completed"]:
        assert again.submit(slug).status_code in (200, 422)  # 422: answers still to give
    assert TAG not in _all_rows(again)
    assert again.save("kept-3.yaml").status_code == 200
    states = _states(again)
    assert all(states[slug] == "Completed" for slug in to_check), states
    assert _drafts(folder) == []
    later = Interview(folder)
    later.open("kept-3.yaml")
    assert _states(later)["review"] == "Completed"
    assert _drafts(folder) == []
