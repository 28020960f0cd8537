"""Stage 3b: choose the clauses a post needs, render and number them.

Each clause's text is rendered by :mod:`docgen.clauses.engine` (a sandboxed Jinja
environment with ``StrictUndefined``); every answer-file value is escaped on the
way in, so it prints exactly and can never become markup, a new paragraph or
template code. Numbers are
computed here only so that cross-references carry the right stored text:
Word itself numbers the paragraphs through the numbering styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from docgen.answers.kinds import KINDS
from docgen.clauses.alarm import time_limits
from docgen.clauses.engine import (
    clause_context,
    condition_holds,
    finalize,
    render_text,
    text_cached,
    trusted,
    with_globals,
)
from docgen.clauses.figures import dropped_figures
from docgen.clauses.library import Clause, Definition, Library
from docgen.errors import DocgenError
from docgen.facts.derive import Facts
from docgen.ooxml.numbering import letter, roman
from docgen.ooxml.wordml import (
    BODY_STYLE,
    DEFINITION_STYLE,
    LEVEL_STYLES,
    Para,
    markup_problem,
)

ANCHOR = re.compile(r"^\[([a-z][a-z0-9_-]*)\]\s*")
DOC_NAMES: dict[str, str] = {k.kind: k.short_name for k in KINDS}


@dataclass
class RenderedClause:
    clause: Clause
    paras: list[Para]
    number: str


@dataclass
class RenderedDocument:
    kind: str
    clauses: list[RenderedClause]
    refs: dict[str, str]  # anchor → printed number
    definitions: list[Definition]

    @property
    def paras(self) -> list[Para]:
        return [p for rc in self.clauses for p in rc.paras]


def _join_continuations(text: str) -> list[str]:
    lines: list[str] = []
    carry = ""
    for raw in text.splitlines():
        if raw.rstrip().endswith("\\"):
            carry += raw.rstrip()[:-1].rstrip() + " "
            continue
        lines.append(carry + raw)
        carry = ""
    if carry:
        lines.append(carry)
    return [ln.strip() for ln in lines if ln.strip()]


def _parse_lines(clause: Clause, text: str, number: int) -> list[tuple[Para, str | None]]:
    """Lines → paragraphs with levels and the number Word will give them."""
    return [(Para(style, markup, anchor, num), anchor)  # (by position: a little faster)
            for style, markup, anchor, num in _lines(clause.id, text, number)]


@lru_cache(maxsize=4096)
def _lines(clause_id: str, text: str, number: int
           ) -> tuple[tuple[str, str, str | None, str], ...]:
    """:func:`_parse_lines` as plain values (style, markup, anchor, number), remembered: most
    clauses render to the same text at the same number in every post of a batch."""
    out: list[tuple[str, str, str | None, str]] = []
    l2 = l3 = l4 = 0
    for line in _join_continuations(text):
        if line.startswith("-- "):
            l4 += 1
            level, body = 3, line[3:]
            num = f"{number}.{l2}({letter(l3)})({roman(l4)})"
        elif line.startswith("- "):
            l3, l4 = l3 + 1, 0
            level, body = 2, line[2:]
            num = f"{number}.{l2}({letter(l3)})"
        elif line.startswith("> "):
            level, body = -1, line[2:]
            num = ""
        else:
            l2, l3, l4 = l2 + 1, 0, 0
            level, body = 1, line
            num = f"{number}.{l2}"
        anchor = None
        m = ANCHOR.match(body)
        if m:
            anchor = f"{clause_id}.{m.group(1)}"
            body = body[m.end():]
        style = BODY_STYLE if level < 0 else LEVEL_STYLES[level]
        out.append((style, body.strip(), anchor, num))
    return tuple(out)


@lru_cache(maxsize=4096)
def _lines_problem(clause_id: str, text: str, number: int) -> str | None:
    """The first line of :func:`_lines` whose markup has a problem, and what it is
    (remembered with the lines: each line's check is a regex search, and the lines repeat)."""
    for _style, markup, _anchor, _num in _lines(clause_id, text, number):
        problem = markup_problem(markup)
        if problem:
            return problem
    return None


TERM_QUOTES = ("\u201c", "\u201d")


def _term_of(short_name: str) -> str:
    return short_name[4:] if short_name.lower().startswith("the ") else short_name


_TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=8192)
def _plain(markup: str) -> str:
    """(remembered: most paragraphs are a clause's fixed wording, the same in every post)"""
    return _TAG.sub(" ", markup)


def term_used(term: str, text: str) -> bool:
    return bool(term) and _whole_word(term, text)


def _word_char(c: str) -> bool:
    """What ``[\\w-]`` matches: a character that would make a term part of a longer word."""
    return c.isalnum() or c in "_-"


def _whole_word(term: str, text: str) -> bool:
    """``term`` appears in ``text`` with no word character or hyphen either side.

    ``str.find`` per term, rather than one pattern of every term: building that pattern
    cost more at each start than the whole search, and each set of terms needed its own.
    """
    end, at = len(text), text.find(term)
    while at != -1:
        after = at + len(term)
        if not (at and _word_char(text[at - 1])) and not (after < end
                                                          and _word_char(text[after])):
            return True
        at = text.find(term, at + 1)
    return False


def terms_used(terms: list[str], text: str) -> set[str]:
    """Which of ``terms`` appear in ``text`` as whole words.

    Each term is looked for on its own, so a longer term ("Host Parties") never hides a
    shorter one ("Host Party") that also appears by itself.
    """
    return {t for t in terms if t and _whole_word(t, text)}


@text_cached
def _ref_markup(target: Any) -> Markup:
    """What ``ref(target)`` prints (remembered for the targets clause text names)."""
    return Markup(f'<ref to="{escape(target)}"/>')


def render_document(library: Library, kind: str, facts: Facts) -> RenderedDocument:
    """Select, render and number the clauses of one document."""
    with time_limits():  # each clause's render is still timed on its own
        return _render_document(library, kind, facts)


def _render_document(library: Library, kind: str, facts: Facts) -> RenderedDocument:
    in_kind = library.for_document(kind)  # sorted once for the two
    dropped = dropped_figures(library, kind, in_kind)
    if dropped:
        raise DocgenError("; ".join(dropped))
    ctx = clause_context(facts, kind)
    before_ref = with_globals(ctx)  # what conditions read: no ``ref``
    selected = [c for c in in_kind if condition_holds(c, before_ref)]
    wanted: list[tuple[str, str]] = []  # (citing clause, target) for checking

    def ref(target: str) -> Markup:
        wanted.append((current[0], target))
        markup: Markup = _ref_markup(target)
        return markup

    ctx["ref"] = trusted(ref)
    names = with_globals(ctx)  # once for the document: every clause reads the same names
    current = [""]
    rendered: list[RenderedClause] = []
    refs: dict[str, str] = {}
    for i, clause in enumerate(selected, start=1):
        current[0] = clause.id
        title = render_text(clause, clause.title, names, "title")
        text = render_text(clause, clause.text, names, "text")
        heading = Para(style=LEVEL_STYLES[0], markup=title.strip(), anchor=clause.id,
                       number=str(i))
        refs[clause.id] = str(i)
        paras = [heading]
        for para, anchor in _parse_lines(clause, text, i):
            if anchor:
                if anchor in refs:
                    raise DocgenError(f"{clause.source}: anchor '{anchor}' is used twice")
                refs[anchor] = para.number
            paras.append(para)
        # raw XML or a control character: named here, not in Word XML
        problem = markup_problem(heading.markup) or _lines_problem(clause.id, text, i)
        if problem:
            raise DocgenError(f"{clause.source}: clause '{clause.id}': {problem}")
        rendered.append(RenderedClause(clause=clause, paras=paras, number=str(i)))
    current[0] = "a definition"
    used_defs = _add_definitions(library, kind, rendered, facts, names)
    for citing, target in wanted:
        if target not in refs:
            raise DocgenError(
                f"clause '{citing}' refers to '{target}', which is not in the "
                f"{DOC_NAMES[kind]} for this post (unknown id, another document, or left out "
                "by its condition)")
    return RenderedDocument(kind=kind, clauses=rendered, refs=refs, definitions=used_defs)


def _add_definitions(library: Library, kind: str, rendered: list[RenderedClause],
                     facts: Facts, names: dict[str, Any]) -> list[Definition]:
    """Fill the definitions clause with exactly the terms the other clauses use."""
    target = next((rc for rc in rendered if rc.clause.kind == "definitions"), None)
    if target is None:
        return []
    text = " ".join(_plain(p.markup) for rc in rendered if rc is not target for p in rc.paras)
    candidates = {d.term: d for d in library.definitions.values() if kind in d.documents}
    bodies: dict[str, str] = {}  # each used definition, rendered once
    new = terms_used(list(candidates), text)
    while new:  # a definition may use other defined terms: include those too
        for term in new:
            bodies[term] = str(render_text(target.clause, candidates[term].text, names,
                                            "definition"))
        unused = [t for t in candidates if t not in bodies]
        new = terms_used(unused, " ".join(_plain(bodies[t]) for t in new))
    used = [candidates[t] for t in bodies]
    entries = list(bodies.items())
    for p in facts.parties:
        entries.append((_term_of(p.short_name),
                        f"means {finalize(p.name)} of {finalize(p.address)};"))
    entries.sort(key=lambda e: e[0].casefold())
    for term, body in entries:
        markup = f"<b>{TERM_QUOTES[0]}{escape(term)}{TERM_QUOTES[1]}</b> {body.strip()}"
        target.paras.append(Para(style=DEFINITION_STYLE, markup=markup))
    return sorted(used, key=lambda d: d.term.casefold())
