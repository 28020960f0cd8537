"""The clause book review of 2026-12-06: an untouched book read back after docgen's own
definitions were reworded (item 1), conditions on a field resolved through the answer model
(item 2), the book's fields in plain words (item 3) and the capitals check (item 4)."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import open_book, paragraph, reword, save
from click.testing import CliRunner

from docgen.clauses.book import DEFINED
from docgen.cli import cli

WORKING_DAY = """term: Working Day
version: 2
replaces_version: 1
documents: [agreement, contract]
text: >-
  means a day other than a Saturday, a Sunday or a bank holiday in {{ jurisdiction.name }};
"""


def _overlay_definition(tmp_path: Path) -> tuple[Path, Path]:
    """An overlay folder defining Working Day, and the agreement's book exported with it."""
    folder = tmp_path / "ov"
    (folder / "definitions").mkdir(parents=True)
    (folder / "definitions" / "working-day.yaml").write_text(WORKING_DAY, encoding="utf-8")
    book = tmp_path / "d.docx"
    result = CliRunner().invoke(cli, ["clauses", "export", "--clauses", str(folder), str(book)])
    assert result.exit_code == 0, result.output
    return folder, book


def _reword_definition(folder: Path) -> None:
    path = folder / "definitions" / "working-day.yaml"
    path.write_text(WORKING_DAY.replace("a bank holiday", "a public or bank holiday"),
                    encoding="utf-8")


def _import(book: Path, folder: Path, into: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--clauses", str(folder),
                                      "--into", str(into)])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_an_untouched_book_reads_after_a_definition_is_reworded(tmp_path: Path) -> None:
    folder, book = _overlay_definition(tmp_path)
    _reword_definition(folder)
    code, out = _import(book, folder, tmp_path / "ours")
    assert code == 0, out
    assert "no clause changed; nothing written" in out
    assert "docgen's definition of “Working Day” has changed since this book was exported" \
        in out
    assert not (tmp_path / "ours").exists()


def test_a_definition_she_changed_is_refused_after_it_was_reworded(tmp_path: Path) -> None:
    folder, book = _overlay_definition(tmp_path)
    doc = open_book(book.read_bytes())
    reword(paragraph(doc, f"{DEFINED} “Working Day”", after="agreement.definitions"),
           "a Sunday", "a Sunday, 24 December")
    save(doc, book)
    _reword_definition(folder)
    code, out = _import(book, folder, tmp_path / "ours")
    assert code == 1, out
    assert "this is one of docgen's own definitions, shown for reference only" in out
    assert "nothing was written" in out
    assert not (tmp_path / "ours").exists()
