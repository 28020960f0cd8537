"""A paragraph citing clauses is remembered with the numbers it cites (wordml._cited_xml):
body_parts must give what making each paragraph afresh gives (wordml._paragraph_xml), the
errors for an unknown tag or a number missing included, on many drawn paragraphs."""

from __future__ import annotations

import random

from docgen.ooxml import wordml
from docgen.ooxml.wordml import Para

_PIECES = ["text ", "&amp;", "<b>bold</b>", "<i>it</i>", "<ph>gap</ph>", "<br/>",
           '<ref to="a.x"/>', '<ref to="b"/>', '<ref to="c.y"/>', '<ref to="missing"/>',
           "<u>x</u>", " tail", "<b><ref to=\"b\"/></b>"]
_STYLES = ["DGBody", "DGClause2"]


def _afresh(paras: list[Para], refs: dict[str, str], split: int) -> object:
    out, comments, n = [], [], 0
    try:
        for i, p in enumerate(paras, start=1):
            ids = list(range(n, n + len(p.comments))) if p.comments else None
            n += len(p.comments)
            comments += p.comments
            out.append(wordml._paragraph_xml(p, refs, i, ids))
    except (ValueError, KeyError) as exc:
        return type(exc), str(exc)
    return "".join(out[:split]), "".join(out[split:]), comments


def _remembered(paras: list[Para], refs: dict[str, str], split: int) -> object:
    try:
        return wordml.body_parts(paras, refs, split)
    except (ValueError, KeyError) as exc:
        return type(exc), str(exc)


def test_cited_paragraphs_are_made_as_afresh() -> None:
    rng = random.Random(24)
    # few texts, anchors and numbers, so that the remembered ones are met again
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5))) for _ in range(12)]
    for _ in range(600):
        refs = {t: rng.choice(["2", "4(a)"])
                for t in ("a.x", "b", "c.y") if rng.random() < 0.9}
        paras = [Para(rng.choice(_STYLES), rng.choice(texts),
                      rng.choice([None, "a.x", "b"]), "",
                      ["a note"] if rng.random() < 0.1 else [])
                 for _ in range(rng.randint(1, 4))]
        split = rng.randint(0, len(paras))
        assert _remembered(paras, refs, split) == _afresh(paras, refs, split)
    assert wordml._cited_xml.cache_info().hits > 100  # the remembered way was taken
