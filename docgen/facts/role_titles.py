"""Statutory roles are free text: which offices a role's title names ("s.151 officer" is the
chief finance officer, "Deputy Monitoring Officer" none), read by the facts, the rules and
the clause linter alike, so they can never disagree about what a role is. What each office
is under each jurisdiction's law is :mod:`docgen.facts.roles`' table."""

from __future__ import annotations

import functools
import re

#: "director of", as councils write it in a title: "Director of", "Director for", and the
#: comma, colon or dash of "Corporate Director, Children's Services"
_DIRECTOR = r"director(\s+(of|for)\s+|\s*[,:\u2013\u2014-]\s*)"

_CLERK = r"\bclerk\s+of\s+the\s+council\b"
ROLE_PATTERNS = {
    "monitoring officer": r"monitoring\s+officer",
    "chief finance officer": (r"chief\s+financ(e|ial)\s+officer|section\s*151|"
                              r"\bs\.?\s*151\b"),
    "head of paid service": r"head\s+of\s+(the\s+)?paid\s+service",
    "director of public health": _DIRECTOR + r"public\s+health",
    # also joined to another service: "Director of Adult Social Services and Children's
    # Services", "Director of Children's and Adults' Services"
    "director of children's services": (_DIRECTOR + r"([\w\s',&]*?\s(and|&)\s+)?children\W?s"
                                        r"(\W+(and|&)\s+[\w']+(\s+[\w']+)?)?\W*services"),
    "director of adult social services": _DIRECTOR + r"adult\s+social\s+(services|care)",
    # Wales: one director for adults' and children's social services (s.144 SSWA 2014)
    "director of social services": _DIRECTOR + r"social\s+services",
    # Northern Ireland's statutory title for the office: "Every council shall appoint a clerk
    # of the council" (s.41(1) of the Local Government Act (Northern Ireland) 1972). Read so
    # in every country (a role in Great Britain so written is read as a chief executive too)
    "chief executive": r"\bchief\s+executive\b|" + _CLERK,
    "returning officer": r"returning\s+officer|electoral\s+registration\s+officer",
    # Wales: designated under s.8 of the Local Government (Wales) Measure 2011; councils
    # often join it to another service ("Head of Legal, HR and Democratic Services")
    "head of democratic services": (r"\bhead\s+of\s+([\w\s,&]*?\s(and|&)\s+)?"
                                    r"democratic\s+services\b"),
    # Scotland: the officer responsible for the proper administration of a council's
    # financial affairs (s.95 of the Local Government (Scotland) Act 1973)
    "section 95 officer": (r"section\s*95\b|\bs\.?\s*95\b|proper\s+officer\s+for\s+"
                           r"(the\s+)?financ"),
    # Scotland: the chief social work officer a council appoints under s.3 of the Social Work
    # (Scotland) Act 1968, as substituted by s.45 of the Local Government etc. (Scotland) Act
    # 1994. (The monitoring officer and head of paid service, ss.4-5 of the Local Government
    # and Housing Act 1989, are offices in Scotland too: the patterns above serve.)
    "chief social work officer": r"chief\s+social\s+work\s+officer",
}


#: words before a title that make it someone else's ("Deputy Chief Executive", "Assistant
#: Director of Public Health"): a role with one of them holds none of the offices it names.
#: The rules that ask whether a role is the post itself (GP060) read the same list. Not
#: "acting" or "interim": an interim or acting monitoring officer is designated to the
#: office for the time being (s.5 LGHA 1989), so the documents must give its wording.
NOT_THE_HOLDER = ("deputy", "assistant", "associate", "vice")
NOT_HELD = re.compile(r"\b(?:" + "|".join(NOT_THE_HOLDER) + r")\b", re.IGNORECASE)
#: :data:`ROLE_PATTERNS` compiled once, as the module loads (:mod:`docgen._codecache`)
_ROLE_SEARCHES = {kind: re.compile(pattern, re.IGNORECASE)
                  for kind, pattern in ROLE_PATTERNS.items()}
#: a role written with the clerk's own title, which GP055 flags for a body that is not a council
CLERK_OF_THE_COUNCIL = re.compile(_CLERK, re.IGNORECASE)


def role_kinds(role: str) -> set[str]:
    """The statutory offices a free-text role names (``"s.151 officer"`` → chief finance).

    Deputies, assistants and associates hold none of the offices themselves
    (:data:`NOT_THE_HOLDER`): ``"Deputy Monitoring Officer"`` names none; an interim or
    acting officer holds the office for the time being.
    """
    return set(frozen_kinds(role))


@functools.lru_cache(maxsize=1024)
def frozen_kinds(role: str) -> frozenset[str]:
    """:func:`role_kinds`, worked out once for each role: the facts, the clauses' facts and
    a dozen rules each ask it of every role of a post, at some twenty searches a time."""
    if NOT_HELD.search(role):
        return frozenset()
    return frozenset(kind for kind, pattern in _ROLE_SEARCHES.items() if pattern.search(role))


__all__ = ["CLERK_OF_THE_COUNCIL", "NOT_HELD", "NOT_THE_HOLDER", "ROLE_PATTERNS",
           "frozen_kinds", "role_kinds"]
