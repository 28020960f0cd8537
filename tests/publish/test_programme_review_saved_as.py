"""A programme workbook saved under a new name ("programme v2.xlsx", Save As) builds into the
same output folder: while both workbooks exist, an unchanged row leaves its post unchanged
and the first workbook's, and a row that differs is refused in the workbook's words (its
name and Posts row, never the answer file docgen keeps inside the output folder), and the
register keeps one row per post; once the old workbook is moved away (or with --force), the
new one takes its posts over."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from intake_programme import run, set_cells, write_programme
from openpyxl import load_workbook


def _register(out: Path) -> list[tuple[str, str]]:
    with (out / "register.csv").open(encoding="utf-8-sig", newline="") as fh:
        return [(r["Reference"], r["Last build"]) for r in csv.DictReader(fh)]


def _programme(tmp_path: Path) -> tuple[Path, Path]:
    first = write_programme(tmp_path, 2).rename(tmp_path / "programme.xlsx")
    out = tmp_path / "out"
    code, text = run("build", str(first), "--out", str(out), "-q")
    assert code == 0, text
    return first, out


def _owner(out: Path, reference: str) -> str:
    manifest = json.loads((out / reference / "manifest.json").read_text(encoding="utf-8"))
    return Path(manifest["answer_file"]["resolved"]).parent.name


def test_an_unchanged_copy_under_a_new_name_leaves_the_posts_unchanged(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = shutil.copy(first, tmp_path / "programme v2.xlsx")
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0, text
    assert "0 built, 2 unchanged, 0 failed" in text.splitlines()[-1], text
    assert "taken over" not in text, text
    assert _owner(out, "EWK-0001") == "programme"  # still programme.xlsx's posts
    assert _register(out) == [("EWK-0001", "built"), ("EWK-0002", "built")]


def test_two_workbooks_alike_do_not_take_the_posts_back_and_forth(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    for workbook in (copy, first, copy, first, copy):
        code, text = run("build", str(workbook), "--out", str(out))
        assert code == 0 and "0 built, 2 unchanged" in text.splitlines()[-1], text
        assert "taken over" not in text, text
        assert _owner(out, "EWK-0001") == _owner(out, "EWK-0002") == "programme"
    set_cells(first, {"B2": "Shared Head of Data"})  # the owner's next edit is built
    code, text = run("build", str(first), "--out", str(out))
    assert code == 0 and "1 built, 1 unchanged" in text.splitlines()[-1], text
    (tmp_path / "old").mkdir()
    first.rename(tmp_path / "old" / first.name)  # gone: the copy takes both posts over
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0, text
    assert (f"programme v2.xlsx has taken over 2 posts built from programme.xlsx (EWK-0001, "
            f"EWK-0002): programme.xlsx is no longer in {tmp_path}") in text, text
    assert _owner(out, "EWK-0001") == "programme v2"


def test_the_old_workbooks_kept_answers_gone_while_it_exists_is_refused(
        tmp_path: Path) -> None:
    """Nothing shows the rows give the same answers: the post stays the old workbook's, in
    the workbook's words; --force is never said when it was not given."""
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    set_cells(copy, {"B3": "Shared Head of Digital"})
    (out / ".docgen-intake" / "programme" / "EWK-0002.yaml").unlink()
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "taken over" not in text, text  # never "replaced with --force"
    assert (f"{out / 'EWK-0002'} holds the documents built from programme.xlsx (Posts row 3); "
            "this workbook, programme v2.xlsx, has the same reference") in " ".join(
                text.split()), text
    assert _owner(out, "EWK-0002") == "programme"


def test_two_workbooks_in_use_are_refused_in_the_workbooks_words(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    set_cells(copy, {"B3": "Shared Head of Digital"})  # row 3 (EWK-0002) now differs
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1, text
    assert ".docgen-intake" not in text, text
    assert (f"{out / 'EWK-0002'} holds the documents built from programme.xlsx (Posts row 3); "
            "this workbook, programme v2.xlsx, has the same reference 'EWK-0002'. If "
            "programme v2.xlsx replaces programme.xlsx, move programme.xlsx out of "
            f"{tmp_path} (docgen then takes the post over) or build programme v2.xlsx once "
            "with --force") in " ".join(text.split()), text
    assert "0 built, 1 unchanged, 1 failed" in text.splitlines()[-1], text
    # one row per post: the documents that stand are programme.xlsx's, still built
    assert _register(out) == [("EWK-0001", "built"), ("EWK-0002", "built")]
    # EWK-0001 (the same answers) stayed programme.xlsx's: its next edit is built
    set_cells(first, {"B2": "Shared Head of Data"})
    code, text = run("build", str(first), "--out", str(out))
    assert code == 0 and "1 built" in text.splitlines()[-1], text


def test_the_old_workbook_moved_away_lets_the_new_one_take_its_posts(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    set_cells(copy, {"B3": "Shared Head of Digital"})
    (tmp_path / "old").mkdir()
    first.rename(tmp_path / "old" / first.name)
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0, text
    assert "0 failed" in text.splitlines()[-1], text
    assert (f"programme v2.xlsx has taken over 2 posts built from programme.xlsx (EWK-0001, "
            f"EWK-0002): programme.xlsx is no longer in {tmp_path}") in text, text
    assert _register(out) == [("EWK-0001", "built"), ("EWK-0002", "built")]


def test_force_once_hands_the_posts_to_the_new_workbook(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    set_cells(copy, {"B3": "Shared Head of Digital"})
    code, text = run("build", str(copy), "--out", str(out), "--force")
    assert code == 0, text
    assert ("programme v2.xlsx has taken over 2 posts built from programme.xlsx (EWK-0001, "
            "EWK-0002): replaced with --force") in text, text
    set_cells(copy, {"B2": "Shared Head of Data"})
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 0, text
    code, text = run("build", str(first), "--out", str(out))  # the old one no longer owns them
    assert code == 1 and "built from programme v2.xlsx (Posts row 3)" in text, text


def test_a_row_with_errors_in_the_new_workbook_adds_no_second_register_row(
        tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = Path(shutil.copy(first, tmp_path / "programme v2.xlsx"))
    set_cells(copy, {"D2": "lots"})  # EWK-0001's salary, an error of the row's own
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1 and "programme v2.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    # programme.xlsx is still in use: its post keeps its row
    assert _register(out) == [("EWK-0001", "built"), ("EWK-0002", "built")]
    (tmp_path / "old").mkdir()
    first.rename(tmp_path / "old" / first.name)  # now v2 replaces it: the post's row fails
    code, text = run("build", str(copy), "--out", str(out))
    assert code == 1, text
    assert _register(out) == [("EWK-0001", "failed"), ("EWK-0002", "built")]
    with (out / "register.csv").open(encoding="utf-8-sig", newline="") as fh:
        why = next(csv.DictReader(fh))["Why it failed"]
    assert why.startswith("programme v2.xlsx!Posts!D2 (salary, post EWK-0001): write money")
    assert "the documents of its last successful build stand" in why, why


def test_an_answer_file_and_a_workbook_with_one_reference(tmp_path: Path) -> None:
    """The answer files read from a workbook, built into its output folder: refused in the
    workbook's words while it is there; once it is moved away, the answer file takes over."""
    first, out = _programme(tmp_path)
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(first), "--into", str(posts))
    assert code == 0, text
    answers = posts / "EWK-0001.yaml"
    answers.write_text(answers.read_text(encoding="utf-8").replace(
        "Shared Head of Service 1", "Shared Head of People"), encoding="utf-8")
    code, text = run("build", str(answers), "--out", str(out), "--project", str(tmp_path))
    assert code == 1 and ".docgen-intake" not in text, text
    assert (f"{out / 'EWK-0001'} holds the documents built from programme.xlsx (Posts row 2); "
            "this file, EWK-0001.yaml, has the same reference 'EWK-0001'. If EWK-0001.yaml "
            f"replaces programme.xlsx, move programme.xlsx out of {tmp_path}") in " ".join(
                text.split()), text
    (tmp_path / "old").mkdir()
    first.rename(tmp_path / "old" / first.name)
    code, text = run("build", str(answers), "--out", str(out), "--project", str(tmp_path))
    assert code == 0, text


def test_a_post_taken_over_is_not_said_removed_from_the_old_workbook(tmp_path: Path) -> None:
    first, out = _programme(tmp_path)
    copy = shutil.copy(first, tmp_path / "programme v2.xlsx")
    code, text = run("build", str(copy), "--out", str(out), "--force")
    assert code == 0 and "replaced with --force" in text, text  # v2 holds both posts now
    wb = load_workbook(first)
    for sheet in ("Posts", "Responsibilities"):
        wb[sheet].delete_rows(3)  # EWK-0002 leaves programme.xlsx: it is v2's post anyway
    wb.save(first)
    code, text = run("build", str(first), "--out", str(out))
    assert code == 0, text
    assert "no longer in programme.xlsx" not in text, text


def test_a_workbook_row_with_errors_beside_an_answer_files_post_adds_no_register_row(
        tmp_path: Path) -> None:
    """The post built from a plain answer file that still exists: the workbook's row with
    errors fails at its cells, and the register keeps that post's one row."""
    first = write_programme(tmp_path, 2).rename(tmp_path / "programme.xlsx")
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(first), "--into", str(posts))
    assert code == 0, text
    out = tmp_path / "out"
    code, text = run("build", str(posts / "EWK-0001.yaml"), "--out", str(out), "--project",
                     str(tmp_path))
    assert code == 0, text
    set_cells(first, {"D2": "lots"})
    code, text = run("build", str(first), "--out", str(out))
    assert code == 1 and "programme.xlsx!Posts!D2 (salary, post EWK-0001)" in text, text
    assert _register(out) == [("EWK-0001", "built"), ("EWK-0002", "built")]
