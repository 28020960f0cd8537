"""An OVERLAY warning counts at final only where the post's documents take its clause: a
clause's condition (``when``) false for the post leaves it out of each document it is in,
so its overlay out of date asks nothing of this post. Only the documents were compared, so a
final post was refused, by every door, for wording none of its documents would print. The
warning is still said (the folder's keeper should bring the overlay up to date), in words
saying it does not stop this post being final, and marked ``not_used`` (recorded so in the
manifest, and said again by a rebuild skipped as unchanged); a condition true for the post,
in one of the documents it asks for, still refuses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import cli
from docgen.errors import AnswerFileError, Problem
from docgen.final_open import NOT_USED

from .overlay_posts import HR, welsh_overlay

#: what every door says of the Welsh language overlay left out by its condition
UNUSED = ("overlay/agreement.welsh_language.yaml: overlay 'agreement.welsh_language' "
          "replaces version 1 of the standard clause, which is now at version 2, but its "
          "condition (when) leaves the clause out of this post's documents, so it does not "
          "stop this post being final; review the overlay against the new standard wording, "
          "then set its replaces_version to 2")


def _final_post(folder: Path, when: str | None = None, more: str = "") -> Path:
    """The HR post (in England and Wales), ``status: final``, naming a clause folder with an
    out-of-date overlay of the agreement's Welsh language clause (condition ``when``, else
    the standard one: false for this post)."""
    welsh_overlay(folder / "overlay", when)
    text = HR.read_text("utf-8")
    assert "\nstatus: draft\n" in text
    post = folder / "post.yaml"
    post.write_text(text.replace("\nstatus: draft\n", "\nstatus: final\n", 1)
                    + "clauses:\n  - overlay\n" + more, "utf-8")
    return post


def _said(problems: list[Problem] | list[dict]) -> list[tuple[str, str]]:
    """The OVERLAY and FINAL findings, as (rule, message), the message's files as the
    command line names them (relative to the current folder)."""
    return [(p["rule"], p["message"].replace(f"{Path.cwd()}/", "")) for p in (
        x if isinstance(x, dict) else {"rule": x.rule, "message": x.message} for x in problems)
        if p["rule"] in ("OVERLAY", "FINAL")]


def _build() -> dict:
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", "post.yaml",
                                                  "--out", "out"]).output)
    return built


def test_a_final_post_none_of_whose_documents_takes_the_clause_is_not_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    post = _final_post(tmp_path)
    said = [("OVERLAY", UNUSED)]
    checked = docgen.check(post)
    assert checked.ok and _said(checked.problems) == said
    [warning] = [p for p in checked.warnings if p.rule == "OVERLAY"]
    assert warning.code == NOT_USED and warning.documents == ("agreement",)
    assert warning.hint == ("review the overlay against the new standard wording, then set "
                            "its replaces_version to 2")  # the keeper's way out, as before
    assert _said(docgen.render(post).report.problems) == said
    [cli_check] = json.loads(CliRunner().invoke(cli, ["check", "--json", "post.yaml"]).output)
    assert cli_check["status"] == "checked" and _said(cli_check["problems"]) == said
    built = _build()
    assert built["status"] == "built" and _said(built["problems"]) == said
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 3
    # the manifest records it as not used, and a rebuild skipped as unchanged says it again
    manifest = json.loads(next((tmp_path / "out").rglob("manifest.json")).read_text("utf-8"))
    [recorded] = [w for w in manifest["warnings"] if w["rule"] == "OVERLAY"]
    assert (recorded["code"], recorded["documents"]) == (NOT_USED, ["agreement"])
    again = _build()
    assert again["status"] == "skipped" and _said(again["problems"]) == said


def _refused_everywhere(post: Path, folder: Path) -> docgen.CheckReport:
    """``post`` (final) refused for its OVERLAY warning, which concerns the agreement and is
    not ``not_used``: check gives FINAL, render raises, build fails and writes nothing; the
    check's report."""
    checked = docgen.check(post)
    assert "FINAL" in [p.rule for p in checked.errors], checked.problems
    [warning] = [p for p in checked.warnings if p.rule == "OVERLAY"]
    assert warning.code == "" and warning.documents == ("agreement",)
    assert "leaves the clause out" not in warning.message
    with pytest.raises(AnswerFileError):
        docgen.render(post)
    assert _build()["status"] == "failed"
    assert not list((folder / "out").rglob("*.docx"))
    return checked


@pytest.mark.parametrize("when", ["a.jurisdiction != 'wales'", "doc == 'agreement'"])
def test_a_final_post_whose_document_takes_the_clause_is_still_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.chdir(tmp_path)
    post = _final_post(tmp_path, when)
    assert [p.rule for p in _refused_everywhere(post, tmp_path).errors] == ["FINAL"]


def test_the_condition_is_evaluated_for_each_document(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``doc`` is the document being made, as in rendering: an overlay in the agreement and
    the job specification taken by the job specification alone concerns that one only, so
    a post without it is not refused; a condition false in every document is ``not_used``."""
    monkeypatch.chdir(tmp_path)
    post = _final_post(tmp_path, "doc == 'job_spec'", "documents: [agreement, contract]\n")
    overlay = tmp_path / "overlay" / "agreement.welsh_language.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace(
        "\ndocuments: [agreement]\n", "\ndocuments: [agreement, job_spec]\n", 1), "utf-8")
    checked = docgen.check(post)
    assert checked.ok
    [warning] = [p for p in checked.warnings if p.rule == "OVERLAY"]
    assert warning.documents == ("job_spec",) and warning.code == ""
    post.write_text(post.read_text("utf-8").replace("documents: [agreement, contract]\n", ""),
                    "utf-8")
    assert [p.rule for p in docgen.check(post).errors] == ["FINAL"]  # it asks for job_spec
    overlay.write_text(overlay.read_text("utf-8").replace("doc == 'job_spec'",
                                                          "doc == 'contract'"), "utf-8")
    checked = docgen.check(post)
    assert checked.ok
    [warning] = [p for p in checked.warnings if p.rule == "OVERLAY"]
    assert warning.code == NOT_USED


@pytest.mark.parametrize("when", ["a.jurisdiction == 1/0", "range(10**9)|list|length > 0"],
                         ids=["raises", "over-the-render-budget"])
def test_a_condition_that_cannot_be_evaluated_counts_as_taking_the_clause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """A ``when`` that raises, or that goes over the budget rendering allows, is not taken
    to leave the clause out (``pipeline.taken_by``): the warning counts, so the final post
    is refused (rendering reports the condition's error), never let off on its strength."""
    monkeypatch.chdir(tmp_path)
    post = _final_post(tmp_path, when)
    checked = _refused_everywhere(post, tmp_path)
    assert "FINAL" in [p.rule for p in checked.errors], checked.problems
