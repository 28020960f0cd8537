"""Inline markup's runs are parsed once per text and remembered with each cross-reference
left open (wordml._pieces): the runs, and the error for bad markup, must be what parsing
the text each time gave (the reference below is the walk as it was)."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from docgen.ooxml import wordml
from docgen.ooxml.wordml import PLACEHOLDER_STYLE, ref_field
from docgen.ooxml.wordml import run_xml as _run


def _reference_runs(markup: str, refs: dict[str, str]) -> str:
    try:
        root = etree.fromstring(f"<p>{markup}</p>".encode())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"broken inline markup ({exc}): {markup[:80]!r}") from None
    out: list[str] = []

    def walk(el: etree._Element, bold: bool, italic: bool) -> None:
        if el.text:
            out.append(_run(el.text, bold, italic))
        for child in el:
            tag = child.tag
            if tag == "b":
                walk(child, True, italic)
            elif tag == "i":
                walk(child, bold, True)
            elif tag == "ph":
                out.append(_run(f"[{child.text or ''}]", bold, italic, PLACEHOLDER_STYLE))
            elif tag == "br":
                out.append("<w:r><w:br/></w:r>")
            elif tag == "tab":
                out.append("<w:r><w:tab/></w:r>")
            elif tag == "ref":
                target = child.get("to", "")
                out.append(ref_field(target, refs[target]))
            else:
                raise ValueError(f"unknown inline tag <{tag}> in clause text")
            if child.tail:
                out.append(_run(child.tail, bold, italic))

    walk(root, False, False)
    return "".join(out)


_PIECES = ["text ", "&amp;", "<b>", "</b>", "<i>", "</i>", "<ph>gap</ph>", "<br/>", "<tab/>",
           '<ref to="a.x"/>', '<ref to="b"/>', '<ref to="missing"/>', "<u>x</u>", "<!-- c -->",
           "<?pi x?>", " tail", "<", "]]>"]


def _outcome(fn, markup: str, refs: dict[str, str]) -> object:  # type: ignore[no-untyped-def]
    try:
        return fn(markup, refs)
    except (ValueError, KeyError) as exc:
        return type(exc), str(exc)


@pytest.mark.parametrize("seed", range(4))
def test_remembered_runs_are_the_runs_parsed_each_time(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(1500):
        markup = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 7)))
        refs = rnd.choice([{"a.x": "4.2", "b": "7"}, {"a.x": "1.1(a)", "b": "12"}, {}])
        for _ in range(2):  # the second time from what was remembered
            assert _outcome(wordml._runs, markup, refs) == _outcome(
                _reference_runs, markup, refs), markup
