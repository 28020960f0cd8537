"""Reading a clause book back: which clauses changed, and their new clause files.

Pure: paragraphs in (``docgen.ooxml.book.read_book``), overlay clause data out. A clause
whose paragraphs read exactly as exported is unchanged and gives nothing. In a changed
clause, each paragraph still as exported keeps its original line of clause text verbatim;
only new or edited paragraphs are translated from the markers. Every problem names the
clause and the paragraph (its first words); one problem and nothing is written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from docgen.clauses.book import (
    DEFINED,
    DOCUMENT_NAMES,
    Grammar,
    book_paras,
    clause_paras,
    local_names,
    shown_title,
)
from docgen.clauses.bookbase import (
    ALREADY,
    CONFLICT,
    EDIT,
    KEPT,
    base_of,
    check_folders,
    conflict,
    earlier_notes,
    exported_definitions,
    para_key,
    settle,
)
from docgen.clauses.bookchanges import changes
from docgen.clauses.bookchecks import WHEN, check_labels, check_new_wording
from docgen.clauses.booklines import CODE_ONLY, check_code_markers, code_changed, para_to_line
from docgen.clauses.bookproblems import BookProblems, Problems, stand_in
from docgen.clauses.bookshape import (
    BookClause,
    check_branches,
    check_parts,
    check_template,
    own_paragraph,
    para_at,
)
from docgen.clauses.booksplit import cover_typed, document_of, split_book
from docgen.clauses.booktyped import (
    check_definitions,
    check_signs,
    edited_clauses,
    typed_references,
)
from docgen.clauses.bookwords import Words, jinja_condition, same_condition, title_markup
from docgen.clauses.figures import FIGURES
from docgen.clauses.library import ID_PATTERN, Clause, Library
from docgen.clauses.notes import OWN_CLAUSE
from docgen.clauses.samples import sample_posts
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara


@dataclass
class Overlay:
    """One changed or added clause, as the keys of its overlay file."""

    id: str
    data: dict[str, Any]
    note: str
    warnings: list[str] = field(default_factory=list)  # a reworded paragraph lost a «field»


@dataclass
class BookImport:
    """What an import asks for: the overlays to write, and notes for clauses left alone
    (kept as changed in their files since the export, or already imported)."""

    overlays: list[Overlay] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # read, but not as wording


# compiled as the module loads, so the command's table of compiled patterns keeps them
_LOCAL_NAME = re.compile(r"⟦(?:For each|Let) (\w+)")
_LABEL = re.compile(r"^⟦label ([a-z][a-z0-9_-]*)⟧")


def _lines(bc: BookClause, paras: list[BookPara], original: Clause | None, g: Grammar,
           problems: Problems) -> tuple[list[str], list[str], list[str]]:
    """The clause's new text lines, a note of each change, and warnings of the fields a
    reworded paragraph lost; a paragraph that cannot be read is one of ``problems``, and
    stands in the lines as its markers alone."""
    source = [ln for ln in original.text.splitlines() if ln.strip()] if original else []
    exported = clause_paras(original, g) if original else []
    exported = [p for p in exported if p.role not in ("heading", "info", "when")]
    local = local_names(original.text if original else "")
    local |= {m for p in paras for m in _LOCAL_NAME.findall(p.text)}
    paras = _as_exported(paras, exported, source, g, local)
    matcher = difflib.SequenceMatcher(a=[para_key(p) for p in exported],
                                      b=[para_key(p) for p in paras], autojunk=False)
    lines: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            lines += source[i1:i2]
            continue
        for para in paras[j1:j2]:
            try:
                check_code_markers(para, g)
                lines.append(own_paragraph(para_to_line(para, g, local)))
            except DocgenError as exc:
                problems.found.append(f"{para_at(bc.id, para)}: {exc}")
                lines.append(stand_in(para))  # its markers: the others still pair up
    with problems.each():
        check_branches(bc, exported, paras, matcher)
    figures = {f"«{g.words.fields.get(e, e)}»" for e in FIGURES}  # checked on their own
    notes, warnings = changes(bc.id, exported, paras, matcher, figures)
    return lines, notes, warnings


def _as_exported(paras: list[BookPara], exported: list[BookPara], source: list[str],
                 g: Grammar, local: set[str]) -> list[BookPara]:
    """The book's paragraphs, each one edited that reads back as the line of an exported
    paragraph (a value retyped in words, “Northern Ireland” for “northern_ireland”)
    replaced by that paragraph: it means what it meant, so it is no change to write or
    note. ``exported`` and ``source`` are the clause's paragraphs and their lines, one for
    one."""
    if len(exported) != len(source):
        return paras
    shown = {para_key(p) for p in exported}
    out = []
    for para in paras:
        if para_key(para) not in shown:
            try:
                check_code_markers(para, g)  # a calculation retyped is refused, not matched
                line = own_paragraph(para_to_line(para, g, local))
            except DocgenError:
                line = None  # reported where the paragraph is read
            para = next((e for e, ln in zip(exported, source, strict=True) if ln == line),
                        para)
        out.append(para)
    return out


def _order(library: Library, kind: str, clauses: list[BookClause], index: int,
           assigned: dict[str, int]) -> int:
    """A new clause's position: halfway between the clauses either side of it."""
    known = {c.id: c.order for c in library.for_document(kind)} | assigned
    before = next((known[c.id] for c in reversed(clauses[:index]) if c.id in known), 0)
    after = next((known[c.id] for c in clauses[index + 1:] if c.id in known), before + 200)
    if after - before < 2:
        raise DocgenError(f"{para_at(clauses[index].id, clauses[index].heading)}: there is no "
                          "room for a new clause here; put it after another clause")
    assigned[clauses[index].id] = (before + after) // 2
    return assigned[clauses[index].id]


def import_book(document: str, paras: list[BookPara], library: Library, words: Words,
                kind: str | None = None, record: dict[str, str] | None = None,
                force: bool = False) -> BookImport:
    """The overlay clauses a (possibly edited) book asks for (none if nothing changed).
    ``record`` is what each clause was at export (:mod:`docgen.clauses.bookbase`): a clause
    changed in its file since then is kept, or refused if the book changes it too, unless
    ``force``."""
    kind = kind or document or document_of(paras)
    if kind not in DOCUMENT_NAMES:
        raise DocgenError("this is not a clause book made by `docgen clauses export` (its "
                          "properties do not say which document it holds); export a new "
                          "book and copy your changes into it")
    check_folders(record or {}, library)
    cover, g = book_paras(library, kind, words)
    reworded: list[str] = []
    clauses = split_book(paras, {shown_title(c): f"[{c.id}, version {c.version}]"
                                 for c in library.for_document(kind)},
                         {p.text for p in cover if p.text.startswith(DEFINED)},
                         exported_definitions(record or {}), reworded)
    in_book = {c.id for c in clauses}
    for c in clauses:  # labels of added clauses may be cited too
        g.targets.add(c.id)
        for p in c.paras:
            m = _LABEL.match(p.text)
            if m:
                g.targets.add(f"{c.id}.{m.group(1)}")
    missing = [c for c in library.for_document(kind) if c.id not in in_book]
    if missing:
        raise BookProblems([f"clause '{gone.id}' (“{gone.title}”) is missing from the book: "
                            "its heading was deleted or damaged. A clause cannot be removed "
                            "through the book; put the heading back as exported "
                            f"(“{gone.title} [{gone.id}, version {gone.version}]”)"
                            for gone in missing])
    _check_order(clauses, library, kind)
    result = BookImport()
    result.kept += reworded
    result.warnings += cover_typed(paras, cover)
    assigned: dict[str, int] = {}
    problems = Problems()
    for index, bc in enumerate(clauses):
        with problems.each():  # every clause is read: each mistake is reported at once
            _read_clause(bc, index, clauses, (library, kind, g), assigned, (record, force),
                         result)
    problems.raise_any()
    book = {bc.id: bc.paras for bc in clauses}
    typed = edited_clauses({o.id: book[o.id] for o in result.overlays}, library, g)
    with problems.each():
        check_definitions(typed, library, kind, g)
    if any("«" in p.text for c in typed for p in c.paras):
        with problems.each():
            check_signs(typed, g, sample_posts(), kind)
    result.warnings += typed_references(typed, g)
    with problems.each():
        check_labels(library, {o.id: o.data["text"] for o in result.overlays}, g)
    problems.raise_any()
    check_new_wording(library, kind, [(o.data, book[o.id]) for o in result.overlays], g)
    return result


def _read_clause(bc: BookClause, index: int, clauses: list[BookClause],
                 where: tuple[Library, str, Grammar], assigned: dict[str, int],
                 how: tuple[dict[str, str] | None, bool], result: BookImport) -> None:
    """One clause of the book into ``result``: an overlay if it changed, or a note that it
    was kept (its file changed since the export) or imported already."""
    (library, kind, g), (record, force) = where, how
    state = EDIT
    original = library.clauses.get(bc.id)
    base = base_of(record or {}, bc.id)
    if original is not None and kind in original.documents:
        state = settle(bc.id, bc.title, bc.version, bc.paras, original, base, g, force,
                       recorded=bool(record))
        if state == KEPT:
            result.kept.append(_kept(bc.id, original))
        elif state == ALREADY:
            result.already.append(bc.id)
        if state not in (EDIT, CONFLICT):
            return
    overlay = _clause_overlay(bc, index, clauses, library, kind, g, assigned)
    if state == EDIT and original is not None and not overlay:
        result.kept.append(f"{bc.id}: unchanged (what was retyped in the book, such as a "
                           "value in words, reads back as its wording; nothing to write)")
        return
    if state == CONFLICT and original is not None:
        if not overlay or _same_wording(overlay[0], original):
            result.already.append(bc.id)  # the book was imported before
            return
        if base is not None and _wording(overlay[0], original).content_hash == base.content:
            result.kept.append(_kept(bc.id, original))  # retyped, but as exported
            return
        if not force:
            raise conflict(bc.id, bc.title, original)
        replacing = f"; replacing changes made to {original.source} since export"
        overlay[0].note += replacing
        overlay[0].data["notes"] = f"{overlay[0].data['notes'][:-1]}{replacing}."
    result.overlays += overlay
    result.warnings += [w for o in overlay for w in o.warnings]


def _kept(cid: str, original: Clause) -> str:
    return (f"{cid}: kept as it is in {original.source} (changed there since the book was "
            "exported; the book leaves it as it was)")


def _wording(overlay: Overlay, clause: Clause) -> Clause:
    """The clause with the book's wording: its hash is the exported one's when the book
    reads back as the clause it was exported from (a value retyped in words)."""
    data = overlay.data
    return replace(clause, title=data["title"], when=data.get("when"), text=data["text"])


def _same_wording(overlay: Overlay, clause: Clause) -> bool:
    data = overlay.data
    return (data["title"] == clause.title and data.get("when") == clause.when
            and data["text"].strip() == clause.text.strip())


def _check_order(clauses: list[BookClause], library: Library, kind: str) -> None:
    """Clauses cannot be moved through the book (their order is kept in the clause files):
    a moved clause is refused rather than silently put back."""
    expected = [c.id for c in library.for_document(kind)]
    found = [c for c in clauses if c.id in set(expected)]
    for bc, want in zip(found, expected, strict=False):
        if bc.id != want:
            moved = bc if expected.index(bc.id) > expected.index(want) else \
                next(c for c in found if c.id == want)
            raise DocgenError(f"{para_at(moved.id, moved.heading)}: this clause has been moved; "
                              "the order of the standard clauses cannot be changed through "
                              "the book. Move it back (cut and paste its heading and text)")


def _clause_overlay(bc: BookClause, index: int, clauses: list[BookClause], library: Library,
                    kind: str, g: Grammar, assigned: dict[str, int]) -> list[Overlay]:
    original = library.clauses.get(bc.id)
    if original is not None and kind not in original.documents:
        where = " and the ".join(DOCUMENT_NAMES[d] for d in original.documents)
        raise DocgenError(f"{para_at(bc.id, bc.heading)}: this clause belongs to the {where}, "
                          f"not the {DOCUMENT_NAMES[kind]}; it was pasted from another "
                          "document's clause book. Delete it here and edit it in that book")
    if original is None and not ID_PATTERN.match(bc.id):
        raise DocgenError(f"{para_at(bc.id, bc.heading)}: '{bc.id}' is not a clause id; write "
                          "lower-case words joined by dots, for example ours.records")
    paras = bc.paras
    when = original.when if original else None
    when_paras = [p for p in paras if WHEN.match(p.text)]
    body = [p for p in paras if not WHEN.match(p.text)]
    check_parts(bc, when_paras, body, original is None)
    local = local_names(original.text if original else "")
    notes: list[str] = []
    first_when = WHEN.match(when_paras[0].text) if when_paras else None
    if first_when:
        shown = first_when.group(1)
        exported = [p for p in (clause_paras(original, g) if original else [])
                    if p.role == "when"]
        if not exported or exported[0].text != when_paras[0].text:
            if CODE_ONLY.match(when_paras[0].text):
                raise DocgenError(f"{para_at(bc.id, when_paras[0])}: "
                                  f"{code_changed(when_paras[0].text)}")
            try:
                typed = jinja_condition(shown, g.words, local)
            except DocgenError as exc:
                raise DocgenError(f"{para_at(bc.id, when_paras[0])}: {exc}") from None
            if when is None or not same_condition(typed, when):  # not just retyped
                when = typed
                notes.append(f"condition of the clause now “{shown}”")
    elif when is not None:
        when = None
        notes.append("condition of the clause removed")
    problems = Problems()
    lines, changed, warnings = _lines(bc, body, original, g, problems)
    notes += changed
    text = "\n".join(lines) + "\n"
    same = original is not None and bc.title == shown_title(original)
    title = original.title if original and same else title_markup(bc.title)  # "&" is a word
    if original is not None and not same:
        notes.insert(0, f"title now “{bc.title}”")
    if original is not None and not notes and text.strip() == original.text.strip():
        return []
    with problems.each():
        check_template(bc, text, body)
    problems.raise_any()
    data: dict[str, Any] = {"id": bc.id, "title": title,
                            "version": (original.version + 1) if original else 1,
                            "documents": list(original.documents) if original else [kind],
                            "order": original.order if original else
                            _order(library, kind, clauses, index, assigned)}
    if original is not None and original.kind != "clause":
        data["kind"] = original.kind
    if original is not None:
        data["replaces_version"] = (original.replaces_version if original.overlay and
                                    original.replaces_version is not None
                                    else original.version)
    if when:
        data["when"] = when
    note = ("; ".join(notes) or "wording changed") if original else "added in the clause book"
    earlier = earlier_notes(original) if original else ""
    data["notes"] = (f"{earlier}\n" if earlier else "") + \
        f"Version {data['version']}, imported from the clause book: {note}."
    data["text"] = text
    if original is None:  # said as the import writes it; not a warning (notes.added_note)
        note += ": " + OWN_CLAUSE.format(documents=DOCUMENT_NAMES[kind])
    return [Overlay(bc.id, data, note, warnings)]
