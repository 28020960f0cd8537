"""Statutory roles are free text: recognise the ones the law says something about.

Both the rules and the clauses read these, so they can never disagree about what a role
is; and what each office is under each jurisdiction's law is one table here, ``OFFICES``,
of which the other tables of offices (``NOT_A_COUNCIL_OFFICE``, ``COUNCIL_OFFICES`` …) are views.
"""

from __future__ import annotations

from docgen._records import record
from docgen.facts.role_titles import frozen_kinds


@record(frozen=True)
class OfficeLaw:
    """What one jurisdiction's law says of one office :func:`role_kinds` names, as the
    documents and rules use it: one row of :data:`OFFICES`, so that GP054, GP055, GP056, the
    agreement's note and the facts can never read two tables that disagree."""

    #: a council holds the office under this law (England, Wales and "England and Wales":
    #: ``council_offices``, so GP054, GP056 and ``legal.own_office_hosts``; Scotland: GP054;
    #: Northern Ireland: no view reads it, GP054 there reads the own_officer cells)
    council: bool = False
    #: the statute that makes it an office only a local authority holds, which GP055 cites for
    #: a role given to a body that is not a council ("": GP055 says nothing of it); in
    #: Northern Ireland, for the monitoring officer, the words saying it rests on no statute
    statute: str = ""
    #: the provision by which a council gives the office to "one of their officers" (so that
    #: only s.113(2) of the Local Government Act 1972 lets another body's officer hold it),
    #: which the agreement's note on an office under another power cites
    #: (``legal.own_office_duties``)
    own_officer: str = ""
    #: the documents print the office's statutory wording for whichever party the role is
    #: listed for (the clauses test the offices a role names, not the party's kind), as GP055's
    #: words say: a monitoring officer's deputy and resources (s.5 of the 1989 Act), the
    #: Standing Orders Regulations for a head of paid service or chief finance officer, a
    #: director of adult social services' accountability, a director of social services' under
    #: s.144 (only under ``wales``), the returning officer's personal offices, the s.8 bar on a
    #: head of democratic services. Not a director of public health (its s.73A wording is given
    #: only for a council), of children's services (its s.18(1) appointment words, too), a s.95
    #: or chief social work officer (the last has a drafting note only)
    worded_for_any_party: bool = False
    #: the Standing Orders Regulations (England 2001, Wales 2006) protect its holder besides
    #: the monitoring officer (``legal.relevant_officers``; a Welsh council's head of paid
    #: service is its s.54 chief executive, listed apart)
    standing_orders: bool = False
    #: a disagreement between the columns above that is kept as it is until a lawyer decides
    #: it (the shipped examples' documents depend on it): what it is, in words
    awaits_lawyer: str = ""
    #: what this law requires of a council's holder, which the job specification's person
    #: specification adds, essential, among the qualifications: the key of its words under
    #: ``person_specification`` in the facts' wording ("": nothing), and how it is assessed
    #: (:func:`statutory_criteria`)
    qualification: str = ""
    assessed_by: tuple[str, ...] = ()
    #: words (lower case) by which a criterion the answer file gives already states it, so
    #: the row is not added twice ("UK Public Health Register": the shipped example's own)
    said_by: tuple[str, ...] = ()


#: the jurisdictions :data:`OFFICES` speaks of, in its rows' order (GP056's words for Great
#: Britain's offices in Northern Ireland are the rulebook's)
OFFICE_JURISDICTIONS = ("england", "wales", "england_and_wales", "scotland", "northern_ireland")
_EW = ("england", "wales", "england_and_wales")
_LGHA_S4 = "section 4 of the Local Government and Housing Act 1989"
_LGHA_S5 = "section 5 of the Local Government and Housing Act 1989"
_LGWM_S8 = "section 8 of the Local Government (Wales) Measure 2011"
_RPA = "the Representation of the People Act 1983"
LASSA_S6 = "section 6 of the Local Authority Social Services Act 1970"
_LASSA_S6_A1 = "section 6(A1) of the Local Authority Social Services Act 1970"
SSWA_S144 = "section 144 of the Social Services and Well-being (Wales) Act 2014"
#: "A local authority must appoint an officer, to be known as the director of social
#: services, for the purposes of its social services functions"
SSWA_S144_1 = "section 144(1) of the Social Services and Well-being (Wales) Act 2014"
_CA_S18 = "section 18 of the Children Act 2004"
_CA_S18_1 = "section 18(1) of the Children Act 2004"
_NHS_S73A = "section 73A of the National Health Service Act 2006"
_NHS_S73A_2 = "section 73A(2) of the National Health Service Act 2006"
_DPH, _APPLICATION = "director_of_public_health", ("application",)
_PHR = ("public health register",)
_NOT = OfficeLaw()
#: Northern Ireland: "A council shall designate an officer of the council as its chief
#: financial officer" (s.1(2); s.42: "chief financial officer" is that officer); "Every
#: council shall appoint a clerk of the council" (s.41(1), in Part III, "Officers"), the office
#: its chief executive holds
_LGFNI_S1_2 = "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011"
_LGNI_S41_1 = "section 41(1) of the Local Government Act (Northern Ireland) 1972"
#: Northern Ireland has no statutory monitoring officer (Part I of the 1989 Act does not extend
#: there); what GP055 says of the role given to a body that is not a council
_NI_OWN_ARRANGEMENTS = ("in Northern Ireland a role a council gives under its own "
                        "arrangements: section 5 of the Local Government and Housing Act 1989 "
                        "does not extend there")

#: THE table of statutory offices: for each office :func:`role_kinds` names, in this order
#: (the order the note cites provisions in, and Standing Orders offices are listed in), what
#: each jurisdiction's law says of it. Sources, as docs/sources.md states them:
#:
#: - a council's offices: the monitoring officer (s.5 of the Local Government and Housing Act
#:   1989) and head of paid service (s.4; both extend to Scotland), the chief finance officer
#:   (s.151 of the Local Government Act 1972; GP055 finds "151" in the role itself, as an NHS
#:   body's own chief finance officer is not that office), the returning officer (personal
#:   offices, the Representation of the People Act 1983), the chief executive;
#: - England's directors of adult social services (s.6 of the Local Authority Social Services
#:   Act 1970), of children's services (s.18 of the Children Act 2004) and of public health
#:   (s.73A of the National Health Service Act 2006; in Wales a Local Health Board's, in
#:   Scotland a health board's) are no council's in Wales or Scotland;
#: - Wales' director of social services (s.144 of the Social Services and Well-being (Wales)
#:   Act 2014, in place of England's two directors) and head of democratic services (s.8 of
#:   the Local Government (Wales) Measure 2011) are no council's in England or Scotland;
#: - Scotland's section 95 officer (s.95 of the Local Government (Scotland) Act 1973) and
#:   chief social work officer (s.3 of the Social Work (Scotland) Act 1968, as substituted by
#:   s.45 of the Local Government etc. (Scotland) Act 1994; a council appoints one, a health
#:   board or IJB cannot) are no council's elsewhere;
#: - Northern Ireland: a council's chief financial officer (s.1(2) of the Local Government
#:   Finance Act (Northern Ireland) 2011) and clerk (s.41(1) of the Local Government Act
#:   (Northern Ireland) 1972), its chief executive; no statute there gives it a monitoring
#:   officer or head of paid service, nor any of Great Britain's social services, public health
#:   or democratic services offices, and its returning officer is the Chief Electoral Officer.
#:   GP055 cites s.1(2) for a chief financial officer given to a body that is not a council (a
#:   health and social care body's finance lead is its director of finance, where an English
#:   NHS body may have its own "chief finance officer"), and says a monitoring officer there
#:   is a council's role under its own arrangements; not a chief executive (an HSC Trust has
#:   its own), as in Great Britain. A council gives both offices to an officer of the council.
#:
#: "England and Wales" does not say which country the councils are in. England's offices stay
#: councils' (each is English whoever names it, so the documents print their English statute:
#: docs/sources.md, "England's offices under England and Wales"); Wales' two do not: a council
#: in Wales does hold a director of social services under s.144, but under "England and Wales"
#: the title does not show that the council is Welsh ("director of social services" was
#: England's office too until the Children Act 2004), so the documents treat the role as they
#: treat a Welsh head of democratic services there: they cite no statute for it in the note,
#: GP056 says to set ``jurisdiction: wales``, and GP054 and the note do not call it a
#: council's own office (GP055 still cites s.144 "in Wales" for it).
#:
#: The own-officer provisions: s.5(1) of the 1989 Act (monitoring officer), s.4(1) (head of
#: paid service, England only), s.151 of the 1972 Act, s.8(1)(a) of the 2011 Measure,
#: s.73A(2) of the 2006 Act ("an officer of the local authority"), s.6(A1) of the 1970 Act
#: ("shall appoint an officer, to be known as the director of adult social services") and
#: s.18(1) of the Children Act 2004 ("must appoint an officer for the purposes of" the
#: children's services functions; s.18(4) names the officer "director of children's
#: services") and, in Wales, s.144(1) of the Social Services and Well-being (Wales) Act 2014
#: ("A local authority must appoint an officer, to be known as the director of social
#: services"); an office without one (a Welsh head of paid service) the note names no
#: provision for (in Northern Ireland: s.1(2) and s.41(1), above, the offices named as those
#: Acts name them by ``own_offices.NI_OFFICE_WORDS``). The clause on statutory roles cites
#: s.6(A1) for the
#: appointment of a director of adult social services, s.144(1) for a Welsh director of
#: social services and s.18(1) for a council's director of children's services, reading them here
#: (``post.own_officer_provisions``). In Wales, reg. 8(1) of the Local Authorities (Standing
#: Orders) (Wales) Regulations 2006, as amended by SI 2014/1514 reg. 7, protects the head of
#: democratic services too.
#:
#: The qualifications asked of a council's holder (the person specification's rows): an English
#: or Welsh chief finance officer's (s.113(1) of the Local Government Finance Act 1988); a
#: Scottish chief social work officer's (s.3 of the Social Work (Scotland) Act 1968, and the
#: Scottish Ministers' guidance); a Welsh director of social services' (s.144(2) of the 2014
#: Act; not under "England and Wales", which does not say the post is in Wales: GP056); a
#: director of public health's in England and under "England and Wales" (where the documents
#: give it s.73A), registration as a public health specialist. Their words and sources are in
#: the facts' wording and docs/sources.md.
OFFICES: dict[str, dict[str, OfficeLaw]] = {
    "monitoring officer": {
        **dict.fromkeys(_EW, OfficeLaw(
            council=True, statute=_LGHA_S5, worded_for_any_party=True,
            own_officer="section 5(1) of the Local Government and Housing Act 1989")),
        "scotland": OfficeLaw(council=True, statute=_LGHA_S5, worded_for_any_party=True),
        "northern_ireland": OfficeLaw(statute=_NI_OWN_ARRANGEMENTS)},
    "head of paid service": {
        "england": OfficeLaw(council=True, statute=_LGHA_S4, worded_for_any_party=True,
                             standing_orders=True,
                             own_officer="section 4(1) of the Local Government and Housing "
                             "Act 1989"),
        "wales": OfficeLaw(council=True, statute=_LGHA_S4, worded_for_any_party=True),
        "england_and_wales": OfficeLaw(council=True, statute=_LGHA_S4,
                                       worded_for_any_party=True, standing_orders=True),
        "scotland": OfficeLaw(council=True, statute=_LGHA_S4), "northern_ireland": _NOT},
    "chief finance officer": {
        **dict.fromkeys(_EW, OfficeLaw(
            council=True, worded_for_any_party=True, standing_orders=True,
            own_officer="section 151 of the Local Government Act 1972",
            qualification="chief_finance_officer", assessed_by=("application",))),
        "scotland": OfficeLaw(council=True),
        "northern_ireland": OfficeLaw(council=True, statute=_LGFNI_S1_2,
                                      own_officer=_LGFNI_S1_2)},
    "head of democratic services": {
        "england": _NOT,
        "wales": OfficeLaw(council=True, statute=_LGWM_S8, worded_for_any_party=True,
                           standing_orders=True, own_officer="section 8(1)(a) of the Local "
                           "Government (Wales) Measure 2011"),
        "england_and_wales": _NOT, "scotland": _NOT, "northern_ireland": _NOT},
    "director of public health": {
        "england": OfficeLaw(council=True, statute=_NHS_S73A, own_officer=_NHS_S73A_2,
                             qualification=_DPH, assessed_by=_APPLICATION, said_by=_PHR),
        "wales": _NOT,
        # awaits a lawyer's decision: kept as it is (a shipped example, under
        # england_and_wales, has a director of public health; resolving it changes its
        # documents)
        "england_and_wales": OfficeLaw(
            council=True, own_officer=_NHS_S73A_2, qualification=_DPH,
            assessed_by=_APPLICATION, said_by=_PHR,
            awaits_lawyer="a council's office, as GP054 and the agreement's note count it (and "
            "legal.public_health_joint gives s.73A's joint appointment), but with no statute "
            "for GP055, which so writes nothing of a director of public health given to a "
            "body that is not a council, where England's other offices cite theirs, unless "
            "the body is an NHS body docgen knows is in England (rulebook/offices."
            "IN_ENGLAND_ONLY): in Wales a Local Health Board employs the director"),
        "scotland": _NOT, "northern_ireland": _NOT},
    "director of adult social services": {
        "england": OfficeLaw(council=True, statute=LASSA_S6, worded_for_any_party=True,
                             own_officer=_LASSA_S6_A1),
        "wales": _NOT,
        "england_and_wales": OfficeLaw(council=True, statute=f"in England, {LASSA_S6}",
                                       worded_for_any_party=True, own_officer=_LASSA_S6_A1),
        "scotland": _NOT, "northern_ireland": _NOT},
    "director of social services": {
        "england": _NOT,
        "wales": OfficeLaw(council=True, statute=SSWA_S144, worded_for_any_party=True,
                           own_officer=SSWA_S144_1, qualification="director_of_social_services",
                           assessed_by=("application", "interview")),
        "england_and_wales": OfficeLaw(statute=f"in Wales, {SSWA_S144}"),
        "scotland": _NOT, "northern_ireland": _NOT},
    "director of children's services": {
        "england": OfficeLaw(council=True, statute=_CA_S18, own_officer=_CA_S18_1),
        "wales": _NOT,
        "england_and_wales": OfficeLaw(council=True, statute=_CA_S18, own_officer=_CA_S18_1),
        "scotland": _NOT, "northern_ireland": _NOT},
    "returning officer": {**dict.fromkeys(OFFICE_JURISDICTIONS[:4], OfficeLaw(
        council=True, statute=_RPA, worded_for_any_party=True)),
        "northern_ireland": _NOT},  # the Chief Electoral Officer's (GP053)
    "section 95 officer": {
        **dict.fromkeys(_EW, _NOT),
        "scotland": OfficeLaw(council=True, statute="section 95 of the Local Government "
                              "(Scotland) Act 1973"), "northern_ireland": _NOT},
    "chief social work officer": {
        **dict.fromkeys(_EW, _NOT),
        "scotland": OfficeLaw(council=True, statute="section 3 of the Social Work (Scotland) "
                              "Act 1968, as substituted by section 45 of the Local Government "
                              "etc. (Scotland) Act 1994",
                              qualification="chief_social_work_officer",
                              assessed_by=("application",)),
        "northern_ireland": _NOT},
    "chief executive": {**dict.fromkeys(OFFICE_JURISDICTIONS[:4], OfficeLaw(council=True)),
                        "northern_ireland": OfficeLaw(council=True, own_officer=_LGNI_S41_1)},
}

# The views below are OFFICES read one column at a time, for the readers that take them so
# (tests/facts/test_office_table.py sweeps every office and jurisdiction against the table).

#: the offices no council holds under England's, Wales' or "England and Wales"' law: what
#: GP054, GP056 and ``legal.own_office_hosts`` read (Scotland and Northern Ireland are not
#: keys: there ``council_offices`` leaves every office in, and GP054 reads
#: ``SCOTTISH_COUNCIL_KINDS``). What GP056 writes of each is
#: ``rulebook/offices.OTHER_COUNTRY_OFFICES``
NOT_A_COUNCIL_OFFICE: dict[str, frozenset[str]] = {
    j: frozenset(o for o, law in OFFICES.items() if not law[j].council) for j in _EW}
#: the offices a Scottish council gives to its own officer, which GP054 reads (not the
#: returning officer: its offices are personal, and GP054 counts them nowhere)
SCOTTISH_COUNCIL_KINDS = frozenset(
    o for o, law in OFFICES.items() if law["scotland"].council) - {"returning officer"}
#: for each office with one, the statute by jurisdiction that GP055 cites
COUNCIL_OFFICES: dict[str, dict[str, str]] = {
    o: {j: law.statute for j, law in by.items() if law.statute}
    for o, by in OFFICES.items() if any(law.statute for law in by.values())}
#: for each office with one, the own-officer provision by jurisdiction the note cites
OWN_OFFICER_DUTY: dict[str, dict[str, str]] = {
    o: {j: law.own_officer for j, law in by.items() if law.own_officer}
    for o, by in OFFICES.items() if any(law.own_officer for law in by.values())}
#: for each office with any, the jurisdictions whose documents word it for any party (GP055)
WORDED_FOR_ANY_PARTY: dict[str, frozenset[str]] = {
    o: frozenset(j for j, law in by.items() if law.worded_for_any_party)
    for o, by in OFFICES.items() if any(law.worded_for_any_party for law in by.values())}
#: by jurisdiction, the offices the Standing Orders Regulations protect besides the
#: monitoring officer, in :data:`OFFICES`' order (``legal.relevant_officers``)
STANDING_ORDERS_OFFICES: dict[str, tuple[str, ...]] = {
    j: tuple(o for o, law in OFFICES.items() if law[j].standing_orders) for j in _EW}


def council_offices(role: str, jurisdiction: str) -> set[str]:
    """The offices a role names (:func:`role_kinds`) that a council can hold under
    ``jurisdiction``'s law (not those of :data:`NOT_A_COUNCIL_OFFICE`): what GP054 and the
    facts' ``legal.own_office_hosts`` read."""
    return set(frozen_kinds(role) - NOT_A_COUNCIL_OFFICE.get(jurisdiction, frozenset()))


#: for each qualification with any, the words by which a criterion already states it
QUALIFICATION_SAID_BY: dict[str, tuple[str, ...]] = {
    law.qualification: law.said_by for by in OFFICES.values() for law in by.values()
    if law.said_by}


def statutory_criteria(offices: set[str], jurisdiction: str
                       ) -> list[tuple[str, tuple[str, ...]]]:
    """(qualification, assessed_by) for each of ``offices`` whose holder ``jurisdiction``'s
    law requires something of (:data:`OFFICES`' ``qualification``), in that table's order:
    the rows the person specification adds for a council's offices."""
    return [(law.qualification, law.assessed_by) for office, by in OFFICES.items()
            if office in offices and (law := by.get(jurisdiction, _NOT)).qualification]


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
    kinds = frozen_kinds(role)
    if (jurisdiction in CHIEF_EXECUTIVE_FOR_HEAD and party_kind == "local_authority"
            and "head of paid service" in kinds and "chief executive" not in kinds):
        return f"Chief Executive ({role})"
    return role
