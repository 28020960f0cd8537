"""Where each fact stands: not only that a figure or name appears somewhere in a
document, but that it is in its place. A share must sit next to its own party (two
parties' shares swapped keep every figure of the post), the Commencement Date must be
the one defined, the employer must be the body on the contract's title page and the
"Employer" in PARTIES, and every body a document lists as a party must be one of the
answer file's parties (a body named that is in no answer is caught).

The checks look for the places the standard templates and clauses write (the title
page, PARTIES, the definitions, the job specification's summary table); a document
that has no such place is judged by the other checks alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from docgen.facts.derive import Facts
from docgen.facts.formatting import percent
from docgen.facts.parties import PartyFacts
from docgen.facts.people import gap_or_value
from docgen.ooxml.readback import norm

#: a share as printed right after a party's name: "Eastwick: 60%", "Eastwick | 60% |"
SHARE = r"(\d+(?:\.\d+)?(?:%| days?\b| hours?\b))"
_SHARE_AFTER = re.compile(r"(?::|\s\||)\s" + SHARE)
_ANY_SHARE = re.compile(SHARE)  # a segment without one has no share after a name
_ENTRY = re.compile(r"^\((\d+)\) (.*)$")
_DEFINED_START = re.compile(r"^[“\"]Commencement Date[”\"] means (.*)$")
_DEFINED_EMPLOYER = re.compile(r"^[“\"]Employer[”\"] means (.*)$")
_QUOTES = ("“", '"')  # what the two definitions above begin with


def printed(value: object) -> str:
    """A value as the documents print it: ``tbc`` (and TBA, XXX...) is the highlighted
    gap "[to be confirmed]", which is what a reader finds, never the word itself."""
    return norm(str(gap_or_value(value)))


def party_words(p: PartyFacts) -> list[str]:
    """The ways a document names a party: legal name, the name it is known by (the job
    specification's), short name, short name without "the"."""
    short = printed(p.short_name)
    term = short[4:] if short.lower().startswith("the ") else short
    return [w for w in dict.fromkeys((printed(p.name), printed(p.common_name), short, term))
            if w]


def share_anchors(p: PartyFacts) -> list[str]:
    """The names of :func:`party_words` a share printed after it is taken to be the party's:
    those that read as a name. One with no letter or digit (a party called ":") was found
    at every colon and took "Eastwick (BC): 60%" for its own; one all in lower case (a party
    called "of") was found in docgen's own prose, "a premium of 8% of your salary". Either
    refused a good build. (A script without capitals, Hebrew or Chinese, still counts.)"""
    return [w for w in party_words(p)
            if any(c.isalnum() for c in w) and (w != w.lower() or w == w.upper())]


def _words_re(words: list[str]) -> str:
    alternatives = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"


def _own_shares(p: PartyFacts) -> set[str]:
    """The shares docgen prints after a party's name: of its time (in the split's unit,
    as a percentage, in days), of the cost base and (added by the caller) of exit costs."""
    own = " ".join((p.time_text, p.percent_text, p.days_text, p.basis_text,
                    percent(p.cost_percent)))
    return {m.group(1) for m in _ANY_SHARE.finditer(own)}


def share_problems(facts: Facts, name: str, segments: list[str]) -> list[str]:
    """Each share printed right after a party's name is one of that party's own: two
    parties' shares swapped are caught even though every figure is still the post's, and
    so is a share edited to a figure no party has. The answer file's own text is blanked
    out of ``segments`` first (verify._without): "Eastwick | 40% fewer agency staff" is
    the user's objective, not a share.

    All parties' names are found in one pass, longest first, so a name inside another
    party's name ("Eastwick" in "Eastwick and Westmere ICB") is not taken for it; a
    name two parties share (two names not known yet) says nothing.
    """
    parties = facts.parties
    owners: dict[str, set[str]] = {}
    for p in parties:
        for word in share_anchors(p):
            owners.setdefault(word, set()).add(p.id)
    if not owners:
        return []
    mention = re.compile(_words_re(list(owners)))
    exit_shares = facts.legal.exit_shares if facts.legal else {}
    own = {p.id: _own_shares(p) | ({percent(exit_shares[p.id])} if p.id in exit_shares
                                   else set()) for p in parties}
    by_id = {p.id: p for p in parties}
    problems: list[str] = []
    for seg in segments:
        if not states_a_share(seg):
            continue
        for m in mention.finditer(seg):
            who = owners.get(m.group(0), set())
            share = _SHARE_AFTER.match(seg, m.end())
            if len(who) != 1 or share is None:
                continue
            p = by_id[next(iter(who))]
            if share.group(1) not in own[p.id]:
                problems.append(f"{name}: {share.group(1)} stated as the share of "
                                f"{p.short_name}, whose share is {p.time_text} (in "
                                f"“{seg[:60]}…”)")
    return list(dict.fromkeys(problems))


@functools.lru_cache(maxsize=4096)
def states_a_share(segment: str) -> bool:
    """Whether ``segment`` states a share at all (most paragraphs do not): remembered per
    segment text, as a batch's documents share most of their paragraphs."""
    # a share ends in one of these three (looked for first: a substring test is some ten
    # times cheaper than the search)
    return ("%" in segment or " day" in segment or " hour" in segment) and \
        _ANY_SHARE.search(segment) is not None


def place_problems(facts: Facts, kind: str, name: str, segments: list[str]) -> list[str]:
    """The Commencement Date as defined, the employer and the parties in their places."""
    problems: list[str] = []
    start = norm(facts.post["start_date_text"])
    employer = party_words(facts.employer)  # once per document, not once per paragraph
    employer_re = re.compile(_words_re(employer))
    for seg in segments:
        if not seg.startswith(_QUOTES):  # both definitions begin with a quote mark
            continue
        m = _DEFINED_START.match(seg)
        if m and not m.group(1).startswith(start):
            problems.append(f"{name}: the Commencement Date is defined as "
                            f"“{m.group(1)[:40]}”, but the answer file's start date is "
                            f"{start}")
        m = _DEFINED_EMPLOYER.match(seg)
        if m and not employer_re.match(m.group(1)):
            problems.append(f"{name}: the Employer is defined as “{m.group(1)[:40]}”, but the "
                            f"answer file's employer is {employer[0]}")
    problems += _parties_problems(facts, kind, name, segments)
    return problems


def _names(facts: Facts, common: bool = False) -> tuple[list[str], str, str]:
    """Every party's printed name (with an integration joint board that signs as a party),
    the employer's, and the post-holder's; ``common``: the names the job specification's
    summary gives, each as it is known (no corporate form), the employer's with its
    corporate name beside it where that differs."""
    board = facts.legal.ijb_party if facts.legal else None
    names = [printed(p.common_name if common else p.name) for p in facts.parties] + (
        [printed(board.name)] if board else [])
    holder = facts.postholder.get("name") if facts.postholder else None
    employer = facts.employer.common_and_legal_name if common else facts.employer.name
    return names, printed(employer), printed(holder) if holder else ""


def _parties_problems(facts: Facts, kind: str, name: str, segments: list[str]) -> list[str]:
    problems: list[str] = []
    names, employer, holder = _names(facts)

    def body(text: str) -> str | None:
        """The party (or post-holder) a PARTIES or title-page entry begins with."""
        for n in sorted({*names, holder} - {""}, key=len, reverse=True):
            if text == n or text.startswith((f"{n} of ", f"{n} (", f"{n},")):
                return n
        return None

    def unknown(where: str, text: str) -> None:
        problems.append(f"{name}: {where} names “{text[:60]}”, which is not a party of the "
                        f"answer file (the parties are {'; '.join(names)})")

    title = _title_page(segments)
    if kind == "contract" and "between" in title:
        first = title[title.index("between") + 1] if title.index("between") + 1 < len(
            title) else ""
        if first != employer:
            problems.append(f"{name}: the title page names “{first[:60]}” as the employer, "
                            f"but the answer file's employer is {employer}")
    listed = [m.group(2) for m in map(_ENTRY.match, title) if m]
    for text in listed:
        if body(text) is None:
            unknown("the title page", text)
    entries = _parties_block(segments)
    for text in entries:
        who = body(text)
        if who is None and not text.startswith("["):
            unknown("PARTIES", text)
        elif "“Employer”" in text and who != employer:
            problems.append(f"{name}: PARTIES names “{text[:60]}” as the Employer, but the "
                            f"answer file's employer is {employer}")
    if kind == "agreement" and entries:
        found = [body(t) for t in entries]
        missing = [n for n in dict.fromkeys(names) if n not in found]
        problems += [f"{name}: PARTIES does not list {n}" for n in missing]
    if kind == "job_spec":
        problems += _summary_problems(facts, name, segments, unknown)
    return problems


def _title_page(segments: list[str]) -> list[str]:
    """The segments before the reference line that ends the title page."""
    for i, seg in enumerate(segments):
        if seg.startswith("Reference "):
            return segments[:i]
    return []


def _parties_block(segments: list[str]) -> list[str]:
    """The numbered entries under the PARTIES heading."""
    if "PARTIES" not in segments:
        return []
    entries = []
    for seg in segments[segments.index("PARTIES") + 1:]:
        m = _ENTRY.match(seg)
        if not m:
            break
        entries.append(m.group(2))
    return entries


def _summary_problems(facts: Facts, name: str, segments: list[str],
                      unknown: Callable[[str, str], None]) -> list[str]:
    """The job specification's table: the employer and the partner organisations."""
    names, employer, _ = _names(facts, common=True)
    partners = [printed(p.common_name) for p in facts.others]
    problems: list[str] = []
    for seg in segments:
        label, _, value = seg.partition(" | ")
        if label == "Employer" and value != employer:
            problems.append(f"{name}: the Employer row says “{value[:60]}”, but the answer "
                            f"file's employer is {employer}")
        elif label == "Partner organisations":
            listed = joined_from(value, names)
            if listed is None:
                unknown("the Partner organisations row", value)
            elif sorted(listed) != sorted(partners):
                problems.append(f"{name}: the Partner organisations row names "
                                f"“{value[:60]}”, but the partners other than the employer "
                                f"are {'; '.join(partners)}")
    return problems


def joined_from(text: str, names: list[str]) -> list[str] | None:
    """The names ``text`` joins, in order, when it is one or more of ``names`` joined as
    ``join_words`` joins them ("A", "A and B", "A, B and C"); None when it is not.

    Read as a whole, left to right: taking each name out of the text in turn also took
    letters out of the joining words (a party called "a" left "nd" of "and"), and a name
    may itself hold ", " or " and " ("Kensington and Chelsea").
    """
    paths: list[tuple[int, list[str]]] = [(0, [])]
    seen = {0}
    while paths:
        i, taken = paths.pop()
        for name in names:
            if not name or not text.startswith(name, i):
                continue
            end = i + len(name)
            if end == len(text):
                return [*taken, name]
            for joint in (", ", " and "):
                if text.startswith(joint, end) and end + len(joint) not in seen:
                    seen.add(end + len(joint))
                    paths.append((end + len(joint), [*taken, name]))
    return None
