"""What a clause book import says about a capitalised word, in words a solicitor can pass on
(solicitor's review): a name ('Microsoft Teams') is not told to be written in lower case
('microsoft'), but to be added to the proper nouns of the clause folder's lint.yaml, saying
the file is new and what to write in it; a mistyped term names the term ('did you mean
‘Post-holder’?'); a defined term written in lower case is imported, with a warning."""

from __future__ import annotations

from pathlib import Path

from clause_book_edits import edited, paragraph, refused, reword
from click.testing import CliRunner
from docx.document import Document

from docgen.cli import cli

DISPUTES = "The Parties shall continue to perform this Agreement while"


def test_a_name_is_to_be_listed_in_the_folders_lint_yaml(tmp_path: Path,
                                                         agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        p = paragraph(book, DISPUTES)
        reword(p, "The Parties shall continue", "A Party may attend a meeting by Microsoft "
               "Teams on a Friday, after telling Finance. The Parties shall continue")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    config = tmp_path / "ours" / "lint.yaml"
    assert ("'Microsoft Teams' is capitalised but is not a defined term. It looks like a name "
            "(of a team, a product, a place, or a word in Welsh or Gaelic): ask whoever runs "
            f"docgen to add ‘Microsoft Teams’ to the list of proper nouns in {config} (a new "
            f"file) and import again (for them: create {config} with proper_nouns: [Microsoft "
            "Teams])") in out
    assert out.count("‘Microsoft Teams’") == 1  # said once, for both its words
    assert "Write it in lower case (‘microsoft’)" not in out
    assert "'Friday'" not in out  # a day of the week is a proper noun
    # an ordinary word may be either
    assert ("'Finance' is capitalised but is not a defined term. Write it in lower case "
            "(‘finance’) if it is an ordinary word; if it is a name here") in out
    config.parent.mkdir(parents=True)
    config.write_text("proper_nouns: [Finance]\n")
    result = CliRunner().invoke(cli, ["clauses", "import", str(tmp_path / "book.docx"),
                                      "--into", str(config.parent)])
    out = " ".join(result.output.split())
    assert result.exit_code == 1, out
    assert f"add Microsoft Teams to proper_nouns in {config}" in out
    assert "(a new file)" not in out and "'Finance'" not in out
    config.write_text("proper_nouns: [Finance, Microsoft Teams]\n")
    result = CliRunner().invoke(cli, ["clauses", "import", str(tmp_path / "book.docx"),
                                      "--into", str(config.parent)])
    assert result.exit_code == 0, result.output


def test_a_mistyped_term_names_the_term(tmp_path: Path, agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, DISPUTES), "The Parties shall continue",
               "The Postholder and the Parties shall continue")

    out = refused(tmp_path, edited(tmp_path, agreement_book, edit))
    assert ("'Postholder' is capitalised but is not a defined term: did you mean "
            "‘Post-holder’? Write it as the definition does and import again") in out
    assert "lower case" not in out


def test_a_term_in_lower_case_is_imported_with_a_warning(tmp_path: Path,
                                                         agreement_book: bytes) -> None:
    def edit(book: Document) -> None:
        reword(paragraph(book, DISPUTES), "The Parties shall continue",
               "The parties shall continue")

    result = CliRunner().invoke(cli, ["clauses", "import", str(edited(tmp_path, agreement_book,
                                                                       edit)),
                                      "--into", str(tmp_path / "ours")])
    out = " ".join(result.output.split())
    assert result.exit_code == 0, out
    assert ("warning: clause 'agreement.disputes', paragraph “The parties shall continue to "
            "perform this Agreement …”: 'parties' is a defined term written in lower "
            "case: if the term is meant, write ‘Parties’ in the book and import again") in out
    assert (tmp_path / "ours" / "agreement.disputes.yaml").exists()
