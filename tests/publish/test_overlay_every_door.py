"""A clause overlay written for an older version of a standard clause (OVERLAY) is the
post's warning in every door: ``docgen.check``, ``docgen check``, ``docgen.render`` and
``docgen build``. Only build saw it before (the check loaded the post's own clause folders
but reported their errors alone), so a ``status: final`` post with it open was checked
clean and built; a refusal in build alone was reverted (ddaa156) as the doors disagreed.

The warning names the documents its clause is in: a final post asking for one of them is
refused by every door, in words that do not offer to acknowledge it (it cannot be); a final
post asking only for others is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_read import raw_xml

import docgen
from docgen.api import problem_dict
from docgen.cli import cli
from docgen.errors import AnswerFileError

from .overlay_posts import HR, foi_overlay, profiled_post

WAY_OUT = ("review the overlay against the new standard wording, then set its "
           "replaces_version to 2")
REFUSED = ("the documents are marked final but 1 clause overlay warning is still open; "
           f"{WAY_OUT} (docgen check lists them; an overlay's warning cannot be "
           "acknowledged), or set status: draft")


@pytest.fixture
def overlaid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The HR post (all three documents) naming that overlay's folder in its ``clauses``."""
    monkeypatch.chdir(tmp_path)
    foi_overlay(tmp_path / "overlay")
    (tmp_path / "post.yaml").write_text(HR.read_text("utf-8") + "clauses:\n  - overlay\n",
                                        "utf-8")
    return tmp_path


def _as(folder: Path, status: str = "draft", documents: str = "",
        acknowledged: bool = True) -> Path:
    """The post with ``status``; ``documents`` (a flow list) narrows what it asks for;
    ``acknowledged=False`` takes away its acknowledgement of GP014 (its last entry but
    the clauses), so a rule's warning is open beside OVERLAY."""
    post = folder / "post.yaml"
    text = post.read_text("utf-8")
    assert "\nstatus: draft\n" in text and "acknowledge:\n  - rule: GP014\n" in text
    text = text.replace("\nstatus: draft\n", f"\nstatus: {status}\n", 1)
    if documents:
        text += f"documents: {documents}\n"
    if not acknowledged:
        text = text[:text.index("\nacknowledge:\n")] + "\nclauses:\n  - overlay\n"
    post.write_text(text, "utf-8")
    return post


def _doors(post: Path) -> dict[str, list[tuple[str, str, tuple[str, ...], str]]]:
    """Each door's OVERLAY and FINAL findings, as (severity, rule, key path, message); a
    file the message names relative to the current folder, as the command line shows it."""
    def found(problems: list[dict]) -> list[tuple[str, str, tuple[str, ...], str]]:
        return [(p["severity"], p["rule"], tuple(p["path"]),
                 p["message"].replace(f"{Path.cwd()}/", "")) for p in problems
                if p["rule"] in ("OVERLAY", "FINAL")]

    api = docgen.check(post)
    try:
        rendered = docgen.render(post).report.problems
    except AnswerFileError as exc:
        rendered = exc.problems
    [cli_check] = json.loads(CliRunner().invoke(cli, ["check", "--json", str(post)]).output)
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", str(post),
                                                  "--out", "out"]).output)
    return {"docgen.check": found([problem_dict(p) for p in api.problems]),
            "docgen.render": found([problem_dict(p) for p in rendered]),
            "docgen check": found(cli_check["problems"]),
            "docgen build": found(built["problems"])}


def _warning(key: str = "clauses") -> tuple[str, str, tuple[str, ...], str]:
    return ("warning", "OVERLAY", (key,), "overlay/agreement.foi.yaml: overlay "
            "'agreement.foi' replaces version 1 of the standard clause, which is now at "
            f"version 2; {WAY_OUT}")


def test_a_draft_is_warned_by_every_door_with_the_documents(overlaid: Path) -> None:
    post = _as(overlaid)
    assert set(map(str, _doors(post).values())) == {str([_warning()])}  # once, in each
    [warning] = [p for p in docgen.check(post).warnings if p.rule == "OVERLAY"]
    assert warning.documents == ("agreement",)  # the documents its clause is in
    assert list((overlaid / "out").rglob("*.docx"))  # built, the warning open
    # a note for the clause folder's keeper, not the document's reader: no drafting note
    agreement = raw_xml(next((overlaid / "out").rglob("*greement*.docx")))
    assert "of the standard clause" not in agreement


def test_a_final_post_asking_for_the_document_is_refused_by_every_door(overlaid: Path) -> None:
    post = _as(overlaid, "final")
    refusal = ("error", "FINAL", ("status",), REFUSED)
    doors = _doors(post)
    assert doors.pop("docgen.render") == [refusal]  # raised with the errors alone
    assert set(map(str, doors.values())) == {str([_warning(), refusal])}
    assert "acknowledge" not in REFUSED.replace("cannot be acknowledged", "")
    assert not list((overlaid / "out").rglob("*.docx"))


def test_a_final_post_asking_only_for_other_documents_is_not_refused(overlaid: Path) -> None:
    post = _as(overlaid, "final", "[contract, job_spec]")
    assert set(map(str, _doors(post).values())) == {str([_warning()])}  # said, not counted
    assert docgen.check(post).ok
    assert len(list((overlaid / "out").rglob("*.docx"))) == 2


def test_counted_with_a_rules_warning_each_with_its_own_way_out(overlaid: Path) -> None:
    post = _as(overlaid, "final", acknowledged=False)
    [refusal] = [p.message for p in docgen.check(post).errors if p.rule == "FINAL"]
    assert refusal == (
        "the documents are marked final but 1 unacknowledged warning and 1 clause overlay "
        "warning are still open; resolve or acknowledge the warning; "
        f"{WAY_OUT} (docgen check lists them; an overlay's warning cannot be "
        "acknowledged), or set status: draft")


def test_the_employers_profile_overlay_is_warned_at_the_employer(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """An overlay in the employer's organisation profile's clause folder: the post's
    ``employer`` is what brings it (the message names the overlay's file)."""
    monkeypatch.chdir(tmp_path)
    post = profiled_post(tmp_path)
    [warning] = [p for p in docgen.check(post).warnings if p.rule == "OVERLAY"]
    assert warning.path == ("employer",) and warning.documents == ("agreement",)
    assert "/organisations/eastwick-clauses/agreement.foi.yaml: overlay" in warning.message
    post.write_text(post.read_text("utf-8").replace("\nstatus: draft\n", "\nstatus: final\n"),
                    "utf-8")
    assert [p.message for p in docgen.check(post).errors] == [REFUSED]


def test_a_folder_given_to_build_or_render_alone_is_warned_and_does_not_refuse(
        overlaid: Path) -> None:
    """``docgen build --clauses DIR`` and ``docgen.render(clauses=...)`` give a folder no
    check is given: they add its warning (once) and build records it, but a final post is
    not refused for it (``docgen check`` could not say so)."""
    post = _as(overlaid, "final")
    post.write_text(post.read_text("utf-8").replace("clauses:\n  - overlay\n", ""), "utf-8")
    assert not [p for p in docgen.check(post).problems if p.rule in ("OVERLAY", "FINAL")]
    rendered = docgen.render(post, clauses=["overlay"]).report.problems
    assert [(p.rule, p.path, p.documents) for p in rendered
            if p.rule in ("OVERLAY", "FINAL")] == [("OVERLAY", (), ("agreement",))]
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", str(post), "--out", "out",
                                                  "--clauses", "overlay"]).output)
    assert built["status"] == "built"
    assert [(p["rule"], p["path"]) for p in built["problems"]
            if p["rule"] in ("OVERLAY", "FINAL")] == [("OVERLAY", [])]


def test_each_way_out_apart_with_warnings_an_overlay_and_a_placeholder(overlaid: Path) -> None:
    """The overlay's step ("review …, then set …") is told apart from the others by ";", so
    "fill in the placeholder" does not read as part of it."""
    post = _as(overlaid, "final", acknowledged=False)
    text = post.read_text("utf-8")
    start = text.index("\npostholder:\n")  # no post-holder named: a placeholder, GP045 open
    end = text.index("\n\n", start)
    post.write_text(text[:start] + text[end:], "utf-8")
    [refusal] = [p.message for p in docgen.check(post).errors if p.rule == "FINAL"]
    assert refusal == (
        "the documents are marked final but 2 unacknowledged warnings, 1 clause overlay "
        "warning and 1 placeholder are still open; resolve or acknowledge the warnings; "
        f"{WAY_OUT}; fill in the placeholder (docgen check lists them; an overlay's warning "
        "cannot be acknowledged), or set status: draft")
