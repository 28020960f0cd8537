"""Each party's share of the post: who it is, its time, and (filled in by ``money.py``) its sums.

Kept apart from ``derive.py`` so that the money stage and the whole-post facts can both
use it without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.facts.nhs_bodies import KIND_COUNTRY, nhs_kind

#: the styles of a London council's corporation: "Mayor and Burgesses" (a London or royal
#: borough), "Lord Mayor and Citizens" (the City of Westminster), "Mayor and Commonalty (and
#: Citizens)" (the City of London); the one home of what a corporate form is
_STYLE = (r"(?:mayor\s+and\s+burgesses|lord\s+mayor\s+and\s+citizens|"
          r"mayor\s+and\s+commonalty(?:\s+and\s+citizens)?)")
#: the corporate form of a London council's name ("The Mayor and Burgesses of the London
#: Borough of Eastwick"): what comes after it is the name people use
CORPORATE_FORM = re.compile(r"^\s*the\s+" + _STYLE + r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_STYLED = re.compile(r"\b" + _STYLE + r"\b", re.IGNORECASE)
#: the London royal boroughs (the Royal Borough of Windsor and Maidenhead is not one)
LONDON_ROYAL = re.compile(r"Kensington\s+and\s+Chelsea|Kingston\s+upon\s+Thames|Greenwich",
                          re.IGNORECASE)
#: an address whose post town is London ("London E20 1AA"; not "1 London Road, Maidenhead")
IN_LONDON = re.compile(r"\bLondon\b(?=\s*(?:,|$|[A-Z]{1,2}\d))", re.IGNORECASE)
#: what follows a corporate form in a London council's name: a London borough, the City of
#: Westminster, or a royal borough (London's only where it is one of the three, or its
#: address is in London); the City of London on its own (:func:`london_council`)
_LONDON_REST = re.compile(r"London\s+Borough\s+of\s+\S|City\s+of\s+Westminster\b"
                          r"|(?P<royal>Royal\s+Borough\s+of\s+(?P<place>.+))", re.IGNORECASE)
_THE_CITY = re.compile(r"City\s+of\s+London\s*$", re.IGNORECASE)


def in_corporate_form(name: str) -> bool:
    """Whether ``name`` is written in a London corporation's style anywhere in it (GP057 then
    checks only the name after the style)."""
    return bool(_STYLED.search(name))


def common_name(name: str) -> str:
    """The name a body is known by: its legal name without a corporate form ("London
    Borough of Eastwick" for "The Mayor and Burgesses of the London Borough of Eastwick"),
    for running text a candidate reads; the agreement's parties and signatures keep the
    legal name."""
    rest = CORPORATE_FORM.sub("", name, count=1)
    return rest[:1].upper() + rest[1:] if rest and rest != name else name


def welsh_council_name(name: str) -> bool:
    """Whether a council's name is a Welsh council's Welsh name: it begins "Cyngor" (Welsh
    for council: "Cyngor Gwynedd", "Cyngor Sir Ynys Môn"), which GP034 names."""
    return name.strip().lower().startswith("cyngor ")


def london_council(name: str, address: str) -> str:
    """``city`` for the City of London's corporation, ``borough`` for a London borough's
    (Westminster's among them), by a name in a London corporation's form; ``""`` for any
    other name. The form alone says nothing of the country: "The Mayor and Burgesses of the
    Borough of Poole" was a borough outside London (and Wales had such boroughs too)."""
    if not CORPORATE_FORM.match(name):
        return ""
    rest = " ".join(CORPORATE_FORM.sub("", name, count=1).split())
    if _THE_CITY.match(rest):
        return "city"
    found = _LONDON_REST.match(rest)
    if found is None:
        return ""
    if found.group("royal") and not (LONDON_ROYAL.fullmatch(found.group("place").strip())
                                     or IN_LONDON.search(address)):
        return ""
    return "borough"


@record
class PartyFacts:
    id: str
    name: str  # the legal name, as the body contracts (parties, signatures, notices)
    short_name: str
    kind: str
    kind_text: str
    address: str
    signatory_name: str
    signatory_title: str
    notices_title: str
    notices_email: str
    is_employer: bool
    time_share: Decimal  # as written, in the split's unit
    time_percent: Decimal  # share of the post's time, 0-100
    time_text: str  # "60%" or "2 days a week" or "15 hours a week"
    percent_text: str
    days_per_week: Decimal
    days_text: str
    hours_per_week: Decimal
    line_manager: str
    sites: list[str] = field(default_factory=list)
    statutory_roles: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    # money, filled in by facts.money.money_facts()
    cost_percent: Decimal = Decimal(0)  # share of the cost base this party bears
    annual: Decimal = Decimal(0)
    annual_text: str = ""
    invoiced: bool = False  # the employer invoices the others; never itself
    per_invoice: Decimal = Decimal(0)
    final_invoice: Decimal = Decimal(0)
    per_invoice_text: str = ""
    basis_text: str = ""
    #: the name it is known by (:func:`common_name`): the job specification's running text
    common_name: str = ""
    #: both, where they differ ("London Borough of Eastwick (The Mayor and Burgesses of the
    #: London Borough of Eastwick)"): where the job specification says who the employer is
    common_and_legal_name: str = ""
    #: a council whose name is a London council's in its corporate form (:func:`london_council`),
    #: so a council in England: under England and Wales' law the agreement then cites England's
    #: general power of competence alone for it (False: its country is not known)
    in_england: bool = False
    #: an NHS body whose kind, as its legal name says, exists in one country alone
    #: (``england``: an ICB, an NHS foundation trust, NHS England; ``wales``: a Local Health
    #: Board, a Welsh special health authority), else "": which NHS Act names its powers
    nhs_country: str = ""
    #: the kind of NHS body its legal name shows (``facts/nhs_bodies.BODY_KINDS``:
    #: ``integrated_care_board``, ``nhs_england``, ``local_health_board``,
    #: ``special_health_authority``, ...), else "": which bodies the agreement's s.113(1A)(a)
    #: sentence names
    nhs_kind: str = ""
    #: ``borough`` or ``city`` for a council whose legal name is a London council's in its
    #: corporate form (:func:`london_council`), else "": read once, for ``in_england`` and
    #: for the words GP067 names it by
    london_kind: str = ""

    def __post_init__(self) -> None:
        self.nhs_kind = self.nhs_kind or nhs_kind(self.kind, self.name)
        # the country its kind fixes (nhs_bodies.nhs_country, from the kind read once)
        self.nhs_country = self.nhs_country or KIND_COUNTRY.get(self.nhs_kind, "")
        if self.kind == "local_authority":
            self.london_kind = self.london_kind or london_council(self.name, self.address)
        self.in_england = self.in_england or bool(self.london_kind)
        self.common_name = self.common_name or common_name(self.name)
        self.common_and_legal_name = self.common_and_legal_name or (
            self.name if self.common_name == self.name else f"{self.common_name} ({self.name})")


def party_time(a: AnswerFile, amount: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(percent of time, days a week, hours a week) for one party's share."""
    days, hours = a.post.days_per_week, a.post.hours_per_week
    if a.time_split.unit == "percent":
        pct = amount
    elif a.time_split.unit == "days_per_week":
        pct = amount / days * 100
    else:
        pct = amount / hours * 100
    return pct, days * pct / 100, hours * pct / 100
