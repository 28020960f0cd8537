"""Clause numbers as Word prints them: ``1.``, ``1.1``, ``(a)``, ``(i)``.

One home for the counters shared by clause rendering (cross-reference text),
review copies and read-back verification, so all three agree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from docgen.ooxml.wordml import LEVEL_STYLES, W_NS

W = f"{{{W_NS}}}"
CLAUSE_LEVEL = {style: level for level, style in LEVEL_STYLES.items()}
SCHEDULE_STYLE = "DGSchedule"


def roman(n: int) -> str:
    """Lower-case roman numeral, as Word's ``lowerRoman`` level prints it."""
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def letter(n: int) -> str:
    """Word's ``lowerLetter`` level: a … z, then aa … zz."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


@dataclass(frozen=True)
class Number:
    """A paragraph's automatic number: as printed before it, and as a REF ``\\w`` prints it.

    Kept as counters and written out only when asked: a list of 30,000 items has
    letters 1,000 long ("zzz…"), and writing every one would cost time and memory
    growing with the square of the list (read-back asks only for cross-references).
    Written out once: a number is shared by the documents numbered alike.
    """

    level: int  # 0-3 clause levels; -1 a schedule
    counts: tuple[int, ...]  # the counters down to this level (the schedule's number)

    @functools.cached_property
    def shown(self) -> str:
        """"4.", "4.1", "(a)", "(i)", "Schedule 1"."""
        c = self.counts
        if self.level < 0:
            return f"Schedule {c[0]}"
        if self.level == 0:
            return f"{c[0]}."
        if self.level == 1:
            return f"{c[0]}.{c[1]}"
        return f"({letter(c[2])})" if self.level == 2 else f"({roman(c[3])})"

    @functools.cached_property
    def full(self) -> str:
        """"4", "4.1", "4.1(a)", "4.1(a)(i)", "Schedule 1"."""
        c = self.counts
        if self.level < 0:
            return f"Schedule {c[0]}"
        tail = "".join((f"({letter(c[2])})" if len(c) > 2 else "",
                        f"({roman(c[3])})" if len(c) > 3 else ""))
        return ".".join(str(n) for n in c[:2]) + tail


@functools.lru_cache(maxsize=8192)
def _number(level: int, counts: tuple[int, ...]) -> Number:
    """One object for each number (frozen, so shared by every document numbered alike):
    found again costs a quarter of making it."""
    return Number(level, counts)


def paragraph_style(p: etree._Element) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val", "") if style is not None else ""


def _numbering_off(p: etree._Element) -> bool:
    """A paragraph-level ``numId 0`` switches its style's numbering off."""
    num = p.find(f"{W}pPr/{W}numPr/{W}numId")
    return num is not None and num.get(f"{W}val") == "0"


def first_values(root: etree._Element, path: tuple[str, ...]) -> dict[etree._Element, str]:
    """For each element, the ``w:val`` its ``find(path)`` would give, for the whole tree
    in one pass over the (few) elements at the end of the path: the same answer as one
    ``find`` per element, several times faster. ``path`` is local names, the owner's first.

    The first element in document order wins, as with ``find``.
    """
    *chain, leaf = (f"{W}{name}" for name in path)
    out: dict[etree._Element, str] = {}
    val = f"{W}val"
    if len(chain) == 2:  # owner/middle/leaf (a paragraph's or run's style): the loop unrolled
        owner_tag, middle_tag = chain
        for el in root.iter(leaf):
            middle = el.getparent()
            if middle is None or middle.tag != middle_tag:
                continue
            owner = middle.getparent()
            if owner is not None and owner.tag == owner_tag and owner not in out:
                out[owner] = el.get(val, "")
        return out
    for el in root.iter(leaf):
        node: etree._Element = el
        for tag in reversed(chain):
            parent = node.getparent()
            if parent is None or parent.tag != tag:
                break
            node = parent
        else:
            if node not in out:
                out[node] = el.get(val, "")
    return out


def paragraph_styles(root: etree._Element) -> dict[etree._Element, str]:
    """Every paragraph's style (``paragraph_style`` of each, found in one pass)."""
    return first_values(root, ("p", "pPr", "pStyle"))


def numbering_switched_off(root: etree._Element) -> set[etree._Element]:
    """The paragraphs whose own ``numId 0`` switches their style's numbering off."""
    return {p for p, v in first_values(root, ("p", "pPr", "numPr", "numId")).items()
            if v == "0"}


def paragraph_numbers(paragraphs: Iterable[etree._Element],
                      styles: Mapping[etree._Element, str] | None = None,
                      off: set[etree._Element] | None = None) -> dict[etree._Element, Number]:
    """The number Word gives each numbered paragraph, walking body paragraphs in order.

    Pass every ``w:p`` of the body in document order (tables included): Word counts
    them all. Levels restart below a higher level, as in the template's numbering.
    ``styles`` and ``off`` (from :func:`paragraph_styles` and
    :func:`numbering_switched_off`) save looking each paragraph up.
    """
    out: dict[etree._Element, Number] = {}
    c1 = c2 = c3 = c4 = schedule = 0
    for p in paragraphs:
        style = styles.get(p, "") if styles is not None else paragraph_style(p)
        if (p in off) if off is not None else _numbering_off(p):
            continue
        if style == SCHEDULE_STYLE:
            schedule += 1
            out[p] = _number(-1, (schedule,))
            continue
        level = CLAUSE_LEVEL.get(style)
        if level is None:
            continue
        if level == 0:
            c1, c2, c3, c4 = c1 + 1, 0, 0, 0
            out[p] = _number(0, (c1,))
        elif level == 1:
            c2, c3, c4 = c2 + 1, 0, 0
            out[p] = _number(1, (c1, c2))
        elif level == 2:
            c3, c4 = c3 + 1, 0
            out[p] = _number(2, (c1, c2, c3))
        else:
            c4 += 1
            out[p] = _number(3, (c1, c2, c3, c4))
    return out


def body_paragraphs(document_xml: etree._Element) -> list[etree._Element]:
    body = document_xml.find(f"{W}body")
    return list(body.iter(f"{W}p")) if body is not None else []
