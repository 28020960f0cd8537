"""Clause book import, review 11: a lint issue is shown in a Word user's words when the
overlay file has another name than ``<id>.yaml``; an unrelated clause whose id merely
starts with a changed one does not block the import; and a clause missing from a book's
record is refused with the right reason."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import (
    clause_paragraphs,
    copy_after,
    open_book,
    paragraph,
    reword,
    save,
    set_text,
)
from click.testing import CliRunner
from docx.document import Document

from docgen.cli import cli

EXIT = "The Parties shall plan for the Exit Date"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_an_undefined_term_names_the_paragraph_in_an_overlay_file_of_another_name(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    reword(paragraph(book, EXIT, after="agreement.exit"), "in good time", "in very good time")
    folder = tmp_path / "ours"
    assert run("import", str(save(book, tmp_path / "first.docx")), "--into", str(folder))[0] == 0
    (folder / "agreement.exit.yaml").rename(folder / "mine.yaml")
    code, out = run("export", str(tmp_path / "second.docx"), "--clauses", str(folder))
    assert code == 0, out
    book = open_book((tmp_path / "second.docx").read_bytes())
    reword(paragraph(book, EXIT, after="agreement.exit"), "in very good time",
           "in Zorblax time")
    code, out = run("import", str(save(book, tmp_path / "returned.docx")), "--into",
                    str(folder))
    assert code == 1 and "nothing was written" in out
    assert ("clause 'agreement.exit', paragraph “The Parties shall plan for the Exit "
            "Date …”: 'Zorblax' is capitalised but is not a defined term") in out


def _add_records(book: Document) -> None:
    """A clause of the organisation's own, ours.records, typed into the book."""
    conf = clause_paragraphs(book, "agreement.confidentiality")
    heading, body = copy_after(conf[-1], conf[:2])
    set_text(heading, "Records  [ours.records, version 1]")
    set_text(body, "Each Party shall keep minutes of its meetings.")


def test_a_clause_whose_id_starts_with_a_changed_id_does_not_block_the_import(
        tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "extra.yaml").write_text(
        "id: ours.records.extra\ntitle: Extra\nversion: 1\ndocuments: [agreement]\n"
        "order: 2001\ntext: |\n  Each Party shall keep Zorblax records.\n")
    code, out = run("lint", "--clauses", str(folder))
    assert code == 1 and "ours.records.extra (extra.yaml): 'Zorblax'" in out  # unrelated
    code, out = run("export", str(tmp_path / "book.docx"), "--clauses", str(folder))
    assert code == 0, out
    book = open_book((tmp_path / "book.docx").read_bytes())
    _add_records(book)
    code, out = run("import", str(save(book, tmp_path / "book.docx")), "--into", str(folder))
    assert code == 0, out
    assert "ours.records: version 1" in out and "Zorblax" not in out


def test_a_clause_added_since_the_export_is_refused_for_that_reason(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    _add_records(book)
    path = save(book, tmp_path / "book.docx")
    folder = tmp_path / "ours"
    code, out = run("import", str(path), "--into", str(folder))
    assert code == 0 and "ours.records: version 1" in out, out
    added = folder / "ours.records.yaml"
    added.write_text(added.read_text().replace("minutes", "notes"))  # changed by hand
    book = open_book(path.read_bytes())  # the same book, edited again
    reword(paragraph(book, "Each Party shall keep minutes", after="ours.records"),
           "its meetings", "all its meetings")
    code, out = run("import", str(save(book, tmp_path / "again.docx")), "--into", str(folder))
    assert code == 1 and "nothing was written" in out
    assert ("clause 'ours.records' (“Records”): the clause was not in the clause folders "
            "when this book was exported (it was added in a book and imported since), so "
            f"docgen cannot tell whether {added} was changed since") in out
    assert "older docgen" not in out
