"""Read finished documents back and check they agree with the answer file and each other.

Generation is checked at the source (clauses print derived facts, never their
own arithmetic), but a document can still go wrong afterwards: a template
edited in Word, a clause whose condition hides a figure, a cross-reference
whose stored number is stale, or a person "fixing" a figure by hand. The
documents are read the way a reviewer would (body with tables, headers, footers:
:mod:`docgen.ooxml.readback`); this module reports every disagreement as one line
naming the document and what differs. An empty list means the documents are fine.

``verify_documents`` works on bytes, so ``build`` can call it before writing; for
documents just made, it reads the parts ``fill`` parsed instead of the zip.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from docgen.answers.notknown import is_not_known
from docgen.errors import DocgenError, KeyPath
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
from docgen.word.names import FILE_SUFFIX, KIND_OF_SUFFIX, output_name
from docgen.word.places import party_words, place_problems, printed, share_problems
from docgen.word.stated import STATEMENTS, stated_problems
from docgen.word.textindex import TextIndex
from docgen.word.together import Segments, mention_of, together

#: a document's parsed parts: the main part, then its headers and footers by part name
Parts = tuple[Element, list[Element]]
TEXT_MAX = 20_000  # the max_length of model.Text: how a free-text field is recognised
NOT_PRINTED = {("acknowledge",), ("extends",), ("clauses",), ("version",), ("currency",)}
TEMPLATE_TAGS = ("{{", "{%", "{#")
_TAG_START = "{"  # what every one of them begins with (a test holds it so)
_norm = norm


def _kind(name: str) -> str | None:
    if name in FILE_SUFFIX:
        return name
    for suffix, kind in KIND_OF_SUFFIX.items():
        if name.endswith(suffix):
            return kind
    return None


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
    text = _as_printed(value)
    return None if _ONLY_FIGURE.fullmatch(text) else text


@functools.lru_cache(maxsize=4096)
def _as_printed(value: str) -> str:
    """A free-text value as the documents print it, normalised (remembered, as above)."""
    return _norm(printed(value))


#: what a list item's text gets after it ("…a week.", "…a week; and")
_ITEM_END = re.compile(r"[.;,:]?(?: and| or)?$")
#: how a text _ITEM_END takes something from ends (``$`` matches before a last newline)
_ITEM_ENDINGS = (".", ";", ",", ":", " and", " or", "\n")


def _blanked(cell: str, own_texts: list[str], lasts: set[str] | None = None) -> str:
    """A paragraph or table cell with the user's text that ends it blanked out: the whole
    cell ("40% fewer agency staff"), or the end of docgen's list line ("- for Westmere: 1
    day a week at the Civic Centre"), a list item's ending aside. Never text inside
    docgen's sentence. ``lasts``: the last characters of ``own_texts`` (none empty),
    which a cell must end with to be blanked (most cells are left as they are)."""
    body = _ITEM_END.sub("", cell) if cell.endswith(_ITEM_ENDINGS) else cell
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
    values = _text_values(facts.answers)  # walked once, for both uses below
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


def printed_values(model: BaseModel, path: KeyPath = (),
                   optional: bool = False) -> list[tuple[str, str]]:
    """Every free-text value of the answer file (``Text`` fields), with its key path.

    Ids, choices, numbers and dates are not free text: they are printed through
    derived wording, which the fact checks above cover. ``optional`` adds the optional
    free-text fields (``Text | None``), which the documents print only in some posts (the
    post returned to, only when there is a post-holder): what to blank out, never what
    must appear.
    """
    return [(key, value) for key, value, always in _text_values(model, path)
            if always or optional]


def _text_values(model: BaseModel, path: KeyPath = ()) -> list[tuple[str, str, bool]]:
    """:func:`printed_values` with the optional ones too, each saying whether every post
    prints it: walked once by :func:`verify_documents` for both its uses."""
    out: list[tuple[str, str, bool]] = []
    for name, text, maybe in _fields_of(type(model)):
        here = (*path, name)
        if here in NOT_PRINTED:
            continue
        out += _printed(getattr(model, name), here, text, maybe)
    return out


@functools.cache
def _fields_of(model: type[BaseModel]) -> tuple[tuple[str, bool, bool], ...]:
    """A model's fields, each with whether it is free text, and whether it is optional free
    text (read once per class, not for every post: a model's fields never change)."""
    return tuple((name, _is_text(info.metadata), _is_text(_metadata_of(info.annotation)))
                 for name, info in model.model_fields.items())


def _metadata_of(annotation: object) -> list[object]:
    """``Text | None``: pydantic keeps an optional field's constraints in its annotation."""
    return [m for arg in typing.get_args(annotation) for m in getattr(arg, "__metadata__", ())]


def _is_text(metadata: list[object]) -> bool:
    return any(getattr(m, "max_length", None) == TEXT_MAX for m in metadata)


def _printed(value: object, path: KeyPath, text: bool,
             maybe: bool = False) -> list[tuple[str, str, bool]]:
    """The free text in ``value``; ``text``: it is free text printed in every post,
    ``maybe``: free text some posts print (an optional field)."""
    if isinstance(value, BaseModel):
        return _text_values(value, path)
    if isinstance(value, str):
        return [(".".join(map(str, path)), value, text)] if text or maybe else []
    if isinstance(value, list | tuple):
        return [v for i, item in enumerate(value)
                for v in _printed(item, (*path, i), text or isinstance(item, str)
                                  and _list_of_text(path))]
    if isinstance(value, dict):
        return [v for k, item in value.items() for v in _printed(item, (*path, k), True)
                if isinstance(item, str | list | BaseModel)]
    return []


def _list_of_text(path: KeyPath) -> bool:
    return path[-1] not in ("assessed_by", "documents", "clauses")


#: values looked up one by one below this many (an index costs more than it saves)
INDEX_FROM = 300
#: missing values reported at most (each one costs a full search of the documents)
MAX_MISSING = 50


def _missing_values(facts: Facts, read: list[ReadDocument],
                    texts: list[tuple[str, str]]) -> list[str]:
    """Each free-text value must appear, exactly, in at least one of the documents
    (in linear time however many values there are: :class:`TextIndex`)."""
    everything = "\n".join(doc.text for doc in read)
    a = facts.answers
    values = [(key, value) for key, value in texts
              if (key != "legal_basis_text" or a.legal_basis == "other")
              # a value not known yet prints as a highlighted gap, not as itself
              and not is_not_known(value)]
    found = TextIndex(everything) if len(values) >= INDEX_FROM else everything
    # a value printed as a paragraph of its own (a table cell's, often) is found without a
    # search: each paragraph's text is part of its document's
    whole = {p for doc in read for p in doc.paragraphs}
    problems: list[str] = []
    for key, value in values:
        text = _as_printed(value)
        if text not in whole and text not in found:
            shown = value if len(value) <= 60 else value[:57] + "..."
            problems.append(f"{key}: the value {shown!r} does not appear in any document")
            if len(problems) >= MAX_MISSING:
                problems.append(f"(more values are missing; only the first {MAX_MISSING} "
                                "are listed)")
                break
    return problems
