"""Rules on who the parties are and who employs: an integration joint board can be
neither the employer nor a party that shares the post's time and cost, a London council
signs in its corporate name, an NHS employer's post is graded on NHS terms, and a partner
docgen knows is in one country is not put under the other country's law alone."""

from __future__ import annotations

import re

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.jurisdictions import JURISDICTIONS
from docgen.facts.nhs_bodies import KIND_COUNTRY
from docgen.facts.parties import (
    CORPORATE_FORM,
    IN_LONDON,
    LONDON_ROYAL,
    in_corporate_form,
)
from docgen.rulebook.common import (
    DOMAIN,
    PBJWSA,
    REVIEW_12,
    Findings,
    board_indexes,
)
from docgen.rulebook.registry import rule, told, way


@rule("GE010", "error", "employer", PBJWSA + " (the integration joint board's chief officer)",
      "an integration joint board does not employ the chief officer",
      clauses=("agreement.background",))
def ijb_employer(a: AnswerFile, f: Facts) -> Findings:
    boards = board_indexes(a)
    for i in boards:
        p = a.parties[i]
        if p.id == a.employer:
            councils = [q.id for j, q in enumerate(a.parties) if j not in boards
                        and q.kind in ("local_authority", "nhs_body")]
            yield ("employer",), (
                f"{p.name} is an integration joint board, and an integration joint board does "
                "not employ the chief officer: the chief officer is employed by the health "
                "board or a council and appointed by the board. Make that body the employer"
                + (f" (employer: {councils[0]})" if councils else "")
                + ", and give the board its part with integration_joint_board and "
                "integration_joint_board_party")


@rule("GE011", "error", "parties", REVIEW_12 + ", Scotland (IJB as a party)",
      "an integration joint board cannot be one of the parties that share the time and cost",
      clauses=("agreement.background",))
def ijb_sharing_party(a: AnswerFile, f: Facts) -> Findings:
    for i in board_indexes(a):
        p = a.parties[i]
        if p.id != a.employer:
            yield ("parties", i, "name"), (
                f"{p.name} is an integration joint board listed under parties, the bodies "
                "that share the post's time and cost; docgen cannot write an agreement in "
                "which an integration joint board takes a share of the time or pays towards "
                f"the post. Remove '{p.id}' from parties (and from time_split, management and "
                "payment) and give the board its part with integration_joint_board and "
                "integration_joint_board_party (a party that pays nothing) or "
                "integration_joint_board_enforces: true")


# the patterns below are compiled as the module loads, so the command's table of compiled
# patterns keeps them (docgen._codecache), not on each name's first search
_AMPERSAND = re.compile(r"\s*&\s*")
_UPON = re.compile(r"(\s*-\s*|\s+)upon(\s*-\s*|\s+)", re.IGNORECASE)
#: "the" before a council's name and "Council" or "Corporation" after it
_COUNCIL_WORDS = re.compile(r"^\s*the\s+|\s+(council|corporation)\s*$", re.IGNORECASE)
_WESTMINSTER = re.compile(r"\bWestminster\b")
_CITY = re.compile(r"\bcity\b", re.IGNORECASE)
_CITY_OF_LONDON = re.compile(r"(the\s+)?(City\s+of\s+London|Common\s+Council\s+of\s+the\s+"
                             r"City\s+of\s+London)", re.IGNORECASE)
_LONDON_BOROUGH_OF = re.compile(r"\bLondon\s+Borough\s+of\s+(.+)$")
_LONDON_BOROUGH = re.compile(r"(.+?)\s+London\s+Borough(\s+Council)?")
_ROYAL_BOROUGH_OF = re.compile(r"\bRoyal\s+Borough\s+of\s+(.+)$")
_WINDSOR = re.compile(r"Windsor\b", re.IGNORECASE)


def _as_chartered(place: str) -> str:
    """A borough's name as its corporate name spells it: "and" for "&" ("Hammersmith &
    Fulham"), "upon" without hyphens ("Kingston-upon-Thames")."""
    place = _AMPERSAND.sub(" and ", place)
    place = _UPON.sub(" upon ", place)
    return " ".join(place.split())


def london_corporate_name(name: str, address: str) -> str:
    """The corporate name of the London council ``name`` describes, when ``name`` is not
    that name already; "" for any other name. A "Royal Borough of" outside the three
    London royal boroughs counts only when its address's post town is London (never
    Windsor and Maidenhead). A name in a corporate form is checked after the form: "The
    Mayor and Burgesses of the London Borough of Hammersmith & Fulham" is not the name
    (its corporation is "of Hammersmith and Fulham"), nor is a royal borough "of the London
    Borough of"."""
    name = " ".join(name.split())
    if in_corporate_form(name):
        rest = CORPORATE_FORM.sub("", name, count=1)
        proper = london_corporate_name(rest, address) if rest != name else ""
        return proper if proper.casefold() != name.casefold() else ""
    short = _COUNCIL_WORDS.sub("", name.strip())
    if _WESTMINSTER.search(short) and _CITY.search(short):
        return "The Lord Mayor and Citizens of the City of Westminster"
    if _CITY_OF_LONDON.fullmatch(short):
        return "The Mayor and Commonalty and Citizens of the City of London"
    borough = _LONDON_BOROUGH_OF.search(short) or _LONDON_BOROUGH.fullmatch(name.strip())
    if borough:
        place = _as_chartered(borough.group(1).strip())
        kind = "Royal" if LONDON_ROYAL.fullmatch(place) else "London"
        return f"The Mayor and Burgesses of the {kind} Borough of {place}"
    royal = _ROYAL_BOROUGH_OF.search(short)
    where = _as_chartered(royal.group(1).strip()) if royal else ""
    if royal and not _WINDSOR.match(where) and (
            LONDON_ROYAL.fullmatch(where) or IN_LONDON.search(address)):
        return f"The Mayor and Burgesses of the Royal Borough of {where}"
    return ""


@rule("GP057", "warning", "parties", "London Government Act 1963 s.1 (each London borough's "
      "charter of incorporation); Local Government Act 1972 s.8 and Sch. 2 (" + DOMAIN + ")",
      "a London council is named by its corporate name ('The Mayor and Burgesses of the London "
      "Borough of ...')", clauses=("agreement.background",))
def london_council_corporate_name(a: AnswerFile, f: Facts) -> Findings:
    """The council of a London borough acts for the borough's corporation, whose name is
    "The Mayor and Burgesses of the London Borough of X" (of the Royal Borough, for
    Kensington and Chelsea, Kingston upon Thames and Greenwich); Westminster's is "The Lord
    Mayor and Citizens of the City of Westminster" and the City of London's "The Mayor and
    Commonalty and Citizens of the City of London". The agreement's parties clause, cover and
    signature blocks print the party's name as given."""
    for i, p in enumerate(a.parties):
        proper = london_corporate_name(p.name, p.address) if p.kind == "local_authority" \
            else ""
        if proper:
            shown = " ".join(p.name.split())  # on one line, as a message is printed
            said = f"is not quite {p.short_name}'s corporate name" if in_corporate_form(
                shown) else f"is how {p.short_name} is known, not its corporate name"
            yield ("parties", i, "name"), (
                f"'{shown}' {said}, which the agreement's parties clause and signature block "
                "should give: a London council contracts in its corporation's name. Write the "
                f"legal name as '{proper}'")


#: a grade on local-government terms: the National Joint Council for Local Government
#: Services' (the "Green Book") or a Joint Negotiating Committee's (chief officers, chief
#: executives)
_COUNCIL_TERMS = re.compile(r"\b(?:NJC|JNC)\b", re.IGNORECASE)


@rule("GP065", "warning", "employer", DOMAIN + " (pay terms: the NHS Terms and Conditions "
      "of Service Handbook (Agenda for Change), the NHS's very senior managers' framework and "
      "consultant contract; the NJC and JNC terms for local government)",
      "an NHS employer's post is graded on NHS terms, not a council's NJC or JNC terms",
      clauses=("agreement.post", "contract.pay"), documents=("agreement", "contract"))
def nhs_employer_council_grade(a: AnswerFile, f: Facts) -> Findings:
    """An NHS body employs the post-holder but ``post.grade`` names a council's terms ("JNC
    Chief Officers", "NJC"): the agreement and contract would say a Trust's employee is graded
    under terms the Trust does not apply. NHS staff are on Agenda for Change, the NHS's
    framework for very senior managers or the medical and dental consultant contract; a
    council grade may be kept by agreement (a council officer transferred to the NHS body),
    which is acknowledged with its reason."""
    grade = a.post.grade or ""
    if f.employer.kind != "nhs_body" or not _COUNCIL_TERMS.search(grade):
        return
    yield ("post", "grade"), told(
        f"{f.employer.short_name}, an NHS body, employs the post-holder, but the grade "
        f"'{grade}' is on local-government terms (the National Joint Council's or a Joint "
        "Negotiating Committee's); an NHS body's staff are on Agenda for Change, the NHS's "
        "pay framework for very senior managers (in England, the Very Senior Managers pay "
        "framework) or the medical and dental consultant contract. ", "Give the grade under "
        f"{f.employer.short_name}'s terms in post.grade, or acknowledge GP065",
        way("post.grade"), way("acknowledge=GP065"),
        after=" with the reason the local-government grade is kept (for example, agreed "
        "when the post-holder transferred)")


#: what a partner whose country docgen knows is, and where, by the kind of NHS body its name
#: shows (``facts/nhs_bodies.py``) or a London council's (``borough``, ``city``:
#: ``PartyFacts.london_kind``, which ``in_england`` reads too)
_IN_ONE_COUNTRY = {
    "integrated_care_board": "an integrated care board, which exists in England only",
    "foundation_trust": "an NHS foundation trust, which exists in England only",
    "nhs_england": "the national NHS body for England only",
    "local_health_board": "a Local Health Board, which exists in Wales only",
    "special_health_authority": "a special health authority of the NHS in Wales, which "
                                "exists in Wales only",
    "welsh_nhs_trust": "one of the three NHS trusts in Wales",
    "borough": "a London council, which is in England",
    "city": "the City of London Corporation, which is in England",
}
#: the country whose law a jurisdiction chooses alone, by its name in the facts' table
#: (``england_and_wales`` chooses two)
_LAW_OF = {key: str(j["name"]) for key, j in JURISDICTIONS.items()
           if key != "england_and_wales"}


@rule("GP067", "warning", "parties", "Health and Care Act 2022 (integrated care boards); "
      "National Health Service (Wales) Act 2006 s.11 (Local Health Boards); London "
      "Government Act 1963 s.1 (" + DOMAIN + ")",
      "a partner that exists in one country only is not put under another country's law "
      "alone", clauses=("agreement.background",))
def partner_in_other_country(a: AnswerFile, f: Facts) -> Findings:
    """The answers choose one country's law alone (``jurisdiction``), but a partner's legal
    name shows it is in another: an integrated care board or a London council under Wales',
    Scotland's or Northern Ireland's law, a Local Health Board under England's. Its powers
    are still its own country's (the agreement names its own NHS Act), but the governing
    law, the statutory offices and the general power of competence follow the jurisdiction
    chosen, and under Scotland's or Northern Ireland's law so do the agreement's freedom of
    information law, NHS guidance and vetting scheme (a post across that border is beyond
    one answer file: a lawyer adapts it). A partner whose country is open (an NHS trust, a
    council not in a London corporate name) is not warned about."""
    law = _LAW_OF.get(a.jurisdiction)
    if law is None:
        return
    for i, p in enumerate(f.parties):
        kind = p.nhs_kind or p.london_kind  # the party's own facts, read once
        country = KIND_COUNTRY.get(kind, "england" if kind in ("borough", "city") else "")
        if not country or country == a.jurisdiction:
            continue
        shown = " ".join(p.name.split())  # on one line, as a message is printed
        own = _LAW_OF[country]  # the partner's own country's law, then both countries'
        said = f"{shown} is {_IN_ONE_COUNTRY[kind]}, but the answers choose the law of {law}"
        if a.jurisdiction in ("england", "wales"):
            yield ("parties", i, "name"), told(
                f"{said}; ", f"set jurisdiction: {country} or england_and_wales",
                way(f"jurisdiction={country}"), way("jurisdiction=england_and_wales"),
                after=f" ({own} if every partner is in {own}, England and Wales if the "
                "partners are in both countries)")
            continue
        yield ("parties", i, "name"), told(
            f"{said}, so the documents would put it under {law}'s freedom of information "
            "law, NHS guidance and vetting scheme; ",
            f"set jurisdiction: {country}, or acknowledge GP067",
            way(f"jurisdiction={country}"), way("acknowledge=GP067"),
            after=f" ({own} if every partner is in {own}; if some are in {law}, only once "
            "a lawyer has adapted the agreement for a post that crosses the border)")
