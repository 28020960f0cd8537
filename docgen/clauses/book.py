"""The clause book's marker grammar: clause text (Jinja) ↔ paragraphs a lawyer edits in Word.

One line of clause text is one paragraph of the book; its prefix (``- ``, ``-- ``, ``> ``)
is the paragraph's style. Inside it:

- ``{{ expression }}`` is a field, «readable name» (names in ``data/clause-book.yaml``);
- ``{{ ref('agreement.exit.notice') }}`` is a cross-reference, «exit.notice»;
- ``{% if c %}`` … ``{% endif %}`` are ⟦Only when …:⟧ ⟦Otherwise, when …:⟧ ⟦Otherwise:⟧
  ⟦End of condition⟧; ``{% for x in y %}`` … ``{% endfor %}`` are ⟦For each x in …:⟧
  ⟦End of repetition⟧; ``{% set x = y %}`` is ⟦Let x be …⟧; any other tag ⟦Code: …⟧;
- ``[name]`` at the start (an anchor others cite) is ⟦label name⟧;
- ``<b>``/``<i>`` are bold and italic; everything else is the lawyer's words.

Every marker the export writes reads back to the very tag it came from
(:mod:`docgen.clauses.booklines` reads a paragraph back).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from docgen.answers.kinds import KINDS
from docgen.clauses.bookwords import (
    Words,
    known_field,
    readable_condition,
)
from docgen.clauses.library import Clause, Library
from docgen.clauses.render import ANCHOR
from docgen.ooxml.book import BookPara, Span

TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")
REF = re.compile(r"""^ref\(\s*['"]([^'"]+)['"]\s*\)$""")
MARKER = re.compile(r"«[^«»⟦⟧]*»|⟦[^⟦⟧]*⟧")
INLINE = re.compile(r"(</?[bi]>)")
LOCALS = re.compile(r"\{%\s*(?:for\s+([\w\s,]+?)\s+in\b|set\s+(\w+)\s*=)")
#: a ``for`` tag's names and list, a ``set`` tag's name and value
_FOR = re.compile(r"^([\w, ]+?)\s+in\s+(.+)$", re.S)
_SET = re.compile(r"^(\w+)\s*=\s*(.+)$", re.S)
PREFIXES = (("-- ", "subitem"), ("- ", "item"), ("> ", "plain"))
#: each document's name in a sentence, from the one table of kinds (the command line reads it)
DOCUMENT_NAMES: dict[str, str] = {k.kind: k.noun for k in KINDS}


def local_names(text: str) -> set[str]:
    """Loop and ``set`` variables a clause defines (they may start an expression)."""
    names: set[str] = set()
    for loop, var in LOCALS.findall(text):
        names |= {n.strip() for n in (loop or var).split(",") if n.strip()}
    return names


@dataclass
class Grammar:
    """Everything needed to translate one document's clauses both ways."""

    words: Words
    kind: str
    targets: set[str]  # clause ids and anchors that may be cited in this document
    exact: dict[str, str] = field(default_factory=dict)  # marker text → the tag it stands for

    def short(self, target: str) -> str:
        prefix = f"{self.kind}."
        return target[len(prefix):] if target.startswith(prefix) else target

    def ref_target(self, name: str) -> str | None:
        for candidate in (name, f"{self.kind}.{name}"):
            if candidate in self.targets:
                return candidate
        return None


def grammar_for(library: Library, kind: str, words: Words) -> Grammar:
    targets = set()
    for c in library.for_document(kind):
        targets.add(c.id)
        for line in c.text.splitlines():
            m = ANCHOR.match(_strip_prefix(line.strip())[1])
            if m:
                targets.add(f"{c.id}.{m.group(1)}")
    return Grammar(words=words, kind=kind, targets=targets)


def _strip_prefix(line: str) -> tuple[str, str]:
    for prefix, role in PREFIXES:
        if line.startswith(prefix):
            return role, line[len(prefix):]
    return "sub", line


# ---- clause text → book -------------------------------------------------------------


def _field_marker(expr: str, g: Grammar, local: set[str]) -> Span:
    m = REF.match(expr)
    if m:
        for shown in (g.short(m.group(1)), m.group(1)):
            if marker_tag(shown, g, local) == f"{{{{ ref('{m.group(1)}') }}}}":
                return Span(f"«{shown}»", "ref")
        return Span(f"«= {expr}»", "field")
    name = g.words.fields.get(expr, expr)
    back = marker_tag(name, g, local)
    return Span(f"«{name}»" if back == f"{{{{ {expr} }}}}" else f"«= {expr}»", "field")


def _control_marker(stmt: str, g: Grammar, local: set[str]) -> Span:
    word, _, rest = stmt.partition(" ")
    rest = rest.strip()
    if word in ("if", "elif") and rest:
        cond = readable_condition(rest, g.words, local)
        text = f"Only when {cond}:" if word == "if" else f"Otherwise, when {cond}:"
    elif word in ("else", "endif", "endfor") and not rest:
        text = {"else": "Otherwise:", "endif": "End of condition",
                "endfor": "End of repetition"}[word]
    elif word == "for" and (m := _FOR.match(rest)):
        text = f"For each {m.group(1)} in {readable_condition(m.group(2), g.words, local)}:"
    elif word == "set" and (m := _SET.match(rest)):
        text = f"Let {m.group(1)} be {readable_condition(m.group(2), g.words, local)}"
    else:
        text = f"Code: {stmt}"
    return Span(f"⟦{text}⟧", "control")


def _literal_spans(source: str, state: list[bool]) -> list[Span]:
    """Literal clause text as spans; ``state`` is [bold, italic], carried across tags."""
    spans: list[Span] = []
    for piece in INLINE.split(source):
        if piece in ("<b>", "</b>"):
            state[0] = piece == "<b>"
        elif piece in ("<i>", "</i>"):
            state[1] = piece == "<i>"
        elif piece:
            text = html.unescape(piece.replace("<br/>", "\n").replace("<tab/>", "\t"))
            spans.append(Span(text, bold=state[0], italic=state[1]))
    return spans


def line_to_para(line: str, g: Grammar, local: set[str]) -> BookPara:
    """One line of clause text as a book paragraph, remembering each marker's tag."""
    role, body = _strip_prefix(line.strip())
    spans: list[Span] = []
    m = ANCHOR.match(body)
    if m:
        spans += [Span(f"⟦label {m.group(1)}⟧", "anchor"), Span(" ")]
        body = body[m.end():]
    state = [False, False]
    for piece in TAG.split(body):
        if piece.startswith("{{") and piece.endswith("}}"):
            span = _field_marker(piece[2:-2].strip(), g, local)
        elif piece.startswith("{%") and piece.endswith("%}"):
            span = _control_marker(piece[2:-2].strip().removesuffix("+").rstrip(), g, local)
        else:
            spans += _literal_spans(piece, state)
            continue
        span.bold, span.italic = state
        g.exact.setdefault(span.text, piece)
        spans.append(span)
    spans = [s for s in spans if s.text]
    if role == "sub" and spans and all(s.kind == "control" for s in spans):
        role = "control"
    return BookPara(role, spans)


def shown_title(clause: Clause) -> str:
    """A clause's title as the documents print it and the book shows it: a clause file holds
    "&" as "&amp;" and braces as character references (:func:`bookwords.title_markup` is the
    way back)."""
    return html.unescape(clause.title)


def clause_paras(clause: Clause, g: Grammar) -> list[BookPara]:
    """A clause's heading, its condition (if any) and one paragraph per line of text."""
    heading = BookPara("heading", [Span(shown_title(clause)), Span(
        f"  [{clause.id}, version {clause.version}]", "anchor")])
    paras = [heading]
    local = local_names(clause.text)
    if clause.when:
        cond = readable_condition(clause.when, g.words, local)
        paras.append(BookPara("when", [Span(f"⟦Clause used only when {cond}⟧", "control")]))
    others = [DOCUMENT_NAMES[d] for d in clause.documents if d != g.kind]
    if others:
        paras.append(BookPara("info", [Span(f"This clause is also used in the "
                                            f"{' and the '.join(others)}: a change here "
                                            "changes it there too.")]))  # see booksplit.INFO
    paras += [line_to_para(line, g, local) for line in clause.text.splitlines()
              if line.strip()]
    return paras


@dataclass
class Book:
    """The whole book for one document, and its parts (the export records their looks)."""

    paras: list[BookPara]  # cover page, then every clause in order
    g: Grammar
    clauses: dict[str, list[BookPara]]  # each clause's own paragraphs (clause_paras)
    #: docgen's definitions, as under the Definitions clause (None: the book has none)
    definitions: list[BookPara] | None = None


def book_paras(library: Library, kind: str, words: Words) -> tuple[list[BookPara], Grammar]:
    """The whole book for one document: cover page, then every clause in order."""
    book = whole_book(library, kind, words)
    return book.paras, book.g


def whole_book(library: Library, kind: str, words: Words) -> Book:
    """:func:`book_paras`, with each clause's paragraphs and the definitions' apart."""
    g = grammar_for(library, kind, words)
    name = DOCUMENT_NAMES[kind]
    paras = [BookPara("title", [Span(words.cover_title.format(document=name))])]
    paras += [BookPara("cover", _cover_spans(line.format(document=name)))
              for line in words.cover]
    paras[-1].page_break = True
    book = Book(paras, g, {})
    for clause in library.for_document(kind):
        book.clauses[clause.id] = clause_paras(clause, g)
        paras += book.clauses[clause.id]
        if clause.kind == "definitions":
            book.definitions = definition_paras(library, kind, g)
            paras += book.definitions
    return book


CODE_FIELD = re.compile(r"«=[^»]*»")
#: how a definition docgen adds when it builds starts in the book (not read back)
DEFINED = "Defined by docgen, shown for reference (not read back):"


def definition_paras(library: Library, kind: str, g: Grammar) -> list[BookPara]:
    """docgen's own definitions of the document, as notes under its Definitions clause, so
    that a lawyer sees them (the document lists those its clauses use); an import skips
    them, and refuses one changed."""
    paras = []
    for d in sorted(library.definitions.values(), key=lambda d: d.term.casefold()):
        if kind in d.documents:
            body = " ".join(line_to_para(line, g, set()).text for line in d.text.splitlines()
                            if line.strip())
            body = CODE_FIELD.sub("«…»", body)  # docgen's own working, not for the reader
            paras.append(BookPara("info", [Span(f"{DEFINED} “{d.term}” {body}")]))
    return paras


def _cover_spans(line: str) -> list[Span]:
    spans, pos = [], 0
    for m in MARKER.finditer(line):
        spans.append(Span(line[pos:m.start()]))
        kind = ("control" if m.group(0).startswith("⟦") else
                "ref" if "." in m.group(0) else "field")
        spans.append(Span(m.group(0), kind))
        pos = m.end()
    spans.append(Span(line[pos:]))
    return [s for s in spans if s.text]


def marker_tag(name: str, g: Grammar, local: set[str]) -> str | None:
    """The tag a «…» marker stands for (a field by its name or a reference), or None for
    a marker that stands for nothing: the export shows a name only where it reads back."""
    inner = name.strip()
    if not inner.startswith("=") and inner not in g.words.names:
        target = g.ref_target(inner)
        if target:
            return f"{{{{ ref('{target}') }}}}"
    expr = known_field(inner, g.words, local)
    return None if expr is None else f"{{{{ {expr} }}}}"
