"""A workbook row built as one reference, then given another with a bad value: its build
fails. The register the user reads (register.csv) no longer shows the old post as built,
as if the row were fine: the old post's line gives the figures of the documents that
stand, marked failed, saying in plain words that the row now has the new reference and
could not be built; the new reference's line is failed, with the error (said once), and
says which folder holds the documents last built from the row (as for an answer file
given a new reference: tests/publish/test_register_renamed.py).

A row counts as renamed only against the previous build's rows (its new reference given
by no row then, its old one by no row now) and only while it looks like the same post
(job title, employer, partners), so a deleted row, a removed row's number used again, a
row deleted and another added or moved up in one edit, a row renamed twice and a
reference handed to another row each keep one line per reference, and no post that did
not change is marked failed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from intake_programme import row, run, set_cells, write_programme
from openpyxl import load_workbook

from docgen import read_register
from docgen.intake.renamed import same_post

SHEETS = ("Posts", "Responsibilities")
#: the old reference's line, whose documents stand (the error is on the new one's only)
NOW_HAS = ("Row {n} of posts.xlsx now has reference {new} and could not be built (see the "
           "{new} line). The documents in folder {old} are unchanged from the last successful "
           "build; the details on this line are theirs.")
#: the new reference's line, after the error
NO_DOCUMENTS = (". No documents exist for {new} yet; the documents last built from this row "
                "are in folder {old}.")
IN_FOLDER = "last built from this row"  # said of a renamed row's documents, on either line


def why(ref: str, n: int = 2) -> str:
    """What the command and the register say of a row whose salary is -5."""
    return (f"posts.xlsx!Posts!D{n} (salary, post {ref}): must be more than 0 and at most "
            "100,000,000 (found -5)")


def build(book: Path, out: Path, code: int = 1) -> tuple[dict[str, dict[str, Any]], str]:
    """Build the workbook; each register.csv line by reference, each reference once, and
    what the command printed."""
    got, text = run("build", str(book), "--out", str(out))
    assert got == code, text
    lines = read_register(out / "register.csv")
    refs = [str(r["reference"]) for r in lines]
    assert len(refs) == len({r.casefold() for r in refs}), refs  # no reference twice, any case
    return {ref: r for ref, r in zip(refs, lines, strict=True)}, text


def rename(book: Path, n: int, reference: str) -> None:
    """Give row ``n`` another reference, on both sheets (as a person edits the workbook)."""
    for sheet in SHEETS:
        set_cells(book, {f"A{n}": reference}, sheet=sheet)


def delete_row(book: Path, n: int) -> None:
    """Delete row ``n`` of both sheets (the rows below move up)."""
    wb = load_workbook(book)
    for sheet in SHEETS:
        wb[sheet].delete_rows(n)
    wb.save(book)


def add_row(book: Path, n: int, i: int, salary: int) -> None:
    """Fill row ``n`` with post ``i``'s facts (a new post) and ``salary``."""
    values = {**row(i), "Salary": salary}
    set_cells(book, {f"{col}{n}": v for col, v in zip("ABCDEFG", values.values(),
                                                       strict=True)})
    set_cells(book, {f"A{n}": f"EWK-{i:04d}", f"B{n}": "shared",
                     f"C{n}": f"Lead service {i} across both councils"},
              sheet="Responsibilities")


def documents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_renamed(rows: dict[str, dict[str, Any]], old: str, new: str,
                   before: dict[str, Any]) -> None:
    """``old``'s line gives the figures that stand, failed, saying the row now has
    ``new``, without the error; ``new``'s line is failed with the error and says the
    row's documents are in folder ``old``."""
    was, now = rows[old], rows[new]
    assert was["build"] == "failed", was
    assert was["title"] == before["title"] and was["cost_base"] == before["cost_base"]
    assert was["why"] == NOW_HAS.format(n=2, new=new, old=old), was["why"]
    assert now["build"] == "failed", now
    assert str(now["why"]).startswith(f"Not built: {why(new)}"), now["why"]
    assert str(now["why"]).endswith(NO_DOCUMENTS.format(new=new, old=old)), now["why"]


def test_a_row_given_a_new_reference_that_fails_is_not_shown_built(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    before, _ = build(book, out, 0)
    kept = documents(out / "EWK-0001")
    rename(book, 2, "EWK-0009")
    set_cells(book, {"D2": -5})
    for _ in range(2):  # and again: the same register from the same inputs
        rows, text = build(book, out)
        assert "FAILED EWK-0009 (posts.xlsx row 2)" in text and why("EWK-0009") in text, text
        # the command says where the row's documents stay, and does not call them dropped
        assert ("row 2 of posts.xlsx now has reference EWK-0009, which could not be built; "
                "the documents last built from this row stay in folder EWK-0001 "
                f"({out / 'EWK-0001'})") in text, text
        assert "EWK-0001 is no longer" not in text and "delete that folder" not in text, text
        assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0009"}
        assert rows["EWK-0002"]["build"] == "built"
        assert_renamed(rows, "EWK-0001", "EWK-0009", before["EWK-0001"])
    assert documents(out / "EWK-0001") == kept  # the documents are untouched


def test_a_row_renamed_twice_points_at_the_post_it_last_built(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    build(book, out, 0)
    rename(book, 2, "EWK-0008")
    before, _ = build(book, out, 0)  # A -> B, built
    kept = documents(out / "EWK-0008")
    rename(book, 2, "EWK-0009")
    set_cells(book, {"D2": -5})
    for _ in range(2):  # B -> C, failing, twice
        rows, text = build(book, out)
        assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0008", "EWK-0009"}
        assert_renamed(rows, "EWK-0008", "EWK-0009", before["EWK-0008"])
        assert rows["EWK-0001"] == before["EWK-0001"]  # A's documents, kept, as they were
        assert "EWK-0001" not in str(rows["EWK-0009"]["why"])
        # B's documents stay for the row; A's, renamed away and built, are the row-removed's
        assert "the documents last built from this row stay in folder EWK-0008" in text, text
        assert "EWK-0008 is no longer" not in text and "EWK-0001 is no longer" in text, text
    assert documents(out / "EWK-0008") == kept


@pytest.mark.parametrize(("built", "typed"), [(True, "EWK-0002"), (False, "EWK-0002"),
                                              (False, "ewk-0002")])
def test_a_deleted_row_above_makes_no_failing_row_look_renamed(tmp_path: Path, built: bool,
                                                               typed: str) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    if not built:  # EWK-0002 fails from its first build: it has no documents
        set_cells(book, {"D3": -5})
    before, _ = build(book, out, 0 if built else 1)
    delete_row(book, 2)  # EWK-0001 goes; EWK-0002 is row 2 now (as typed), and fails
    rename(book, 2, typed)  # (a reference is the same in any case)
    set_cells(book, {"D2": -5})
    rows, text = build(book, out)
    assert f"FAILED {typed} (posts.xlsx row 2)" in text, text
    rows = {ref.upper(): line for ref, line in rows.items()}
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0003"}
    assert rows["EWK-0001"] == before["EWK-0001"]  # the deleted post: kept, built, untouched
    assert rows["EWK-0003"]["build"] == "built"
    failed = rows["EWK-0002"]
    assert failed["build"] == "failed" and str(failed["why"]).startswith(why(typed)), failed
    assert "now has reference" not in str(failed["why"]), failed
    assert IN_FOLDER not in str(failed["why"]), failed
    if built:  # its own documents stand, under its own reference
        assert failed["title"] == before["EWK-0002"]["title"]
        assert "stand" in str(failed["why"]), failed
    else:
        assert "stand" not in str(failed["why"]), failed


def test_a_removed_row_s_number_used_by_a_new_failing_row(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    before, _ = build(book, out, 0)
    delete_row(book, 3)  # EWK-0002 removed: its documents kept
    build(book, out, 0)
    add_row(book, 3, 5, -5)  # a new post at the removed row's number, failing
    rows, text = build(book, out)
    assert "FAILED EWK-0005 (posts.xlsx row 3)" in text, text
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0005"}
    assert rows["EWK-0002"] == before["EWK-0002"]  # the removed post: built, untouched
    new = rows["EWK-0005"]  # a post with no documents, failed, as any new post
    assert new["build"] == "failed" and str(new["why"]).startswith(why("EWK-0005", 3)), new
    assert "stand" not in str(new["why"]) and IN_FOLDER not in str(new["why"]), new


@pytest.mark.parametrize("fails", [True, False])
def test_a_rename_while_another_row_takes_the_old_reference(tmp_path: Path,
                                                            fails: bool) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    before, _ = build(book, out, 0)
    rename(book, 2, "EWK-0009")  # A -> C, failing,
    rename(book, 3, "EWK-0001")  # and the next row takes A (B's answers): built, or failing
    set_cells(book, {"D2": -5, **({"D3": -5} if fails else {})})
    rows, text = build(book, out)
    assert "FAILED EWK-0009 (posts.xlsx row 2)" in text, text
    assert ("FAILED EWK-0001 (posts.xlsx row 3)" in text) == fails, text
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0009"}
    assert rows["EWK-0002"] == before["EWK-0002"]  # B's documents, kept, untouched
    taken = rows["EWK-0001"]
    if fails:  # A's own documents stand, their row (row 3 now) failed
        assert taken["build"] == "failed" and str(taken["why"]).startswith(why("EWK-0001", 3))
        assert taken["title"] == before["EWK-0001"]["title"]
    else:  # A built from row 3's answers: nothing of row 2's failure
        assert taken["build"] == "built" and not taken["why"], taken
        assert taken["title"] == before["EWK-0002"]["title"]
    new = rows["EWK-0009"]  # a new post, failed: no documents stand for it anywhere
    assert new["build"] == "failed" and str(new["why"]).startswith(why("EWK-0009")), new
    assert IN_FOLDER not in str(new["why"]) and "now has" not in str(taken["why"]), rows


def test_a_row_given_back_a_reference_it_built_before(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    first, _ = build(book, out, 0)
    rename(book, 2, "EWK-0008")
    before, _ = build(book, out, 0)  # A -> B, built
    rename(book, 2, "EWK-0001")  # and back to A, whose folder stands: A's post, failing
    set_cells(book, {"D2": -5})
    rows, _ = build(book, out)
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0008"}
    assert rows["EWK-0008"] == before["EWK-0008"]  # B's documents, kept, untouched
    again = rows["EWK-0001"]  # A's documents stand; its row failed
    assert again["build"] == "failed" and str(again["why"]).startswith(why("EWK-0001"))
    assert again["title"] == first["EWK-0001"]["title"]
    assert "now has" not in str(again["why"]) and IN_FOLDER not in str(again["why"])


def test_a_row_deleted_and_a_new_post_added_at_its_number_in_one_edit(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    before, _ = build(book, out, 0)
    delete_row(book, 4)  # EWK-0003 deleted, and a new post, failing, at its row
    add_row(book, 4, 5, -5)
    rows, text = build(book, out)
    assert "FAILED EWK-0005 (posts.xlsx row 4)" in text, text
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0003", "EWK-0005"}
    for ref in ("EWK-0001", "EWK-0002", "EWK-0003"):  # the deleted post: kept, built
        assert rows[ref] == before[ref], rows[ref]
    new = rows["EWK-0005"]  # a new post with no documents, failed, as any new post
    assert new["build"] == "failed" and str(new["why"]).startswith(why("EWK-0005", 4)), new
    assert IN_FOLDER not in str(new["why"]) and "EWK-0003" not in str(new["why"]), new


def test_a_row_deleted_above_and_the_moved_row_renamed_in_one_edit(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    before, _ = build(book, out, 0)
    delete_row(book, 2)  # EWK-0001 deleted; EWK-0002 moves up to row 2, renamed, failing
    rename(book, 2, "EWK-0009")
    set_cells(book, {"D2": -5})
    rows, text = build(book, out)
    assert "FAILED EWK-0009 (posts.xlsx row 2)" in text, text
    assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0003", "EWK-0009"}
    for ref in ("EWK-0001", "EWK-0002", "EWK-0003"):  # none of their rows built anew
        assert rows[ref] == before[ref], rows[ref]
    new = rows["EWK-0009"]  # Service 2's row, not Service 1's: said against no other post
    assert new["title"] == "Shared Head of Service 2", new
    assert new["build"] == "failed" and str(new["why"]).startswith(why("EWK-0009")), new
    assert IN_FOLDER not in str(new["why"]) and "EWK-0001" not in str(new["why"]), new


@pytest.mark.parametrize(("change", "same"), [
    ({}, True), ({"post": {"title": "  shared head of  SERVICE 1 "}}, True),
    ({"post": {"title": "Shared Head of Service 2"}}, False),
    ({"employer": "westmere"}, False),
    ({"parties": [{"id": "eastwick"}, {"id": "northby"}]}, False),
    ({"post": {}}, False)])
def test_a_row_looks_like_the_same_post_by_title_employer_and_partners(
        tmp_path: Path, change: dict[str, Any], same: bool) -> None:
    kept = tmp_path / "EWK-0001.yaml"
    kept.write_text("reference: EWK-0001\nemployer: eastwick\nparties:\n- id: eastwick\n"
                    "- id: westmere\npost:\n  title: Shared Head of Service 1\n",
                    encoding="utf-8")
    row = {"reference": "EWK-0009", "employer": "eastwick",
           "parties": [{"id": "westmere"}, {"id": "eastwick"}],
           "post": {"title": "Shared Head of Service 1"}, **change}
    assert same_post(row, kept) is same
    assert same_post({"post": {"title": "Shared Head of Service 1"}}, kept)  # row alone
    assert not same_post(row, tmp_path / "gone.yaml")


def test_a_failing_row_whose_reference_only_changed_case_is_its_post_s_one_line(
        tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    before, _ = build(book, out, 0)
    kept = documents(out / "EWK-0001")
    rename(book, 2, "ewk-0001")  # the same post (references are compared in any case)
    set_cells(book, {"D2": -5})
    for _ in range(2):
        rows, text = build(book, out)
        assert "FAILED ewk-0001 (posts.xlsx row 2)" in text, text
        assert set(rows) == {"EWK-0001", "EWK-0002"}, rows
        line = rows["EWK-0001"]  # its documents stand: their figures, failed, saying so
        assert line["build"] == "failed" and line["title"] == before["EWK-0001"]["title"]
        assert line["cost_base"] == before["EWK-0001"]["cost_base"], line
        assert str(line["why"]).startswith(why("ewk-0001")), line
        assert "the documents of its last successful build stand" in str(line["why"]), line
        assert "now has" not in str(line["why"]), line
        assert "is no longer in" not in text, text
    assert documents(out / "EWK-0001") == kept


#: what the command adds to a gone row's notice while some row failed
KEEP = "; if a row was given a new reference, keep this folder until that row builds"


def test_a_row_given_a_new_reference_and_title_that_fails_keeps_its_folder_said(
        tmp_path: Path) -> None:
    """A new reference and a new title: not the same post to the command, so the old
    reference is gone; with the row failing, the notice does not simply invite deleting
    the only documents of the post."""
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    build(book, out, 0)
    rename(book, 2, "EWK-0009")
    set_cells(book, {"B2": "Shared Director of Place", "D2": -5})
    _, text = build(book, out)
    assert "FAILED EWK-0009 (posts.xlsx row 2)" in text, text
    assert (f"EWK-0001 is no longer in posts.xlsx; its documents in {out / 'EWK-0001'} are "
            "kept") in text, text
    assert f"delete that folder to drop the post{KEEP}" in text, text


def test_a_deleted_row_with_nothing_failing_is_said_as_before(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    build(book, out, 0)
    delete_row(book, 2)
    _, text = build(book, out, 0)
    assert (f"EWK-0001 is no longer in posts.xlsx; its documents in {out / 'EWK-0001'} are "
            "kept, and so is its line in the register (which lists the whole output folder); "
            "delete that folder to drop the post") in text, text
    assert KEEP not in text and "until that row builds" not in text, text
