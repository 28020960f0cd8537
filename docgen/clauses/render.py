"""Stage 3b: choose the clauses a post needs, render and number them.

Rendering happens in a sandboxed Jinja environment with ``StrictUndefined``;
every answer-file value is escaped on the way in, so it prints exactly and
can never become markup, a new paragraph or template code. Numbers are
computed here only so that cross-references carry the right stored text:
Word itself numbers the paragraphs through the numbering styles.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    FunctionLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from docgen.answers.kinds import KINDS
from docgen.clauses.bytecode import BestEffortCache
from docgen.clauses.figures import dropped_figures
from docgen.clauses.library import Clause, Definition, Library
from docgen.clauses.sandbox import (
    MAX_OUTPUT,
    MAX_SECONDS,
    BoundedEnvironment,
    bounded_range,
    render_budget,
    time_limit,
    time_limits,
)
from docgen.errors import DocgenError
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, upper_first
from docgen.facts.people import Placeholder, gap_or_value
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


def _finalize(value: Any) -> Any:
    """Every printed value: placeholders highlighted, everything else escaped and inert.

    Escaping ``-``, ``[`` and ``\\`` keeps a value from being read as line syntax; a
    line break inside a value becomes a line break, never a new paragraph.
    """
    value = gap_or_value(value)
    if isinstance(value, Placeholder):
        return Markup(f"<ph>{escape(value.label)}</ph>")
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    # four replaces (as str.translate, which is slower: no replacement holds another's)
    text = (str(escape(str(value))).replace("-", "&#45;").replace("[", "&#91;")
            .replace("\\", "&#92;").replace("\t", "<tab/>"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return Markup(text)


_SOURCES: dict[str, str] = {}  # clause texts by hash, for the loader (content-keyed, never stale)


def default_cache_dir() -> Path:
    """Where the command line keeps compiled clause bytecode between runs."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docgen" / "jinja"


def use_bytecode_cache(root: Path) -> None:
    """Keep compiled clauses in ``root`` between runs (the CLI's choice; the library's
    ``render`` touches no disk). Jinja checks each entry against its source."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    if os.access(root, os.W_OK):
        environment().bytecode_cache = BestEffortCache(str(root))


_NOT_ALLOWED = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
#: where a tag making one of those nodes could begin: a block start (``{%``, with its
#: optional ``-``/``+``) then the tag's name as Jinja compares it. Text without a match
#: cannot hold one, so it is not parsed just to look: ordinary words such as "including"
#: or "imports" in a clause's wording no longer cost the CLI a parse (and the lexer's
#: regular expressions) on every run
_NOT_ALLOWED_TAG = re.compile(r"\{%[-+]?\s*(?:include|import|extends|from)\b")


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """The one clause environment of the process, made on first use (no import side effects)."""
    env = BoundedEnvironment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        finalize=_finalize, keep_trailing_newline=False,
        loader=FunctionLoader(lambda name: (_SOURCES[name], None, lambda: True)),
        cache_size=0,
    )
    env.filters["join_words"] = join_words
    env.globals["join_words"] = join_words
    env.globals["range"] = bounded_range
    env.filters["upper_first"] = upper_first
    return env


def clause_context(facts: Facts, doc: str) -> dict[str, Any]:
    """The names clause text may use (documented in clauses/README.md)."""
    ctx = {k: getattr(facts, k) for k in facts.__dataclass_fields__ if k != "answers"}
    ctx.update(a=facts.answers, doc=doc)
    return ctx


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


@lru_cache(maxsize=8192)
def _compiled(text: str) -> Template:
    """Compile clause text once per process (and once per machine, through the bytecode
    cache): Jinja compiling is most of a render's cost. Text is parsed here only when it
    names a tag that is not allowed (parsing every clause cost the CLI 0.3 s a run)."""
    name = hashlib.sha256(text.encode()).hexdigest()
    banned = None
    if _NOT_ALLOWED_TAG.search(text):  # else the bytecode cache serves
        banned = next(iter(environment().parse(text).find_all(_NOT_ALLOWED)), None)
    if banned is not None:
        tag = type(banned).__name__.lower().replace("fromimport", "from … import")
        raise TemplateSyntaxError(f"{{% {tag} %}} is not allowed in clause text (each clause "
                                  "is one file; write its wording out)", banned.lineno)
    _SOURCES[name] = text
    return environment().get_template(name)


@lru_cache(maxsize=2048)
def _expression(text: str) -> Any:
    return environment().compile_expression(text)


def compile_library(library: Library) -> None:
    """Compile every clause title, text, condition and definition now: a batch does so
    before forking, and its workers share them instead of each compiling them all. A text
    that does not compile is left for the render that uses it to report, as before."""
    texts = [t for c in library.clauses.values() for t in (c.title, c.text)]
    texts += [d.text for d in library.definitions.values()]
    work = [(_compiled, t) for t in texts if "{" in t]  # others are never compiled
    work += [(_expression, str(c.when)) for c in library.clauses.values() if c.when]
    for compile_, text in work:
        with contextlib.suppress(Exception):  # an error is not remembered: raised again
            compile_(text)


#: what a clause's text or condition may raise: reported as an error naming the clause
RENDER_ERRORS = (TemplateError, ArithmeticError, TypeError, ValueError, LookupError,
                 AttributeError, RecursionError, TimeoutError, MemoryError)


def condition_holds(clause: Clause, ctx: dict[str, Any]) -> bool:
    if not clause.when:
        return True
    try:
        with render_budget(), time_limit(MAX_SECONDS):
            return bool(_expression(str(clause.when))(**ctx))
    except RENDER_ERRORS as exc:
        raise DocgenError(f"{clause.source}: when: the condition `{clause.when}` of clause "
                          f"'{clause.id}' cannot be evaluated ({type(exc).__name__}: {exc})"
                          ) from None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the only line breaks Jinja's lexer knows


def _without_tags(text: str) -> str:
    """What Jinja renders from text with no ``{`` (so no tag, expression or comment): the
    text, its line breaks made ``\n`` and one trailing line break dropped, as Jinja's
    lexer does with ``keep_trailing_newline=False``."""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        del lines[-1]
    return "\n".join(lines)


def _render_text(clause: Clause, text: str, ctx: dict[str, Any], what: str) -> str:
    """Render one clause's text or title, bounded in loops, output and time.

    Most titles are plain text: they skip the template machinery (a third of the calls).
    """
    if "{" not in text and len(text) <= MAX_OUTPUT:
        return _without_tags(text)
    try:
        deadline = time.monotonic() + MAX_SECONDS
        out: list[str] = []
        size = 0
        with render_budget(), time_limit(MAX_SECONDS):
            for chunk in _compiled(text).generate(ctx):
                size += len(chunk)
                out.append(chunk)
                if size > MAX_OUTPUT or time.monotonic() > deadline:
                    raise SecurityError(f"its {what} renders more than {MAX_OUTPUT:,} "
                                        f"characters or takes over {MAX_SECONDS:g} s")
        return "".join(out)
    except RENDER_ERRORS as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line} of its {what})" if line else f" ({what})"
        why = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, MemoryError):
            why = "it needs more memory than there is (a loop or a text that grows too much)"
        raise DocgenError(f"{clause.source}: clause '{clause.id}'{where}: {why}") from None


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
    out: list[tuple[Para, str | None]] = []
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
            anchor = f"{clause.id}.{m.group(1)}"
            body = body[m.end():]
        style = BODY_STYLE if level < 0 else LEVEL_STYLES[level]
        out.append((Para(style=style, markup=body.strip(), anchor=anchor, number=num), anchor))
    return out


TERM_QUOTES = ("\u201c", "\u201d")


def _term_of(short_name: str) -> str:
    return short_name[4:] if short_name.lower().startswith("the ") else short_name


_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    return _TAG.sub(" ", markup)


def term_used(term: str, text: str) -> bool:
    return term in terms_used([term], text)


@lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    r"""``(?<![\w-])(?:term|…)(?![\w-])``, longest term first, with each term's first
    character before the lookbehind (which then looks two back): a pattern that starts
    with literals lets the regex engine skip to them, several times faster."""
    alternatives = "|".join(re.escape(t[0]) + r"(?<![\w-](?s:.))" + re.escape(t[1:])
                            if t else r"(?<![\w-])"
                            for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w-])")


def terms_used(terms: list[str], text: str) -> set[str]:
    """Which of ``terms`` appear in ``text`` as whole words (one pass over the text).

    Overlapping terms ("Host Party" inside "Host Parties") are each checked, so a
    longer match never hides a shorter term that also appears on its own.
    """
    if not terms:
        return set()
    found = set(_terms_pattern(tuple(terms)).findall(text))
    rest = [t for t in terms if t not in found]
    return found | {t for t in rest if any(t in f for f in found)
                    and re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text)}


def render_document(library: Library, kind: str, facts: Facts) -> RenderedDocument:
    """Select, render and number the clauses of one document."""
    with time_limits():  # each clause's render is still timed on its own
        return _render_document(library, kind, facts)


def _render_document(library: Library, kind: str, facts: Facts) -> RenderedDocument:
    dropped = dropped_figures(library, kind)
    if dropped:
        raise DocgenError("; ".join(dropped))
    ctx = clause_context(facts, kind)
    selected = [c for c in library.for_document(kind) if condition_holds(c, ctx)]
    wanted: list[tuple[str, str]] = []  # (citing clause, target) for checking

    def ref(target: str) -> Markup:
        wanted.append((current[0], target))
        return Markup(f'<ref to="{escape(target)}"/>')

    ctx["ref"] = ref
    current = [""]
    rendered: list[RenderedClause] = []
    refs: dict[str, str] = {}
    for i, clause in enumerate(selected, start=1):
        current[0] = clause.id
        title = _render_text(clause, clause.title, ctx, "title")
        text = _render_text(clause, clause.text, ctx, "text")
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
        for para in paras:  # raw XML or a control character: named here, not in Word XML
            problem = markup_problem(para.markup)
            if problem:
                raise DocgenError(f"{clause.source}: clause '{clause.id}': {problem}")
        rendered.append(RenderedClause(clause=clause, paras=paras, number=str(i)))
    current[0] = "a definition"
    used_defs = _add_definitions(library, kind, rendered, facts, ctx)
    for citing, target in wanted:
        if target not in refs:
            raise DocgenError(
                f"clause '{citing}' refers to '{target}', which is not in the "
                f"{DOC_NAMES[kind]} for this post (unknown id, another document, or left out "
                "by its condition)")
    return RenderedDocument(kind=kind, clauses=rendered, refs=refs, definitions=used_defs)


def _add_definitions(library: Library, kind: str, rendered: list[RenderedClause],
                     facts: Facts, ctx: dict[str, Any]) -> list[Definition]:
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
            bodies[term] = str(_render_text(target.clause, candidates[term].text, ctx,
                                            "definition"))
        unused = [t for t in candidates if t not in bodies]
        new = terms_used(unused, " ".join(_plain(bodies[t]) for t in new))
    used = [candidates[t] for t in bodies]
    entries = list(bodies.items())
    for p in facts.parties:
        entries.append((_term_of(p.short_name),
                        f"means {_finalize(p.name)} of {_finalize(p.address)};"))
    entries.sort(key=lambda e: e[0].casefold())
    for term, body in entries:
        markup = f"<b>{TERM_QUOTES[0]}{escape(term)}{TERM_QUOTES[1]}</b> {body.strip()}"
        target.paras.append(Para(style=DEFINITION_STYLE, markup=markup))
    return sorted(used, key=lambda d: d.term.casefold())
