"""What the rule modules share: the guidance they cite and a few ways of naming parties.

Each rule is a small generator: given the validated answer file ``a`` and the derived
facts ``f`` it yields ``(key path, message)`` for each thing it finds. A message says
what is wrong and how to put it right. Ids: ``GE…`` for errors (the documents would be
wrong or unlawful: nothing is written) and ``GP…`` for warnings (good practice; the
partners may accept one by listing it under ``acknowledge:`` with their reason).

``source`` names the guidance a rule comes from (the published guides and statutes that
`docgen rules` lists with each rule); ``clauses`` are the clauses its drafting note is
anchored to, nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import number
from docgen.facts.parties import PartyFacts
from docgen.facts.role_titles import role_kinds
from docgen.rulebook.registry import Finding

# --- the guidance the rules cite (listed by `docgen rules`; see docs/sources.md) ---------
SCOTTISH_GUIDE = "Joint Appointments Guide 2014 (Scotland)"
BOARD_PAPER = "Joint appointments board paper (Odgers Berndtson)"
JOINT_WORKING = "Getting the most from joint working (Morley, 2016)"
CAPITAL_AMBITION = "Implementing Shared Professionals (Capital Ambition/IES)"
GOOD_GOVERNANCE = "Good governance principles for partnership working"
DOMAIN = "docgen practice notes, docs/sources.md"
LEGAL_REVIEW = "docgen legal review of November 2026, docs/sources.md"
REVIEW_12 = "docgen legal review of December 2026, docs/sources.md"
STANDING_ORDERS = ("Local Authorities (Standing Orders) (England) Regulations 2001 (amended "
                   "2015); Local Authorities (Standing Orders) (Wales) Regulations 2006")
LGEWA_S54 = "Local Government and Elections (Wales) Act 2021 s.54 and Sch. 5"
LGSA_S35 = "Local Government (Scotland) Act 1966 s.35"
PBJWSA = "Public Bodies (Joint Working) (Scotland) Act 2014"

Findings = Iterator[Finding]


def roles_by_party(a: AnswerFile) -> dict[str, dict[str, int]]:
    """Party id → statutory office → index in ``post.statutory_roles``."""
    out: dict[str, dict[str, int]] = {}
    for i, r in enumerate(a.post.statutory_roles):
        for kind in role_kinds(r.role):
            out.setdefault(r.party, {}).setdefault(kind, i)
    return out


#: a short name's leading "the" ("the Council"), which free text naming it may leave out
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _holds_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words, in any case (a search of the
    text, not a pattern compiled from an answer for each post)."""
    hay, needle = text.casefold(), words.casefold()
    at = hay.find(needle)
    while at != -1:
        end = at + len(needle)
        if not (at and _word_char(hay[at - 1])) and not (end < len(hay)
                                                         and _word_char(hay[end])):
            return True
        at = hay.find(needle, at + 1)
    return False


def named_in(party: PartyFacts, text: str) -> bool:
    """Whether free text (a deputy's post, the post returned to) names ``party``, by its
    legal name or its short name (with or without a leading "the"), as whole words."""
    short = _THE.sub("", party.short_name)
    return any(_holds_words(text, n) for n in (party.name, short) if n)


def party_name(f: Facts, pid: str) -> str:
    """The party's short name, or its id when the id names no party."""
    return f.party[pid].short_name if pid in f.party else pid


def has_or_have(names: list[str]) -> str:
    """Subject and verb agree: "Horsham has", "Horsham and Mid Sussex have"."""
    return "has" if len(names) == 1 else "have"


def pct(value: Decimal) -> str:
    """A percent to one decimal place, as the messages print it ("33.3%")."""
    return f"{number(value.quantize(Decimal('0.1')))}%"


#: the keys that give an integration joint board its part (Scotland only)
IJB_KEYS = ("integration_joint_board", "integration_joint_board_enforces",
            "integration_joint_board_party")


#: a party's name or short name that says it is an integration joint board (compiled as the
#: module loads, so the command's table of compiled patterns keeps it)
_CALLED_A_BOARD = re.compile(r"\bintegration joint board\b|\bIJB\b", re.IGNORECASE)


def board_indexes(a: AnswerFile) -> list[int]:
    """The parties (by index) that are an integration joint board: named as the board, or
    called one ("... Integration Joint Board", "IJB")."""
    named = (a.integration_joint_board or "").casefold()
    return [i for i, p in enumerate(a.parties)
            if (named and p.name.casefold() == named)
            or _CALLED_A_BOARD.search(f"{p.name} {p.short_name}")]
