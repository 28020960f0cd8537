"""The clause book review of 2026-12-06: an untouched book read back after docgen's own
definitions were reworded (item 1), conditions on a field resolved through the answer model
(item 2), the book's fields in plain words (item 3) and the capitals check (item 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clause_book_edits import edited, open_book, paragraph, refused, reword, save
from click.testing import CliRunner
from docx.document import Document
from yaml_text import load_yaml

from clauses.test_lint_ordinary_capitals import lint
from docgen.clauses.book import DEFINED, book_paras
from docgen.clauses.bookwords import load_words
from docgen.clauses.library import load_library
from docgen.cli import cli
from docgen.facts.jurisdictions import JURISDICTIONS

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


RESTRICTED = "⟦Clause used only when «politically restricted»⟧"


def _condition(new: str):  # type: ignore[no-untyped-def]
    """The political restriction clause's condition reworded to ``new``."""
    def edit(book: Document) -> None:
        reword(paragraph(book, RESTRICTED, after="agreement.political_restriction"),
               "«politically restricted»", new)
    return edit


def test_a_yes_or_no_field_of_the_post_compared_with_a_word_is_refused(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _condition("«politically restricted» is “no”"))
    out = refused(tmp_path, book)
    assert "clause 'agreement.political_restriction', paragraph “⟦Clause used only when" in out
    assert "«politically restricted» is a yes-or-no value, so it is never “no”" in out
    assert "write ⟦Only when «politically restricted»:⟧ for yes, or ⟦Only when not " \
        "«politically restricted»:⟧ for no" in out


def test_is_given_of_whether_a_post_holder_is_named_is_refused(
        tmp_path: Path, agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _condition("«Post-holder named» is given"))
    assert "«Post-holder named» is a yes-or-no value, which is always given" in \
        refused(tmp_path, book)


def test_a_jurisdiction_never_named_so_is_refused(tmp_path: Path,
                                                  agreement_book: bytes) -> None:
    book = edited(tmp_path, agreement_book, _condition("«jurisdiction» is “Ulster”"))
    out = refused(tmp_path, book)
    assert "«jurisdiction» is never “Ulster”" in out
    assert "is one of: “England and Wales”, “England”, “Wales”, “Scotland”, " \
        "“Northern Ireland”" in out


def test_a_jurisdictions_id_is_read_as_its_name(tmp_path: Path, agreement_book: bytes) -> None:
    """jurisdiction.name holds “Northern Ireland”: compared with “northern_ireland” it would
    never be true, so the id is read as the name it stands for."""
    book = edited(tmp_path, agreement_book, _condition("«jurisdiction» is “northern_ireland”"))
    into = tmp_path / "ours"
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into", str(into)])
    assert result.exit_code == 0, result.output
    data = load_yaml((into / "agreement.political_restriction.yaml").read_text("utf-8"))
    assert data["when"] == "jurisdiction.name == 'Northern Ireland'"


def test_the_jurisdictions_names_are_those_docgen_prints() -> None:
    assert set(load_words().choices["jurisdiction.name"]) == \
        {j["name"] for j in JURISDICTIONS.values()}


#: names a clause gives its own working with ⟦Let … be …⟧, shown as they are (named in
#: the book's fields only where the review asked: «las», «chief»)
NAMED_LOCALS = {"las", "chief"}


@pytest.mark.parametrize("kind", ["agreement", "contract", "job_spec"])
def test_no_field_shows_a_bare_variable_name(kind: str) -> None:
    """Every «…» in every clause (and docgen's definitions) is a field's plain-words name, a
    cross-reference, «…» or a name the clause itself gives with ⟦Let … be …⟧; none shows
    a variable such as «money.pay» or «hosts.one»."""
    words = load_words()
    paras, g = book_paras(load_library(), kind, words)
    lets = {m for p in paras for m in re.findall(r"⟦Let (\w+) be", p.text)} - NAMED_LOCALS
    bare = {m for p in paras if p.role not in ("title", "cover")
            for m in re.findall(r"«([^»]*)»", p.text)
            if m not in words.names and m != "…" and not m.startswith("=")
            and not g.ref_target(m) and m.split(".")[0] not in lets
            and re.search(r"[._]", m) or m in NAMED_LOCALS}
    assert not bare, sorted(bare)


@pytest.mark.parametrize("text", [
    "The Post-holder is the Chief Officer of the integration joint board under section 10 "
    "of the Public Bodies (Joint Working) (Scotland) Act 2014.",
    "The Parties shall meet on 1 May and on 3rd May in each year, and first in May 2027.",
    "The Parties shall recruit in accordance with the Fair Employment and Treatment "
    "(Northern Ireland) Order 1998 and the Equality Commission's Fair Employment Code of "
    "Practice.",
])
def test_offices_dates_and_names_pass(tmp_path: Path, text: str) -> None:
    assert lint(tmp_path, text) == "clause library OK"


@pytest.mark.parametrize(("text", "word"), [
    ("The Parties May agree to meet more often.", "May"),
    ("The Parties shall give the Post-holder Fair notice.", "Fair"),
    ("The Post-holder's Treatment shall be no less favourable.", "Treatment"),
])
def test_a_word_allowed_only_in_a_name_is_refused_alone(tmp_path: Path, text: str,
                                                        word: str) -> None:
    assert f"'{word}' is capitalised but not a defined term" in lint(tmp_path, text)
