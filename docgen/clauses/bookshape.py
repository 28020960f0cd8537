"""The shape of one clause read back from a clause book, checked before its wording is:
every ⟦Otherwise…⟧ with its ⟦Only when …:⟧, one ⟦Clause used only when …⟧ at most, some
wording left, and every condition and repetition opened and closed. Each problem names
the clause and the paragraph (its first words)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError

from docgen.clauses.bookbase import Look
from docgen.clauses.engine import environment
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara


@dataclass
class BookClause:
    id: str
    title: str
    version: int
    heading: BookPara
    paras: list[BookPara] = field(default_factory=list)


def first_words(para: BookPara, n: int = 8) -> str:
    words = para.text.split()
    text = " ".join(words[:n]) + (" …" if len(words) > n else "")
    return f"“{text}”" if text else "(an empty paragraph)"


def para_at(clause: str | None, para: BookPara) -> str:
    if clause is None:
        return f"paragraph {first_words(para)}"
    return f"clause '{clause}', paragraph {first_words(para)}"


_OPENS = re.compile(r"⟦Only when ")
_BRANCHES = re.compile(r"⟦Otherwise(?::|, when )")


def check_branches(bc: BookClause, exported: list[BookPara], paras: list[BookPara],
                    matcher: difflib.SequenceMatcher[Look]) -> None:
    """An ⟦Otherwise…⟧ deleted while its ⟦Only when …:⟧ stays would silently put the other
    branch's wording under the condition: refused (a whole condition may go)."""
    def count(pattern: re.Pattern[str], ps: list[BookPara]) -> int:
        return sum(len(pattern.findall(p.text)) for p in ps)

    lost_branches = count(_BRANCHES, exported) - count(_BRANCHES, paras)
    if lost_branches <= 0 or count(_OPENS, exported) > count(_OPENS, paras):
        return
    gone = next((exported[i] for op, i1, i2, _j1, _j2 in matcher.get_opcodes()
                 if op in ("delete", "replace") for i in range(i1, i2)
                 if _BRANCHES.search(exported[i].text)), exported[0] if exported else bc.heading)
    raise DocgenError(f"{para_at(bc.id, gone)}: a marker ⟦Otherwise…⟧ was deleted but its "
                      "⟦Only when …:⟧ is still there, so the other wording would be used "
                      "under that condition; put the marker back, or delete the whole "
                      "condition from ⟦Only when …:⟧ to ⟦End of condition⟧")


def check_parts(bc: BookClause, when_paras: list[BookPara], body: list[BookPara],
                 new: bool) -> None:
    """One ⟦Clause used only when …⟧ at most, and some wording: an emptied clause would
    print a bare heading that other clauses may still cite."""
    if len(when_paras) > 1:
        raise DocgenError(f"{para_at(bc.id, when_paras[1])}: a clause has one ⟦Clause used "
                          "only when …⟧ paragraph; join the conditions in the first one with "
                          "“and” or “or”, and delete this one")
    if not body and new:
        raise DocgenError(f"{para_at(bc.id, bc.heading)}: this new clause has no wording; "
                          "write its text under the heading, or delete the heading")
    if not body:
        raise DocgenError(f"{para_at(bc.id, bc.heading)}: this clause has no wording left. A "
                          "clause cannot be removed through the book; put its text back (or "
                          "undo the deletion), or ask whoever runs docgen to leave the "
                          "clause out")


#: a block tag of clause text, and the book marker it is shown as
_BLOCK = re.compile(r"\{%-?\s*(if|elif|else|endif|for|endfor)\b")
_SHOWN = re.compile(r"⟦(?:Only when|Otherwise|End of condition|For each|End of repetition)"
                    r"[^⟧]*⟧")
_OPENER = {"endif": "if", "endfor": "for"}
_END = {"if": "⟦End of condition⟧", "for": "⟦End of repetition⟧"}
_START = {"if": "⟦Only when …:⟧", "for": "⟦For each …:⟧"}


def _unbalanced(bc: BookClause, text: str, paras: list[BookPara]
                ) -> tuple[BookPara | None, str]:
    """The paragraph of the marker without its partner, and what is wrong in words
    (“⟦Only when …⟧ has no ⟦End of condition⟧ after it”); "" if the markers pair up."""
    lines = text.splitlines()
    shown = len(lines) == len(paras)
    stack: list[tuple[str, str, BookPara | None]] = []  # (if/for, marker, paragraph)
    for number, line in enumerate(lines):
        para = paras[number] if shown else None
        markers = _SHOWN.findall(para.text) if para else []
        tags = _BLOCK.findall(line)
        for k, tag in enumerate(tags):
            marker = markers[k] if len(markers) == len(tags) else ""
            if tag in ("if", "for"):
                stack.append((tag, marker or _START[tag], para))
            elif tag in ("elif", "else") and (not stack or stack[-1][0] != "if"):
                return para, (f"{marker or '⟦Otherwise…⟧'} is not inside a condition: its "
                              "⟦Only when …:⟧ before it was deleted; put it back, or delete "
                              "the ⟦Otherwise…⟧ with the wording under it")
            elif tag in _OPENER and (not stack or stack[-1][0] != _OPENER[tag]):
                if stack:
                    kind, opened, at = stack[-1]
                    return at, (f"{opened} has no {_END[kind]} after it (was one deleted?); "
                                 f"put {_END[kind]} back where the wording it governs ends")
                return para, (f"{marker or _END[_OPENER[tag]]} has no "
                              f"{_START[_OPENER[tag]]} before it (was one deleted?); put that "
                              "marker back, or delete this one")
            elif tag in _OPENER:
                stack.pop()
    if stack:
        kind, opened, at = stack[-1]
        return at, (f"{opened} has no {_END[kind]} after it (was one deleted?); put "
                    f"{_END[kind]} back where the wording it governs ends (copy it from a "
                    "fresh export)")
    return None, ""


def check_template(bc: BookClause, text: str, paras: list[BookPara]) -> None:
    try:
        environment().parse(text)
    except TemplateSyntaxError as exc:
        at, unbalanced = _unbalanced(bc, text, paras)
        if unbalanced:
            where = para_at(bc.id, at) if at else f"clause '{bc.id}'"
            raise DocgenError(f"{where}: {unbalanced}") from None
        line = max(0, min(len(paras) - 1, (exc.lineno or 1) - 1))
        para = paras[line] if paras else bc.heading
        why = exc.message or "a marker is missing"
        if "endif" in why or "endfor" in why or "unknown tag" in why:
            why = ("a condition or repetition is no longer closed or opened: each ⟦Only "
                   "when …:⟧ needs its ⟦End of condition⟧ and each ⟦For each …⟧ its ⟦End of "
                   "repetition⟧ (was one deleted?)")
        raise DocgenError(f"{para_at(bc.id, para)}: {why}") from None


_LAST_TAG = re.compile(r"\{%[^%]*?\s*\+?%\}$")
#: the tags that close a condition or repetition: the only ones whose line break is kept
_CLOSING = re.compile(r"\{%-?\s*end(if|for)\b")
_ANY_TAG = re.compile(r"\{%.*?%\}")
_LINE_START = re.compile(r"^(?:-- |- |> )?(?:\[[a-z][a-z0-9_-]*\] )?")


def own_paragraph(line: str) -> str:
    """A line of clause text that ends with a block tag (``{% endif %}``) after wording of its
    own, with that tag written ``+%}``: the clauses' Jinja environment trims the line break
    after a block tag, which would run the paragraph into the next one (“… a casting
    vote.The Steering Group shall:”). Only a closing tag (``endif``, ``endfor``): the break
    kept after an opening one would sit inside its condition, and go with it. Where the
    condition is false, the break left is an empty line, which makes no paragraph. A line of
    markers alone keeps its tags as they are (their breaks are meant to go)."""
    m = _LAST_TAG.search(line)
    if not m or m.group(0).endswith("-%}") or not _CLOSING.match(m.group(0)):
        return line  # an opening tag's kept break would sit inside its condition
    tag = m.group(0)[:-2].rstrip("+ ")
    wording = _ANY_TAG.sub("", _LINE_START.sub("", line, count=1)).strip()
    if not wording:
        return line[:m.start()] + tag + " %}"
    return line[:m.start()] + tag + " +%}"
