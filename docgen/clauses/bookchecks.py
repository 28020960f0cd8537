"""Checks on a whole imported book that no single paragraph shows: a label other clauses
cite must not disappear (every build would then fail), the markers of the new wording
must name what docgen can work out, and each example post's documents must still be
made with it. Each problem names the clause and paragraph and says what to do in Word."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, meta

from docgen.clauses.book import Grammar, clause_paras
from docgen.clauses.engine import clause_context, environment
from docgen.clauses.library import Clause, Library
from docgen.clauses.lint import ANCHOR_LINE, REF_CALL, TEMPLATE_NAMES, after_ref_word
from docgen.clauses.render import render_document
from docgen.clauses.samples import sample_posts
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara

WHEN = re.compile(r"^⟦Clause used only when (.+)⟧$", re.S)


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return "“" + " ".join(words[:n]) + (" …" if len(words) > n else "") + "”"


def check_labels(library: Library, new_text: dict[str, str], g: Grammar) -> None:
    """Refuse a book that deletes or renames a label (⟦label x⟧) that a clause still cites,
    naming the paragraph that lost it and the clause that cites it. ``new_text`` is each
    changed clause's new wording (clause id → text)."""
    texts = {cid: new_text.get(cid, c.text) for cid, c in library.clauses.items()}
    texts |= {cid: t for cid, t in new_text.items() if cid not in texts}
    for cid, text in new_text.items():
        original = library.clauses.get(cid)
        if original is None:
            continue
        lost = set(ANCHOR_LINE.findall(original.text)) - set(ANCHOR_LINE.findall(text))
        for label in sorted(lost):
            target = f"{cid}.{label}"
            citing = sorted(other for other, t in texts.items()
                            if any(m == target for m in REF_CALL.findall(t)))
            if not citing:
                continue
            para = next((p for p in clause_paras(original, g)
                         if p.text.startswith(f"⟦label {label}⟧")), None)
            where = f"clause '{cid}'" + (f", paragraph {_first_words(para.text)}" if para
                                         else "")
            cited_by = " and ".join(f"'{c}'" for c in citing)
            who = f"clause {cited_by} cites" if len(citing) == 1 else \
                f"clauses {cited_by} cite"
            raise DocgenError(
                f"{where}: the label ⟦label {label}⟧ was deleted or changed, but {who} it "
                f"(«{g.short(target)}»); put the label back at the start of the paragraph "
                "as exported (copy it from a fresh export), or remove those references first")


# --- the new wording, checked as a build would use it --------------------------------------
#
# ``docgen clauses lint`` checks the clause files, in words for the programmer who edits
# them (file, YAML key, template code). A lawyer's book is checked here first, so that
# what is wrong is said in terms of the book: the clause, the paragraph, the marker, and
# what to do in Word.

_ERROR_NAME = re.compile(r"^\w+Error: ")
_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ELEMENT = re.compile(r"has no element (\S+)")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_NO_FILTER = re.compile(r"No (?:filter|test) named '([^']+)'")
_LINE = re.compile(r"^(?:.*?): clause '(?P<id>[^']+)' \((?:line (?P<line>\d+) of its )?"
                   r"text\): (?P<why>.*)$", re.S)
_WHEN = re.compile(r"^(?:.*?): when: the condition `.*` of clause '(?P<id>[^']+)' cannot be "
                   r"evaluated \((?P<why>.*)\)$", re.S)
_TWICE = re.compile(r"^(?:.*?): anchor '(?P<id>[\w.-]+)\.(?P<label>[\w-]+)' is used twice$")
_REFERS = re.compile(r"^clause '(?P<id>[^']+)' refers to '(?P<target>[^']+)', which is not in")
_KINDS = {"bool": "a yes-or-no value", "str": "words", "int": "a number",
          "Decimal": "a number", "float": "a number", "date": "a date", "list": "a list",
          "NoneType": "a value that is not given", "dict": "a table of values"}
_COMPARED = re.compile(r"'(?P<op>[<>=!]+)' not supported between instances of "
                       r"'(?P<a>\w+)' and '(?P<b>\w+)'")
FRESH = "put the marker back as it was exported (copy it from a fresh export of the book)"


@dataclass
class Changed:
    """One clause the book changes or adds: its new wording, the book paragraphs of its
    text (one for each line of that wording) and its ⟦Clause used only when …⟧ paragraph."""

    id: str
    text: str
    body: list[BookPara]
    when: BookPara | None = None
    edited: list[BookPara] = field(default_factory=list)  # new or changed, with a marker
    condition: str = ""  # the ⟦Clause used only when …⟧ as the clause file holds it


def _para_of(c: Changed, line: int | None, word: str = "") -> BookPara | None:
    """The book paragraph of a line of the new wording (from 1), else the first paragraph
    holding ``word``."""
    lines = c.text.splitlines()
    if line is not None and len(lines) == len(c.body) and 1 <= line <= len(c.body):
        return c.body[line - 1]
    return next((p for p in c.body if word and word in p.text), None)


def _at(c: Changed, para: BookPara | None) -> str:
    return f"clause '{c.id}'" + (f", paragraph {_first_words(para.text)}" if para else "")


def check_markers(changed: list[Changed], names: AbstractSet[str], g: Grammar) -> None:
    """Refuse new wording whose markers name something docgen cannot work out (a
    calculation retyped), or a cross-reference no longer after the word "clause"."""
    for c in changed:
        try:
            unknown = sorted(meta.find_undeclared_variables(environment().parse(c.text))
                             - names) if names else []
        except TemplateError as exc:  # a calculation naming no filter or test
            m = _NO_FILTER.search(str(exc))
            what = f"“{m.group(1)}”" if m else "a word in a marker"
            para = _para_of(c, getattr(exc, "lineno", None), m.group(1) if m else "")
            raise DocgenError(f"{_at(c, para)}: {what} is not something docgen can "
                              f"calculate; {FRESH}") from None
        if c.condition and names:
            try:
                found = meta.find_undeclared_variables(environment().parse(
                    f"{{{{ {c.condition} }}}}"))
            except TemplateError as exc:
                m = _NO_FILTER.search(str(exc))
                what = f"“{m.group(1)}”" if m else "a word in it"
                raise DocgenError(f"{_at(c, c.when)}: {what} is not something docgen can "
                                  f"calculate; {FRESH}") from None
            for var in sorted(found - names):
                raise DocgenError(f"{_at(c, c.when)}: “{var}” in the condition is not a name "
                                  f"docgen knows; {FRESH}, or use a field the book already "
                                  "shows in « »")
        for var in unknown:
            para = next((p for p in c.body if re.search(rf"⟦[^⟧]*\b{re.escape(var)}\b",
                                                        p.text)), None)
            raise DocgenError(f"{_at(c, para)}: “{var}” in a marker is not a name docgen "
                              f"knows; {FRESH}, or use a field the book already shows in « »")
        for number, line in enumerate(c.text.splitlines(), start=1):
            for m in REF_CALL.finditer(line):
                if after_ref_word(line, m.start()):  # (a cross-reference prints a number)
                    continue
                short = g.short(m.group(1))
                raise DocgenError(
                    f"{_at(c, _para_of(c, number, f'«{short}»'))}: the cross-reference "
                    f"«{short}» no longer follows the word “clause”; Word prints only the "
                    "clause's number there (“under 21”), so type “clause” just before the "
                    "blue marker")


_TAGS = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_STRINGS = re.compile(r"'[^']*'|\"[^\"]*\"")
_DOTTED = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def dotted_names(text: str) -> Iterator[str]:
    """The dotted names (``disputes.steps``, ``p.name``) the template code of ``text`` looks
    up, string literals left out."""
    for tag in _TAGS.finditer(text):
        yield from _DOTTED.findall(_STRINGS.sub("''", tag.group(1) or tag.group(2) or ""))


def known_fields(library: Library, g: Grammar) -> set[str]:
    """Every dotted name a clause of the library or a name of the book stands for: a field
    marker of new wording must be one of them (a path docgen merely could look up, such as
    «disputes.stepz» for the list of dispute steps, is a typo, not a field)."""
    known: set[str] = set()
    for c in library.clauses.values():
        known.update(dotted_names(f"{c.text}{{{{ {c.when or ''} }}}}"))
    for expr in (*g.words.fields, *g.words.conditions):
        known.update(dotted_names(f"{{{{ {expr} }}}}"))
    return known


def check_fields(changed: list[Changed], known: AbstractSet[str], g: Grammar) -> None:
    """Refuse a «field» (or a name in a condition) of new wording that is neither a field
    name of the book nor a name the clauses already use."""
    for c in changed:
        when = [c.when] if c.when else []
        for text, body in ((c.text, c.body), (f"{{{{ {c.condition} }}}}", when)):
            for name in dotted_names(text):
                if name in known:
                    continue
                para = next((p for p in body if name in p.text), None)
                choices = [*g.words.names, *(g.short(t) for t in g.targets)]
                close = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
                hint = f"did you mean {', '.join(f'«{n}»' for n in close)}? " if close else ""
                raise DocgenError(
                    f"{_at(c, para)}: «{name}» is not a field docgen knows; {hint}use one of "
                    "the field names the book already shows or, for a cross-reference after "
                    "the word “clause”, the id of a clause in this book (as in its heading) "
                    "or of a ⟦label …⟧")


def in_words(message: str, changed: list[Changed], g: Grammar, example: str) -> str:
    """A build's error with the new wording, as the book's reader can act on it."""
    by_id = {c.id: c for c in changed}
    m = _LINE.match(message)
    if m and m.group("id") in by_id:
        c = by_id[m.group("id")]
        para = _para_of(c, int(m.group("line"))) if m.group("line") else \
            (c.edited[0] if len(c.edited) == 1 else None)
        return (f"{_at(c, para)}: with this wording the "
                f"clause cannot be made for the example post {example}: "
                f"{_why(m.group('why'))}; check the markers changed in "
                f"{'this paragraph' if para else 'this clause'}, or put them back as exported")
    m = _WHEN.match(message)
    if m and m.group("id") in by_id:
        c = by_id[m.group("id")]
        return (f"{_at(c, c.when)}: this condition cannot be worked out for the example "
                f"post {example}: {_why(m.group('why'))}; write it as in the other "
                "markers, for example ⟦Clause used only when «grade» is “A”⟧")
    m = _REFERS.match(message)
    if m and m.group("id") in by_id:  # the citing clause changed: its paragraph
        c, target = by_id[m.group("id")], g.short(m.group("target"))
        para = next((p for p in c.body if f"«{target}»" in p.text), None)
        return (f"{_at(c, para)}: this cites clause «{target}», which the example post "
                f"{example} leaves out (a condition leaves it out there); with this wording "
                "its documents cannot be made for that post. Check the conditions changed "
                "in this clause (⟦Only when …:⟧), or put them back as exported")
    if m:
        target = g.short(m.group("target"))
        return (f"clause '{m.group('id')}' cites clause «{target}», which the example post "
                f"{example} leaves out (a ⟦Clause used only when …⟧ or ⟦Only when …:⟧ "
                "condition leaves it out there); remove that condition, or the "
                f"cross-reference in clause '{m.group('id')}'")
    m = _TWICE.match(message)
    if m and m.group("id") in by_id:
        c, label = by_id[m.group("id")], m.group("label")
        copies = [p for p in c.body if p.text.startswith(f"⟦label {label}⟧")]
        copy = next((p for p in copies if p in c.edited), copies[-1] if copies else None)
        return (f"{_at(c, copy)}: the label ⟦label {label}⟧ is in "
                "the clause twice (a copied paragraph keeps its label); delete the label from "
                "the copy, or give the copy a new label name of its own")
    return f"with the new wording the example post {example} cannot be made: {message}"


def _why(why: str) -> str:
    """A Python or Jinja error in plain words."""
    why = _ERROR_NAME.sub("", why)
    m = _COMPARED.search(why)
    if m:
        a, b = (_KINDS.get(m.group(k), "a value") for k in ("a", "b"))
        return (f"it compares {a} with {b} (“is more than”, “is less than”, “is at least” "
                "and “is at most” compare numbers and dates only)")
    m = _UNDEFINED.match(why)
    if m:
        return f"“{m.group(1)}” is not a name docgen knows"
    m = _NO_ELEMENT.search(why)
    if m:
        return f"it asks for item {m.group(1)} of a list that does not have that many"
    m = _NO_ATTRIBUTE.search(why)
    if m:
        return f"it asks for “{m.group(1)}”, which the value it names does not have"
    return f"it cannot be worked out ({why})"


def check_new_wording(library: Library, kind: str,
                      overlays: list[tuple[dict[str, Any], list[BookPara]]], g: Grammar,
                      examples: list[Path] | None = None) -> None:
    """Refuse a book whose changed clauses (each overlay's data with its book paragraphs)
    a build could not use: the markers first, then each example post's documents made
    with the new wording, every problem put in the book's terms."""
    changed = []
    for data, paras in overlays:
        old = library.clauses.get(data["id"])
        exported = {p.text for p in clause_paras(old, g)} if old else set()
        changed.append(Changed(
            data["id"], data["text"], [p for p in paras if not WHEN.match(p.text)],
            next((p for p in paras if WHEN.match(p.text)), None),
            [p for p in paras if "⟦" in p.text and p.text not in exported],
            str(data.get("when") or "")))
    if not changed:
        return
    posts = sample_posts(examples)
    names = (TEMPLATE_NAMES | set(clause_context(posts[0].facts, kind))) if posts else set()
    check_markers(changed, names, g)
    check_fields(changed, known_fields(library, g), g)
    trial = replace(library, clauses={cid: replace(c, overlay=False)
                                      for cid, c in library.clauses.items()})
    for data, _ in overlays:
        old = library.clauses.get(data["id"])
        trial.clauses[data["id"]] = Clause(
            id=data["id"], title=data["title"], version=data["version"],
            documents=list(data["documents"]), order=data["order"], text=data["text"],
            source=old.source if old else Path(f"{data['id']}.yaml"), when=data.get("when"),
            kind=data.get("kind", "clause"))
    kinds = sorted({k for data, _ in overlays for k in data["documents"]})
    # a failure that names no changed clause (nor one of its labels) is not the book's
    # doing: left to the clause folders' own checks
    ours = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(c.id) for c in changed) +
                      r")(?:\.[\w-]+)?(?![\w.-])")
    for post in posts:
        for document in kinds:
            try:
                render_document(trial, document, post.facts)
            except DocgenError as exc:
                message = str(exc)
                if ours.search(message):
                    raise DocgenError(in_words(message, changed, g, post.name)) from None
