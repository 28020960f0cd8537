"""``docgen intake read --into DIR`` (audit, intake 6 and 11): the note names what is outside
the folder and the command it gives builds the files; a kept file whose row changed exits 1."""

from __future__ import annotations

import shlex

from intake_programme import run, write_programme
from openpyxl import load_workbook

from docgen.intake import not_answers_problem


def test_read_into_a_subfolder_names_the_base_file_and_its_command_builds(tmp_path):
    book = write_programme(tmp_path, 2)  # rows name the Base file _partners.yaml
    posts = tmp_path / "posts"
    posts.mkdir()
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    note = next(line for line in text.splitlines() if line.startswith("note:"))
    assert "EWK-0001, EWK-0002: their answer files use the Base file _partners.yaml, " \
           f"outside {posts}" in note, note
    assert "profile" not in note and "house style" not in note
    command = note.split("the project: docgen build ")[1].split()
    assert command == ["--project", str(tmp_path), str(posts)], note
    code, text = run("build", *command, "--out", str(tmp_path / "out"), "-q")
    assert code == 0, text
    assert (tmp_path / "out" / "EWK-0001" / "EWK-0001-agreement.docx").is_file()


def test_a_kept_file_whose_row_changed_exits_1_and_one_whose_row_did_not_exits_0(tmp_path):
    book = write_programme(tmp_path, 2)
    assert run("intake", "read", str(book))[0] == 0
    edited = tmp_path / "EWK-0001.yaml"
    edited.write_text(edited.read_text() + "# my note\n")
    code, text = run("intake", "read", str(book))  # the row is as docgen wrote it: nothing lost
    assert code == 0, text
    assert "kept" in text
    wb = load_workbook(book)
    wb["Posts"]["D2"] = 120000
    wb.save(book)
    code, text = run("intake", "read", str(book))
    assert code == 1, text
    assert f"error: the workbook's changes to {edited} were not written" in text
    assert "salary: 120000" not in edited.read_text()


def test_read_into_a_folder_outside_the_workbooks_folder_gives_commands_that_build(tmp_path):
    """``--project`` must hold the posts, so the workbook's folder cannot be the project of
    a folder beside it (it failed: "ws does not hold sib/…"): the note says to read into a
    folder inside the workbook's folder, and its two commands, run, build."""
    (tmp_path / "my ws").mkdir()
    book = write_programme(tmp_path / "my ws", 2)
    outside = tmp_path / "sib"
    code, text = run("intake", "read", str(book), "--into", str(outside))
    assert code == 0, text
    note = next(line for line in text.splitlines() if line.startswith("note:"))
    assert "--project" not in note.split("build that:")[0], note
    inside = tmp_path / "my ws" / "sib"
    read, build = note.split("build that: docgen ")[1].split(", then docgen ")
    assert shlex.split(read) == ["intake", "read", str(book), "--into", str(inside)], note
    assert shlex.split(build) == ["build", "--project", str(tmp_path / "my ws"), str(inside)]
    assert f"'{tmp_path / 'my ws'}'" in build, note  # quoted for the shell: a space in it
    code, text = run(*shlex.split(read))
    assert code == 0, text
    code, text = run(*shlex.split(build), "--out", str(tmp_path / "out"), "-q")
    assert code == 0, text
    assert (tmp_path / "out" / "EWK-0001" / "EWK-0001-agreement.docx").is_file()


def test_the_library_names_a_workbook_with_a_space_quoted_in_its_commands(tmp_path):
    """A workbook given to the library's build as an answer file: the two commands it
    suggests quote the name, so they work when pasted."""
    why = not_answers_problem(tmp_path / "my posts.xlsx")
    assert why is not None
    assert "docgen build 'my posts.xlsx'," in why and \
        "docgen intake read 'my posts.xlsx' and build those" in why, why
