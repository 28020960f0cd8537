"""Clause book audit: wording the examples never reach is tried (a Scottish post, a post
without a trial …), a «field» must be one docgen knows, a calculation cannot be changed,
a book is read with the clause folders it was exported with, and an overlay's notes keep
its history."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from clause_book_edits import (
    clause_paragraphs,
    delete,
    edited,
    open_book,
    paragraph,
    refused,
    reword,
    save,
)
from click.testing import CliRunner
from docx.document import Document

from docgen.clauses.samples import sample_posts
from docgen.cli import cli
from docgen.resources import BUILTIN_CLAUSES

SCOTS = "Subject to clause «disputes», the Parties prorogate"
LET = "⟦Let councils be = parties | selectattr('kind', 'equalto', 'local_authority') | list⟧"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_the_sample_posts_reach_every_jurisdiction_and_the_other_branches() -> None:
    posts = sample_posts()
    laws = {p.facts.answers.jurisdiction for p in posts}
    assert laws == {"scotland", "northern_ireland", "wales", "england_and_wales", "england"}
    assert any(not p.facts.review.trial for p in posts)
    assert any(len(p.facts.parties) == 4 for p in posts)
    assert any(p.facts.employer.kind == "nhs_body" for p in posts)
    assert any(p.facts.answers.postholder is None for p in posts)
    assert any(p.facts.answers.legal_basis == "secondment" for p in posts)


def test_a_field_typed_as_a_path_in_wording_only_scotland_reaches(
        tmp_path: Path, agreement_book: bytes) -> None:
    """Before, «disputes.stepz» (a mistyped cross-reference) was taken for a look-up in
    the list of dispute steps and imported; every Scottish post then failed to build."""
    def edit(book: Document) -> None:
        reword(paragraph(book, SCOTS, after="agreement.law"), "«disputes»", "«disputes.stepz»")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("clause 'agreement.law', paragraph “Subject to clause «disputes.stepz», the Parties "
            "prorogate the …”: «disputes.stepz» is not a field docgen knows") in out
    assert "«disputes.steps»" in out  # the label meant, offered


def test_lint_of_a_folder_tries_a_scottish_post(tmp_path: Path) -> None:
    """Before, lint --clauses said "clause library OK" (the examples are all English)."""
    data = yaml.safe_load((BUILTIN_CLAUSES / "agreement" / "2300-governing-law.yaml")
                          .read_text("utf-8"))
    assert "{{ ref('agreement.disputes') }}, the Parties prorogate" in data["text"]
    data["text"] = data["text"].replace("{{ ref('agreement.disputes') }}, the Parties prorogate",
                                        "{{ disputes.stepz }}, the Parties prorogate")
    data["replaces_version"], data["version"] = data["version"], data["version"] + 1
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "agreement.law.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exit_code == 1, result.output
    issues = result.output.splitlines()[:-1]
    assert issues and all("under Scots law agreement: " in line and "clause 'agreement.law'"
                          in line and "stepz" in line for line in issues), result.output
    assert {line.split(" under ")[0] for line in issues} == {
        "joint-director-public-health.yaml", "shared-head-of-hr.yaml",
        "shared-legal-services-three-councils.yaml"}


def test_a_condition_turned_round_for_posts_without_a_trial(
        tmp_path: Path, agreement_book: bytes) -> None:
    """Before, accepted: every example has a trial, so the clause it cites (left out
    without one) was never missed until a post without a trial was built."""
    def edit(book: Document) -> None:
        reword(paragraph(book, "A notice under clause", after="agreement.notices"),
               "⟦Only when «trial period agreed»:⟧", "⟦Only when not «trial period agreed»:⟧")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("clause 'agreement.notices', paragraph “A notice under clause «exit.notice»⟦Only "
            "when not «trial …”: this cites clause «term.trial_exit», which the example post"
            ) in out
    assert "without a trial period leaves out" in out


def test_a_calculation_changed_to_another_kind_of_party(
        tmp_path: Path, agreement_book: bytes) -> None:
    """Before, imported (version raised), and the s.117 paragraph left every agreement."""
    def edit(book: Document) -> None:
        reword(paragraph(book, LET, after="agreement.conflicts"), "local_authority",
               "nhs_body")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("clause 'agreement.conflicts', paragraph “⟦Let councils be = parties | "
            "selectattr('kind', 'equalto', …”: the marker ⟦Let councils be = parties | "
            "selectattr('kind', 'equalto', 'nhs_body') | list⟧ is not as exported") in out
    assert "Leave it as it is" in out and "ask whoever runs docgen" in out


FOI = "Where a Party receives a request for information that is held only"


def _foi_folder(tmp_path: Path, agreement_book: bytes) -> Path:
    """A folder holding agreement.foi at version 3 (a paragraph removed in a book)."""
    def edit(book: Document) -> None:
        delete(paragraph(book, FOI, after="agreement.foi"))

    folder = tmp_path / "ovs"
    code, out = run("import", str(edited(tmp_path, agreement_book, edit)), "--into",
                    str(folder))
    assert code == 0 and "agreement.foi: version 3" in out, out
    return folder


@pytest.mark.parametrize("force", [False, True])
def test_a_book_read_with_other_clause_folders_than_it_was_exported_with(
        tmp_path: Path, agreement_book: bytes, force: bool) -> None:
    """Before, the built-in file was blamed ("… 1300-foi.yaml was changed after this book
    was exported"), and with --force a second version 3 was written elsewhere."""
    folder = _foi_folder(tmp_path, agreement_book)
    assert run("export", str(tmp_path / "b.docx"), "--clauses", str(folder))[0] == 0
    book = open_book((tmp_path / "b.docx").read_bytes())
    reword(paragraph(book, "Each Party is subject to", after="agreement.foi"),
           "Each Party is subject", "Each Party is at all times subject")
    other = tmp_path / "ovC"
    code, out = run("import", str(save(book, tmp_path / "ed.docx")), "--into", str(other),
                    *(["--force"] if force else []))
    assert code == 1 and "nothing was written" in out, out
    assert f"this book was exported with the clause folder(s) {folder.resolve()}" in out
    assert f"--into {folder.resolve()}" in out
    assert "1300-foi.yaml" not in out and not other.exists()
    # read with the folder it came from, it is imported
    code, out = run("import", str(tmp_path / "ed.docx"), "--into", str(folder))
    assert code == 0 and "agreement.foi: version 4" in out, out


def test_notes_keep_the_history_of_an_overlay(tmp_path: Path, agreement_book: bytes) -> None:
    """Before, version 4's notes told only its own change, not version 3's removal."""
    folder = _foi_folder(tmp_path, agreement_book)
    assert run("export", str(tmp_path / "b.docx"), "--clauses", str(folder))[0] == 0
    book = open_book((tmp_path / "b.docx").read_bytes())
    assert not any(p.text.startswith(FOI) for p in clause_paragraphs(book, "agreement.foi"))
    reword(paragraph(book, "Each Party is subject to", after="agreement.foi"),
           "Each Party is subject", "Each Party is at all times subject")
    code, out = run("import", str(save(book, tmp_path / "ed.docx")), "--into", str(folder))
    assert code == 0, out
    data = yaml.safe_load((folder / "agreement.foi.yaml").read_text("utf-8"))
    assert data["version"] == 4 and data["replaces_version"] == 2
    first, second = data["notes"].splitlines()
    assert first.startswith("Version 3, imported from the clause book: removed “Where a Party "
                            "receives a request")
    assert second.startswith("Version 4, imported from the clause book: reworded “Each Party "
                             "is at all times subject")


def test_another_folder_of_the_same_name_is_not_taken_for_the_one_exported_with(
        tmp_path: Path, agreement_book: bytes) -> None:
    """teamA/clauses and teamB/clauses share a name; only a folder holding the same clause
    files (one moved) is taken for the folder the book was exported with."""
    (tmp_path / "teamA").mkdir()
    folder = _foi_folder(tmp_path / "teamA", agreement_book)
    team_a = folder.rename(folder.parent / "clauses")
    assert run("export", str(tmp_path / "b.docx"), "--clauses", str(team_a))[0] == 0
    team_b = tmp_path / "teamB" / "clauses"
    team_b.mkdir(parents=True)
    (team_b / "agreement.other.yaml").write_text((team_a / "agreement.foi.yaml").read_text())
    code, out = run("import", str(tmp_path / "b.docx"), "--into", str(team_b))
    assert code == 1 and "this book was exported with the clause folder(s)" in out, out
    moved = tmp_path / "moved" / "clauses"
    moved.parent.mkdir()
    team_a.rename(moved)
    code, out = run("import", str(tmp_path / "b.docx"), "--into", str(moved))
    assert code == 0, out
