"""The clause book in the public API: ``docgen.api.read_book_file`` still returns the list
of overlays it always returned (review 7), with what else the import found appended to a
``notes`` list; ``docgen.api.import_book_file`` gives the whole result as a BookImport."""

from __future__ import annotations

from pathlib import Path

import pytest
from clause_book_edits import open_book, paragraph, reword, save
from click.testing import CliRunner

import docgen.api as api
from docgen.clauses.bookimport import BookImport, Overlay
from docgen.clauses.library import load_library
from docgen.cli import cli

CONF = "The Parties recognise that, in working for each of them"
EXIT = "The Parties shall plan for the Exit Date"


def test_an_unedited_book_gives_an_empty_list(tmp_path: Path, agreement_book: bytes) -> None:
    book = tmp_path / "book.docx"
    book.write_bytes(agreement_book)
    result = api.read_book_file(book, load_library())
    assert result == []  # falsy, as callers doing `if not read_book_file(...)` expect


def test_an_edited_book_gives_its_overlays_as_a_list(tmp_path: Path,
                                                     agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    reword(paragraph(book, EXIT, after="agreement.exit"), "in good time", "in very good time")
    path = save(book, tmp_path / "book.docx")
    result = api.read_book_file(path, load_library())
    assert isinstance(result, list)
    assert [o.id for o in result] == ["agreement.exit"]
    assert all(isinstance(o, Overlay) for o in result)
    assert "in very good time" in result[0].data["text"]


@pytest.fixture(scope="module")
def hand_edited(tmp_path_factory: pytest.TempPathFactory,
                agreement_book: bytes) -> tuple[Path, Path]:
    """An overlay folder whose agreement.exit was edited by hand after a second book was
    exported, and that book returned with agreement.confidentiality edited. Made once: the
    tests read the book against the folder and write nothing."""
    tmp_path = tmp_path_factory.mktemp("hand-edited")
    book = open_book(agreement_book)
    reword(paragraph(book, EXIT, after="agreement.exit"), "in good time", "in very good time")
    folder = tmp_path / "ours"
    runner = CliRunner()
    first = save(book, tmp_path / "first.docx")
    assert runner.invoke(cli, ["clauses", "import", str(first), "--into", str(folder)]
                         ).exit_code == 0
    second = tmp_path / "second.docx"
    assert runner.invoke(cli, ["clauses", "export", str(second), "--clauses", str(folder)]
                         ).exit_code == 0
    exit_file = folder / "agreement.exit.yaml"
    exit_file.write_text(exit_file.read_text().replace("in very good time", "HAND EDIT"))
    returned = open_book(second.read_bytes())
    paragraph(returned, CONF, after="agreement.confidentiality").add_run(" LAWYER EDIT")
    return folder, save(returned, tmp_path / "returned.docx")


def test_what_else_the_import_found_goes_to_notes(hand_edited: tuple[Path, Path]) -> None:
    folder, book = hand_edited
    notes: list[str] = []
    result = api.read_book_file(book, load_library([folder]), notes=notes)
    assert [o.id for o in result] == ["agreement.confidentiality"]
    assert len(notes) == 1 and notes[0].startswith("agreement.exit: kept as it is in ")
    assert api.read_book_file(book, load_library([folder])) == result  # notes optional


def test_import_book_file_gives_the_whole_result(hand_edited: tuple[Path, Path]) -> None:
    folder, book = hand_edited
    result = api.import_book_file(book, load_library([folder]))
    assert isinstance(result, BookImport)
    assert [o.id for o in result.overlays] == ["agreement.confidentiality"]
    assert [k.split(":")[0] for k in result.kept] == ["agreement.exit"]
