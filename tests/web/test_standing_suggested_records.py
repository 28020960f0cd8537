"""A saved post's record kept for docgen's suggestions not confirmed yet (HR officer's
view): it is never left behind where nothing can reach it, and the marks come back with
the post however it is reopened. A file changed in the folder (edited by hand) or deleted
leaves no stale record; a new draft of the changed file, or one started again from the
saved file ("Delete this draft"), still says "Suggested answers" where the answers are
still docgen's; and a section whose every suggestion the officer changed says Completed,
as its check page tags none."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.store import DRAFTS_DIR  # noqa: E402

from .helpers import Interview, Shown, profiled_interview  # noqa: E402
from .test_standing_suggested_kept import TAG, _section_rows, _states  # noqa: E402


def _drafts(folder: Path) -> list[str]:
    return sorted(p.stem for p in (folder / DRAFTS_DIR).glob("*.json"))


def _saved(tmp_path: Path, name: str) -> tuple[Interview, Path]:
    """A new post with docgen's suggestions, saved as ``name`` without confirming them."""
    web, folder = profiled_interview(tmp_path)
    web.begin(name.upper())
    assert web.save(f"{name}.yaml").status_code == 200
    assert len(_drafts(folder)) == 1, _drafts(folder)
    return web, folder


def _suggested_review(web: Interview) -> None:
    assert _states(web)["review"] == "Suggested answers"
    _, answers = _section_rows(web, "review")
    assert answers and all(TAG in a for a in answers), answers


def test_a_file_edited_by_hand_leaves_no_stale_record_and_keeps_the_marks(
        tmp_path: Path) -> None:
    web, folder = _saved(tmp_path, "rec-1")
    old = _drafts(folder)
    path = folder / "rec-1.yaml"
    path.write_text(path.read_text("utf-8") + "# edited by hand\n", encoding="utf-8")
    web.open("rec-1.yaml")  # the same server
    _suggested_review(web)
    kept = _drafts(folder)
    assert len(kept) == 1 and kept != old, (old, kept)  # the new draft's, not the stale one
    again = Interview(folder)  # after a restart too
    again.open("rec-1.yaml")
    _suggested_review(again)
    assert _drafts(folder) == kept
    assert not Shown(again.client.get("/")).find("//*[@id='drafts']//a")


def test_a_deleted_file_leaves_no_record(tmp_path: Path) -> None:
    _, folder = _saved(tmp_path, "rec-2")
    (folder / "rec-2.yaml").unlink()
    again = Interview(folder)  # the server restarted: its start page
    assert again.client.get("/").status_code == 200
    assert _drafts(folder) == []


def test_starting_again_from_the_saved_file_keeps_the_marks(tmp_path: Path) -> None:
    web, folder = _saved(tmp_path, "rec-3")
    web.open("rec-3.yaml")
    assert web.submit("review", "later", review__trial_months="9").status_code in (200, 303)
    shown = web.open("rec-3.yaml")  # taken to the draft with the change, and told
    assert "Delete this draft and start again from the saved file" in shown
    draft_id = web.base.rsplit("/", 1)[1]
    response = web.client.post(f"/drafts/{draft_id}/delete",
                               data={"csrf_token": web.token, "confirm": "yes"})
    assert response.status_code == 200, response.text
    web.open("rec-3.yaml")  # a new draft of the saved file
    _suggested_review(web)
    assert "9" not in _section_rows(web, "review")[1][0]
    later = Interview(folder)  # kept through a restart
    later.open("rec-3.yaml")
    _suggested_review(later)


def test_every_suggestion_changed_is_not_suggested_answers(tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    web.begin("REC-4")
    assert _states(web)["review"] == "Suggested answers"
    response = web.submit("review", "later", review__trial_months="9",
                          review__trial_notice_months="2", review__reviews_after_months="4",
                          review__then_every_months="24")
    assert response.status_code in (200, 303)
    _, answers = _section_rows(web, "review")
    assert answers and not any(TAG in a for a in answers), answers
    assert _states(web)["review"] == "Completed"
    again = Interview(folder)  # the record kept says the same after a restart
    again.base = web.base
    assert _states(again)["review"] == "Completed"
