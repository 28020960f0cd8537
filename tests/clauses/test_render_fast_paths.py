"""Clause rendering's shortcuts give what the plain way gives: the sandbox's attribute and
item reads (docgen/clauses/attributes.py), ``{{ value }}`` compiled without a second escape
(docgen/clauses/printing.py), docgen's own functions called without Jinja's checks
(``trust``), the template run without ``generate`` (engine._generated), and one alarm timer
shared by a document's renders (sandbox.time_limits)."""

from __future__ import annotations

import collections
import signal
import time
from dataclasses import dataclass, replace
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup

from docgen.clauses import engine
from docgen.clauses.alarm import time_limit, time_limits
from docgen.clauses.attributes import RememberingSandbox
from docgen.clauses.engine import (
    clause_context,
    condition_holds,
    environment,
    finalize,
    render_text,
    trusted,
    with_globals,
)
from docgen.clauses.library import cached_library
from docgen.clauses.printing import FinalizedOutput
from docgen.clauses.samples import sample_posts
from docgen.clauses.sandbox import BoundedEnvironment
from docgen.errors import DocgenError
from docgen.facts.people import Placeholder


@dataclass(frozen=True)
class Record:
    name: str
    items: int = 1  # an attribute named like a dict's method


class Keyed:
    def __getitem__(self, key: str) -> str:
        return f"item {key}"

    shown = "attribute"


class Odd:
    """Claims to be a list."""

    __class__ = list  # type: ignore[assignment]
    append = "a text"


OBJECTS: list[Any] = [
    {"name": "x", "items": "a key", "keys": 1, "_hidden": 2, "format": "f"},
    {}, {1: "one"}, collections.OrderedDict(name="o"), collections.defaultdict(str),
    Record("r"), Keyed(), Odd(), SimpleNamespace(name="n", _x=1), [1, 2], ("t",), "text",
    Markup("<b>m</b>"), 3, None, Decimal("1.50"), Record, str, print, lambda: 1, (x for x in ()),
]
NAMES: list[Any] = ["name", "items", "keys", "get", "pop", "append", "_hidden", "__class__",
                    "mro", "format", "format_map", "upper", "shown", "missing", "gi_frame",
                    "__globals__", "real", "_x", 0, 1, -1, "0"]


def _same(a: Any, b: Any) -> bool:
    """Equal values, or undefined alike (the same message, the same kind)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, StrictUndefined):
        return (a._undefined_hint, a._undefined_name, a._undefined_exception) == \
            (b._undefined_hint, b._undefined_name, b._undefined_exception)
    if callable(a) and getattr(a, "__name__", None) in ("format", "format_map"):
        return a("x") == b("x") if a.__name__ == "format" else True
    return bool(a == b) or a is b


@pytest.mark.parametrize("env_class", [RememberingSandbox, BoundedEnvironment])
def test_attribute_and_item_reads_are_jinjas(env_class: type[RememberingSandbox]) -> None:
    fast = env_class(undefined=StrictUndefined)
    plain = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    for obj in OBJECTS:
        for name in NAMES:
            for read in ("getattr", "getitem"):
                try:
                    expected: Any = getattr(plain, read)(obj, name)
                except Exception as exc:  # noqa: BLE001 - the same error is expected
                    expected = (type(exc), str(exc))
                try:
                    got: Any = getattr(fast, read)(obj, name)
                except Exception as exc:  # noqa: BLE001
                    got = (type(exc), str(exc))
                assert _same(got, expected), (obj, name, read, got, expected)


def test_the_dict_attributes_are_every_attribute_a_dict_has() -> None:
    from_type = {n for n in dir(type) if hasattr({}, n)}
    assert from_type <= set(dir(dict))


def test_finalize_returns_escaped_markup_for_every_kind_of_value() -> None:
    """What lets the clause environment print finalize's result without escaping it."""
    values = ["<a & 'b'>", "x" * 300, 3, Decimal("2.50"), None, Markup("<b>x</b>"),
              Placeholder("the <name>"), ["<"], Record("<r>"), 1.5, True]
    for value in values:
        out = finalize(value)
        assert out == "" or type(out) is Markup, value
        assert "<" not in str(out).replace("<ph>", "").replace("</ph>", "").replace(
            "<b>", "").replace("</b>", "").replace("<br/>", "").replace("<tab/>", "")


#: what the sandbox must keep doing however the code is made: texts that print, loop,
#: set blocks, filter blocks, macros and calls, and switch autoescaping
TEMPLATES = [
    "{{ v }}|{{ v | upper }}|{{ none_ }}|{{ n + 1 }}|{{ 'a<b' }}|{{ m }}",
    "{% autoescape false %}{{ v }}{{ m }}{% endautoescape %}{{ v }}",
    "{% set x %}{{ v }}-{{ m }}{% endset %}{{ x }}{{ x | length }}",
    "{% filter upper %}{{ v }} and {{ m }}{% endfilter %}",
    "{% macro w(a) %}<{{ a }}>{% endmacro %}{{ w(v) }}{{ w(m) }}",
    "{% macro c() %}[{{ caller() }}]{% endmacro %}{% call c() %}{{ v }}{% endcall %}",
    "{% for p in items %}{{ loop.index }}{{ p }}{{ ',' if not loop.last }}{% endfor %}",
    "{{ join_words(items) }} {{ items | join_words }} {{ range(3) | list }} {{ r(v) }}",
    "{{ v ~ m ~ n }}{{ items | map('upper') | unique | list }}{{ (v ~ m) | e }}",
    "{{ stop() }}{{ '%s!' % v }}{{ '{}?'.format(v) }}{{ v.replace('<', '[') }}",
    "{% autoescape auto_ %}{{ v }}{% endautoescape %}",
]


def _plain_environment() -> BoundedEnvironment:
    """The clause environment as Jinja makes it: finalize unmarked (so Jinja's code
    generator, with its escape), Jinja's reads, and no function trusted."""
    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, finalize=lambda v: finalize(v),
                             keep_trailing_newline=False, cache_size=0)
    env.globals.update({k: v for k, v in environment().globals.items()
                        if k not in env.globals})
    env.filters.update({k: v for k, v in environment().filters.items()
                        if k not in env.filters})
    env.getattr = SandboxedEnvironment.getattr.__get__(env)  # type: ignore[method-assign]
    env.getitem = SandboxedEnvironment.getitem.__get__(env)  # type: ignore[method-assign]
    env._plain = set()
    assert env.code_generator_class is CodeGenerator
    _PLAIN.clear()
    return env


def _stop() -> str:
    raise StopIteration


_PLAIN: dict[str, Any] = {}  # compiled by the plain environment (a new one for each test)


def _rendered(env: BoundedEnvironment | None, text: str, names: dict[str, Any]) -> Any:
    try:
        if env is None:
            return render_text(CLAUSE, text, names, "text")
        if text not in _PLAIN:
            _PLAIN[text] = env.from_string(text)
        return _PLAIN[text].render(names)
    except (DocgenError, Exception) as exc:  # noqa: BLE001 - the same error is expected
        message = str(exc).split(": ", 2)[-1] if isinstance(exc, DocgenError) else str(exc)
        return ("error", message)


CLAUSE = next(iter(cached_library().clauses.values()))


def test_the_fast_code_prints_what_jinjas_prints() -> None:
    assert environment().code_generator_class is FinalizedOutput
    plain = _plain_environment()
    names = with_globals({
        "v": "<Tom & 'Jerry'>", "m": Markup("<b>bold</b>"), "n": 2, "none_": None,
        "items": ["a<", "b&", "c"], "auto_": True, "r": trusted(_ref), "stop": trusted(_stop)})
    plain_names = {**names, "r": _ref, "stop": _stop}
    for text in TEMPLATES:
        assert _rendered(None, text, names) == _rendered(plain, text, plain_names), text


def _ref(target: str) -> Markup:
    return Markup(f'<ref to="{target}"/>')


def test_every_clause_renders_as_jinja_renders_it_for_every_sample_post() -> None:
    """Each clause title, text and definition of the library, for each sample post (the
    examples and their variants) and document: the production path and Jinja's own."""
    library = cached_library()
    plain = _plain_environment()
    texts = [t for c in library.clauses.values() for t in (c.title, c.text) if "{" in t]
    texts += [d.text for d in library.definitions.values() if "{" in d.text]
    samples = sample_posts()
    assert len(samples) > 10 and len(texts) > 60
    compared = 0
    for sample in samples:
        for kind in ("agreement", "contract", "job_spec"):
            ctx = clause_context(sample.facts, kind)
            names = with_globals({**ctx, "ref": trusted(_ref)})
            plain_names = {**names, "ref": _ref}
            with time_limits():
                for text in texts:
                    got = _rendered(None, text, names)
                    assert got == _rendered(plain, text, plain_names), (sample.label, text)
                    compared += isinstance(got, str)
    assert compared > 1000


def test_a_function_with_jinjas_marks_is_not_trusted() -> None:
    def marked(x: str) -> str:
        return x

    marked.unsafe_callable = True  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="not a plain function"):
        environment().trust(marked)
    with pytest.raises(TypeError, match="not a plain function"):
        environment().trust(len)

    def later(x: str) -> str:
        return x

    environment().trust(later)
    later.unsafe_callable = True  # type: ignore[attr-defined]  # marked after: Jinja checks
    out = _rendered(None, "{{ f('x') }}", with_globals({"f": later}))
    assert out[0] == "error" and "is not safely callable" in out[1]


def test_a_render_is_still_stopped_at_its_own_deadline_with_the_timer_shared() -> None:
    with time_limits():
        with time_limit(5.0):  # sets the timer for five seconds, left set after
            pass
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="took over 0.05 s"), time_limit(0.05):
            while True:  # a shorter limit sets the timer sooner
                time.sleep(0.001)
        assert time.monotonic() - started < 1
        with time_limit(0.3):  # the timer set for this render
            pass
        time.sleep(0.4)  # goes off between renders: stops nothing
        with time_limit(0.2):  # a render after it (a stall of 0.15 s in a sleep here
            pass  # went past the 0.2 s on a busy machine)
        started = time.monotonic()
        with time_limit(0.2):  # set for 0.2 s; set again after going off early
            pass
        with pytest.raises(TimeoutError, match="took over 0.3 s"), time_limit(0.3):
            while True:
                time.sleep(0.001)
        assert 0.3 <= time.monotonic() - started < 1.5
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_render_text_still_bounds_output_and_reports_template_errors() -> None:
    names = with_globals({"items": list(range(900))})
    with pytest.raises(DocgenError, match="renders more than 200,000 characters"):
        render_text(CLAUSE, "{% for i in items %}{{ 'x' * 1000 }}{% endfor %}", names, "text")
    with pytest.raises(DocgenError, match="'nothing' is undefined"):
        render_text(CLAUSE, "a\n{{ nothing }}", names, "text")
    with pytest.raises(DocgenError, match="SecurityError|unsafe|access to attribute"):
        render_text(CLAUSE, "{{ items.__class__.__mro__ }}", names, "text")
    assert engine.RENDER_ERRORS and SecurityError


def test_conditions_hold_as_jinjas_expressions_say_for_every_sample_post() -> None:
    """Each clause's condition, evaluated over the document's names as they are, against
    ``compile_expression``'s own call with the context copied."""
    library = cached_library()
    conditions = [c for c in library.clauses.values() if c.when]
    env = environment()
    compared = 0
    for sample in sample_posts():
        for kind in ("agreement", "contract", "job_spec"):
            ctx = clause_context(sample.facts, kind)
            names = with_globals(ctx)
            for clause in conditions:
                assert condition_holds(clause, names) == bool(
                    env.compile_expression(str(clause.when))(**ctx)), (sample.label, clause.id)
                compared += 1
    assert compared > 100
    bad = replace(conditions[0], when="nothing.at_all")
    with pytest.raises(DocgenError, match="cannot be evaluated"):
        condition_holds(bad, with_globals({}))
    assert not condition_holds(replace(conditions[0], when="ref"), with_globals({}))
