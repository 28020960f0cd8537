"""An import never overwrites a clause file edited by hand since the book was exported
(audit finding 1): the book records what each clause was at export; a clause changed only
in its file is kept, one changed in both is refused (naming the clause and the file) unless
--force, and a book without that record cannot replace an overlay file without --force."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from clause_book_edits import open_book, paragraph, reword, save
from click.testing import CliRunner
from yaml_text import load_yaml

from docgen.cli import cli

CONF = "The Parties recognise that, in working for each of them"
EXIT = "The Parties shall plan for the Exit Date"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture(scope="module")
def exported_twice(tmp_path_factory: pytest.TempPathFactory, agreement_book: bytes) -> Path:
    """A folder holding ``ours/`` (an overlay folder with agreement.exit imported from a
    first book, then edited by hand without raising its version) and ``second.docx``, a book
    exported before that hand edit. Made once (two imports and an export, most of this
    file's time); each test works on its own copy."""
    base = tmp_path_factory.mktemp("hand-edits")
    book = open_book(agreement_book)
    reword(paragraph(book, EXIT, after="agreement.exit"), "in good time", "in very good time")
    folder = base / "ours"
    assert run("import", str(save(book, base / "first.docx")), "--into", str(folder))[0] == 0
    code, out = run("export", str(base / "second.docx"), "--clauses", str(folder))
    assert code == 0, out
    exit_file = folder / "agreement.exit.yaml"
    exit_file.write_text(exit_file.read_text().replace("in very good time", "HAND EDIT"))
    return base


@pytest.fixture
def ours(exported_twice: Path, tmp_path: Path) -> Path:
    """This test's copy of the overlay folder (``ours``), and of the book exported before
    its hand edit (``tmp_path / "second.docx"``)."""
    shutil.copy(exported_twice / "second.docx", tmp_path / "second.docx")
    return Path(shutil.copytree(exported_twice / "ours", tmp_path / "ours"))


def lawyer_edits(tmp_path: Path, *starts: tuple[str, str]) -> Path:
    book = open_book((tmp_path / "second.docx").read_bytes())
    for start, clause in starts:
        p = paragraph(book, start, after=clause)
        p.add_run(" LAWYER EDIT")
    return save(book, tmp_path / "returned.docx")


def test_a_hand_edit_in_a_clause_the_lawyer_left_alone_is_kept(ours: Path,
                                                               tmp_path: Path) -> None:
    book = lawyer_edits(tmp_path, (CONF, "agreement.confidentiality"))
    code, out = run("import", str(book), "--into", str(ours))
    assert code == 0, out
    assert "HAND EDIT" in (ours / "agreement.exit.yaml").read_text()
    assert "agreement.exit: kept as it is in" in out and "agreement.exit.yaml" in out
    assert "agreement.exit: version" not in out  # never claimed as reworded
    conf = load_yaml((ours / "agreement.confidentiality.yaml").read_text())
    assert "LAWYER EDIT" in conf["text"]


def test_a_clause_changed_in_both_is_refused_unless_forced(ours: Path, tmp_path: Path) -> None:
    book = lawyer_edits(tmp_path, (EXIT, "agreement.exit"))
    before = (ours / "agreement.exit.yaml").read_bytes()
    code, out = run("import", str(book), "--into", str(ours))
    assert code == 1
    assert "clause 'agreement.exit' (" in out
    assert "agreement.exit.yaml was changed after this book was exported" in out
    assert "--force" in out and "nothing was written" in out
    assert (ours / "agreement.exit.yaml").read_bytes() == before
    code, out = run("import", str(book), "--into", str(ours), "--force")
    assert code == 0, out
    data = load_yaml((ours / "agreement.exit.yaml").read_text())
    assert "LAWYER EDIT" in data["text"] and "HAND EDIT" not in data["text"]
    assert "replacing changes made to" in out
    assert "replacing changes made to" in data["notes"].splitlines()[-1]  # the file says so


def test_a_book_without_its_record_cannot_replace_an_overlay_file(ours: Path,
                                                                   tmp_path: Path) -> None:
    """Word's Document Inspector can remove the custom properties the record lives in."""
    book = lawyer_edits(tmp_path, (EXIT, "agreement.exit"))
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(book) as z, zipfile.ZipFile(stripped, "w") as out_zip:
        for item in z.infolist():
            if item.filename != "docProps/custom.xml":
                out_zip.writestr(item, z.read(item))
    assert "docProps/custom.xml" not in zipfile.ZipFile(io.BytesIO(stripped.read_bytes())
                                                        ).namelist()
    code, out = run("import", str(stripped), "--into", str(ours))
    assert code == 1 and "does not record the wording it was exported from" in out
    assert "agreement.exit.yaml" in out and "--force" in out
    assert "HAND EDIT" in (ours / "agreement.exit.yaml").read_text()
