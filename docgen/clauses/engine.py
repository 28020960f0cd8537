"""Stage 3b's engine: the one sandboxed Jinja environment clause text is rendered in.

Clause text is a template a lawyer edits (and anyone who can write an overlay folder),
so it renders here, in :func:`environment`, bounded by :mod:`docgen.clauses.sandbox`,
with every printed value escaped by :func:`finalize`. Compiled clauses are kept per
process (and, when the command line chooses a folder, between runs). Which clauses a
document takes, their numbers and its definitions are :mod:`docgen.clauses.render`'s.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
import time
from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import (
    FunctionLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    Undefined,
    nodes,
)
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from docgen.clauses import bytecode, printing, sandbox
from docgen.clauses.alarm import time_limit
from docgen.clauses.bytecode import BestEffortCache
from docgen.clauses.cachefolder import choose_cache_folder, chosen_cache_folder, code_hash
from docgen.clauses.library import Clause, Library
from docgen.clauses.printing import escaping
from docgen.clauses.sandbox import (
    MAX_OUTPUT,
    MAX_SECONDS,
    BoundedEnvironment,
    bounded_range,
    render_budget,
)
from docgen.errors import DocgenError
from docgen.facts.formatting import join_words, upper_first
from docgen.facts.people import Placeholder, gap_or_value

if TYPE_CHECKING:
    from docgen.facts.derive import Facts


#: values remembered by :func:`text_cached`: the short plain texts (names, figures, dates
#: as words) that a post prints many times and a batch's posts print again
CACHED_TEXTS, CACHED_LENGTH = 4096, 256


def text_cached(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn`` (a pure function of the value) remembered for short plain strings; any
    other value (a number, a date, a placeholder, markup, a long text) computed each time."""
    cached = lru_cache(maxsize=CACHED_TEXTS)(fn)

    @wraps(fn)
    def wrapper(value: Any) -> Any:
        if type(value) is str and len(value) <= CACHED_LENGTH:
            return cached(value)
        return fn(value)

    return wrapper


@escaping
@text_cached
def finalize(value: Any) -> Any:
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


def use_bytecode_cache(root: Path) -> None:
    """Keep compiled clauses in ``root`` between runs (the CLI's choice; the library's
    ``render`` touches no disk). Jinja checks each entry against its source."""
    if choose_cache_folder(root):
        environment().bytecode_cache = _bytecode_cache(root)


_NOT_ALLOWED = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
#: where a tag making one of those nodes could begin: a block start (``{%``, with its
#: optional ``-``/``+``) then the tag's name as Jinja compares it. Text without a match
#: cannot hold one, so it is not parsed just to look: ordinary words such as "including"
#: or "imports" in a clause's wording no longer cost the CLI a parse (and the lexer's
#: regular expressions) on every run
_NOT_ALLOWED_TAG = re.compile(r"\{%[-+]?\s*(?:include|import|extends|from)\b")


#: the hash of what shapes the code Jinja compiles clause text to: the sandbox (its loop
#: guard), its code generator (printing), this module (the environment's options), the
#: bytecode cache's format, and Jinja's version, taken as they are loaded (None: no source)
_COMPILING = code_hash(sandbox, printing, sys.modules[__name__], bytecode,
                       versions=(jinja2.__version__,))


def compiling_code() -> str | None:
    """What names this process's compiled clause text in the cache (None: no cache)."""
    return _COMPILING


def _bytecode_cache(folder: Path) -> BestEffortCache | None:
    code = compiling_code()
    return BestEffortCache(str(folder), code) if code is not None else None


@lru_cache(maxsize=1)
def environment() -> BoundedEnvironment:
    """The one clause environment of the process, made on first use (no import side effects)."""
    env = BoundedEnvironment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        finalize=finalize, keep_trailing_newline=False,
        loader=FunctionLoader(lambda name: (_SOURCES[name], None, lambda: True)),
        cache_size=0,
    )
    folder = chosen_cache_folder()  # chosen by the command line before this was made
    if folder is not None:
        env.bytecode_cache = _bytecode_cache(folder)
    env.filters["join_words"] = join_words
    env.globals["join_words"] = join_words
    env.globals["range"] = bounded_range
    env.trust(join_words)
    env.filters["upper_first"] = upper_first
    return env


def clause_context(facts: Facts, doc: str) -> dict[str, Any]:
    """The names clause text may use (documented in clauses/README.md)."""
    ctx = {k: getattr(facts, k) for k in facts.__dataclass_fields__ if k != "answers"}
    ctx.update(a=facts.answers, doc=doc)
    return ctx


def trusted(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, a plain function of docgen's put among a document's names (``ref``), called
    from clause text without Jinja's checks for marks it has not (see ``trust``)."""
    environment().trust(fn)
    return fn


def with_globals(ctx: dict[str, Any]) -> dict[str, Any]:
    """``ctx`` over the environment's globals (``range``, ``join_words`` …), as Jinja lays
    them for each render: made once for a document, then handed to every
    :func:`render_text` of it."""
    return {**environment().globals, **ctx}


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
def _expression(text: str) -> TemplateExpression:
    """A clause's condition, as ``compile_expression`` makes it (see :func:`_condition`)."""
    return TemplateExpression(_condition(text), True)


@lru_cache(maxsize=2048)
def _condition(text: str) -> Template:
    """A clause's condition compiled as ``compile_expression`` compiles it (a template that
    sets ``result``), with its code kept in the bytecode cache like the clauses' (compiling
    every condition cost each command-line run about 10 ms)."""
    env = environment()
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(_condition_tree(env, text))
    name = "condition-" + hashlib.sha256(text.encode()).hexdigest()
    bucket = cache.get_bucket(env, name, None, f"condition\0{text}")
    if bucket.code is None:
        bucket.code = env.compile(_condition_tree(env, text))
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None))


def _condition_tree(env: ImmutableSandboxedEnvironment, text: str) -> nodes.Template:
    """The tree ``compile_expression`` compiles: ``result = <the expression>``."""
    parser = Parser(env, text, state="variable")
    try:
        expr = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno,
                                      None, None)
        expr.set_environment(env)
    except TemplateSyntaxError:
        env.handle_exception(source=text)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)],
                          lineno=1)


def compile_library(library: Library) -> None:
    """Compile every clause title, text, condition and definition now: a batch does so
    before forking, and its workers share them instead of each compiling them all. A text
    that does not compile is left for the render that uses it to report, as before."""
    texts = [t for c in library.clauses.values() for t in (c.title, c.text)]
    texts += [d.text for d in library.definitions.values()]
    work: list[tuple[Callable[[str], object], str]] = [
        (_compiled, t) for t in texts if "{" in t]  # others are never compiled
    work += [(_expression, str(c.when)) for c in library.clauses.values() if c.when]
    for compile_, text in work:
        with contextlib.suppress(Exception):  # an error is not remembered: raised again
            compile_(text)


def uncompilable(library: Library) -> list[tuple[Path, str]]:
    """What rendering would report for each overlay clause whose title, text or condition
    does not compile (the same words), with the clause's file: ``check`` finds wording that
    cannot be used, as ``build`` would, without rendering, and tells whose folder it is in
    by the file. (The standard library's clauses are tested.)"""
    found: list[tuple[Path, str]] = []
    for clause in library.clauses.values():
        if not clause.overlay:
            continue
        for text, what in ((clause.title, "title"), (clause.text, "text")):
            if "{" in text:
                try:
                    _compiled(text)
                except TemplateError as exc:
                    found.append((clause.source, _text_error(clause, what, exc)))
        if clause.when:
            try:
                _expression(str(clause.when))
            except TemplateError as exc:
                found.append((clause.source, _condition_error(clause, exc)))
    return found


def _text_error(clause: Clause, what: str, exc: BaseException) -> str:
    """A clause's title or text that cannot be compiled or rendered, naming the line."""
    line = getattr(exc, "lineno", None)
    where = f" (line {line} of its {what})" if line else f" ({what})"
    why = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    if isinstance(exc, MemoryError):
        why = "it needs more memory than there is (a loop or a text that grows too much)"
    return f"{clause.source}: clause '{clause.id}'{where}: {why}"


def _condition_error(clause: Clause, exc: BaseException) -> str:
    return (f"{clause.source}: when: the condition `{clause.when}` of clause '{clause.id}' "
            f"cannot be evaluated ({type(exc).__name__}: {exc})")


#: what a clause's text or condition may raise: reported as an error naming the clause
RENDER_ERRORS = (TemplateError, ArithmeticError, TypeError, ValueError, LookupError,
                 AttributeError, RecursionError, TimeoutError, MemoryError)


def condition_holds(clause: Clause, names: dict[str, Any]) -> bool:
    """Whether ``clause`` is taken: its condition evaluated as a ``TemplateExpression`` does
    (``undefined`` is None), over ``names`` (:func:`with_globals`) as they are, where the
    expression copied them three times (a third of each condition's cost)."""
    if not clause.when:
        return True
    try:
        with render_budget(), time_limit(MAX_SECONDS):
            template = _condition(str(clause.when))
            env = template.environment
            context = env.context_class(env, names, template.name, template.blocks)
            for _ in template.root_render_func(context):
                pass
            result = context.vars["result"]
            return bool(None if isinstance(result, Undefined) else result)
    except RENDER_ERRORS as exc:
        raise DocgenError(_condition_error(clause, exc)) from None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the only line breaks Jinja's lexer knows


@lru_cache(maxsize=4096)
def _without_tags(text: str) -> str:
    """What Jinja renders from text with no ``{`` (so no tag, expression or comment): the
    text, its line breaks made ``\n`` and one trailing line break dropped, as Jinja's
    lexer does with ``keep_trailing_newline=False``. (Remembered: these are the library's
    own titles and texts, rendered again in every document.)"""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        del lines[-1]
    return "\n".join(lines)


def render_text(clause: Clause, text: str, names: dict[str, Any], what: str) -> str:
    """Render one clause's text or title, bounded in loops, output and time; ``names``:
    the document's context with the globals beneath (:func:`with_globals`).

    Most titles are plain text: they skip the template machinery (a third of the calls).
    """
    if "{" not in text and len(text) <= MAX_OUTPUT:
        return _without_tags(text)
    try:
        deadline = time.monotonic() + MAX_SECONDS
        out: list[str] = []
        with render_budget(), time_limit(MAX_SECONDS):
            if _generated(_compiled(text), names, out, deadline):
                raise SecurityError(f"its {what} renders more than {MAX_OUTPUT:,} "
                                    f"characters or takes over {MAX_SECONDS:g} s")
        return "".join(out)
    except RENDER_ERRORS as exc:
        raise DocgenError(_text_error(clause, what, exc)) from None


def _generated(template: Template, names: dict[str, Any], out: list[str],
               deadline: float) -> bool:
    """Add what ``template.generate(names)`` makes to ``out``, until it has made more than
    :data:`MAX_OUTPUT` characters or run past ``deadline`` (then True).

    Without the two copies of every name Jinja makes on each call (a post renders some
    forty clause texts): ``names`` already holds the globals (:func:`with_globals`) and is
    read, never written (assignments in a template go to the context's own ``vars``).
    The template's own errors go through Jinja's handler, as in ``generate``."""
    env = template.environment
    size = 0
    chunks = template.root_render_func(
        env.context_class(env, names, template.name, template.blocks))
    append, now = out.append, time.monotonic  # looked up once: a document makes 500 chunks
    try:
        for chunk in chunks:
            size += len(chunk)
            append(chunk)
            if size > MAX_OUTPUT or now() > deadline:
                return True
    except Exception:  # noqa: BLE001 - re-raised by the handler, with the template's lines
        env.handle_exception()
    return False
