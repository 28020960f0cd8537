"""The clause book's marker grammar: every line of the standard library reads back to
itself, names are readable and unique, conditions read both ways, and what a lawyer types
stays words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import etree
from yaml_text import load_yaml

from docgen.answers.validation import load
from docgen.clauses.book import Grammar, book_paras, line_to_para, local_names
from docgen.clauses.booklines import para_to_line
from docgen.clauses.bookshape import own_paragraph
from docgen.clauses.bookwords import jinja_condition, load_words, readable_condition
from docgen.clauses.library import load_library
from docgen.clauses.render import render_document
from docgen.errors import DocgenError
from docgen.facts.derive import derive
from docgen.ooxml.book import BookPara, Span
from docgen.resources import BUILTIN_EXAMPLES, CLAUSE_BOOK

KINDS = ("agreement", "contract", "job_spec")


@pytest.mark.parametrize("kind", KINDS)
def test_every_line_reads_back_to_itself_without_the_exported_markers(kind: str) -> None:
    """Translating each line to a book paragraph and back, *without* the table of exported
    markers, gives the same line: the grammar alone is exact."""
    lib, words = load_library(), load_words()
    _, g = book_paras(lib, kind, words)
    lines = 0
    for clause in lib.for_document(kind):
        local = local_names(clause.text)
        for line in filter(str.strip, clause.text.splitlines()):
            para = line_to_para(line, g, local)
            fresh = Grammar(words=words, kind=kind, targets=g.targets)
            # as the import writes it: a block tag ending a line of wording keeps its line
            # break (bookshape.own_paragraph), and every such line of the library is so
            assert own_paragraph(para_to_line(para, fresh, local)) == line.strip(), \
                (clause.id, para.text)
            lines += 1
    assert lines > 50


def test_fields_have_readable_unique_names() -> None:
    words = load_words()
    assert len(set(words.fields.values())) == len(words.fields)
    for kind in KINDS:
        paras, _ = book_paras(load_library(), kind, words)
        shown_as_code = [p.text for p in paras if "«= " in p.text]
        assert shown_as_code == []


def test_a_name_given_twice_is_refused(tmp_path: Path) -> None:
    data = load_yaml(CLAUSE_BOOK.read_text(encoding="utf-8"))
    data["fields"]["money.rate_text"] = "salary"
    bad = tmp_path / "clause-book.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DocgenError, match="the field name 'salary' is given to both"):
        load_words(bad)


@pytest.mark.parametrize(("readable", "jinja"), [
    ("the payment is a time fee", "money.mechanism == 'time_fee'"),
    ("the number of «Parties» is more than 2", "parties | length > 2"),
    ("«legal basis chosen» is “secondment” and «trial period agreed»",
     "a.legal_basis == 'secondment' and review.trial"),
    ("not («grade» is given or «months of pay protection» is at least 3)",
     "not (post.grade is not none or exit.pay_protection_months >= 3)"),
    ("= a.jurisdiction in ('england', 'wales')", "a.jurisdiction in ('england', 'wales')"),
])
def test_conditions_read_both_ways(readable: str, jinja: str) -> None:
    words = load_words()
    assert jinja_condition(readable, words, set()) == jinja
    assert jinja_condition(readable_condition(jinja, words, set()), words, set()) == jinja


def test_what_a_lawyer_types_stays_words() -> None:
    """Template code, markup and line syntax typed into the book print literally."""
    lib, words = load_library(), load_words()
    _, g = book_paras(lib, "agreement", words)
    typed = BookPara("sub", [Span("- {{ 7*7 }} {% if true %}<b>AT&T</b> [x] \\")])
    line = para_to_line(typed, g, set())
    assert "{" not in line and "<b>" not in line and not line.startswith("-")
    clause = lib.clauses["agreement.political_restriction"]  # cited by no other clause
    clause.text, clause.when = f"{line}\n", None  # a fresh library: no cache to spoil
    facts = derive(load(BUILTIN_EXAMPLES / "shared-head-of-hr.yaml")[0])
    doc = render_document(lib, "agreement", facts)
    para = next(rc for rc in doc.clauses if rc.clause.id == clause.id).paras[1]
    assert para.style == "DGClause2"  # a numbered sub-clause, not a list item
    printed = etree.fromstring(f"<p>{para.markup}</p>".encode()).xpath("string()")
    assert printed == "- {{ 7*7 }} {% if true %}<b>AT&T</b> [x] \\"
