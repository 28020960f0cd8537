"""The lint's capitals check: which capitalised words of a clause's wording are neither a
defined term nor a proper noun, which look like a defined term mistyped ('Postholder' for
'Post-holder'), and which defined terms are written in lower case ('the parties').

A word counts as defined when a definition (``clauses/definitions/``) has it, when the
clause's own document defines it inline (the “Permitted Purpose”), or when the clause
folders' ``lint.yaml`` lists it (a single word, or a name of several words such as
``Good Friday``). A statutory office is written as docgen's own wording prints a role:
'Monitoring Officer' and 'Director of Public Health' are the offices docgen recognises
(:data:`docgen.facts.role_titles.ROLE_PATTERNS`), not undefined terms.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Set
from dataclasses import dataclass

from docgen.clauses.textmemo import TextMemo
from docgen.facts.role_titles import NOT_THE_HOLDER, ROLE_PATTERNS

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
#: a block tag or comment: prints nothing, so the word after it starts a sentence where the
#: wording before it ends one ("… present. {% if … %}Where …", or a line's start)
BLOCK = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
CAPITALISED = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[a-z]+)*)(?![\w-])")
STATUTE = re.compile(
    r"(?:[A-Z][\w'’()]*\s+(?:of\s+|and\s+|\(\w+\)\s+)?)*"
    r"(?:Act|Regulations|Order|Code|Rules)(?:\s+\([A-Z][\w\s]*\))?(?:\s+\d{4})?")
STRUCTURE_WORDS = {"Schedule", "Schedules", "Clause", "Clauses", "Part", "Annex", "Appendix"}
#: where a sentence (or a bracketed note: "[Drafting note: …]") starts
SENTENCE_START = re.compile(
    r"(^\s*|[.;:!?]\s+|\(\s*|\[\s*|“\s*|\"\s*|^\s*-{1,2}\s+|^\s*>\s+|\]\s*)$")
#: a term defined in the wording itself: “Permitted Purpose”, (the “Permitted Purpose”),
#: (the "Permitted Purpose"); each word capitalised, "of" or "and" between them allowed
_TITLE = r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for)\s+)?[A-Z][\w'’-]*){0,5}"
INLINE_TERM = re.compile(rf"“({_TITLE})”|\(\s*(?:the\s+|each\s+a\s+)?\"({_TITLE})\"\s*\)")
#: statutory offices the wording names that are not roles a post holds in the answer file:
#: the chief officer of an integration joint board (s.10 of the Public Bodies (Joint
#: Working) (Scotland) Act 2014)
WORDING_OFFICES = (r"\bchief\s+officer\b",)
#: a statutory office as its title is written, capitalised (docgen's roles are printed so)
OFFICE = re.compile(
    r"(?:(?:" + "|".join(w.title() for w in (*NOT_THE_HOLDER, "acting", "interim")) +
    r")\s+)?(?:" + "|".join(f"(?:{p})" for p in (*ROLE_PATTERNS.values(), *WORDING_OFFICES))
    + ")", re.IGNORECASE)
#: a month named in a date ('1 May', 'May 2025'): lint.yaml lists 'May', a word of ordinary
#: drafting too ('the Parties may agree'), only in the names of holidays, so the month
#: counts where a day number is before it or a year after it
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
DATED_MONTH = re.compile(rf"(?<=\d)(?:st|nd|rd|th)?\s+(?:{MONTHS})(?![\w-])|"
                         rf"(?<![\w-])(?:{MONTHS})\s+\d{{4}}\b")
SMALL_WORDS = {"of", "for", "the", "and"}


@dataclass(frozen=True)
class TermFinding:
    """A word of a clause's wording the capitals check reports."""

    word: str  # as written: 'Friday', 'Post Holder', 'parties'
    paragraph: str  # the line of wording it is in, as a lawyer wrote it
    term: str = ""  # the defined term it looks like ('Post-holder'), if any
    source: str = ""  # that line of clause text, its template code kept ("" if not known)


def literal_text(source: str) -> str:
    """Clause wording as a lawyer wrote it: template code and markup removed, and the
    characters an overlay file escapes (&#91; for '[') shown as themselves."""
    return html.unescape(TAG.sub(" ", JINJA.sub(" \u2063 ", BLOCK.sub(" ", source))))


def _lines(text: str) -> list[tuple[str, str]]:
    """Each line of wording as a lawyer wrote it, with its line of clause text (template code
    kept; "" where a tag runs over lines and they no longer pair up)."""
    literal = literal_text(text).splitlines()
    sources = text.splitlines()
    return list(zip(literal, sources if len(sources) == len(literal) else [""] * len(literal),
                    strict=True))


#: what the capitals check found in each clause text, with the terms and proper nouns it
#: was checked against: each lint of the same library finds the same (the check reads only
#: these), so it is found once per process; the values are tuples and frozensets, which no
#: caller can change
_INLINE: TextMemo[frozenset[str]] = TextMemo(size=1024)
_UNDEFINED: TextMemo[tuple[TermFinding, ...]] = TextMemo(size=1024)
_LOWER_CASE: TextMemo[tuple[TermFinding, ...]] = TextMemo(size=1024)


def inline_terms(text: str) -> frozenset[str]:
    """The terms a clause's wording defines itself: the “Permitted Purpose”."""
    return _INLINE.get(text, None, lambda: frozenset(
        a or b for a, b in INLINE_TERM.findall(literal_text(text))))


# compiled as the module loads, so the command's table of compiled patterns keeps them
_NOT_LETTER = re.compile(r"[\W_]")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)[\s-]+$")
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z][\w'’]*)")
_BETWEEN_WORDS = re.compile(r"[\s-]+")


def _squash(words: str) -> str:
    """A term as letters only, in lower case: 'Post-holder', 'Post Holder' → 'postholder'."""
    return _NOT_LETTER.sub("", words.lower())


def is_term_word(word: str, term_words: Set[str]) -> bool:
    """``Party`` is covered by the term ``Parties``, ``Days`` by ``Working Day``."""
    variants = {word, word + "s", word + "es", word.removesuffix("s"), word.removesuffix("es"),
                word[:-1] + "ies" if word.endswith("y") else word,
                word[:-3] + "y" if word.endswith("ies") else word}
    return bool(variants & term_words)


def _is_office(found: str) -> bool:
    """'Monitoring Officer', 'Director of Public Health': each main word capitalised."""
    return all(w[0].isupper() or w.lower() in SMALL_WORDS or not w[0].isalpha()
               for w in found.split())


def _blank(line: str, spans: list[tuple[int, int]]) -> str:
    """``line`` with each span written over by a lower-case filler of its length (a word
    after it is not at a sentence's start, and positions stay)."""
    for start, end in spans:
        line = line[:start] + "x" * (end - start) + line[end:]
    return line


@functools.lru_cache(maxsize=16)
def _names(phrases: frozenset[str]) -> re.Pattern[str]:
    """The names of several words ``lint.yaml`` lists (Good Friday), as one pattern."""
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])" if words else r"(?!)")


def _phrases_blanked(line: str, phrases: frozenset[str]) -> str:
    """The line with the names of several words ``lint.yaml`` lists, the statutory offices
    and the months of dates blanked out."""
    spans = [m.span() for m in OFFICE.finditer(line) if _is_office(m.group())]
    spans += [m.span() for m in _names(phrases).finditer(line)]
    spans += [m.span() for m in DATED_MONTH.finditer(line)]
    return _blank(line, spans)


def near_miss(line: str, start: int, end: int, terms: Set[str]) -> tuple[str, str] | None:
    """The defined term the words at ``line[start:end]`` look like mistyped, with the words
    as written: ('Post Holder', 'Post-holder'), ('Postholder', 'Post-holder')."""
    before = _WORD_BEFORE.search(line[:start])
    after = _WORD_AFTER.match(line[end:])
    tries = [line[start:end]]
    if before:
        tries.append(line[before.start(1):end])
    if after:
        tries.append(line[start:end + after.end(1)])
    by_letters = {_squash(t): t for t in terms}
    for written in tries:
        for squashed in (_squash(written), _squash(written).removesuffix("s")):
            term = by_letters.get(squashed)
            if term and written not in (term, term + "s"):
                return written, term
    return None


def undefined_terms(text: str, term_words: frozenset[str], allowed: frozenset[str],
                    terms: frozenset[str]) -> list[TermFinding]:
    """The capitalised words of ``text`` that are not defined (``term_words``, the words of
    ``terms``) or allowed, each with its paragraph and the term it may be a typo of
    (remembered: :data:`_UNDEFINED`). The caller gives them frozen (``allowed`` once a lint,
    the clause's terms as it makes them), so they key the memo as they are."""
    config = (term_words, allowed, terms)
    return list(_UNDEFINED.get(text, config, lambda: _undefined(text, *config)))


def _undefined(text: str, term_words: frozenset[str], allowed: frozenset[str],
               terms: frozenset[str]) -> tuple[TermFinding, ...]:
    """:func:`undefined_terms` found afresh, as a tuple (remembered, so no caller changes it)."""
    phrases = frozenset(a for a in allowed if " " in a)
    found: dict[str, TermFinding] = {}
    for paragraph, source in _lines(text):
        line = _phrases_blanked(paragraph, phrases)
        line = _blank(line, [m.span() for m in STATUTE.finditer(line)])
        for m in CAPITALISED.finditer(line):
            word = m.group(1)
            if (SENTENCE_START.search(line[: m.start()]) or is_term_word(word, term_words)
                    or word in allowed or word in STRUCTURE_WORDS):
                continue
            miss = near_miss(paragraph, m.start(), m.end(), terms)
            finding = (TermFinding(miss[0], paragraph.strip(), miss[1], source) if miss
                       else TermFinding(word, paragraph.strip(), source=source))
            found.setdefault(finding.word, finding)
    return tuple(sorted(found.values(), key=lambda f: f.word))


def lower_case_terms(text: str, terms: frozenset[str]) -> list[TermFinding]:
    """Defined terms written in lower case ('the parties' for 'the Parties') or run
    together ('postholder'), each once, with the first paragraph that has it: ordinary
    English may use the words, so these are warnings (remembered: :data:`_LOWER_CASE`;
    ``terms`` frozen by the caller, as it keys the memo)."""
    return list(_LOWER_CASE.get(text, terms, lambda: _lower_case_found(text, terms)))


def _lower_case_found(text: str, terms: frozenset[str]) -> tuple[TermFinding, ...]:
    """:func:`lower_case_terms` found afresh, as a tuple (remembered, so no caller changes it)."""
    found: dict[str, TermFinding] = {}
    patterns = [(term, _lower_case(term)) for term in sorted(terms, key=len, reverse=True)]
    for paragraph, source in _lines(text):
        hits: list[tuple[int, int, str]] = []  # 'host party', not also its 'party'
        for term, pattern in patterns:
            for m in pattern.finditer(paragraph):
                if not any(s < m.end() and m.start() < e for s, e, _ in hits):
                    hits.append((m.start(), m.end(), term))
        for start, end, term in hits:
            written = paragraph[start:end]
            found.setdefault(written, TermFinding(written, paragraph.strip(), term, source))
    return tuple(sorted(found.values(), key=lambda f: f.word))


@functools.lru_cache(maxsize=1024)
def _lower_case(term: str) -> re.Pattern[str]:
    """A defined term written in lower case, its words run together or hyphenated, with a
    plural ending: 'host party', 'host-parties', 'postholder' (for 'Post-holder')."""
    loose = r"[\s-]?".join(re.escape(p) for p in _BETWEEN_WORDS.split(term.lower()))
    return re.compile(rf"(?<![\w'’-]){loose}(?:s|es)?(?![\w-])")


def shown(paragraph: str, words: int = 8) -> str:
    """The start of a paragraph, as the clause book's messages quote one: “The parties shall
    keep …” (its first words, and an ellipsis always, as the book's other messages)."""
    return " ".join(paragraph.split()[:words]) + " …"
