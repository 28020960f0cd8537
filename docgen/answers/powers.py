"""The statutory powers ``legal_basis`` can name: the law each belongs to, the power each
law has, and whom each lets an employer place the post-holder with. One home, below the
facts, the rules and the interview, so that the facts (which hosts a basis reaches), the
rules (GP016, GP017, GP047, GP059) and the interview (the bases each law's page offers, the
standing legal basis of a new post), which may not import the facts or the rules, read one
table and cannot disagree: the interview once chose s.113 for an NHS employer hosting an NHS
trust, which GP017 then warned about."""

from __future__ import annotations

from collections.abc import Iterable

#: jurisdiction values whose law is that of England and Wales
ENGLAND_AND_WALES = ("england_and_wales", "england", "wales")
#: the jurisdiction each named power belongs to (GP016)
LEGAL_BASIS_HOME = {"lga_1972_s113": "england_and_wales", "lgs_1966_s35": "scotland",
                    "lgni_1972_s105": "northern_ireland"}


def laws_of(home: str) -> tuple[str, ...]:
    """The jurisdiction values sharing the powers of ``home`` (England, Wales and England
    and Wales share theirs)."""
    return ENGLAND_AND_WALES if home == "england_and_wales" else (home,)


def home_of(jurisdiction: str) -> str:
    """The jurisdiction whose powers apply to a post in ``jurisdiction``."""
    return "england_and_wales" if jurisdiction in ENGLAND_AND_WALES else jurisdiction


#: the legal_basis that places staff between public bodies under each law (a post using
#: one of these is checked against its parties' jurisdictions; secondment is not)
STATUTORY_POWERS: dict[str, str] = {
    law: power for power, home in LEGAL_BASIS_HOME.items() for law in laws_of(home)}

#: by legal basis and employer kind, the kinds of host the statute lets the employer place
#: the post-holder's services with (s.113(1) and (1A) LGA 1972: an NHS body's officers only
#: with a local authority, s.113(1A)(b); s.35(1) LG(S)A 1966: between local authorities).
#: s.105 LGA (NI) 1972 is not listed: docgen reads it as reaching every host (a council's
#: services to any public body, s.105(1)(b), a public body's under s.105(3)), and so does a
#: power named under ``other``
STATUTE_REACH: dict[str, dict[str, tuple[str, ...]]] = {
    "lga_1972_s113": {"local_authority": ("local_authority", "nhs_body"),
                      "nhs_body": ("local_authority",)},
    "lgs_1966_s35": {"local_authority": ("local_authority",)}}


def reaches(basis: str, employer_kind: str, host_kinds: Iterable[str]) -> bool:
    """Whether ``basis`` lets an employer of ``employer_kind`` place the post-holder with
    hosts of every one of ``host_kinds`` (:data:`STATUTE_REACH`; a basis it does not list
    reaches every host, a secondment aside, which places no one under a statute)."""
    if basis == "secondment":
        return False
    if basis not in STATUTE_REACH:
        return True
    kinds = STATUTE_REACH[basis].get(employer_kind)
    return kinds is not None and all(kind in kinds for kind in host_kinds)


__all__ = ["ENGLAND_AND_WALES", "LEGAL_BASIS_HOME", "STATUTE_REACH", "STATUTORY_POWERS",
           "home_of", "laws_of", "reaches"]
