"""The clause book read back: a book paragraph, as a lawyer edited it in Word, as a line of
clause text (the way back of :mod:`docgen.clauses.book`'s grammar).

Apart from the export because reading an edited paragraph has concerns of its own: a
marker given back as exported stands for the very tag it came from; one retyped is read
by its words (:data:`CONTROLS`); a damaged marker, or a code-only one changed
(:data:`CODE_ONLY`), is refused; and the lawyer's words are escaped so that they stay
words (no Jinja, no list prefix, no label).
"""

from __future__ import annotations

import html
import re

from docgen.clauses.book import MARKER, PREFIXES, Grammar, marker_tag
from docgen.clauses.bookwords import field_expression, jinja_condition
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara

BRACKETS = "«»⟦⟧"
PREFIX_OF = {role: prefix for prefix, role in PREFIXES} | {"sub": "", "control": ""}
#: a control marker's words, as a lawyer may retype them, and the Jinja tag they stand for
CONTROLS = [  # (pattern of the marker text, Jinja tag; {0} the condition/iterable)
    (re.compile(r"^Only when (.+):$", re.S), "if"),
    (re.compile(r"^Otherwise, when (.+):$", re.S), "elif"),
    (re.compile(r"^Otherwise:?$"), "else"),
    (re.compile(r"^End of condition\.?$"), "endif"),
    (re.compile(r"^For each ([\w, ]+?) in (.+):$", re.S), "for"),
    (re.compile(r"^End of repetition\.?$"), "endfor"),
    (re.compile(r"^Let (\w+) be (.+)$", re.S), "set"),
    (re.compile(r"^Code: (.+)$", re.S), "code"),
]


#: markers that are code, not words (doc: "leave it as it is"): a calculation ⟦Let …⟧,
#: ⟦Code: …⟧, and a field or condition shown as "= …"; one not exactly as exported anywhere
#: in the book is refused
CODE_ONLY = re.compile(r"^(?:«\s*=|⟦\s*(?:Let\s|Code:|(?:Only when|Otherwise, when|"
                       r"Clause used only when|For each [\w, ]+? in)\s*=))")


def code_changed(marker: str) -> str:
    """The refusal of a code-only marker (:data:`CODE_ONLY`) not as exported."""
    return (f"the marker {marker} is not as exported: it is docgen's own calculation (or "
            "code), which cannot be changed in the book. Leave it as it is: copy it back "
            "from a fresh export of the book (or undo the change); to change what it works "
            "out, ask whoever runs docgen to change the clause file")


def check_code_markers(para: BookPara, g: Grammar) -> None:
    """Refuse a code-only marker (:data:`CODE_ONLY`) of the paragraph that is not exactly
    as the book was exported (the grammar alone would read it back as typed)."""
    for m in MARKER.finditer(para.text):
        if m.group(0) not in g.exact and CODE_ONLY.match(m.group(0)):
            raise DocgenError(code_changed(m.group(0)))


def _marker_name(name: str, g: Grammar, local: set[str]) -> str:
    """The tag a «…» marker stands for: a field by its name, a reference, or a path."""
    tag = marker_tag(name, g, local)
    return tag if tag is not None else \
        f"{{{{ {field_expression(name.strip(), g.words, local)} }}}}"  # its error


def _control_tag(text: str, g: Grammar, local: set[str]) -> str:
    for pattern, word in CONTROLS:
        m = pattern.match(text)
        if not m:
            continue
        if word in ("if", "elif"):
            return f"{{% {word} {jinja_condition(m.group(1), g.words, local)} %}}"
        if word == "for":
            return f"{{% for {m.group(1)} in {jinja_condition(m.group(2), g.words, local)} %}}"
        if word == "set":
            return f"{{% set {m.group(1)} = {jinja_condition(m.group(2), g.words, local)} %}}"
        if word == "code":
            return f"{{% {m.group(1).strip()} %}}"
        return f"{{% {word} %}}"
    raise DocgenError(f"the marker ⟦{text}⟧ is damaged; copy the marker back from a fresh "
                      "export (it must read ⟦Only when …:⟧, ⟦Otherwise:⟧, ⟦End of "
                      "condition⟧, ⟦For each …⟧ or ⟦End of repetition⟧)")


def _escape_text(text: str) -> str:
    out = html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")
    return out.replace("\n", "<br/>").replace("\t", "<tab/>")


def _formatted(items: list[tuple[str, bool, bool]]) -> str:
    """Pieces of markup with their bold/italic, as clause markup (``<b>``, ``<i>``)."""
    out = ""
    k = 0
    while k < len(items):
        _c, b, i = items[k]
        run = ""
        while k < len(items) and items[k][1:] == (b, i):
            run += items[k][0]
            k += 1
        text = f"<i>{run}</i>" if i and run.strip() else run
        out += f"<b>{text}</b>" if b and run.strip() else text
    return out


_LEADING = {"-": "&#45;", ">": "&gt;", "[": "&#91;"}


def para_to_line(para: BookPara, g: Grammar, local: set[str]) -> str:
    """A (possibly edited) book paragraph as a line of clause text."""
    text = para.text
    chars = [(ch, s.bold, s.italic) for s in para.spans for ch in s.text]
    items: list[tuple[str, bool, bool]] = []  # (markup, bold, italic)
    label = ""
    pos = 0
    for m in [*MARKER.finditer(text), None]:
        end = len(text) if m is None else m.start()
        literal = chars[pos:end]
        stray = next((c for c, _b, _i in literal if c in BRACKETS), None)
        if stray:
            raise DocgenError(f"a marker is damaged (a lone {stray}); copy the whole marker "
                              "back from a fresh export or delete it completely")
        for ch, b, i in literal:
            if not items and ch.isspace():
                continue
            if not items and ch in _LEADING:  # would read as a list item, a note or a label
                items.append((_LEADING[ch], b, i))
                continue
            items.append((_escape_text(ch), b, i))
        if m is None:
            break
        marker = m.group(0)
        b, i = chars[m.start()][1:]
        if marker.startswith("⟦label "):
            if items or label:
                raise DocgenError(f"the label {marker} must stay at the start of its "
                                  "paragraph")
            label = f"[{marker[7:-1].strip()}] "
        elif marker in g.exact:
            items.append((g.exact[marker], b, i))
        elif marker.startswith("«"):
            items.append((_marker_name(marker[1:-1], g, local), b, i))
        else:
            items.append((_control_tag(marker[1:-1].strip(), g, local), b, i))
        pos = m.end()
    while items and items[-1][0].isspace():
        items.pop()
    line = _formatted(items)
    if line.endswith("\\"):
        line = line[:-1] + "&#92;"
    return PREFIX_OF.get(para.role, "") + label + line
