"""The statutory powers an answer file can name for the post (``legal_basis``), where each
applies, and how free text (``legal_basis_text``, the VAT rationale) cites them. Kept apart
from :mod:`docgen.rulebook.legal`, the rules on the legal frame, as the statutes those rules
and the rules on ``payment`` (GP059) and ``payment.on_costs`` read."""

from __future__ import annotations

import re

from docgen.facts.governance import ENGLAND_AND_WALES

#: the jurisdiction each named power belongs to (GP016)
LEGAL_BASIS_HOME = {"lga_1972_s113": "england_and_wales", "lgs_1966_s35": "scotland",
                    "lgni_1972_s105": "northern_ireland"}
_SECTION = r"\b(?:section|s\.?)\s*{}\b[^;.]{{0,40}}?"
#: how free text cites each of those powers ("section 113(1A) of the Local Government Act
#: 1972", "s.113 LGA 1972", "s.35 of the Local Government (Scotland) Act 1966", "section 105
#: of the Local Government Act (Northern Ireland) 1972"), for GP054 and GP059
CITED = {
    "lga_1972_s113": re.compile(_SECTION.format(113) + r"\b(?:Local Government Act 1972|"
                                r"LGA\s*1972)", re.IGNORECASE),
    "lgs_1966_s35": re.compile(_SECTION.format(35) + r"\b(?:Local Government \(Scotland\) "
                               r"Act 1966|LG\s*\(S\)\s*A\s*1966)", re.IGNORECASE),
    "lgni_1972_s105": re.compile(_SECTION.format(105) + r"\b(?:Local Government Act "
                                 r"\(Northern Ireland\) 1972|LGA\s*\(NI\)\s*1972)",
                                 re.IGNORECASE)}
#: partnership powers free text may give as the reason for a VAT treatment ("section 75 NHS
#: Act 2006 pooled budget"), or as the power the post relies on, with the jurisdictions
#: each applies in, for GP059 and GP064: s.75 of the NHS Act 2006 in England, s.33 of the
#: NHS (Wales) Act 2006 in Wales. They make partnership arrangements (one body exercising
#: another's functions) and pooled funds and place no one (staff are supplied through s.113
#: or by secondment), so no post is placed under one
PARTNERSHIP_CITED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "section 75 of the National Health Service Act 2006": (re.compile(
        _SECTION.format(75) + r"\b(?:National Health Service Act 2006|NHS\s*Act\s*2006)",
        re.IGNORECASE), ("england", "england_and_wales")),
    "section 33 of the National Health Service (Wales) Act 2006": (re.compile(
        _SECTION.format(33) + r"\b(?:National Health Service \(Wales\) Act 2006|"
        r"NHS\s*\(Wales\)\s*Act\s*2006)", re.IGNORECASE), ("wales", "england_and_wales"))}
#: any section of any Act, or a secondment, that free text names beside a partnership power
_ANOTHER_POWER = re.compile(r"\b(?:section|s\.?)\s*\d+|\bsecond(?:ment|ed)\b", re.IGNORECASE)


def home_of(jurisdiction: str) -> str:
    """The jurisdiction whose powers apply to a post in ``jurisdiction`` (England, Wales and
    England and Wales share theirs)."""
    return "england_and_wales" if jurisdiction in ENGLAND_AND_WALES else jurisdiction


def cited_in(text: str | None) -> set[str]:
    """The powers of :data:`CITED` that ``text`` cites."""
    return {power for power, pattern in CITED.items() if pattern.search(text or "")}


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
