"""What each jurisdiction and legal basis prints: governing law, courts, FOI statute.

``england`` and ``wales`` share the law and courts of England and Wales; they differ in
the statutory-officer procedures and Welsh-language duties the clauses add.
"""

from __future__ import annotations

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
