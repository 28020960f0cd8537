"""The statutory offices the rules on ``post.statutory_roles`` know by country: the words
for the statute that makes each a council's office (GP055), and what to write instead of an
office the post's country does not have (GP056). What each office is under each law (a
council's or not, its statute, whether it is worded for any party) is the facts' one table,
``facts/roles.OFFICES``, read here through its views. Kept apart from
:mod:`docgen.rulebook.statutory_roles`, which reads them."""

from __future__ import annotations

import re

from docgen.facts.formatting import join_words
from docgen.facts.roles import COUNCIL_OFFICES as COUNCIL_OFFICES
from docgen.facts.roles import LASSA_S6, NOT_A_COUNCIL_OFFICE, SSWA_S144, WORDED_FOR_ANY_PARTY

#: the offices of one country's councils only, and that country: a head of democratic
#: services is designated under s.8 of the Local Government (Wales) Measure 2011 (Wales only;
#: not under "England and Wales", which does not say the post is in Wales); the s.95 officer
#: and chief social work officer are Scottish councils'. GP012 (political restriction,
#: through :func:`in_country`) and GP056 (``SCOTTISH_OFFICES``) read it; GP054 and GP055 read
#: ``facts/roles.OFFICES``, whose ``COUNCIL_OFFICES`` gives these offices in that country
#: alone (a test says so). Kept apart: GP012 counts the other offices in every country
#: (a point for a lawyer: a director of social services in England, a director of public
#: health in Wales or Scotland), which the one table would change
ONE_COUNTRY: dict[str, str] = {"head of democratic services": "wales",
                               "section 95 officer": "scotland",
                               "chief social work officer": "scotland"}
#: Scotland's own council offices (GP056 finds them named in a post under England's or
#: Wales' law, with the code ``office_of_scotland``)
SCOTTISH_OFFICES = frozenset(k for k, c in ONE_COUNTRY.items() if c == "scotland")
_EW = ("england", "wales", "england_and_wales")
#: under England and Wales' law, the offices GP055 counts as a council's, with England's
#: statute, for a body docgen knows is in England (``PartyFacts.nhs_country``: an integrated
#: care board, an NHS foundation trust, NHS England), where the office's row under
#: "England and Wales" has no statute (``facts/roles.OFFICES``: a director of public
#: health, s.73A, awaits a lawyer there). In Wales a Local Health Board employs its director
#: of public health, so a Welsh body, or one whose country is open, is not counted
IN_ENGLAND_ONLY: dict[str, str] = {"director of public health": COUNCIL_OFFICES[
    "director of public health"]["england"]}


def in_country(kind: str, jurisdiction: str) -> bool:
    """Whether the office ``kind`` can be a council's in ``jurisdiction`` as far as
    ``ONE_COUNTRY`` says (an office it does not list belongs to no one country)."""
    return ONE_COUNTRY.get(kind, jurisdiction) == jurisdiction


#: what to write instead of an office that the post's country does not have, by
#: (jurisdiction, office); "council" offices are flagged only for a local authority
OTHER_COUNTRY_OFFICES: dict[tuple[str, str], tuple[bool, str]] = {
    ("wales", "director of adult social services"): (False, (
        f"names an office of English law ({LASSA_S6}, which applies in England only); in "
        "Wales a local authority appoints one director of social services, for its social "
        f"services functions for adults and children alike, under {SSWA_S144}. Write the "
        "role as 'Director of Social Services'")),
    ("wales", "director of children's services"): (False, (
        "names an office of English law (section 18 of the Children Act 2004, which applies "
        "in England only); in Wales the director of social services appointed under "
        f"{SSWA_S144} answers for children's social services as well as adults', and a "
        "council appoints a lead director for children and young people's services under "
        "section 27 of the Children Act 2004. Write the role as 'Director of Social "
        "Services' or 'Lead Director for Children and Young People's Services', or, if it "
        "is neither, describe it in job.responsibilities")),
    ("wales", "director of public health"): (True, (
        "is not an office a council holds in Wales: section 73A of the National Health "
        "Service Act 2006, under which a council and the Secretary of State appoint its "
        "director of public health, applies in England only, and in Wales public health is "
        "led by the NHS (each Local Health Board's executive director of public health, "
        "with Public Health Wales). Give the role to the Local Health Board that appoints "
        "the post-holder, or describe the post-holder's public health work for the council "
        "in job.responsibilities")),
    ("england", "director of social services"): (False, (
        f"names the Welsh office ({SSWA_S144}); in England a local authority appoints a "
        f"director of adult social services ({LASSA_S6}) and a director of children's "
        "services (section 18 of the Children Act 2004). Write the role as one or both of "
        "those")),
    ("england_and_wales", "director of social services"): (False, (
        f"names the Welsh office ({SSWA_S144}), but jurisdiction: england_and_wales does "
        "not say that the post is in Wales, so the agreement cites no statute for the role. "
        "If the councils are in Wales, set jurisdiction: wales, and the agreement states the "
        "appointment under section 144; in England there is no statutory director of social "
        f"services: a local authority appoints a director of adult social services ({LASSA_S6}) "
        "and a director of children's services (section 18 of the Children Act 2004), so write "
        "the role as one or both of those and set jurisdiction: england")),
}

#: the codes GP056 gives its findings between England and Wales, so the browser words each
#: case apart (a Welsh post is never told to choose Wales): an English office in a Welsh
#: post, a council's director of public health there, and each Welsh office (the director of
#: social services, the head of democratic services) in an English post or one under "England
#: and Wales", which does not say the post is in Wales
OTHER_COUNTRY_CODES: dict[tuple[str, str], str] = {
    ("wales", "director of adult social services"): "office_of_england_in_wales",
    ("wales", "director of children's services"): "office_of_england_in_wales",
    ("wales", "director of public health"): "public_health_in_wales",
    ("england", "director of social services"): "office_of_wales_in_england",
    ("england_and_wales", "director of social services"): "office_of_wales_not_said",
    ("england", "head of democratic services"): "office_of_wales_in_england",
    ("england_and_wales", "head of democratic services"): "office_of_wales_not_said",
}

#: Scotland's own council offices, named in a post under England's or Wales' law (GP056 gives
#: these findings the code ``office_of_scotland``: the browser words them apart)
_S95 = ("names an office of Scottish law (section 95 of the Local Government (Scotland) Act "
        "1973, which applies in Scotland only); in England and Wales a council's chief "
        "finance officer answers for the administration of its financial affairs under "
        "section 151 of the Local Government Act 1972. Write the role as 'Chief Finance "
        "Officer (Section 151 Officer)', or, if the post is in Scotland, set jurisdiction: "
        "scotland")
_CSWO = ("names an office of Scottish law (section 3 of the Social Work (Scotland) Act 1968, "
         "which applies in Scotland only); ")
_IF_SCOTTISH = ", or, if the post is in Scotland, set jurisdiction: scotland"
OTHER_COUNTRY_OFFICES.update({
    **{(j, "section 95 officer"): (False, _S95) for j in _EW},
    ("england", "chief social work officer"): (False, (
        f"{_CSWO}in England a local authority appoints a director of adult social services "
        f"({LASSA_S6}) and a director of children's services (section 18 of the Children Act "
        f"2004). Write the role as one or both of those{_IF_SCOTTISH}")),
    ("wales", "chief social work officer"): (False, (
        f"{_CSWO}in Wales a local authority appoints a director of social services, for its "
        f"social services functions for adults and children alike, under {SSWA_S144}. Write "
        f"the role as 'Director of Social Services'{_IF_SCOTTISH}")),
    ("england_and_wales", "chief social work officer"): (False, (
        f"{_CSWO}in Wales a local authority appoints a director of social services under "
        f"{SSWA_S144}, and in England a director of adult social services ({LASSA_S6}) and a "
        "director of children's services (section 18 of the Children Act 2004). Write the role "
        "as the office of the councils' country and set jurisdiction: wales or jurisdiction: "
        f"england{_IF_SCOTTISH}")),
})


#: England's and Wales' council offices named in a post under Scots law (GP056 gives these
#: findings the code ``office_in_scotland``): a Scottish council's social work services are
#: led by its chief social work officer; it has no head of democratic services, and public
#: health is a health board's
_CSWO_INSTEAD = ("a Scottish council's social work services are led by the chief social work "
                 "officer it appoints under section 3 of the Social Work (Scotland) Act 1968, "
                 "as substituted by section 45 of the Local Government etc. (Scotland) Act "
                 "1994. Write the role as 'Chief Social Work Officer' if it is that office, or "
                 "describe it in job.responsibilities")
_IF_ENGLISH_OR_WELSH = ("; if the post is in England or Wales, set jurisdiction: england or "
                        "jurisdiction: wales")
OTHER_COUNTRY_OFFICES.update({
    ("scotland", "director of adult social services"): (False, (
        f"names an office of English law ({LASSA_S6}, which applies in England only); "
        f"{_CSWO_INSTEAD}{_IF_ENGLISH_OR_WELSH}")),
    ("scotland", "director of children's services"): (False, (
        "names an office of English law (section 18 of the Children Act 2004, which applies "
        f"in England only); {_CSWO_INSTEAD}{_IF_ENGLISH_OR_WELSH}")),
    ("scotland", "director of social services"): (False, (
        f"names an office of Welsh law ({SSWA_S144}, which applies in Wales only); "
        f"{_CSWO_INSTEAD}{_IF_ENGLISH_OR_WELSH}")),
    ("scotland", "head of democratic services"): (False, (
        "names an office of Welsh law (section 8 of the Local Government (Wales) Measure "
        "2011, which applies in Wales only); a Scottish council has no such statutory office. "
        f"Describe the role in job.responsibilities{_IF_ENGLISH_OR_WELSH}")),
    ("scotland", "director of public health"): (True, (
        "is not an office a council holds in Scotland: section 73A of the National Health "
        "Service Act 2006, under which a council and the Secretary of State appoint its "
        "director of public health, applies in England only, and in Scotland public health "
        "is led by each health board's director of public health. Give the role to the "
        "health board that appoints the post-holder, or describe the post-holder's public "
        f"health work for the council in job.responsibilities{_IF_ENGLISH_OR_WELSH}")),
})

#: England's public health office named for a council in a post under Northern Ireland's law
#: (GP056 gives these findings the code ``office_in_northern_ireland``): a council there has
#: no director of public health; public health is led by the Public Health Agency, a health
#: and social care body
OTHER_COUNTRY_OFFICES[("northern_ireland", "director of public health")] = (True, (
    "is not an office a council holds in Northern Ireland: section 73A of the National "
    "Health Service Act 2006, under which a council and the Secretary of State appoint its "
    "director of public health, applies in England only, and in Northern Ireland public "
    "health is led by the Public Health Agency, a health and social care body, not by the "
    "councils. Give the role to the health and social care body that appoints the "
    "post-holder, or describe the post-holder's public health work for the council in "
    "job.responsibilities; if the post is in England, set jurisdiction: england"))

#: Great Britain's other council offices named for a council in a post under Northern
#: Ireland's law: Part I of the Local Government and Housing Act 1989 (the head of paid
#: service, s.4) does not extend there, a council there has no social services functions (the
#: Health and Social Care Trusts provide social services), and its officer for its financial
#: affairs is the chief financial officer it designates under s.1(2) of the Local Government
#: Finance Act (Northern Ireland) 2011. Flagged for a council only, as the director of public
#: health is (docs/sources.md, "Offices a council in Northern Ireland does not have")
_NI_SOCIAL_SERVICES = (
    "a council in Northern Ireland has no social services functions: social services there, "
    "for children and adults alike, are provided by the Health and Social Care Trusts (under "
    "the Health and Personal Social Services (Northern Ireland) Order 1972 and the Health and "
    "Social Care (Reform) Act (Northern Ireland) 2009), not by the councils. Describe the "
    "post-holder's work for the council in job.responsibilities instead (for example 'Lead the "
    "Council's joint working with the Health and Social Care Trust')")
OTHER_COUNTRY_OFFICES.update({
    ("northern_ireland", "head of paid service"): (True, (
        "is not an office a council holds in Northern Ireland: section 4 of the Local "
        "Government and Housing Act 1989, under which a council designates its head of paid "
        "service, is in Part I of that Act, which does not extend to Northern Ireland. Describe "
        "the post-holder's work for the council in job.responsibilities instead (for example "
        "'Lead the Council's officers as its chief executive'); if the post is in England or "
        "Scotland, set jurisdiction: england or jurisdiction: scotland")),
    ("northern_ireland", "director of adult social services"): (True, (
        f"names an office of English law ({LASSA_S6}, which applies in England only); "
        f"{_NI_SOCIAL_SERVICES}; if the post is in England, set jurisdiction: england")),
    ("northern_ireland", "director of children's services"): (True, (
        "names an office of English law (section 18 of the Children Act 2004, which applies "
        f"in England only); {_NI_SOCIAL_SERVICES}; if the post is in England, set "
        "jurisdiction: england")),
    ("northern_ireland", "director of social services"): (True, (
        f"names an office of Welsh law ({SSWA_S144}, which applies in Wales only); "
        f"{_NI_SOCIAL_SERVICES}; if the post is in Wales, set jurisdiction: wales")),
    ("northern_ireland", "chief social work officer"): (True, (
        f"{_CSWO}{_NI_SOCIAL_SERVICES}{_IF_SCOTTISH}")),
    ("northern_ireland", "section 95 officer"): (True, (
        "names an office of Scottish law (section 95 of the Local Government (Scotland) Act "
        "1973, which applies in Scotland only); in Northern Ireland a council designates an "
        "officer as its chief financial officer, under whose supervision its financial affairs "
        "are administered (section 1 of the Local Government Finance Act (Northern Ireland) "
        "2011), an officer of that council (section 1(2)). Write the role as 'Chief Financial "
        f"Officer' for the council that employs the post-holder{_IF_SCOTTISH}")),
    ("northern_ireland", "head of democratic services"): (True, (
        "names an office of Welsh law (section 8 of the Local Government (Wales) Measure "
        "2011, which applies in Wales only); a council in Northern Ireland has no such "
        "statutory office. Describe the post-holder's work for the council in "
        "job.responsibilities instead (for example 'Support the Council's committees and "
        "scrutiny'); if the post is in Wales, set jurisdiction: wales")),
})


#: Wales' head of democratic services named in a post under England's or "England and Wales"'
#: law: as GP056 finds Wales' other office (the director of social services) there, and this
#: one under Scots or Northern Ireland's law. An English council has no such statutory office;
#: the nearest is the scrutiny officer a council designates under s.9FB of the Local Government
#: Act 2000 (docs/sources.md, "Offices by country")
_LGWM_S8 = "section 8 of the Local Government (Wales) Measure 2011"
_SCRUTINY = ("write the role as 'Scrutiny Officer' if the post-holder is to be the council's "
             "scrutiny officer, designated under section 9FB of the Local Government Act 2000, "
             "or describe the post-holder's democratic services work in job.responsibilities")
OTHER_COUNTRY_OFFICES.update({
    ("england", "head of democratic services"): (False, (
        f"names an office of Welsh law ({_LGWM_S8}, which applies in Wales only); an English "
        "council has no statutory head of democratic services, so the documents list the role "
        f"with none of that office's wording. In England, {_SCRUTINY}; if the post is in "
        "Wales, set jurisdiction: wales")),
    ("england_and_wales", "head of democratic services"): (False, (
        f"names the Welsh office ({_LGWM_S8}), but jurisdiction: england_and_wales does not "
        "say that the post is in Wales, so the documents give the role none of that office's "
        "wording. If the councils are in Wales, set jurisdiction: wales; in England there is "
        f"no statutory head of democratic services: {_SCRUTINY}, and set jurisdiction: "
        "england")),
})


def other_country_words(kind: str, jurisdiction: str) -> tuple[bool, str] | None:
    """What GP056 writes of the office ``kind`` named in a post under ``jurisdiction``'s law
    (:data:`OTHER_COUNTRY_OFFICES`: whether it is flagged for a council only, and the words),
    or None where it is the post's country's own. Whether an office is another country's
    under England's, Wales' or "England and Wales"' law is ``facts/roles.NOT_A_COUNCIL_OFFICE``
    alone, which GP054 and the agreement's note read too, so the three cannot disagree; in
    Scotland and Northern Ireland it is this table's."""
    if jurisdiction in NOT_A_COUNCIL_OFFICE and kind not in NOT_A_COUNCIL_OFFICE[jurisdiction]:
        return None
    return OTHER_COUNTRY_OFFICES.get((jurisdiction, kind))


def council_office_words(offices: list[tuple[str, str]], jurisdiction: str,
                         where: str) -> tuple[str, str]:
    """GP055's words for the council offices (office, statute) a role names for a body that
    is not a council: what they are, and what the documents would do with each (print its
    statutory wording, as ``WORDED_FOR_ANY_PARTY`` says, or list the role with none). Each
    office is cited by the first statute found for it (in Northern Ireland s.1(2) of the 2011
    Act, not a role's own "151"), and named there as that Act names it."""
    if jurisdiction == "northern_ireland":
        offices = [("chief financial officer" if o == "chief finance officer" else o, statute)
                   for o, statute in offices]
    first = dict(reversed(offices))
    names = list(dict.fromkeys(o for o, _ in offices))
    worded = [o for o in names if jurisdiction in WORDED_FOR_ANY_PARTY.get(o, ())]
    bare = [o for o in names if o not in worded]
    if len(names) == 1:
        what = f"the {names[0]} is an office of a local authority ({first[names[0]]})"
        if worded:
            return what, "print that office's statutory wording for it"
        return what, (f"list it among the post-holder's statutory roles for {where}, with "
                      "none of that office's statutory wording")
    what = (f"{join_words([f'the {o}' for o in names])} are offices of a local authority ("
            + "; ".join(f"{o}: {first[o]}" for o in names) + ")")
    said = ([f"print the statutory wording of {join_words([f'the {o}' for o in worded])} "
             "for it"] if worded else []) \
        + ([f"give none of the statutory wording of {join_words([f'the {o}' for o in bare])}"]
           if bare else [])
    return what, " but ".join(said)


def council_offices_for(kinds: set[str], jurisdiction: str,
                        nhs_country: str) -> list[tuple[str, str]]:
    """The council offices (office, statute) among a role's ``kinds`` that GP055 warns are
    listed for a body that is not a council: each office's statute under the post's law,
    and under England and Wales' law England's statute for an office of
    :data:`IN_ENGLAND_ONLY` where the body is in England (``nhs_country``). An office of
    :data:`IN_ENGLAND_ONLY` is never counted for a body docgen knows is in Wales, whatever
    the law: a Local Health Board employs its own director of public health (GP067 warns
    that the body is under England's law)."""
    english = jurisdiction == "england_and_wales" and nhs_country == "england"
    found = []
    for k in sorted(kinds):
        if nhs_country == "wales" and k in IN_ENGLAND_ONLY:
            continue  # a Welsh NHS body's own office, whatever the law
        statute = COUNCIL_OFFICES.get(k, {}).get(jurisdiction)
        if statute is None and english:
            statute = IN_ENGLAND_ONLY.get(k)  # England's statute, the body being English
        if statute is not None:
            found.append((k, statute))
    return found


#: the offices of an English council with social services, children's services or public
#: health functions, and those functions, which GP068 names: in a two-tier area they are the
#: county council's, not the district council's (the "local authority" of s.2B of the NHS
#: Act 2006, of s.1 of the Local Authority Social Services Act 1970 and the "children's
#: services authority" of s.65 of the Children Act 2004: a county council, a district council
#: for an area with no county council, a London borough council, the Common Council of the
#: City of London, the Council of the Isles of Scilly)
UPPER_TIER_OFFICES: dict[str, str] = {
    "director of public health": "public health",
    "director of adult social services": "adult social services",
    "director of children's services": "children's services"}
#: a name saying the council is a shire district's ("Ashby Vale District Council"), not a
#: metropolitan district's ("Wakefield Metropolitan District Council": there is no county
#: council there, so it has these functions)
_DISTRICT = re.compile(r"(?<!metropolitan )\bdistrict council\b", re.IGNORECASE)


def is_district_council(name: str) -> bool:
    """Whether a council's name says it is a (shire) district council. The name cannot say
    whether a county council serves its area too (a unitary district has none), so GP068
    only warns."""
    return bool(_DISTRICT.search(name))


def district_council_words(role: str, name: str, offices: list[str]) -> str:
    """What GP068 says of ``role`` (naming ``offices`` of :data:`UPPER_TIER_OFFICES`) given
    to the council called ``name``, a district council by its name."""
    functions = join_words([UPPER_TIER_OFFICES[o] for o in offices])
    return (f"'{role}' is given to {name}, a district council by its name. In an area with a "
            f"county council, the county council has the {functions} functions, and a district "
            "council there has none, nor such an office: the councils with these functions are "
            "county councils, district councils for an area with no county council (unitary "
            "councils), London borough councils, the Common Council of the City of London and "
            "the Council of the Isles of Scilly. ")
