"""A new post's standing answers are docgen's suggestions, shown as such until the officer
confirms them (HR officer's review): they replaced the warnings that made the officer
think about the post (no trial, nothing it is not expected to do, no matters excluded for
conflicts), yet the task list said Completed and nothing on Check your answers told them
from the officer's own. "Negotiating or enforcing any contract between the partners", as
a matter the post-holder does not act in, can rule out a shared procurement head's core
work. Now a section holding them is "Suggested answers" on the task list, and each row still holding
one is marked "Suggested" on Check your answers, until the officer changes it or presses
Continue on its page. Saving and building are not blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview, Shown, profiled_interview, two_councils  # noqa: E402

#: the sections the start page fills with docgen's suggestions alone (Confidentiality's
#: standing answers are plain defaults, not judgements: standing.SUGGESTED_KEYS)
SUGGESTED = ("Conflicts of interest", "Governance", "Review", "Exit")
#: the row of the matter the reviewer named, as Check your answers labels it
MATTERS = "conflicts_of_interest.excluded_matters"


def _started(tmp_path: Path) -> Interview:
    return two_councils(tmp_path, "SUG-1")


def _rows(web: Interview) -> dict[str, dict[str, str]]:
    """Check your answers' rows, by section heading, each label to its answer as shown."""
    page = Shown(web.client.get(f"{web.base}/check"))
    out: dict[str, dict[str, str]] = {}
    for h2 in page.find("//main//h2[following-sibling::*[1][self::dl]]"):
        dl = h2.getnext()
        out[" ".join(h2.text_content().split())] = {
            " ".join(row.xpath("./dt")[0].text_content().split()):
            " ".join(row.xpath("./dd[1]")[0].text_content().split())
            for row in dl.xpath("./div[contains(@class,'govuk-summary-list__row')]")}
    return out


def _marked(answer: str) -> bool:
    return "Suggested Check this fits the post" in answer


def test_sections_holding_suggestions_are_to_check_not_completed(tmp_path: Path) -> None:
    web = _started(tmp_path)
    states = web.task_states()
    for section in SUGGESTED:
        assert states[section] == "Suggested answers", (section, states)
    # what the start page asked is the officer's own: completed
    assert states["Partners"] == states["Employer"] == "Completed", states
    assert states["Confidentiality"] == "Completed", states  # defaults, not judgements
    tasks = Shown(web.client.get(f"{web.base}/tasks"))
    tags = tasks.find("//strong[contains(@class,'govuk-tag')][.='Suggested answers']")
    assert tags and all("govuk-tag--purple" in str(t.get("class")) for t in tags)  # not
    # the yellow of "Check again", a different state
    said = tasks.text("//*[@id='suggested']")
    assert "suggests" in said and "press Continue" in said, said


def test_the_employers_own_policy_is_not_a_suggestion(tmp_path: Path) -> None:
    """Eastwick's profile gives its own conflicts and confidentiality answers: those are
    the employer's policy, completed; the review, docgen's alone, is to check."""
    web, _ = profiled_interview(tmp_path)
    web.begin("SUG-2")
    states = web.task_states()
    assert states["Conflicts of interest"] == states["Confidentiality"] == "Completed", states
    assert states["Review"] == "Suggested answers", states
    rows = _rows(web)
    assert not any(_marked(a) for a in rows["Conflicts of interest"].values())
    assert all(_marked(a) for a in rows["Review"].values()), rows["Review"]


def test_check_your_answers_marks_the_rows_still_holding_a_suggestion(tmp_path: Path) -> None:
    web = _started(tmp_path)
    rows = _rows(web)
    conflicts = rows["Conflicts of interest"]
    matters = next(a for a in conflicts.values() if "contract between the partners" in a)
    assert _marked(matters), conflicts
    assert _marked(next(a for a in rows["Review"].values() if a.startswith("12")))
    # the partners and the employer, chosen on the start page, are not suggestions
    assert not any(_marked(a) for a in [*rows["Partners"].values(),
                                        *rows["Employer"].values()]), rows["Employer"]
    assert "Suggested" in Shown(web.client.get(f"{web.base}/check")).text(
        "//*[@id='suggested']")
    response = web.save("sug-1.yaml")  # suggestions do not stop saving
    assert response.status_code == 200 and (web.folder / "sug-1.yaml").is_file()


def test_continue_on_a_section_confirms_its_suggestions(tmp_path: Path) -> None:
    web = _started(tmp_path)
    web.submit("review")  # opened, looked at, kept as they are
    assert web.task_states()["Review"] == "Completed"
    assert web.task_states()["Conflicts of interest"] == "Suggested answers"
    rows = _rows(web)
    assert not any(_marked(a) for a in rows["Review"].values()), rows["Review"]
    assert any(_marked(a) for a in rows["Conflicts of interest"].values())


def test_an_answer_changed_is_no_longer_marked_as_a_suggestion(tmp_path: Path) -> None:
    """Changed and left by "Save and return to the task list" (not Continue): the answer
    is the officer's, so its row is not marked; the section's other suggestions still
    are, and the section is still to check."""
    web = _started(tmp_path)
    form = web.form("conflicts")
    matters = sorted(k for k in form if k.startswith(MATTERS) and not k.endswith("__n"))
    assert matters, sorted(form)
    response = web.submit("conflicts", action="tasks", **{
        matters[0]: "advising a partner on procurement from another partner"})
    assert response.status_code == 200, response.text
    conflicts = _rows(web)["Conflicts of interest"]
    changed = next(a for a in conflicts.values() if "procurement" in a)
    assert not _marked(changed), conflicts
    assert any(_marked(a) for a in conflicts.values()), conflicts  # the registers
    assert web.task_states()["Conflicts of interest"] == "Suggested answers"
