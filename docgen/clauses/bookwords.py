"""The clause book's readable names: fields («salary») and conditions ("a premium is paid").

The names are data (``docgen/data/clause-book.yaml``). A condition without a name of its
own is written out from its parts ("«grade» is “A”", "the number of «parties» is more than
2"), and read back by the same small grammar; a condition the grammar cannot say is shown
as its code ("= …"). Each rendering is checked to read back to the same expression.
"""

from __future__ import annotations

import ast
import difflib
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import TemplateError, nodes

from docgen.answers.safeyaml import load_plain
from docgen.clauses.bookvalues import compared_value, given
from docgen.clauses.engine import environment
from docgen.errors import DocgenError
from docgen.facts.derive import Facts
from docgen.resources import CLAUSE_BOOK

PATH = re.compile(r"^[A-Za-z_]\w*(?:\.\w+)*$")
#: context names clause text may use besides the facts (see the clauses README)
GLOBAL_NAMES = {"a", "doc", "loop", "ref", "join_words", "range"}
_OPS = {"==": "is", "!=": "is not", ">": "is more than", "<": "is less than",
        ">=": "is at least", "<=": "is at most", "(": "(", ")": ")"}
_WORDS = {"and": "and", "or": "or", "not": "not", "in": "is in", "true": "yes",
          "false": "no"}
#: readable phrase → Jinja, longest first so "is not" wins over "is"
_PHRASES = sorted([(v, k) for k, v in (_OPS | _WORDS).items()] +
                  [("is not given", "is none"), ("is given", "is not none")],
                  key=lambda pv: -len(pv[0]))
_READABLE = re.compile(
    r"\s*(?:(?P<field>«[^«»]*»)|(?P<str>“[^”]*”|\"[^\"]*\")|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<count>the number of)\b|(?P<phrase>" +
    "|".join(re.escape(p) for p, _ in _PHRASES) + r")(?![\w])"
    r"|(?P<path>[A-Za-z_]\w*(?:\.\w+)*))")


@dataclass
class Words:
    fields: dict[str, str]  # expression → readable name
    conditions: dict[str, str]  # expression → readable phrase
    cover_title: str
    cover: list[str]
    #: expression → its values, each with its words (``choices:``; see :mod:`bookvalues`)
    choices: dict[str, dict[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # readable name → expression
    phrases: dict[str, str] = field(default_factory=dict)  # readable phrase → expression
    #: what each condition was said as, and read back as, with these words (a book
    #: export or import says the same few hundred conditions thousands of times, each a
    #: Jinja parse or two)
    said: dict[tuple[str, frozenset[str], bool], str] = field(
        default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.names = {v: k for k, v in self.fields.items()}
        self.phrases = {v: k for k, v in self.conditions.items()}


@lru_cache(maxsize=4)
def load_words(path: Path = CLAUSE_BOOK) -> Words:
    """The names table; a duplicated name would make the book ambiguous, so it is refused."""
    data = load_plain(path.read_text(encoding="utf-8")) or {}
    fields = {str(k): str(v) for k, v in (data.get("fields") or {}).items()}
    conditions = {str(k): str(v) for k, v in (data.get("conditions") or {}).items()}
    for table, what in ((fields, "field name"), (conditions, "condition")):
        seen: dict[str, str] = {}
        for expr, name in table.items():
            if name in seen:
                raise DocgenError(f"{path}: the {what} '{name}' is given to both "
                                  f"`{seen[name]}` and `{expr}`; names must be unique")
            seen[name] = expr
    choices = {str(k): {str(value): str(said) for value, said in (v or {}).items()}
               for k, v in (data.get("choices") or {}).items()}
    cover = data.get("cover") or {}
    return Words(fields, conditions, str(cover.get("title", "Clause book: the {document}")),
                 [str(line) for line in cover.get("lines", [])], choices)


def known_roots(local: set[str]) -> set[str]:
    """Names an expression may start with: the facts, the globals and the clause's own
    loop and ``set`` variables."""
    return set(Facts.__dataclass_fields__) - {"answers"} | GLOBAL_NAMES | local


def same_condition(a: str, b: str) -> bool:
    """Whether two conditions are one expression however written (quotes, spacing,
    brackets): a condition retyped in words that reads back as the clause's is no change."""
    try:
        return bool(_tree(a) == _tree(b))
    except TemplateError:
        return False


def _tree(expr: str) -> nodes.Template:
    """``{{ expr }}`` parsed (raises as parsing does): a condition said in words is parsed
    when it is read back, and again to compare it with the clause's, so a short one (as
    conditions are) is remembered; only compared, never changed. Up to 200 characters and
    512 of them: a tree of 2,000 characters holds about 100 kB, and the conditions come from
    books a server is sent, so a larger memo could hold 200 MB of their trees."""
    return _kept_tree(expr) if len(expr) <= 200 else _parsed_tree(expr)


@lru_cache(maxsize=512)
def _kept_tree(expr: str) -> nodes.Template:
    return _parsed_tree(expr)


def _parsed_tree(expr: str) -> nodes.Template:
    return environment().parse(f"{{{{ {expr} }}}}")


def _tokens(expr: str) -> list[tuple[str, str]]:
    env = environment()
    out = [(t, v) for _, t, v in env.lex(f"{{{{ {expr} }}}}")
           if t not in ("variable_begin", "variable_end", "whitespace")]
    return out


#: conditions remembered for one set of words at most (a book holds a few hundred)
SAID_MAX = 10_000


def _remembered(words: Words, key: tuple[str, frozenset[str], bool], value: str) -> str:
    if len(words.said) >= SAID_MAX:
        words.said.clear()
    words.said[key] = value
    return value


def readable_condition(expr: str, words: Words, local: set[str]) -> str:
    """A condition as the book shows it; code ("= …") when it cannot be said in words."""
    key = (expr, frozenset(local), True)
    said = words.said.get(key)
    return said if said is not None else _remembered(words, key, _readable(expr, words,
                                                                            local))


def _readable(expr: str, words: Words, local: set[str]) -> str:
    if expr in words.conditions:
        return words.conditions[expr]
    try:
        text = _say(expr, words)
        if same_condition(jinja_condition(text, words, local), expr):
            return text
    except (TemplateError, DocgenError, ValueError):
        pass
    return f"= {expr}"


def _say(expr: str, words: Words) -> str:
    toks = _tokens(expr)
    out: list[str] = []
    i = 0
    while i < len(toks):
        kind, value = toks[i]
        if kind == "name" and value not in _WORDS and value not in ("is", "none"):
            path = value
            while i + 2 < len(toks) and toks[i + 1] == ("operator", ".") and \
                    toks[i + 2][0] == "name":
                path += "." + toks[i + 2][1]
                i += 2
            if toks[i + 1:i + 2] == [("operator", "(")]:
                raise ValueError("a call")
            shown = f"«{words.fields.get(path, path)}»"
            if toks[i + 1:i + 3] == [("operator", "|"), ("name", "length")]:
                shown, i = f"the number of {shown}", i + 2
            out.append(shown)
        elif kind == "name" and value == "is":
            rest = [v for _, v in toks[i + 1:i + 3]]
            if rest[:2] == ["not", "none"]:
                out.append("is given")
                i += 2
            elif rest[:1] == ["none"]:
                out.append("is not given")
                i += 1
            else:
                raise ValueError("a test")
        elif kind == "name" and value in _WORDS:
            out.append(_WORDS[value])
        elif kind == "string":
            out.append(f"“{ast.literal_eval(value)}”")
        elif kind in ("integer", "float"):
            out.append(str(value))
        elif kind == "operator" and value in _OPS:
            out.append(_OPS[value])
        else:
            raise ValueError(f"cannot say {value!r}")
        i += 1
    return " ".join(out).replace("( ", "(").replace(" )", ")")


def jinja_condition(text: str, words: Words, local: set[str]) -> str:
    """The Jinja expression a readable condition stands for; DocgenError if it is not one
    (never remembered: each marker that cannot be read is reported where it stands)."""
    key = (text, frozenset(local), False)
    said = words.said.get(key)
    return said if said is not None else _remembered(words, key, _jinja(text, words,
                                                                         local))


def _jinja(text: str, words: Words, local: set[str]) -> str:
    text = text.strip()
    if text.startswith("="):
        expr = text[1:].strip()
    elif text in words.phrases:
        return words.phrases[text]
    else:
        expr = _parse(text, words, local)
    try:
        _tree(expr)
    except TemplateError:
        if text.startswith("="):  # docgen's own calculation, shown as it is
            raise DocgenError(f"the calculation “{text}” is damaged; it has no plain-English "
                              "name and must stay as docgen wrote it: copy the marker back "
                              "from a fresh export of the book") from None
        raise DocgenError(f"the condition “{text}” no longer makes sense (is a bracket or a "
                          "quotation mark missing?); write it as in the other markers, for "
                          "example ⟦Only when «grade» is “A”:⟧ or ⟦Only when the number of "
                          "«parties» is more than 2:⟧") from None
    return expr


def _parse(text: str, words: Words, local: set[str]) -> str:
    out: list[str] = []
    pos = 0
    while pos < len(text):
        m = _READABLE.match(text, pos)
        if not m or m.end() == pos:
            rest = text[pos:].strip()
            if not rest:
                break
            raise DocgenError(f"the condition “{text}” cannot be read from “{rest[:30]}”; "
                              "use field names in « », “quoted values”, numbers and is, is "
                              "not, is more than, is less than, is at least, is at most, and, "
                              "or, not")
        pos = m.end()
        if m.group("field"):
            out.append(field_expression(m.group("field")[1:-1], words, local))
            if out[-2:-1] == ["__count__"]:
                out[-2:] = [f"{out[-1]} | length"]
        elif m.group("str"):
            out.append(repr(m.group("str")[1:-1]))
        elif m.group("num"):
            out.append(m.group("num"))
        elif m.group("count"):
            out.append("__count__")
        elif m.group("phrase"):
            out.append(dict(_PHRASES)[m.group("phrase")])
        elif m.group("path").split(".")[0] in known_roots(local):
            out.append(m.group("path"))
        else:
            raise DocgenError(f"the condition “{text}” cannot be read from “"
                              f"{text[m.start('path'):][:30]}”; put field names in « », "
                              "for example «grade» is “A”")
    if "__count__" in out:
        raise DocgenError(f"the condition “{text}”: “the number of” must be followed by a "
                          "field in « »")
    _check_values(out, words)
    return " ".join(out).replace("( ", "(").replace(" )", ")")


def _check_values(out: list[str], words: Words) -> None:
    """Each value compared with a field (``x == 'v'``, either way round) one the field takes,
    or its words (“Northern Ireland”) put as the value (:func:`bookvalues.compared_value`)."""
    for k, op in enumerate(out):
        if op in ("is none", "is not none") and k and PATH.match(out[k - 1]):
            given(out[k - 1], words.fields.get(out[k - 1], out[k - 1]), words.choices)
        if op not in ("==", "!=") or not 0 < k < len(out) - 1:
            continue
        for f, v in ((k - 1, k + 1), (k + 1, k - 1)):
            if PATH.match(out[f]) and out[v][:1] in "'\"" and out[v][:1]:
                value = ast.literal_eval(out[v])
                name = words.fields.get(out[f], out[f])
                out[v] = repr(compared_value(out[f], value, name, words.choices))
                break


def known_field(name: str, words: Words, local: set[str]) -> str | None:
    """The expression a field name in « » stands for, or None if it stands for none (an
    export trying names asks this: :func:`field_expression`'s error is dear to make)."""
    name = name.strip()
    if name.startswith("="):
        return name[1:].strip()
    if name in words.names:
        return words.names[name]
    if PATH.match(name) and name.split(".")[0] in known_roots(local):
        return name
    return None


def field_expression(name: str, words: Words, local: set[str]) -> str:
    """The expression a field name in « » stands for, or an error with the nearest names."""
    found = known_field(name, words, local)
    if found is not None:
        return found
    name = name.strip()
    close = difflib.get_close_matches(name, list(words.names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(f'«{c}»' for c in close)}?" if close else \
        ("; use one of the field names the book already shows or, for a cross-reference "
         "after the word “clause”, the id of a clause in this book (as in its heading) or "
         "of a ⟦label …⟧")
    raise DocgenError(f"«{name}» is not a field docgen knows{hint}")


def title_markup(shown: str) -> str:
    """A clause heading's title as typed in Word, as a clause file holds it: "&", "<" and
    braces are words, not markup or template code (a title is rendered as the clause's
    text is). Unescaped first, so a title shown escaped is not escaped twice."""
    text = html.unescape(shown)
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")
