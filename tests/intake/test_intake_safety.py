"""A workbook's cells never lead docgen to write outside the output folder (audit, intake 1):
a Reference is the name of a file docgen keeps, so it is checked by the one reference rule
(answers/folder_names.py) before anything is staged."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run, write_programme
from openpyxl import load_workbook

from docgen.errors import DocgenError
from docgen.publish.sources import keep_sources


def tree(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


@pytest.mark.parametrize("reference", [
    "../../../precious", "../x", "{abs}/absolute", "a/b", "a\\b", "con", "NUL.txt", "COM1",
    "..", ".docgen-intake", "tbc",
])
def test_a_reference_that_is_a_path_or_device_is_refused_and_nothing_is_written(
        tmp_path, reference):
    work = tmp_path / "work"
    work.mkdir()
    book = write_programme(work, 2)
    reference = reference.format(abs=tmp_path / "elsewhere")
    wb = load_workbook(book)
    wb["Posts"]["A2"] = reference
    wb.save(book)
    (work / "precious.yaml").write_text("# my own file\n")
    before = tree(tmp_path)
    code, text = run("build", str(book), "--out", str(work / "out"), "-q")
    assert code == 1
    assert "posts.xlsx!Posts!A2 (reference" in text, text
    assert "for example 'EWK-2025-01'" in text, text
    made = tree(tmp_path) - before
    outside = [p for p in made if not p.is_relative_to(work / "out")]
    assert outside == [], outside
    assert (work / "precious.yaml").read_text() == "# my own file\n"
    assert not (tmp_path / "elsewhere").exists()
    # the other row is still built; check says the same at the same cell
    assert (work / "out" / "EWK-0002").is_dir()
    code, text = run("check", str(book))
    assert code == 1 and "posts.xlsx!Posts!A2 (reference" in text


@pytest.mark.parametrize(("name", "file_name"), [
    ("posts", "../../x.yaml"), ("posts", "{abs}"), ("..", "x.yaml"), (".", "x.yaml")])
def test_kept_sources_are_never_written_outside_their_folder(tmp_path, name, file_name):
    """The shell's own guard, whatever a caller passes."""
    file_name = file_name.format(abs=tmp_path / "x.yaml")
    with pytest.raises(DocgenError, match="would be written outside"):
        keep_sources(tmp_path / "out", name, {file_name: b"x"})
    assert not (tmp_path / "x.yaml").exists()
    assert not (tmp_path / "out").exists()


def test_two_workbooks_of_one_name_never_share_an_output_folder(tmp_path):
    """Audit intake 8: each build deleted the other's kept sources; verify then failed."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    book_a, book_b = write_programme(a, 1), write_programme(b, 1)
    wb = load_workbook(book_b)
    wb["Posts"]["A2"] = "B-ONLY-01"
    wb["Responsibilities"]["A2"] = "B-ONLY-01"
    wb.save(book_b)
    out = tmp_path / "out"
    assert run("build", str(book_a), "--out", str(out), "-q")[0] == 0
    code, text = run("build", str(book_b), "--out", str(out), "-q")
    assert code == 1
    assert f"already holds the posts of another workbook named posts.xlsx ({book_a})" in text
    assert not (out / "B-ONLY-01").exists()
    assert run("verify", str(out / "EWK-0001"))[0] == 0


def test_a_post_removed_from_the_workbook_is_reported_and_still_verifies(tmp_path):
    """Audit intake 16: the register lists the whole output folder, so the post stays in it;
    the build says so, and what it was built from is kept for docgen verify."""
    book = write_programme(tmp_path, 2)
    out = tmp_path / "out"
    assert run("build", str(book), "--out", str(out), "-q")[0] == 0
    wb = load_workbook(book)
    wb["Posts"].delete_rows(3)
    wb["Responsibilities"].delete_rows(3)
    wb.save(book)
    code, text = run("build", str(book), "--out", str(out))
    assert code == 0, text
    assert (f"EWK-0002 is no longer in posts.xlsx; its documents in {out / 'EWK-0002'} are "
            "kept") in text
    assert run("verify", str(out / "EWK-0002"))[0] == 0
