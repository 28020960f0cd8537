"""An answer file built under one reference, then given another and an error: its build
fails, and the documents of its last successful build stand under the old reference. The
old reference's row gives their figures, marked failed (its answer file's last build
failed) and counted; the new reference's row says where the documents stand, and is
neither counted nor called a post with no documents; the build says the reference changed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from register_sheets import HR, notes, parties_csv, partner_totals, two_posts_built

from docgen import build, read_register
from docgen.cli import cli

OLD, NEW = "EWK-WSM-HR-01", "EWK-WSM-HR-02"
ERROR = "exit.cost_shares: the exit-cost shares add up to 90%; they must add up to 100%"








def _renamed_with_an_error(text: str) -> str:
    assert f"reference: {OLD}\n" in text and "  pension_strain_costs: employer\n" in text
    return text.replace(f"reference: {OLD}\n", f"reference: {NEW}\n").replace(
        "  pension_strain_costs: employer\n",
        "  pension_strain_costs: employer\n  cost_shares: {eastwick: 50, westmere: 40}\n")


def test_a_renamed_post_that_fails_keeps_its_documents_under_the_old_reference(
        tmp_path: Path) -> None:
    inputs, out, before = two_posts_built(tmp_path)
    parties, partners = parties_csv(out), partner_totals(out)

    text = (inputs / HR).read_text(encoding="utf-8")
    (inputs / HR).write_text(_renamed_with_an_error(text), encoding="utf-8")
    report = build([inputs], out)
    assert not report.ok
    assert (out / OLD / f"{OLD}-agreement.docx").is_file() and not (out / NEW).exists()
    rows = {r["reference"]: r for r in read_register(out / "register.csv")}
    assert rows == {r["reference"]: r for r in read_register(out / "register.xlsx")}
    assert set(rows) == {OLD, NEW, *before} - {""}

    # the old reference: the documents that stand, but its answer file's build failed
    old = rows[OLD]
    assert old["build"] == "failed"
    for key in ("title", "cost_base", "split", "start_date", "parties", "status"):
        assert old[key] == before[OLD][key], key
    assert old["why"].startswith(f"its answer file now gives reference {NEW}, and that "
                                 "build failed: ")
    assert ERROR in old["why"]
    assert old["why"].endswith("; the documents of its last successful build stand under "
                               "this reference, and the details on this line are theirs")
    # the new reference: failed, and says where its documents stand
    new = rows[NEW]
    assert new["build"] == "failed" and ERROR in new["why"]
    assert new["why"].endswith(f"; the documents of its last successful build stand under "
                               f"the earlier reference {OLD} (folder {OLD}), whose row gives "
                               "their figures")

    # counted once, with the figures of the documents that stand
    assert parties_csv(out) == parties
    assert partner_totals(out) == partners
    partners_note, = notes(out, "Partners")
    assert partners_note.startswith(
        "Totals of the 2 posts whose documents stand: 1 whose last build succeeded, and 1 "
        f"whose latest answers failed ({OLD}), counted with the figures of its last "
        "successful build")
    assert "no documents from an earlier build" not in partners_note
    assert partners_note.endswith(
        "Not counted under its new reference: 1 post whose answer file now gives another "
        f"reference and failed ({NEW} under {OLD}); the documents of its last successful "
        "build stand under the earlier reference, counted there.")
    parties_note, = notes(out, "Parties")
    assert "no documents from an earlier build" not in parties_note
    assert f"({NEW} under {OLD})" in parties_note

    # the build says the reference changed, though the build failed
    changed = [n for n in report.notices if n.kind == "reference-changed"]
    assert [(n.reference, n.path, n.source) for n in changed] == [
        (OLD, out / OLD, (inputs / HR).resolve())]
    assert changed[0].message == (
        f"{out / OLD}: {(inputs / HR).resolve()} now has reference {NEW}, not {OLD}, and "
        f"its build failed; the documents of {OLD}, its last successful build, stand, and "
        f"{OLD}'s register row gives their figures, marked failed (once {NEW} is built, "
        "delete this folder if the post was renamed)")
    result = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert changed[0].message in result.output

    # fixed: the new reference is built; the old folder stays, as a renamed post's does
    (inputs / HR).write_text(text.replace(f"reference: {OLD}\n", f"reference: {NEW}\n"),
                             encoding="utf-8")
    report = build([inputs], out)
    assert report.ok
    rows = {r["reference"]: r for r in read_register(out / "register.csv")}
    assert rows[NEW]["build"] == rows[OLD]["build"] == "built"
    assert [n.message for n in report.notices if n.kind == "reference-changed"] == [
        f"{out / OLD}: {(inputs / HR).resolve()} now has reference {NEW}, not {OLD}; the "
        f"documents of {OLD} and its register row are kept (delete the folder if the post "
        "was renamed)"]


def test_a_renamed_post_that_fails_is_found_by_its_answer_file_alone(tmp_path: Path) -> None:
    """Another answer file's post with the new reference keeps its own row: the documents
    that stand are found by the failed post's answer file, not by its new reference."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    (inputs / HR).write_text(text, encoding="utf-8")
    (inputs / "other-team.yaml").write_text(text.replace(f"reference: {OLD}\n",
                                                         f"reference: {NEW}\n"),
                                            encoding="utf-8")
    assert build([inputs], out).ok
    (inputs / HR).write_text(_renamed_with_an_error(text), encoding="utf-8")
    assert not build([inputs], out).ok
    rows = read_register(out / "register.csv")
    assert sorted((r["reference"], r["build"]) for r in rows) == [
        (OLD, "failed"), (NEW, "built"), (NEW, "failed")]
    old, = (r for r in rows if r["reference"] == OLD)
    assert old["why"].startswith(f"its answer file now gives reference {NEW}, and that "
                                 "build failed: ")
