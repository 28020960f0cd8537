"""Statutory roles are free text: recognise the ones the law says something about.

Both the rules (which flag a problem) and the clauses (which print the statutory
wording for a role) read these, so they can never disagree about what a role is.
"""

from __future__ import annotations

import functools
import re

#: "director of", as councils write it in a title: "Director of", "Director for", and the
#: comma, colon or dash of "Corporate Director, Children's Services"
_DIRECTOR = r"director(\s+(of|for)\s+|\s*[,:\u2013\u2014-]\s*)"

ROLE_PATTERNS = {
    "monitoring officer": r"monitoring\s+officer",
    "chief finance officer": (r"chief\s+financ(e|ial)\s+officer|section\s*151|"
                              r"\bs\.?\s*151\b"),
    "head of paid service": r"head\s+of\s+(the\s+)?paid\s+service",
    "director of public health": _DIRECTOR + r"public\s+health",
    "director of children's services": _DIRECTOR + r"children\W?s\W*services",
    "director of adult social services": _DIRECTOR + r"adult\s+social\s+(services|care)",
    # Wales: one director for adults' and children's social services (s.144 SSWA 2014)
    "director of social services": _DIRECTOR + r"social\s+services",
    "chief executive": r"\bchief\s+executive\b",
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


def role_kinds(role: str) -> set[str]:
    """The statutory offices a free-text role names (``"s.151 officer"`` → chief finance).

    Deputies, assistants and associates hold none of the offices themselves
    (:data:`NOT_THE_HOLDER`): ``"Deputy Monitoring Officer"`` names none; an interim or
    acting officer holds the office for the time being.
    """
    return set(_kinds(role))


@functools.lru_cache(maxsize=1024)
def _kinds(role: str) -> frozenset[str]:
    """:func:`role_kinds`, worked out once for each role: the facts, the clauses' facts and
    a dozen rules each ask it of every role of a post (46 times for the three-council
    example), at some twenty searches a time."""
    if NOT_HELD.search(role):
        return frozenset()
    return frozenset(kind for kind, pattern in ROLE_PATTERNS.items()
                     if re.search(pattern, role, re.IGNORECASE))



#: the offices :func:`role_kinds` names that no council holds under a jurisdiction's law: the
#: one home of that fact, which GP054, GP056 (for England, Wales and "England and Wales") and
#: the facts' ``legal.own_office_hosts`` all read. England's directors of adult social
#: services (s.6 of the Local Authority Social Services Act 1970) and of children's services
#: (s.18 of the Children Act 2004) and its director of public health (s.73A of the National
#: Health Service Act 2006; in Wales a Local Health Board's) in Wales; Wales' director of
#: social services (s.144 of the Social Services and Well-being (Wales) Act 2014) and head of
#: democratic services (s.8 of the Local Government (Wales) Measure 2011) in England;
#: Scotland's section 95 officer and chief social work officer in either.
#:
#: "England and Wales" does not say which country the councils are in. England's offices stay
#: (each is English whoever names it, so the documents print their English statute:
#: docs/sources.md, "England's offices under England and Wales"); Wales' two go. A council in
#: Wales does hold a director of social services under s.144, but under "England and Wales"
#: the title does not show that the council is Welsh ("director of social services" was
#: England's office too until the Children Act 2004, and English councils still use the
#: title), so the documents treat the role as they treat a Welsh head of democratic services
#: there: they cite no statute for it, GP056 says to set ``jurisdiction: wales`` if the
#: councils are Welsh, and GP054 and the agreement's note do not call it a council's own
#: office (under ``wales`` they do). What GP056 writes of each is
#: ``rulebook/offices.OTHER_COUNTRY_OFFICES``. Scotland and Northern Ireland are not listed:
#: GP054 reads its own list there
_SCOTTISH = frozenset({"section 95 officer", "chief social work officer"})
_WELSH = frozenset({"head of democratic services", "director of social services"})
NOT_A_COUNCIL_OFFICE: dict[str, frozenset[str]] = {
    "england": _SCOTTISH | _WELSH,
    "wales": _SCOTTISH | {"director of adult social services", "director of children's services",
                          "director of public health"},
    "england_and_wales": _SCOTTISH | _WELSH}


def council_offices(role: str, jurisdiction: str) -> set[str]:
    """The offices a role names (:func:`role_kinds`) that a council can hold under
    ``jurisdiction``'s law (not those of :data:`NOT_A_COUNCIL_OFFICE`): what GP054 and the
    facts' ``legal.own_office_hosts`` read."""
    return set(_kinds(role) - NOT_A_COUNCIL_OFFICE.get(jurisdiction, frozenset()))


#: the provision by which a council gives an office to "one of their officers" (so that only
#: s.113(2) of the Local Government Act 1972 lets another body's officer hold it), by the
#: jurisdictions in which docgen cites it, as docs/sources.md states them: the monitoring
#: officer (s.5(1) of the Local Government and Housing Act 1989), the head of paid service in
#: England (s.4(1) of that Act), the chief finance officer (s.151 of the Local Government Act
#: 1972), a Welsh council's head of democratic services (s.8(1)(a) of the Local Government
#: (Wales) Measure 2011) and England's director of public health ("an officer of the local
#: authority", s.73A(2) of the National Health Service Act 2006). The agreement's note on a
#: statutory office under another power cites these for the offices present
#: (``legal.own_office_duties``); an office not listed (England's directors of adult and of
#: children's services, Wales' director of social services, a Welsh head of paid service)
#: the note names no provision for
_EW = ("england", "wales", "england_and_wales")
OWN_OFFICER_DUTY: dict[str, dict[str, str]] = {
    "monitoring officer": dict.fromkeys(
        _EW, "section 5(1) of the Local Government and Housing Act 1989"),
    "head of paid service": {
        "england": "section 4(1) of the Local Government and Housing Act 1989"},
    "chief finance officer": dict.fromkeys(_EW, "section 151 of the Local Government Act 1972"),
    "head of democratic services": {
        "wales": "section 8(1)(a) of the Local Government (Wales) Measure 2011"},
    "director of public health": dict.fromkeys(
        ("england", "england_and_wales"),
        "section 73A(2) of the National Health Service Act 2006")}


def own_officer_duties(offices: set[str], jurisdiction: str) -> list[tuple[str, str]]:
    """(office, provision) for each of ``offices`` that :data:`OWN_OFFICER_DUTY` cites under
    ``jurisdiction``'s law, in that table's order."""
    return [(office, where[jurisdiction]) for office, where in OWN_OFFICER_DUTY.items()
            if office in offices and jurisdiction in where]


#: where a council's head of paid service is its chief executive, appointed under s.54 of the
#: Local Government and Elections (Wales) Act 2021 (in force 5 May 2022), which replaced the
#: designation of a head of paid service for principal councils
CHIEF_EXECUTIVE_FOR_HEAD = frozenset({"wales"})


def printed_role(role: str, jurisdiction: str, party_kind: str) -> str:
    """A statutory role as the documents print it. In Wales a council's head of paid service
    is its chief executive appointed under s.54 of the 2021 Act, so a role written "Head of
    Paid Service" there prints as "Chief Executive (Head of Paid Service)", which the s.54
    wording beside it then fits; the role stays in it as written, as the read-back check of
    the answer file's free text requires (GP046 still asks for it to be written "Chief
    Executive"). A role that names the chief executive already ("Chief Executive and Head of
    Paid Service"), any other role, and every role in England, Scotland or Northern Ireland
    print as written."""
    kinds = _kinds(role)
    if (jurisdiction in CHIEF_EXECUTIVE_FOR_HEAD and party_kind == "local_authority"
            and "head of paid service" in kinds and "chief executive" not in kinds):
        return f"Chief Executive ({role})"
    return role
