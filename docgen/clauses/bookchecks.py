"""Checks on a whole imported book that no single paragraph shows: a label other clauses
cite must not disappear (every build would then fail), and a clause must keep some
wording. Each problem names the clause and paragraph and says what to do in Word."""

from __future__ import annotations

import re

from docgen.clauses.book import Grammar, clause_paras
from docgen.clauses.library import Library
from docgen.errors import DocgenError

LABEL_LINE = re.compile(r"^\s*(?:--? |> )?\[([a-z][a-z0-9_-]*)\]", re.MULTILINE)
REF_CALL = re.compile(r"""ref\(\s*['"]([^'"]+)['"]\s*\)""")


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
        lost = set(LABEL_LINE.findall(original.text)) - set(LABEL_LINE.findall(text))
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
