"""Read finished documents back and check they agree with the answer file and each other.

Generation is checked at the source (clauses print derived facts, never their
own arithmetic), but a document can still go wrong afterwards: a template
edited in Word, a clause whose condition hides a figure, a cross-reference
whose stored number is stale, or a person "fixing" a figure by hand. The
documents are read the way a reviewer would (body with tables, headers, footers:
:mod:`docgen.ooxml.readback`); this module reports every disagreement as one line
naming the document and what differs. An empty list means the documents are fine.

``verify_documents`` works on bytes, so ``build`` can call it before writing; for
documents just made, it reads the parts ``fill`` parsed instead of the zip. The answer
file's free text, which must appear as typed, is walked and looked up by
:mod:`docgen.word.values`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path

from docgen.errors import DocgenError
from docgen.facts.derive import Facts
from docgen.facts.parties import PartyFacts
from docgen.ooxml.bounds import check_docx_bounds
from docgen.ooxml.readback import (
    Field,
    ReadDocument,
    norm,
    paragraph_text,
    read_document,
    read_parts,
)
from docgen.ooxml.wordml import Element
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.figures import figure_problems, known_figures
from docgen.word.names import FILE_SUFFIX, kind_of_name, output_name
from docgen.word.places import party_words, place_problems, printed, share_problems
from docgen.word.stated import STATEMENTS, stated_problems
from docgen.word.together import Segments, mention_of, together

# the free-text values, what must appear of them (importable from here, as they were)
from docgen.word.values import INDEX_FROM as INDEX_FROM
from docgen.word.values import MAX_MISSING as MAX_MISSING
from docgen.word.values import NOT_PRINTED as NOT_PRINTED
from docgen.word.values import TEXT_MAX as TEXT_MAX
from docgen.word.values import as_printed, text_values
from docgen.word.values import missing_values as _missing_values
from docgen.word.values import printed_values as printed_values

#: a document's parsed parts: the main part, then its headers and footers by part name
Parts = tuple[Element, list[Element]]
TEMPLATE_TAGS = ("{{", "{%", "{#")
_TAG_START = "{"  # what every one of them begins with (a test holds it so)
_norm = norm


def _kind(name: str) -> str | None:
    return name if name in FILE_SUFFIX else kind_of_name(name)


def _fact_problems(facts: Facts, kind: str, doc: ReadDocument,
                   own_texts: list[str], template_dir: Path | None) -> list[str]:
    """Figures and names from the answer file that this kind of document must carry."""
    problems: list[str] = []
    label = doc.name
    segments = Segments(doc.segments)
    mentions: dict[int, re.Pattern[str]] = {}  # each party's names, made once a document

    def mention(p: PartyFacts) -> re.Pattern[str]:
        found = mentions.get(id(p))
        if found is None:
            found = mentions[id(p)] = mention_of(party_words(p))
        return found

    def need(ok: bool, what: str) -> None:
        if not ok:
            problems.append(f"{label}: {what} not found")

    need(facts.reference in doc.text, f"reference {facts.reference}")
    for p in facts.parties:
        need(_norm(printed(p.name)) in doc.text, f"{p.short_name} full name '{p.name}'")
    employer = facts.employer
    need(together(segments, mention(employer), "Employer"),
         f"employer {employer.name} (named as the Employer)")
    for p in facts.parties:
        need(together(segments, mention(p), p.time_text),
             f"{p.short_name} time split {p.time_text}")
    if kind == "agreement":
        board = facts.legal.ijb_party if facts.legal else None
        if board is not None:  # the integration joint board signs as a party
            need(_norm(printed(board.name)) in doc.text,
                 f"integration joint board '{board.name}' (a party)")
        for p in facts.parties:
            need(together(segments, mention(p), p.annual_text),
                 f"{p.short_name} annual cost {p.annual_text}")
            if p.invoiced:
                need(together(segments, mention(p), p.per_invoice_text),
                     f"{p.short_name} amount per invoice {p.per_invoice_text}")
    start = facts.post["start_date_text"]
    need(_norm(start) in doc.text, f"start date {start}")
    if kind in ("agreement", "contract"):
        for d in facts.review.dates_text or ([facts.review.first_text]
                                             if facts.review.first_text else []):
            need(_norm(d) in doc.text, f"review date {d}")
        need(_norm(facts.notice_text) in doc.text, f"notice period {facts.notice_text}")
        back = facts.reverts_to
        who = mention_of(party_words(back) + (["the Employer"] if back.is_employer else []))
        if facts.postholder["present"] or not back.is_employer:
            need(together(segments, who, "full time"),
                 f"reversion to {back.short_name} (the Post-holder working full time for it)")
        else:  # a new appointee has no post to return to: redeployment, then redundancy
            need(together(segments, who, "redeploy"),
                 f"redeployment by {back.short_name} when the arrangement ends")
        post_back = facts.answers.exit.reversion_post
        if facts.postholder["present"] and post_back:
            need(_norm(printed(post_back)) in doc.text, f"the post returned to, {post_back}")
    own = _without(segments, own_texts)
    return (problems + share_problems(facts, label, own)
            + place_problems(facts, kind, label, doc.segments)
            + stated_problems(facts, kind, label, own, template_dir))


#: a value that is only a figure ("60%", "3 days") is never blanked out: docgen's own
#: places print such figures
_ONLY_FIGURE = re.compile(r"[\d.,£%\s]*(?:(?:day|hour|week|month|year)s?)?")
#: a digit, or the words around a statement stated.py checks ("at intervals of")
_READ_AS_STATED = re.compile("|".join([r"\d", *(re.escape(s.cue) for s in STATEMENTS)]))


#: the user's text that a statement itself checks (a dispute step's level: "step 1:
#: <level>, within 10 Working Days"), so never blanked out
_STATED_AS_ITSELF = re.compile(r"governance\.disputes\.\d+\.level$")


def own_texts_of(facts: Facts, values: list[tuple[str, str]]) -> list[str]:
    """The answer file's free text as the documents print it, where it could be read as a
    share or a stated figure: with a digit in it, or the words of a statement. Longest
    first; a party's name (the share checks look for names) and a bare figure left out.

    An objective "40% fewer agency staff" printed after its party in a table, or "report
    at intervals of 3 months", is the user's sentence: taken for docgen's wording, it made
    verification refuse correct documents.
    """
    names = {w for p in facts.parties for w in party_words(p)}
    found = set()
    for key, value in values:
        if _STATED_AS_ITSELF.match(key):
            continue
        text = _own_text(value)
        if text is not None and text not in names:
            found.add(text)
    return sorted(found, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)
def _own_text(value: str) -> str | None:
    """``value`` as printed, if it could be read as a share or a stated figure and is not a
    bare figure (see :func:`own_texts_of`); remembered, as a batch's posts share most of
    their answers and the statement pattern is slow to search."""
    if not _READ_AS_STATED.search(value):
        return None
    text = as_printed(value)
    return None if _ONLY_FIGURE.fullmatch(text) else text


#: how a text whose list item's ending :func:`_item_body` takes off ends
_ITEM_ENDINGS = (".", ";", ",", ":", " and", " or", "\n")


def _item_body(cell: str) -> str:
    """``cell`` without what a list item's text gets after it ("…a week.", "…a week; and"):
    ``re.sub(r"[.;,:]?(?: and| or)?$", "", cell)``, whose ``$`` also matches before a last
    line break (kept), worked out from the end: the pattern, tried at every place of the
    cell, cost verification a regex search of each cell it blanked."""
    end = len(cell) - 1 if cell.endswith("\n") else len(cell)
    body = cell[:end]
    if body.endswith((" and", " or")):
        body = body[:body.rindex(" ")]
    if body.endswith((".", ";", ",", ":")):
        body = body[:-1]
    return body + cell[end:]


def _blanked(cell: str, own_texts: list[str], lasts: set[str] | None = None) -> str:
    """A paragraph or table cell with the user's text that ends it blanked out: the whole
    cell ("40% fewer agency staff"), or the end of docgen's list line ("- for Westmere: 1
    day a week at the Civic Centre"), a list item's ending aside. Never text inside
    docgen's sentence. ``lasts``: the last characters of ``own_texts`` (none empty),
    which a cell must end with to be blanked (most cells are left as they are)."""
    body = _item_body(cell) if cell.endswith(_ITEM_ENDINGS) else cell
    if lasts is not None and cell[-1:] not in lasts and body[-1:] not in lasts:
        return cell
    for t in own_texts:  # longest first
        for text in (cell, body):
            if text == t:
                return "…"
            if text.endswith(t) and text[-len(t) - 1] in " \u00a0":
                return text[:-len(t)] + "…"
    return cell


def _without(segments: Segments, own_texts: list[str]) -> list[str]:
    """The document's segments with the answer file's own text blanked out (``…``) where it
    ends a paragraph or table cell (:func:`_blanked`), for the checks that read docgen's
    wording. A value inside docgen's sentence is part of that sentence (a dispute step's
    level), and one value may hold another, so nothing else is blanked."""
    # the paragraphs holding one (most hold none); str.find runs in C, and a regex
    # alternation of the texts was slower
    held = {i for t in own_texts if t for i in segments.indices_holding(t)}
    if not held:
        return segments.segments
    out = list(segments.segments)
    lasts = {t[-1] for t in own_texts} if all(own_texts) else None
    for i in held:
        out[i] = " | ".join(_blanked(cell, own_texts, lasts) for cell in out[i].split(" | "))
    return out


def _where(f: Field) -> str:
    """`` (in “<the field's paragraph, first 60 characters>…”)`` for a message (read only
    when there is one: a document has a hundred fields, all usually fine)."""
    where = _norm(paragraph_text(f.paragraph))[:60] if f.paragraph is not None else ""
    return f" (in “{where}…”)" if where else ""


def _ref_problems(doc: ReadDocument) -> list[str]:
    """Every REF field points at a bookmark, and shows the number its target gets."""
    problems: list[str] = []
    for f in doc.fields:
        parts = f.instruction.split()
        if len(parts) < 2 or parts[0].upper() != "REF":
            continue
        name, switches = parts[1], {s.lower() for s in parts[2:]}
        shown = _norm(f.result)
        target = doc.bookmarks.get(name)
        if target is None:
            problems.append(f"{doc.name}: cross-reference '{shown}' points to bookmark {name}, "
                            f"which is not in the document{_where(f)}")
            continue
        if not switches & {"\\w", "\\r", "\\n"}:
            continue  # prints the bookmarked text, not a number
        number = doc.numbers.get(target)
        if number is None:
            problems.append(f"{doc.name}: cross-reference '{shown}' points to a paragraph "
                            f"without a clause number{_where(f)}")
            continue
        expected = number.full if "\\w" in switches else number.shown.rstrip(".")
        if shown not in (expected, number.full):
            problems.append(f"{doc.name}: cross-reference shows '{shown}' but its target is "
                            f"numbered {expected}{_where(f)}")
    return problems


def _final_problems(doc: ReadDocument) -> list[str]:
    # every tag begins with "{", which few documents hold: one search of the text, not three
    problems = [f"{doc.name}: template tag '{tag}' left in a final document"
                for tag in TEMPLATE_TAGS if tag in doc.text] if _TAG_START in doc.text else []
    for ph in dict.fromkeys(doc.placeholders):
        problems.append(f"{doc.name}: placeholder {ph or '(empty)'} left in a final document")
    return problems


def verify_documents(facts: Facts, docs: dict[str, bytes],
                     parsed: Mapping[str, Parts] | None = None,
                     template_dir: Path | None = BUILTIN_TEMPLATES) -> list[str]:
    """Problems found in a post's documents (empty list: they agree).

    ``docs`` maps a document kind (``agreement``) or file name
    (``EWK-WSM-HR-01-agreement.docx``) to the document's bytes. ``parsed`` holds,
    for documents docgen has just made, the parts ``fill`` parsed from the very XML
    it zipped: they are read instead of inflating and parsing the zip again.
    ``template_dir``: the templates they were filled from, whose schedules' words the
    schedule tables print (None: not known; the statements reading them are left out).
    """
    problems: list[str] = []
    read: list[ReadDocument] = []
    known = known_figures(facts)
    values = text_values(facts.answers)  # walked once, for both uses below
    own_texts = own_texts_of(facts, [(key, value) for key, value, _ in values])
    for key, data in docs.items():
        kind = _kind(Path(key).name)
        name = output_name(facts.reference, kind) if key in FILE_SUFFIX and kind else \
            Path(key).name
        try:
            if parsed is not None and key in parsed:
                check_docx_bounds(name, data)
                doc = read_parts(name, *parsed[key])
            else:
                doc = read_document(name, data)
        except DocgenError as exc:
            problems.append(str(exc))
            continue
        if kind is not None:
            problems += _fact_problems(facts, kind, doc, own_texts, template_dir)
            problems += figure_problems(facts, kind, doc, known)
        problems += _ref_problems(doc)
        if not facts.is_draft:
            problems += _final_problems(doc)
        read.append(doc)
    kinds = {_kind(Path(k).name) or k for k in docs}
    if set(FILE_SUFFIX) <= kinds:
        problems += _missing_values(facts, read, [(key, value) for key, value, always
                                                  in values if always])
    return problems
