"""Which country an NHS body is in, where its kind of body fixes it, and so which NHS Act
its powers come from.

A party's ``kind`` is only ``nhs_body``, and ``jurisdiction: england_and_wales`` does not say
which country a party is in, so the agreement offered every NHS party "the National Health
Service Act 2006 (in England) or the National Health Service (Wales) Act 2006 (in Wales)".
Some kinds of NHS body exist in one country only, and their legal names say which kind they
are: an integrated care board, an NHS foundation trust and NHS England are England's (bodies
of the National Health Service Act 2006); a Local Health Board and the Welsh special health
authorities (Health Education and Improvement Wales, Digital Health and Care Wales) are
Wales's (bodies of the National Health Service (Wales) Act 2006). An NHS trust may be in
either, but Wales has only three, placed there by name; any other NHS trust, and any body
these names do not recognise, stays open: the agreement keeps both Acts (or, under one
country's law, that country's) and asks legal review which applies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from docgen._records import record

#: the end of a body's name: an abbreviation in brackets may follow it ("(HEIW)"), then a
#: full stop ("NHS Frimley ICB.") and spaces
_END = r"\s*(?:\([^()]*\)\s*)?\.?\s*$"
#: a clause after a body's own name saying who hosts it or for whom it acts ("X NHS Trust,
#: hosted by Y ICB"; "X ICB, acting on behalf of NHS England"): the body is X, so the clause
#: is left out before its kind is read
_HOSTED = re.compile(r"\s*,?\s*\b(?:hosted\s+by|(?:acting\s+)?on\s+behalf\s+of)\b.*$",
                     re.IGNORECASE | re.DOTALL)
#: between the English and Welsh halves of a bilingual name ("Hywel Dda University Health
#: Board / Bwrdd Iechyd Prifysgol Hywel Dda"): a slash or a dash with spaces either side
_HALVES = re.compile(r"\s+[/\u2013\u2014-]\s+")
#: the kinds of NHS body that exist in one country alone, each with that country and the
#: pattern its legal name matches (first match names the kind), compiled as the module loads;
#: a kind's words end the name ("X NHS Trust (Y ICB)" is no ICB)
BODY_KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # an integrated care board (Health and Care Act 2022)
    ("integrated_care_board", "england", re.compile(
        r"(?:\bintegrated\s+care\s+board|\bICB)" + _END, re.IGNORECASE)),
    ("foundation_trust", "england", re.compile(r"\bNHS\s+foundation\s+trust" + _END,
                                               re.IGNORECASE)),
    # NHS England: the NHS Commissioning Board's name since 2022
    ("nhs_england", "england", re.compile(r"^\s*NHS\s+England" + _END, re.IGNORECASE)),
    # a Local Health Board ("Powys Teaching Local Health Board"; every one is known as a
    # "University" or "Teaching" Health Board, in Welsh a "Bwrdd Iechyd", which begins the
    # Welsh name: "Bwrdd Iechyd Prifysgol Aneurin Bevan")
    ("local_health_board", "wales", re.compile(
        r"(?:\blocal\s+health\s+board|\b(?:university|teaching)\s+health\s+board)" + _END
        + r"|^\s*bwrdd\s+iechyd\b", re.IGNORECASE)),
    # the two Welsh special health authorities, by their English or Welsh names (Health
    # Education and Improvement Wales, "Addysg a Gwella Iechyd Cymru"; Digital Health and
    # Care Wales, "Iechyd a Gofal Digidol Cymru"), the English name with "Special Health
    # Authority" after it or not, an abbreviation in brackets after the name allowed
    ("special_health_authority", "wales", re.compile(
        r"^\s*(?:(?:health\s+education\s+and\s+improvement\s+wales"
        r"|digital\s+health\s+and\s+care\s+wales)(?:\s+special\s+health\s+authority)?"
        r"|addysg\s+a\s+gwella\s+iechyd\s+cymru|iechyd\s+a\s+gofal\s+digidol\s+cymru)"
        + _END, re.IGNORECASE)),
    # Wales's three NHS trusts (public fact, not in the domain notes: NHS Wales lists seven
    # Local Health Boards, three NHS trusts, Velindre University NHS Trust, Public Health
    # Wales NHS Trust and Welsh Ambulance Services University NHS Trust, and two special
    # health authorities; Velindre and the ambulance trust were once named without
    # "University", and the ambulance trust is often written "Service"), matched by whole
    # name, an abbreviation in brackets after it allowed; and their Welsh names, as the
    # trusts' own Welsh pages give them: "Ymddiriedolaeth GIG Prifysgol Felindre",
    # "Iechyd Cyhoeddus Cymru", "Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru"
    ("welsh_nhs_trust", "wales", re.compile(
        r"^\s*(?:(?:velindre(?:\s+university)?|public\s+health\s+wales"
        r"|welsh\s+ambulance\s+services?(?:\s+university)?)\s+nhs\s+trust"
        r"|ymddiriedolaeth\s+gig(?:\s+prifysgol)?\s+(?:felindre"
        r"|gwasanaeth(?:au)?\s+ambiwlans\s+cymru)"
        r"|(?:ymddiriedolaeth\s+gig\s+)?iechyd\s+cyhoeddus\s+cymru)" + _END, re.IGNORECASE)),
)
#: a kind of body named anywhere in a name, by country: a name ending in one country's kind
#: that names the other's too ("Shawbury ICB and Powys Teaching Local Health Board") is open
_MENTIONS = {
    "england": re.compile(r"\bintegrated\s+care\s+board\b|\bICB\b|\bNHS\s+foundation\s+trust\b",
                          re.IGNORECASE),
    "wales": re.compile(r"\blocal\s+health\s+board\b|\b(?:university|teaching)\s+health\s+"
                        r"board\b|\bbwrdd\s+iechyd\b", re.IGNORECASE),
}
#: each of those kinds → its country
KIND_COUNTRY = {kind: country for kind, country, _ in BODY_KINDS}


def nhs_kind(kind: str, name: str) -> str:
    """The kind of NHS body, of those in :data:`BODY_KINDS`, that an NHS body's legal name
    shows (``integrated_care_board``, ``local_health_board``, ...); ``""`` for a party that
    is no NHS body, a name no pattern matches, or one that matches kinds of both countries
    (its country is then open, as the warning on a contradicting jurisdiction needs). A
    bilingual name ("English / Welsh", or with a spaced dash) is read whole, then, if that
    shows no kind, by halves: every half must show the same kind (halves of different kinds,
    or a half not recognised, leave it open)."""
    if kind != "nhs_body":
        return ""
    whole = _kind_of(name)
    halves = _HALVES.split(name)
    if whole or len(halves) < 2:
        return whole
    # a bilingual name: each half names the same body, so each must show the same kind
    kinds = {_kind_of(half) for half in halves}
    return kinds.pop() if len(kinds) == 1 else ""


def _kind_of(name: str) -> str:
    """The kind one name shows (:func:`nhs_kind`, the name not split in halves)."""
    name = _HOSTED.sub("", name)
    found = [(k, country) for k, country, pattern in BODY_KINDS if pattern.search(name)]
    countries = {country for _, country in found}
    if len(countries) != 1 or any(p.search(name) for c, p in _MENTIONS.items()
                                  if c not in countries):
        return ""
    return found[0][0]


def nhs_country(kind: str, name: str) -> str:
    """``england`` or ``wales`` where an NHS body's legal name shows a kind of body that
    exists in that country alone; ``""`` where its country is open (an NHS trust, a body
    not recognised, a name that matches both, or a party that is no NHS body)."""
    return KIND_COUNTRY.get(nhs_kind(kind, name), "")


class _NhsParty(Protocol):
    kind: str
    nhs_country: str


@record
class NhsActs:
    """NHS parties whose powers come from one Act: ``country`` is ``england`` (the National
    Health Service Act 2006), ``wales`` (the National Health Service (Wales) Act 2006) or
    ``""`` (either: the agreement names both, and asks legal review which applies)."""

    country: str
    parties: list[_NhsParty]


def nhs_acts(jurisdiction: str, parties: Sequence[_NhsParty]) -> list[NhsActs]:
    """The NHS parties grouped by the Act the agreement names for them, England's bodies
    first, then Wales's, then those whose country is open. A body's kind, where it fixes its
    country, says which Act gives it its powers whatever law the agreement is under (an
    integrated care board's are the National Health Service Act 2006's even under
    ``jurisdiction: wales``); otherwise England's or Wales's law alone says the country."""
    nhs = [p for p in parties if p.kind == "nhs_body"]
    law = {"england": "england", "wales": "wales"}.get(jurisdiction, "")
    groups = [NhsActs(country, [p for p in nhs if (p.nhs_country or law) == country])
              for country in ("england", "wales", "")]
    return [g for g in groups if g.parties]
