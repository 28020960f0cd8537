"""Rules on the post's statutory roles (``post.statutory_roles``): offices one person may
not hold together, a Welsh council's chief executive, and an office given to a body or in a
country that does not have it. A deputy's rules are in :mod:`docgen.rulebook.deputies`; the
rest of the post's in :mod:`docgen.rulebook.post`."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.errors import Setting
from docgen.facts.derive import Facts
from docgen.facts.role_titles import CLERK_OF_THE_COUNCIL, role_kinds
from docgen.facts.roles import OWN_OFFICER_DUTY
from docgen.rulebook.common import (
    DOMAIN,
    LGEWA_S54,
    STANDING_ORDERS,
    Findings,
    party_name,
    roles_by_party,
)
from docgen.rulebook.offices import (
    OTHER_COUNTRY_CODES,
    SCOTTISH_OFFICES,
    UPPER_TIER_OFFICES,
    council_office_words,
    council_offices_for,
    district_council_words,
    is_district_council,
    other_country_words,
)
from docgen.rulebook.registry import Told, rule, told, way
from docgen.rulebook.section_151 import SECTION_151, section_151_words


def _keep_one(first: int, second: int) -> tuple[tuple[Setting, ...], ...]:
    """The ways to keep one of two offices one person may not hold together: remove either
    row, or, when one row names both, reword its role."""
    if first == second:
        return (way(f"post.statutory_roles.{first}.role"),)
    return tuple(way(f"post.statutory_roles.{i}=-") for i in sorted((first, second)))


#: the chief finance officer s.5(1) of the 1989 Act bars the monitoring officer from being:
#: s.5(8) makes it a Scottish council's officer under s.95 of the 1973 Act (Scotland only:
#: elsewhere GP056 says a "section 95 officer" is Scotland's office)
_FINANCE_OFFICES = ("chief finance officer", "section 95 officer")


@rule("GE003", "error", "post.statutory_roles",
      "Local Government and Housing Act 1989 s.5(1) and (8) (" + DOMAIN
      + ": statutory officers)",
      "one council's monitoring officer cannot also be its chief finance officer (s.151; in "
      "Scotland its section 95 officer)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def monitoring_officer_and_cfo(a: AnswerFile, f: Facts) -> Findings:
    """Not applied in Northern Ireland, to which Part I of the 1989 Act does not extend."""
    if a.jurisdiction == "northern_ireland":
        return
    for pid, kinds in roles_by_party(a).items():
        finance = next((k for k in _FINANCE_OFFICES if k in kinds and (
            k != "section 95 officer" or a.jurisdiction == "scotland")), None)
        if "monitoring officer" in kinds and finance is not None:
            office = ("chief finance officer" if finance == "chief finance officer"
                      else "chief finance officer (its section 95 officer)")
            yield ("post", "statutory_roles", kinds[finance]), told(
                f"the post-holder would be both monitoring officer and {office} of "
                f"{party_name(f, pid)}; the law forbids one person holding both for the same "
                "council. ", "Keep one of the roles",
                *_keep_one(kinds["monitoring officer"], kinds[finance]),
                after=" and have the council designate someone else for the other")


@rule("GE004", "error", "post.statutory_roles",
      "Local Government and Housing Act 1989 s.5 (" + DOMAIN + ": statutory officers)",
      "one council's monitoring officer cannot also be its head of paid service "
      "(principal councils in England and Wales)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def monitoring_officer_and_head_of_paid_service(a: AnswerFile, f: Facts) -> Findings:
    """Only in England and Wales: s.5(1A) and (1B) of the 1989 Act name principal councils
    there; Scotland has no such bar and Part I of the Act does not extend to Northern
    Ireland."""
    if a.jurisdiction in ("scotland", "northern_ireland"):
        return
    for pid, kinds in roles_by_party(a).items():
        # a Welsh council's s.54 chief executive holds the head of paid service's place
        top = "chief executive" if a.jurisdiction == "wales" and "chief executive" in kinds \
            else "head of paid service"
        if "monitoring officer" in kinds and top in kinds:
            yield ("post", "statutory_roles", kinds[top]), told(
                f"the post-holder would be both monitoring officer and {top} "
                f"of {party_name(f, pid)}; a principal council's monitoring officer may not be its "
                f"{top}. ", "Keep one role", *_keep_one(kinds["monitoring officer"], kinds[top]),
                after=" and have the council designate someone else for the other")


#: Local Government (Wales) Measure 2011 s.8(4) as amended by the Local Government and
#: Elections (Wales) Act 2021: the offices a Welsh council may not designate as its head of
#: democratic services (paragraph (b), the monitoring officer, is omitted: that pairing is
#: lawful); a head of paid service named in Wales is the s.54 chief executive (GP046)
_NOT_DEMOCRATIC_SERVICES = ("chief executive", "head of paid service", "chief finance officer")


@rule("GE012", "error", "post.statutory_roles",
      "Local Government (Wales) Measure 2011 s.8(4), as amended by the Local Government and "
      "Elections (Wales) Act 2021 (" + DOMAIN + ": statutory officers)",
      "a Welsh council's head of democratic services cannot also be its chief executive or "
      "its chief finance officer (s.151)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def head_of_democratic_services_and_chief_officer(a: AnswerFile, f: Facts) -> Findings:
    """Only in Wales, and only for a council: s.8 of the 2011 Measure binds county and
    county borough councils in Wales."""
    if a.jurisdiction != "wales":
        return
    for pid, kinds in roles_by_party(a).items():
        if "head of democratic services" not in kinds or pid not in f.party \
                or f.party[pid].kind != "local_authority":
            continue
        other = next((k for k in _NOT_DEMOCRATIC_SERVICES if k in kinds), None)
        if other is not None:
            i = kinds["head of democratic services"]
            office = "chief executive" if other == "head of paid service" else other
            yield ("post", "statutory_roles", i), told(
                f"the post-holder would be both {office} and head of democratic services of "
                f"{party_name(f, pid)}; section 8(4) of the Local Government (Wales) Measure "
                "2011 forbids a council to designate its chief executive or its chief finance "
                "officer as its head of democratic services (its monitoring officer it may). ",
                "Keep one of the roles", *_keep_one(kinds[other], i),
                after=" and have the council designate another of its officers for the other")



@rule("GP046", "warning", "post.statutory_roles", LGEWA_S54,
      "a Welsh county or county borough council appoints a chief executive under s.54, "
      "not a head of paid service", clauses=("agreement.statutory_roles",))
def wales_head_of_paid_service(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction != "wales":
        return
    for i, r in enumerate(a.post.statutory_roles):
        if "head of paid service" in role_kinds(r.role) and \
                f.party[r.party].kind == "local_authority":
            yield ("post", "statutory_roles", i, "role"), told(
                "since 5 May 2022 a county or county borough council in Wales appoints a chief "
                "executive under section 54 of the Local Government and Elections (Wales) Act "
                "2021 instead of designating a head of paid service; ",
                "write the role as 'Chief Executive'",
                way(f"post.statutory_roles.{i}.role=Chief Executive"),
                after=" (a community council is not affected)")


@rule("GP051", "warning", "post.statutory_roles", "Local Government and Housing Act 1989 s.4; "
      + STANDING_ORDERS, "a council's chief executive holds a statutory role as its head of "
      "paid service (England, Scotland)", clauses=("agreement.statutory_roles",))
def chief_executive_as_head_of_paid_service(a: AnswerFile, f: Facts) -> Findings:
    """Outside Wales (where s.54 of the 2021 Act makes chief executive the office itself),
    "Chief Executive" names no statutory office: the designation is head of paid service. In
    England, where the same person is also that council's monitoring officer, the warning
    says the clash: a chief executive is in practice the head of paid service, whom s.5(1A)
    of the 1989 Act bars from being the monitoring officer. It stays a warning (GE004 is
    the error once the role is named head of paid service): the title alone does not prove
    the s.4 designation, which a council may give another officer. In Wales the chief
    executive is the office, and GE004 finds it at once; Scotland has no such bar."""
    if a.jurisdiction not in ("england", "scotland"):
        return
    by_party = roles_by_party(a)
    for i, r in enumerate(a.post.statutory_roles):
        kinds = by_party.get(r.party, {})
        if "chief executive" not in role_kinds(r.role) or "head of paid service" in kinds \
                or f.party[r.party].kind != "local_authority":
            continue
        name = party_name(f, r.party)
        what = (f"'{r.role}' of {name} names no statutory office: a council designates its "
                "chief executive as head of paid service under section 4 of the Local "
                "Government and Housing Act 1989, and that designation is what the statutory "
                "wording (and, in England, the Standing Orders Regulations on dismissal) "
                "follows. ")
        mo = kinds.get("monitoring officer") if a.jurisdiction == "england" else None
        if mo is None:
            yield ("post", "statutory_roles", i, "role"), told(
                what, "Name the role in post.statutory_roles as 'Chief Executive and Head of "
                "Paid Service'",
                way(f"post.statutory_roles.{i}.role=Chief Executive and Head of Paid Service"))
            continue
        yield ("post", "statutory_roles", i, "role"), told(
            what + f"The post-holder is also {name}'s monitoring officer, and an English "
            "council's chief executive is in practice its head of paid service, whom section "
            "5(1A) of that Act bars from also being its monitoring officer. ", "Keep one of the "
            "two roles, or acknowledge GP051", *_keep_one(mo, i), way("acknowledge=GP051"),
            after=f" with the name of {name}'s head of paid service if that is not the chief "
            "executive; have the council designate someone else for a role given up")


@rule("GP055", "warning", "post.statutory_roles", DOMAIN + " (statutory officers: the "
      "council offices; in Northern Ireland s.1(2) LGFA (NI) 2011)",
      "a council's statutory office can be held only for a party that is a local authority",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def council_office_for_a_non_council(a: AnswerFile, f: Facts) -> Findings:
    """A monitoring officer, head of paid service, s.151 officer, director of public health,
    adult or children's services (England) or social services (Wales), head of democratic
    services (Wales), s.95 or chief social work officer (Scotland), in Northern Ireland a
    chief financial officer (s.1(2) LGFA (NI) 2011), a monitoring officer (under a council's
    own arrangements) or a role titled "Clerk of the Council" (s.41(1) LGA (NI) 1972; not
    "Chief Executive": an HSC Trust has its own) is a council's office (``OFFICES``): listed
    for an NHS or other body, the documents list it as that body's statutory role, and for
    some print the office's statutory wording for a body the statute does not reach
    (``WORDED_FOR_ANY_PARTY``; the message says which). An NHS body's own "chief finance
    officer" is not the s.151 office: only a role naming section 151 is flagged."""
    for i, r in enumerate(a.post.statutory_roles):
        party = f.party[r.party]
        if party.kind == "local_authority":
            continue
        offices = council_offices_for(role_kinds(r.role), a.jurisdiction, party.nhs_country)
        if SECTION_151.search(r.role):
            offices.append(("chief finance officer", "section 151 of the Local Government "
                            "Act 1972"))
        if a.jurisdiction == "northern_ireland" and CLERK_OF_THE_COUNCIL.search(r.role) \
                and "chief executive" in role_kinds(r.role):  # the clerk's title: s.41(1)
            offices.append(("clerk of the council", OWN_OFFICER_DUTY["chief executive"][
                "northern_ireland"]))
        if offices:
            what, printed = council_office_words(offices, a.jurisdiction,
                                                 party_name(f, r.party))
            yield ("post", "statutory_roles", i, "party"), (
                f"'{r.role}' is listed for {party_name(f, r.party)} ({party.kind_text}), but "
                f"{what}, and the documents would {printed}. Give the "
                "role to the council that designates or appoints the post-holder (party: "
                "the council's id), or describe the post-holder's part for "
                f"{party_name(f, r.party)} in job.responsibilities")


@rule("GP053", "warning", "post.statutory_roles", "Representation of the People Act 1983 and "
      "Electoral Law Act (Northern Ireland) 1962: the Chief Electoral Officer for Northern "
      "Ireland (" + DOMAIN + ")",
      "in Northern Ireland a council appoints no returning or electoral registration officer",
      clauses=("agreement.statutory_roles",))
def northern_ireland_electoral_offices(a: AnswerFile, f: Facts) -> Findings:
    """The Chief Electoral Officer for Northern Ireland is the registration officer and the
    returning officer at elections there; the agreement's wording on those personal offices
    (fees outside the recharge, the council's indemnity) is written for Great Britain, and
    left out under Northern Ireland's law (the role itself is still listed as written)."""
    if a.jurisdiction != "northern_ireland":
        return
    for i, r in enumerate(a.post.statutory_roles):
        if "returning officer" in role_kinds(r.role):
            yield ("post", "statutory_roles", i, "role"), told(
                f"'{r.role}' of {party_name(f, r.party)} is not a council office in Northern "
                "Ireland, where the Chief Electoral Officer for Northern Ireland registers "
                "electors and is the returning officer at elections, so the agreement leaves "
                "out its wording on those personal offices, which is written for Great "
                "Britain. ", "Remove the role from "
                "post.statutory_roles, or describe the post-holder's part (for example as a "
                "deputy appointed by the Chief Electoral Officer) in job.special_conditions",
                way(f"post.statutory_roles.{i}=-"), way("job.special_conditions"))


@rule("GP056", "warning", "post.statutory_roles", "Social Services and Well-being (Wales) Act "
      "2014 s.144; Local Authority Social Services Act 1970 s.6; Children Act 2004 ss.18 and "
      "27; National Health Service Act 2006 s.73A; Local Government (Scotland) Act 1973 s.95; "
      "Social Work (Scotland) Act 1968 s.3; Local Government (Wales) Measure 2011 s.8 ("
      + DOMAIN + ")", "a statutory role should be an office of the post's own country (Wales "
      "has a director of social services, England directors of adult and of children's "
      "services, Scotland a chief social work officer)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def office_of_another_country(a: AnswerFile, f: Facts) -> Findings:
    """The documents print an office's statutory wording only in the country whose law
    makes it: a Welsh post's "Director of Adult Social Services" would get none, where the
    role the council means is its director of social services under s.144 of the 2014 Act.
    Under "England and Wales" the Welsh director of social services gets none either: the
    answer file has not said that the post is in Wales, and in England the office does not
    exist. Scotland's s.95 officer and chief social work officer named outside Scotland are
    found too, with the code ``office_of_scotland`` (the browser's words for the rule are
    about England and Wales), England's and Wales' offices named in a Scottish post, with
    the code ``office_in_scotland``, and a council's director of public health in Northern
    Ireland (public health is the Public Health Agency's there), with the code
    ``office_in_northern_ireland``; between England and Wales, each case its code in
    ``offices.OTHER_COUNTRY_CODES``."""
    for i, r in enumerate(a.post.statutory_roles):
        council = f.party[r.party].kind == "local_authority"
        s151 = section_151_words(r.role, a.jurisdiction) if council else None
        if s151:  # England and Wales' chief finance officer, by its section's number
            yield ("post", "statutory_roles", i, "role"), Told(
                f"'{r.role}' of {party_name(f, r.party)} {s151}", f"office_in_{a.jurisdiction}")
            continue
        for kind in sorted(role_kinds(r.role)):
            found = other_country_words(kind, a.jurisdiction)
            if found and (council or not found[0]):
                said = f"'{r.role}' of {party_name(f, r.party)} {found[1]}"
                code = "office_of_scotland" if kind in SCOTTISH_OFFICES else \
                    "office_in_scotland" if a.jurisdiction == "scotland" else \
                    "office_in_northern_ireland" if a.jurisdiction == "northern_ireland" else \
                    OTHER_COUNTRY_CODES.get((a.jurisdiction, kind), "")
                yield ("post", "statutory_roles", i, "role"), Told(said, code) if code \
                    else said
                break


@rule("GP068", "warning", "post.statutory_roles", "National Health Service Act 2006 ss.2B and "
      "73A; Local Authority Social Services Act 1970 ss.1 and 6; Children Act 2004 ss.18 and 65 "
      "(" + DOMAIN + ": statutory officers)", "a district council in an area with a county "
      "council has no director of public health, of adult social services or of children's "
      "services (found only by the words 'District Council' in a council's name: a borough "
      "or city council in such an area is a district council too, and its name does not show "
      "it, so check the tier of a borough or city council given one of these offices)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def upper_tier_office_of_a_district_council(a: AnswerFile, f: Facts) -> Findings:
    """England only (no district councils elsewhere since 1996). By its name alone a council
    cannot be proved a two-tier district (a unitary district council has these functions),
    so this is a warning that asks to check, never an error. A borough or city council is
    not looked at: the name is a two-tier district's, a unitary's, a metropolitan or a London
    borough's alike, and a party's ``kind`` says only ``local_authority`` (the summary says
    so)."""
    if a.jurisdiction not in ("england", "england_and_wales"):
        return
    for i, r in enumerate(a.post.statutory_roles):
        party = f.party[r.party]
        offices = [o for o in UPPER_TIER_OFFICES if o in role_kinds(r.role)]
        if offices and party.kind == "local_authority" and is_district_council(party.name):
            yield ("post", "statutory_roles", i, "party"), told(
                district_council_words(r.role, party.name, offices) + f"Check that "
                f"{party.short_name} is a unitary council: if it is, ", "acknowledge GP068",
                way("acknowledge=GP068"), after=" saying so; if it is not, give the role to the "
                "county council that appoints the post-holder")
