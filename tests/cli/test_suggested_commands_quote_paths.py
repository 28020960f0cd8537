"""The commands docgen's messages suggest (``read it back with: docgen clauses import ...``,
``e.g. --project ...``) work when pasted into the user's shell: each path in them is one
word, the real path, for folders and files whose names hold a space or a quote. Read with
``shlex.split`` as a POSIX shell would; where that is cheap, the command is run."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from clause_book_edits import open_book, paragraph, reword, save
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"
#: a folder name with a space and a single quote, the two a bare path breaks on
ODD = "Bob's clause work"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def suggested(text: str, before: str, until: str = r"$") -> list[str]:
    """The words of the command that follows ``before`` in ``text`` (lines joined, as a
    message wrapped at the terminal's width is), up to ``until``."""
    flat = " ".join(text.split())
    found = re.search(re.escape(before) + r"(.*?)" + until, flat)
    assert found, flat
    return shlex.split(found.group(1))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clause_book_export_suggests_an_import_of_that_book(here: Path,
                                                            agreement_book: bytes) -> None:
    (here / ODD).mkdir()
    book = Path(ODD) / "agreement book.docx"
    code, out = run("clauses", "export", str(book))
    assert code == 0, out
    words = suggested(out, "read it back with: ")
    assert words == ["docgen", "clauses", "import", str(book), "--into", "FOLDER"]
    # pasted with a folder of the user's own, it reads the book (unedited: nothing written)
    code, out = run(*words[1:-1], "my clauses")
    assert code == 0 and "no clause changed; nothing written" in out, out


def test_clause_book_import_suggests_a_build_and_lint_of_the_folder(here: Path,
                                                                   agreement_book: bytes
                                                                   ) -> None:
    book = open_book(agreement_book)
    reword(paragraph(book, "The Parties shall plan for the Exit Date", after="agreement.exit"),
           "in good time", "at least six months ahead")
    into = here / ODD
    code, out = run("clauses", "import", str(save(book, here / "b.docx")), "--into", str(into))
    assert code == 0, out
    build = suggested(out, "build with: ", " …")
    assert build == ["docgen", "build", "--clauses", str(into)]
    lint = suggested(out, "check with: ")
    assert lint == ["docgen", "clauses", "lint", "--clauses", str(into)]
    code, out = run(*lint[1:])  # the lint it suggests reads the folder written
    assert code == 0, out


@pytest.fixture
def spaced_project(here: Path) -> Path:
    """``my proj/organisations/`` and ``my proj/Bob's sub/post.yaml``, from the current
    folder (so the messages name them relative to it)."""
    project = here / "my proj"
    shutil.copytree(INPUTS / "organisations", project / "organisations")
    (project / "Bob's sub").mkdir()
    shutil.copy(INPUTS / "shared-head-of-procurement.yaml", project / "Bob's sub" / "post.yaml")
    return project


def test_a_project_not_holding_the_post_suggests_its_folder(spaced_project: Path) -> None:
    (spaced_project.parent / "other one").mkdir()
    post = "my proj/Bob's sub/post.yaml"
    code, out = run("check", "--project", "other one", post)
    assert code == 2, out
    assert suggested(out, "e.g. ") == ["--project", "my proj/Bob's sub"]


def test_profiles_above_the_project_suggest_a_build_naming_it(spaced_project: Path) -> None:
    post = "my proj/Bob's sub/post.yaml"
    code, out = run("check", post)
    assert code == 1, out
    assert "is not looked at" in out, out
    words = suggested(out, "e.g. ", r" \(or docgen check")
    assert words == ["docgen", "build", "--project", "my proj", post]
    assert suggested(out, "build all its posts with ", r";") == ["docgen", "build", "my proj"]
    code, out = run("check", *words[2:])  # the project it names holds the profiles
    assert code == 0, out


def test_intake_write_refused_suggests_a_workbook_in_the_folder(here: Path) -> None:
    folder = here / "my inputs"
    shutil.copytree(INPUTS, folder, ignore=shutil.ignore_patterns("*.xlsx"))
    book = here / "Bob's programme.xlsx"
    code, out = run("intake", "write", str(folder), str(book))
    assert code == 1, out
    assert "would not give these posts back as they are" in out, out
    words = suggested(out, "e.g. ")
    assert words == ["docgen", "intake", "write", str(folder), str(folder / book.name)]
    assert not book.exists()
    code, out = run(*words[1:])  # written where it suggests, the workbook gives them back
    assert code == 0, out
    assert (folder / book.name).is_file()


def test_verify_names_the_project_above_as_one_word(spaced_project: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A post built with the profiles of a project above the folder verify runs in: the
    suggested --project and cd name that folder as one word each (and work when pasted)."""
    code, out = run("build", "--project", "my proj", "my proj/Bob's sub/post.yaml",
                    "--out", "out", "--no-verify")
    assert code == 0, out
    [post] = [p for p in (spaced_project.parent / "out").iterdir() if p.is_dir()]
    monkeypatch.chdir(spaced_project / "Bob's sub")
    code, out = run("verify", str(post))
    assert code != 0, out
    project = str(spaced_project.resolve())
    words = suggested(out, "so name it: ", r" <out>/")
    assert words == ["docgen", "verify", "--project", project]
    assert suggested(out, "run it from there: cd ", r" && docgen verify") == [project]
    code, out = run("verify", "--project", words[3], str(post))  # as pasted
    assert code == 0, out
