"""One clause folder reached by two spellings (``overlay`` and ``/abs/overlay``) is one
OVERLAY warning: the post's own folder (its ``clauses``, its employer's profile's) given to
``docgen build --clauses`` or ``docgen.render(clauses=...)`` as well, relatively where the
answer file names it absolutely or the other way round. The warning's message starts with
the overlay's file as its folder was spelt, so build and render told the check's warning
from the given folder's by clause id, not by message (they said it twice)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.clauses.library import Library
from docgen.clauses.overlay_warnings import OverlayWarning
from docgen.cli import cli
from docgen.pipeline import given_overlays, overlay_warning

from .overlay_posts import HR, foi_overlay, profiled_post


def _overlays(problems: list[dict]) -> list[list[str]]:
    return [p["path"] for p in problems if p["rule"] == "OVERLAY"]


@pytest.mark.parametrize("post_given,folder_given", [("absolute", "relative"),
                                                      ("relative", "absolute")])
def test_build_given_the_posts_own_folder_warns_once(tmp_path: Path, post_given: str,
                                                     folder_given: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    foi_overlay(tmp_path / "overlay")
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text("utf-8") + "clauses:\n  - overlay\n", "utf-8")
    args = [str(post) if post_given == "absolute" else "post.yaml", "--clauses",
            str(tmp_path / "overlay") if folder_given == "absolute" else "overlay"]
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", "--out", "out",
                                                  *args]).output)
    assert built["status"] == "built"
    assert _overlays(built["problems"]) == [["clauses"]]  # the check's, at the post's clauses


def test_render_given_the_employers_profile_folder_warns_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    post = profiled_post(tmp_path)
    report = docgen.render(post, clauses=["organisations/eastwick-clauses"]).report
    assert [p.path for p in report.problems if p.rule == "OVERLAY"] == [("employer",)]
    [built] = json.loads(CliRunner().invoke(cli, [
        "build", "--json", "--out", "out", "post.yaml", "--clauses",
        str(tmp_path / "organisations" / "eastwick-clauses")]).output)
    assert _overlays(built["problems"]) == [["employer"]]


def test_given_overlays_tells_warnings_apart_by_clause_not_by_message() -> None:
    """pipeline.given_overlays itself (the tests above pass by the message dedupe too since
    7b6dc86: the library now names one file a clause): the check's OVERLAY and the given
    folder's, spelt differently (different messages) for one clause, are one warning; a
    given folder's warning of another clause is said after the check."""
    post = Path("/posts/post.yaml")

    def warning(file: str, clause: str) -> OverlayWarning:
        return OverlayWarning(Path(file), clause, 1, 2, ("agreement",))

    checked = overlay_warning(warning("overlay/agreement.foi.yaml", "agreement.foi"),
                              ("clauses",), post)
    library = Library(warnings=[warning("/abs/overlay/agreement.foi.yaml", "agreement.foi"),
                                warning("/abs/overlay/agreement.exit.yaml", "agreement.exit")])
    assert checked.message != library.warnings[0].message
    [given] = given_overlays([checked], library, post)
    assert given.clauses == ("agreement.exit",) and given.path == ()
    assert given.message == library.warnings[1].message
