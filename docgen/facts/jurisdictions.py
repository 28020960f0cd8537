"""What each jurisdiction and legal basis prints: governing law, courts, FOI statute; and
how free text (``legal_basis_text``, the VAT rationale) cites the statutory legal bases.

``england`` and ``wales`` share the law and courts of England and Wales; they differ in
the statutory-officer procedures and Welsh-language duties the clauses add.
"""

from __future__ import annotations

import re

JURISDICTIONS = {
    "england_and_wales": dict(
        name="England and Wales", law="the law of England and Wales",
        courts="the courts of England and Wales",
        foi_act="the Freedom of Information Act 2000",
        eir="the Environmental Information Regulations 2004"),
    "england": dict(
        name="England", law="the law of England and Wales",
        courts="the courts of England and Wales",
        foi_act="the Freedom of Information Act 2000",
        eir="the Environmental Information Regulations 2004"),
    "wales": dict(
        name="Wales", law="the law of England and Wales",
        courts="the courts of England and Wales",
        foi_act="the Freedom of Information Act 2000",
        eir="the Environmental Information Regulations 2004"),
    "scotland": dict(
        name="Scotland", law="Scots law", courts="the Scottish courts",
        foi_act="the Freedom of Information (Scotland) Act 2002",
        eir="the Environmental Information (Scotland) Regulations 2004"),
    "northern_ireland": dict(
        name="Northern Ireland", law="the law of Northern Ireland",
        courts="the courts of Northern Ireland",
        foi_act="the Freedom of Information Act 2000",
        eir="the Environmental Information Regulations 2004"),
}

LEGAL_BASES = {
    "lga_1972_s113": "section 113 of the Local Government Act 1972",
    "lgs_1966_s35": "section 35 of the Local Government (Scotland) Act 1966",
    "lgni_1972_s105": "section 105 of the Local Government Act (Northern Ireland) 1972",
    "secondment": "a secondment agreed between the parties",
}

#: "section N" or "s.N" and up to 40 characters before the Act's name (no full stop or
#: semicolon between): the pattern of :data:`CITED` and of ``rulebook/statutes``' partnership
#: powers, with the section's number put in by ``SECTION.format(N)``
SECTION = r"\b(?:section|s\.?)\s*{}\b[^;.]{{0,40}}?"
#: how free text cites each statutory legal basis ("section 113(1A) of the Local Government
#: Act 1972", "s.113 LGA 1972", "Section 113 of …", "s.35 of the Local Government (Scotland)
#: Act 1966", "section 105 of the Local Government Act (Northern Ireland) 1972"), in any
#: case: the facts' ``legal.cites_s113``, GP054 and GP059 read it
CITED = {
    "lga_1972_s113": re.compile(SECTION.format(113) + r"\b(?:Local Government Act 1972|"
                                r"LGA\s*1972)", re.IGNORECASE),
    "lgs_1966_s35": re.compile(SECTION.format(35) + r"\b(?:Local Government \(Scotland\) "
                               r"Act 1966|LG\s*\(S\)\s*A\s*1966)", re.IGNORECASE),
    "lgni_1972_s105": re.compile(SECTION.format(105) + r"\b(?:Local Government Act "
                                 r"\(Northern Ireland\) 1972|LGA\s*\(NI\)\s*1972)",
                                 re.IGNORECASE)}


def cited_in(text: str | None) -> set[str]:
    """The legal bases of :data:`CITED` that ``text`` cites."""
    return {power for power, pattern in CITED.items() if pattern.search(text or "")}


#: words of ``legal_basis_text`` that rely on the Public Bodies (Joint Working) (Scotland) Act
#: 2014 or an integration scheme made under it, neither of which is a power to share staff:
#: the facts' ``legal.basis_no_staff_power``, which the agreement's note reads (it says so)
#: and the contract and job specification read (they then name no basis for the Agreement)
NO_STAFF_POWER = re.compile(r"Joint\s+Working|integration\s+scheme", re.IGNORECASE)
