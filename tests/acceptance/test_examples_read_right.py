"""The shipped examples' documents read right: no words doubled by the templates or clauses.

Template and clause wording is joined to what an answer file says, so a fixed phrase can
repeat a word the answer already holds ("the shared post of Shared Head of Procurement").
Every example a user is shown (inputs/ and the packaged docgen/data/examples/) is rendered
and read back with python-docx: every paragraph of the body, its tables, headers and
footers, and the title Word shows.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

import docgen

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "inputs").glob("*.yaml")) + sorted(
    (ROOT / "docgen" / "data" / "examples").glob("*.yaml"))
#: "the shared post of" printed before a title that says "Shared" itself, across paragraphs
SHARED_TWICE = re.compile(r"shared\s+post\s+of\s+shared\b", re.IGNORECASE)
#: a word printed twice in a row inside one paragraph ("the the", "a a")
DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
#: wording that reads wrong with some posts' answers, and why
MISREAD = {
    # "giving the other 6 months' notice" reads as "the other six months"
    r"\bthe others? \d": "a number straight after 'the other' reads as part of it",
    # "The Host Organisation that has a concern" (the post has only one host)
    r"\bThe Host (?:Organisation|Party) (?:that|which)\b": "'the ... that' of the only host",
}


def paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph a reader sees, in order, and Word's title."""
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            texts += [p.text for p in part.paragraphs]
    return [*texts, document.core_properties.title or ""]


def test_every_shipped_example_is_read() -> None:
    assert len(SHIPPED) >= 8, [p.name for p in SHIPPED]


@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_words_doubled(source: Path) -> None:
    result = docgen.render(source)
    title = str(docgen.load(source).post.title)
    assert result.documents
    for kind, data in result.documents.items():
        texts = paragraphs(data)
        joined = "\n".join(texts)
        assert not SHARED_TWICE.search(joined), (kind, SHARED_TWICE.search(joined))
        doubled = [(m.group(0), text) for text in texts for m in DOUBLED_WORD.finditer(text)]
        assert not doubled, (kind, doubled)
        misread = [(why, text) for pattern, why in MISREAD.items() for text in texts
                   if re.search(pattern, text)]
        assert not misread, (kind, misread)
        assert not re.search(rf"{re.escape(title)}\s+{re.escape(title)}", joined,
                             re.IGNORECASE), (kind, "the post's title printed twice in a row")
    if not title.lower().startswith("shared "):  # the cover still says the post is shared
        agreement = "\n".join(paragraphs(result.documents["agreement"]))
        assert f"relating to the shared post of\n{title}" in agreement
