"""The statutory powers an answer file can name for the post (``legal_basis``), where each
applies, and how free text (``legal_basis_text``, the VAT rationale) cites them. Kept apart
from :mod:`docgen.rulebook.legal`, the rules on the legal frame, as the statutes those rules
and the rules on ``payment`` (GP059) and ``payment.on_costs`` read. How text cites the
statutory legal bases (``CITED``, ``cited_in``) is ``docgen.facts.jurisdictions``'."""

from __future__ import annotations

import re

from docgen.answers.powers import LEGAL_BASIS_HOME, home_of
from docgen.facts.formatting import join_words, upper_first
from docgen.facts.jurisdictions import CITED, SECTION, cited_in

#: the names the rules read here: how text cites the legal bases (:data:`CITED`,
#: :func:`cited_in`) is the facts' (``docgen.facts.jurisdictions``, where ``legal.cites_s113``
#: is worked out), so that the rules and the clauses read one pattern; where each power
#: applies (:data:`LEGAL_BASIS_HOME`, :func:`home_of`) is ``docgen.answers.powers``', which
#: the interview reads too
__all__ = ["CITED", "is_fire_authority", "LEGAL_BASIS_HOME", "PARTNERSHIP_CITED", "cited_in",
           "fire_authority_words", "home_of", "partnership_in", "partnership_only"]

#: partnership powers free text may give as the reason for a VAT treatment ("section 75 NHS
#: Act 2006 pooled budget"), or as the power the post relies on, with the jurisdictions
#: each applies in, for GP059 and GP064: s.75 of the NHS Act 2006 in England, s.33 of the
#: NHS (Wales) Act 2006 in Wales. They make partnership arrangements (one body exercising
#: another's functions) and pooled funds and place no one (staff are supplied through s.113
#: or by secondment), so no post is placed under one
PARTNERSHIP_CITED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "section 75 of the National Health Service Act 2006": (re.compile(
        SECTION.format(75) + r"\b(?:National Health Service Act 2006|NHS\s*Act\s*2006)",
        re.IGNORECASE), ("england", "england_and_wales")),
    "section 33 of the National Health Service (Wales) Act 2006": (re.compile(
        SECTION.format(33) + r"\b(?:National Health Service \(Wales\) Act 2006|"
        r"NHS\s*\(Wales\)\s*Act\s*2006)", re.IGNORECASE), ("wales", "england_and_wales"))}
#: any section of any Act, or a secondment, that free text names beside a partnership power
_ANOTHER_POWER = re.compile(r"\b(?:section|s\.?)\s*\d+|\bsecond(?:ment|ed)\b", re.IGNORECASE)


def partnership_in(text: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The partnership power ``text`` cites and the jurisdictions it applies in, or None."""
    return next(((name, where) for name, (pattern, where) in PARTNERSHIP_CITED.items()
                 if pattern.search(text or "")), None)


def partnership_only(text: str | None) -> str | None:
    """The partnership power ``text`` cites when it names no other section of an Act and no
    secondment beside it (``"section 75 of the NHS Act 2006"``, not ``"section 113 of the
    Local Government Act 1972, the pooled fund under section 75 of the NHS Act 2006"``), or
    None."""
    found = partnership_in(text)
    if found is None:
        return None
    rest = PARTNERSHIP_CITED[found[0]][0].sub("", text or "")
    return None if _ANOTHER_POWER.search(rest) else found[0]


#: a name saying its body is a fire and rescue authority that is not a council ("Humberside
#: Fire Authority", "… Fire and Rescue Authority", "London Fire Commissioner", "Police, Fire
#: and Crime Commissioner for …"). s.113 of the Local Government Act 1972 is a power of
#: "local authorities", councils as s.270(1) of that Act defines them; a council that is its
#: area's fire and rescue authority is named as a council and not found here (GP017)
_FIRE_AUTHORITY = re.compile(r"\bfire\b(?:\s+and\s+rescue)?\s+(?:authority|service)\b|"
                             r"\bfire\s+(?:and\s+crime\s+)?commissioner\b", re.IGNORECASE)
#: a council named with its fire and rescue service beside it ("West Sussex County Council
#: (West Sussex Fire and Rescue Service)") is a council
_COUNCIL = re.compile(r"\bcouncil\b", re.IGNORECASE)


def is_fire_authority(name: str) -> bool:
    """Whether ``name`` says its body is a fire and rescue authority that is not a council
    (GP017)."""
    return bool(_FIRE_AUTHORITY.search(name)) and not _COUNCIL.search(name)


def fire_authority_words(names: list[str]) -> str:
    """What GP017 says, before its instruction, of the parties ``names`` whose names say they
    are fire and rescue authorities: whether s.113 reaches one that is not a council depends
    on the law constituting it (a combination scheme under s.2 or s.4 of the Fire and Rescue
    Services Act 2004 or an order under s.4A of that Act; for a metropolitan county's, the
    Local Government Act 1985), which docgen cannot read, so it asks for a lawyer's
    confirmation rather than saying yes or no."""
    one = len(names) == 1
    return (f"{upper_first(join_words(names))} {'is a' if one else 'are'} fire and rescue "
            f"{'authority' if one else 'authorities'} by {'its' if one else 'their'} name. "
            "Section 113 lets a local authority (a council, as section 270(1) of the Local "
            "Government Act 1972 defines it) place its officers with another local authority "
            "or an NHS body; a fire and rescue authority that is not itself a council (a "
            "combined fire and rescue authority, a metropolitan county fire and rescue "
            "authority, the London Fire Commissioner or a police, fire and crime commissioner) "
            "can use it only if an Act or order applies section 113 to it (the scheme or "
            "order that set it up, for example). Have a lawyer confirm that one does before "
            "the agreement is signed, then ")
