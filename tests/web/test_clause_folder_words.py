"""A clause folder that cannot be used (here an overlay of a standard clause that does not
say which version it replaces), in the interview: docgen's error names the file, the clause
id and the YAML line to add, words for whoever keeps the folder. Check your answers says
whose wording cannot be used and who can put it right, with no file, id or YAML, and no link
to a question (none of the interview's answers puts it right)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from publish.overlay_posts import HR, foi_overlay, profiled_post  # noqa: E402

from .helpers import Browser  # noqa: E402

#: docgen's words for the folder's keeper, never for an HR officer
NOT_SAID = ("-clauses", ".yaml", "agreement.foi", "replaces", "version", "overlay", "/")


def _error(web: Browser) -> tuple[str, list]:
    """The one error about the wording on check your answers, and any link it has."""
    shown = web.go(f"{web.base}/check")
    [item] = [li for li in shown.find("//div[contains(@class, 'govuk-error-summary')]//li")
              if "wording" in li.text_content()]
    said = " ".join(item.text_content().split())
    for word in NOT_SAID:
        assert word not in said.lower(), (word, said)
    return said, item.xpath(".//a")


def test_the_employers_clause_folder_is_said_as_its_profiles(tmp_path: Path) -> None:
    post = profiled_post(tmp_path, profile_replaces=None)
    web = Browser.on(tmp_path, "post.yaml", post.read_text("utf-8"))
    said, links = _error(web)
    assert said == ("Eastwick's own wording of clauses cannot be used. Ask whoever looks "
                    "after Eastwick's organisation profile to put it right"), said
    assert links == []


def test_the_employers_clause_folder_is_no_error_of_the_employer_page(tmp_path: Path) -> None:
    """The profile's error is at ``employer``, which the Employer page asks: no answer
    there puts it right, so the page shows no error, Continue moves on and the section is
    not in progress (check your answers says it, above)."""
    post = profiled_post(tmp_path, profile_replaces=None)
    web = Browser.on(tmp_path, "post.yaml", post.read_text("utf-8"))
    page = web.go(f"{web.base}/employer")
    assert page.errors() == [], page.errors()
    assert not web.press(page).path.endswith("/employer")
    assert web.task_states()["Employer"] == "Completed", web.task_states()


def test_the_posts_own_clause_folder_is_said_as_the_posts(tmp_path: Path) -> None:
    foi_overlay(tmp_path / "post-clauses", replaces=None)
    text = HR.read_text("utf-8") + "clauses: [post-clauses]\n"
    web = Browser.on(tmp_path, "post.yaml", text)
    said, links = _error(web)
    assert said == ("This post's own wording of clauses cannot be used. Ask whoever gave "
                    "this post its own wording of clauses to put it right"), said
    assert links == []
