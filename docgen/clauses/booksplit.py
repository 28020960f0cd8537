"""A clause book's paragraphs split into its clauses: each clause heading read (its id and
version), docgen's own definitions and notes skipped, and what cannot be read refused
(tracked changes, text before the first heading, a clause id given twice, a clause far
longer than any). Each problem names the clause and the paragraph (its first words)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from docgen.clauses.book import DEFINED, DOCUMENT_NAMES
from docgen.clauses.bookbase import defined_hash
from docgen.clauses.bookshape import BookClause, first_words, para_at
from docgen.clauses.booktyped import changed_definition
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara
from docgen.ooxml.bookread import LOST_FROM_WORDING

MAX_CLAUSE_PARAGRAPHS = 2_000  # the longest clause has about 60: bounds the comparison
MAX_CLAUSE_CHARS = 100_000  # the longest clause has about 15,000; a clause file holds 200 kB
HEADING = re.compile(r"^(?P<title>.*?)\s*\[\s*(?P<id>[^\[\],]+?)\s*,\s*version\s+"
                     r"(?P<version>\d+)\s*\]\s*$", re.S)
INFO = "This clause is also used in the"  # the note under a clause in several documents


def _headless(before: str | None, para: BookPara, known: dict[str, str]) -> str:
    """The refusal of a clause heading without its label: the clause it starts is the one
    after ``before`` (not ``before`` itself), named by its title where docgen knows it."""
    label = known.get(para.text.strip())
    where = (f"the clause after clause '{before}', paragraph {first_words(para)}" if before
             else f"paragraph {first_words(para)}")
    back = (f"write the heading as exported: “{para.text.strip()}  {label}”" if label else
            "put them back as exported, as in “Confidentiality "
            "[agreement.confidentiality, version 2]”")
    return (f"{where}: a clause heading must end with its id and version in brackets, and "
            "this heading has lost them (its label), so docgen cannot tell which clause it "
            f"is; {back}")


def split_book(paras: list[BookPara], known: dict[str, str] | None = None,
               defined: AbstractSet[str] = frozenset(), exported: AbstractSet[str] = frozenset(),
               reworded: list[str] | None = None) -> list[BookClause]:
    """The clauses in the book, in order; refuses tracked changes, text before the first
    clause heading and a clause id given twice. ``known`` is each clause's title as the book
    shows it → its label (“[agreement.exit, version 3]”), to name a heading that lost it.
    docgen's definitions are skipped: as ``defined`` (now), or as exported (their hashes in
    ``exported``: docgen's wording moved on since, a note in ``reworded``); else refused."""
    clauses: list[BookClause] = []
    current: BookClause | None = None
    for para in paras:
        here = current.id if current else None  # the clause this paragraph is in, if any
        if para.tracked:
            raise DocgenError(f"{para_at(here, para)}: has tracked changes; "
                              "accept or reject every tracked change (Review → Accept/Reject "
                              "All), save, and import again")
        if para.problem and not (here is None and para.role != "heading"
                                 and para.problem in LOST_FROM_WORDING):
            raise DocgenError(f"{para_at(here, para)}: {para.problem}")
        if para.role == "heading":
            m = HEADING.match(para.text)
            if not m:
                raise DocgenError(_headless(here, para, known or {}))
            cid = m.group("id").strip()
            if any(c.id == cid for c in clauses):
                raise DocgenError(f"{para_at(cid, para)}: the clause id '{cid}' is in the book "
                                  "twice; give a copied clause a new id of its own, for "
                                  f"example [ours.{cid.rsplit('.', 1)[-1]}_extra, version 1]")
            current = BookClause(cid, m.group("title").strip(), int(m.group("version")), para)
            clauses.append(current)
        elif current is None:
            if para.role not in ("title", "cover") and para.text.strip():
                raise DocgenError(f"{para_at(None, para)}: text outside any clause (before the "
                                  "first clause heading); move it into a clause or delete it")
        elif para.text.startswith(DEFINED):
            if para.text not in defined and defined_hash(para.text) in exported:
                note = reworded_definition(here, para.text)
                (reworded if reworded is not None else []).append(note)
            elif para.text not in defined:
                raise DocgenError(f"{para_at(here, para)}: {changed_definition(para.text)}")
        elif para.text.strip() and not (para.role == "info" and para.text.startswith(INFO)):
            current.paras.append(para)
            if len(current.paras) > MAX_CLAUSE_PARAGRAPHS:
                raise DocgenError(f"{para_at(current.id, current.heading)}: more than "
                                  f"{MAX_CLAUSE_PARAGRAPHS:,} paragraphs in one clause; split "
                                  "it into clauses of a sensible length")
    for c in clauses:
        if sum(len(p.text) for p in c.paras) > MAX_CLAUSE_CHARS:
            raise DocgenError(f"{para_at(c.id, c.heading)}: this clause is far longer than any "
                              f"clause (more than {MAX_CLAUSE_CHARS:,} characters); was "
                              "something pasted by mistake? Shorten it, or split it into "
                              "clauses")
    return clauses


#: a definition's term, in its quotation marks (compiled as the module loads: _codecache)
_TERM = re.compile(r"\s*“([^”]*)”")


def reworded_definition(clause: str | None, text: str) -> str:
    """The note for one of docgen's definitions left as exported whose wording docgen has
    changed since (another docgen, or other clause folders): skipped, as it always is."""
    term = _TERM.match(text[len(DEFINED):])
    name = f"“{term.group(1)}”" if term else "a term"
    return (f"clause '{clause}': docgen's definition of {name} has changed since this book "
            "was exported; the book shows the earlier wording, which is not read back (the "
            "documents use the current one); export a new book to see it")


def document_of(paras: list[BookPara]) -> str:
    """The document a book holds from its clause headings' ids (agreement.…), for a book
    whose document properties were removed (Word's Document Inspector does that)."""
    kinds = [m.group("id").split(".", 1)[0] for p in paras if p.role == "heading"
             if (m := HEADING.match(p.text))]
    known = [k for k in kinds if k in DOCUMENT_NAMES]
    return max(set(known), key=known.count) if known else ""


def cover_typed(paras: list[BookPara], exported: list[BookPara]) -> list[str]:
    """Words typed on the cover page are not read: say so rather than drop them silently."""
    shown = {p.text.strip() for p in exported if p.role in ("title", "cover")}
    typed = []
    for para in paras:
        if para.role == "heading":
            break
        if para.text.strip() and para.text.strip() not in shown:
            typed.append(f"{first_words(para)} on the cover page is not read (only text "
                         "under a clause heading is clause wording); if it was meant as "
                         "wording, move it into its clause and import again")
    return typed
