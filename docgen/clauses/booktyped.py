"""Words typed in a clause book that would print wrongly although the book reads back:

- a definition (“Working Day” means …) of a term docgen already defines, which would give
  the document two definitions of it (refused);
- a £ typed before a field that prints its own £ (“££78,000.00”), or a % after one that
  prints its own % (refused);
- a cross-reference typed as a number (“see clause 12”), which is not renumbered when the
  clauses are (a warning: the words are kept).

Only paragraphs the book adds or changes are looked at, so wording docgen ships is never
reported. Each problem names the clause and the paragraph (its first words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import TemplateError

from docgen.clauses.book import DEFINED, MARKER, Grammar, clause_paras, line_to_para
from docgen.clauses.bookshape import para_at
from docgen.clauses.engine import clause_context, environment, with_globals
from docgen.clauses.library import Library
from docgen.clauses.samples import Sample
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara

#: a paragraph that defines a term: “Term” means / includes / has the meaning …
DEFINES = re.compile(r"^\s*(?:⟦label [^⟧]*⟧\s*)?(?:" + re.escape(DEFINED) + r"\s*)?"
                     r"[“\"‘']\s*(?P<term>[^”\"’']+?)\s*[”\"’']\s+"
                     r"(?:means|includes|has the meaning|shall mean)\b", re.IGNORECASE)
#: a clause cited by its number, typed (“clause 12”, “Clause 4.2(b)”)
TYPED_REF = re.compile(r"\bclauses?\s+\d+(?:\.\d+)*(?:\s*\([a-z0-9]+\))?", re.IGNORECASE)
CURRENCY = "£$€"


@dataclass
class Edited:
    """One clause the book changes or adds: its id, the paragraphs the book adds or changes
    (not as exported) and the words of its exported paragraphs."""

    id: str
    paras: list[BookPara]
    exported: Sequence[str] = ()


def edited_clauses(book: dict[str, list[BookPara]], library: Library,
                   g: Grammar) -> list[Edited]:
    """Each clause of ``book`` (clause id → its paragraphs in the book) with the paragraphs
    it adds or changes."""
    out = []
    for cid, paras in book.items():
        original = library.clauses.get(cid)
        exported = [p.text for p in clause_paras(original, g)] if original else []
        out.append(Edited(cid, [p for p in paras if p.text not in exported], exported))
    return out


HOW = ("To change what a defined term means, ask whoever runs docgen to give it a definition "
       "of your own in your organisation's clause folder (a defined-term file like docgen's "
       "own in its clauses/definitions folder), which then replaces docgen's: a definition "
       "cannot be changed in the book itself")


def changed_definition(text: str) -> str:
    """The refusal of one of docgen's definitions, shown for reference, changed."""
    return ("this is one of docgen's own definitions, shown for reference only, and it was "
            "changed; changes to it are not read. Undo the change (or delete the paragraph). "
            + HOW)


def check_definitions(clauses: list[Edited], library: Library, kind: str,
                      g: Grammar) -> None:
    """Refuse a definition of a term docgen defines itself (the book does not show those:
    docgen adds each term the clauses use to the Definitions clause when it builds)."""
    terms = {d.term.casefold(): d for d in library.definitions.values()
             if kind in d.documents}
    for c in clauses:
        for para in c.paras:
            m = DEFINES.match(para.text)
            d = terms.get(m.group("term").strip().casefold()) if m else None
            if d is None:
                continue
            ours = " ".join(line_to_para(line, g, set()).text
                            for line in d.text.splitlines() if line.strip())
            raise DocgenError(
                f"{para_at(c.id, para)}: docgen already defines “{d.term}” (“{d.term}” "
                f"{ours}), so the document would have two definitions of it. The book does "
                "not show docgen's defined terms: when it makes a document, docgen adds to "
                "the Definitions clause each term the other clauses use, from its own list "
                "of definitions (shown under the Definitions clause for reference). Delete "
                f"this paragraph. {HOW}")


def _value(expr: str, posts: Sequence[Sample], kind: str) -> str:
    """What field ``expr`` prints for the first sample post where it can be worked out
    ("" if none): a name of the clause's own (``p`` of a loop) is tried as the first item
    of each list the post has."""
    try:
        template = environment().from_string(f"{{{{ {expr} }}}}")
    except TemplateError:
        return ""
    root = expr.split(".")[0].split("|")[0].strip()
    for post in posts:
        ctx = with_globals(clause_context(post.facts, kind))
        tries = [ctx] if root in ctx else [
            {**ctx, root: v[0]} for v in ctx.values() if isinstance(v, list) and v]
        for names in tries:
            try:
                return str(template.render(names))
            except Exception:  # sample code that does not fit this post: try the next
                continue
    return ""


def check_signs(clauses: list[Edited], g: Grammar, posts: Sequence[Sample],
                kind: str) -> None:
    """Refuse a £ typed just before a field that prints its own, or a % just after one."""
    for c in clauses:
        for para in c.paras:
            text = para.text
            for m in MARKER.finditer(text):
                if not m.group(0).startswith("«"):
                    continue
                before = text[:m.start()].rstrip()[-1:]
                after = text[m.end():].lstrip()[:1]
                if not (before and before in CURRENCY) and after != "%":
                    continue
                name = m.group(0)[1:-1].strip()
                value = _value(g.words.names.get(name, name), posts, kind).strip()
                if before and before in CURRENCY and value[:1] == before:
                    raise DocgenError(
                        f"{para_at(c.id, para)}: «{name}» already prints the {before} sign "
                        f"(for example “{value}”), so the document would print "
                        f"“{before}{value}”; remove the {before} typed before «{name}»")
                if after == "%" and value.endswith("%"):
                    raise DocgenError(
                        f"{para_at(c.id, para)}: «{name}» already prints the % sign (for "
                        f"example “{value}”), so the document would print “{value}%”; "
                        f"remove the % typed after «{name}»")


def typed_references(clauses: list[Edited], g: Grammar) -> list[str]:
    """A warning for each paragraph citing a clause by a number typed by hand."""
    warnings = []
    example = next((f"«{g.short(t)}»" for t in sorted(g.targets)
                    if t.count(".") == 2), "«exit.notice»")
    for c in clauses:
        for para in c.paras:
            words = MARKER.sub(" ", para.text)
            typed = [m.group(0) for m in TYPED_REF.finditer(words)
                     if not any(m.group(0) in old for old in c.exported)]
            if typed:
                warnings.append(
                    f"{para_at(c.id, para)}: “{typed[0]}” is a clause number typed by hand; "
                    "it is not renumbered when clauses are added or removed, so it may cite "
                    "the wrong clause. Use a cross-reference marker instead: the word "
                    "“clause” followed by the id of the clause (or of its ⟦label …⟧) in « », "
                    f"as the book shows them, for example “clause {example}”, which Word "
                    "numbers (the words were imported as typed)")
    return warnings
