"""A clause's look (the hash a clause book records at export) is, by definition, the hash of
``repr((title.strip(), [para_key(p), …]))``: books exported by earlier versions of docgen
recorded it so, and an import compares against them. The fast way of writing it out must
give the same text for every paragraph, whatever its characters and formatting."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.clauses.bookbase import look, para_key
from docgen.ooxml.book import BookPara, Span

ROLES = ("body", "sub", "control", "title", "cover", "bullet", "note")
spans = st.builds(Span, text=st.text(min_size=0, max_size=12), bold=st.booleans(),
                  italic=st.booleans())
paras = st.builds(BookPara, role=st.sampled_from(ROLES), spans=st.lists(spans, max_size=5))


def by_definition(title: str, paras: list[BookPara]) -> str:
    shown = [para_key(p) for p in paras if p.role not in ("heading", "info") and p.text.strip()]
    return hashlib.sha256(repr((title.strip(), shown)).encode()).hexdigest()[:16]


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=20), paras=st.lists(paras, max_size=6))
def test_look_is_the_hash_of_the_paragraphs_repr(title: str, paras: list[BookPara]) -> None:
    assert look(title, paras) == by_definition(title, paras)


def test_look_of_awkward_paragraphs() -> None:
    """One character (a one-item tuple), quotes, backslashes, a line break, characters
    Python writes as escapes, and bold and italic runs side by side."""
    cases = [
        [BookPara("body", [Span("x")])],
        [BookPara("body", [Span(" "), Span("y", bold=True)])],
        [BookPara("sub", [Span("it's \"quoted\" \\ back\nslash", italic=True),
                          Span("\x00\u2028é€😀", bold=True, italic=True), Span("")])],
        [BookPara("title", [Span("Title")]), BookPara("heading", [Span("left out")]),
         BookPara("body", [Span("   ")]), BookPara("cover", [Span("c")])],
    ]
    for paras in cases:
        assert look(" Clause ", paras) == by_definition(" Clause ", paras)
