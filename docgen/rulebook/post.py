"""Rules on the post itself: ``post`` (statutory roles, political restriction, places of
work), ``time_split`` and ``job`` (the job specification); the post-holder's own terms
are in :mod:`docgen.rulebook.postholder`."""

from __future__ import annotations

import re
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, number
from docgen.facts.roles import role_kinds
from docgen.rulebook.common import (
    BOARD_PAPER,
    CAPITAL_AMBITION,
    DOMAIN,
    LGEWA_S54,
    SCOTTISH_GUIDE,
    STANDING_ORDERS,
    Findings,
    has_or_have,
    party_name,
    roles_by_party,
)
from docgen.rulebook.registry import rule, told, way


@rule("GE003", "error", "post.statutory_roles",
      "Local Government and Housing Act 1989 s.5 (" + DOMAIN + ": statutory officers)",
      "one council's monitoring officer cannot also be its chief finance officer (s.151)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def monitoring_officer_and_cfo(a: AnswerFile, f: Facts) -> Findings:
    """Not applied in Northern Ireland, to which Part I of the 1989 Act does not extend."""
    if a.jurisdiction == "northern_ireland":
        return
    for pid, kinds in roles_by_party(a).items():
        if "monitoring officer" in kinds and "chief finance officer" in kinds:
            yield ("post", "statutory_roles", kinds["chief finance officer"]), (
                f"the post-holder would be both monitoring officer and chief finance officer "
                f"of {party_name(f, pid)}; the law forbids one person holding both for the same "
                "council. Keep one of the roles and have the council designate someone else "
                "for the other")


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
            yield ("post", "statutory_roles", kinds[top]), (
                f"the post-holder would be both monitoring officer and {top} "
                f"of {party_name(f, pid)}; a principal council's monitoring officer may not be its "
                f"{top}. Keep one role and have the council designate someone "
                "else for the other")


@rule("GP012", "warning", "post.politically_restricted",
      "Local Government and Housing Act 1989 s.2 (" + DOMAIN + ")",
      "a post holding a statutory chief-officer role is politically restricted",
      clauses=("agreement.statutory_roles", "contract.statutory_roles",
               "job_spec.special_conditions"))
def statutory_role_restricted(a: AnswerFile, f: Facts) -> Findings:
    """Not in Northern Ireland, to which s.2 of the 1989 Act does not extend."""
    if a.post.politically_restricted or a.jurisdiction == "northern_ireland":
        return
    # the electoral offices are personal offices, not chief-officer posts
    kinds = sorted({k for r in a.post.statutory_roles for k in role_kinds(r.role)}
                   - {"returning officer"})
    if kinds:
        yield ("post", "politically_restricted"), told(
            f"the post holds the statutory {'role' if len(kinds) == 1 else 'roles'} of "
            f"{join_words(kinds)}, which makes it politically restricted; ",
            "set post.politically_restricted: true", way("post.politically_restricted=true"))


@rule("GP013", "warning", "time_split.shares", CAPITAL_AMBITION + ", 2.3 Type of role",
      "each party should have at least a day a week", clauses=("agreement.time",))
def at_least_a_day(a: AnswerFile, f: Facts) -> Findings:
    for p in f.parties:
        if p.days_per_week < 1:
            yield ("time_split", "shares", p.id), (
                f"{p.short_name} has {number(p.days_per_week.quantize(Decimal('0.01')))} days "
                "a week; under a day a week is hard to make a real role of. Consider a "
                "service agreement instead, or give it at least a day")


@rule("GP015", "warning", "post.not_expected", SCOTTISH_GUIDE + ", Making joint appointments",
      "say what the post is not expected to be or do",
      clauses=("agreement.post", "job_spec.purpose"))
def not_expected(a: AnswerFile, f: Facts) -> Findings:
    if not a.post.not_expected:
        yield ("post", "not_expected"), told(
            "nothing says what the post is not; joint posts fail when seen as someone who "
            "'does it all' or the sole channel between the parties. ",
            "List these in post.not_expected", way("post.not_expected"))


@rule("GP018", "warning", "job.responsibilities", SCOTTISH_GUIDE + ", Critical Success "
      "Factor 2", "the job specification should give each party responsibilities",
      clauses=("job_spec.responsibilities", "contract.duties"))
def party_responsibilities(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.responsibilities]
    if missing:
        yield ("job", "responsibilities"), told(
            f"{join_words(missing)} {has_or_have(missing)} no responsibilities in the job "
            "specification; each party should see what the post does for it. ",
            "Add a list under job.responsibilities for each party", way("job.responsibilities"))


@rule("GP019", "warning", "job.special_conditions", BOARD_PAPER + "; " + DOMAIN +
      " (Director of Public Health)", "a Director of Public Health is appointed jointly with "
      "the Secretary of State",
      clauses=("job_spec.special_conditions", "agreement.statutory_roles"))
def dph_secretary_of_state(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction not in ("england_and_wales", "england"):
        return
    dph = any("director of public health" in role_kinds(r.role) for r in a.post.statutory_roles)
    dph = dph or "director of public health" in role_kinds(a.post.title)
    said = any("secretary of state" in c.lower() for c in a.job.special_conditions)
    if dph and not said:
        yield ("job", "special_conditions"), (
            "a Director of Public Health in England is appointed jointly with the Secretary of "
            "State (through an advisory appointments committee), who is consulted before the "
            "appointment ends; add a special condition saying so")


@rule("GP028", "warning", "post.locations", CAPITAL_AMBITION + ", 4.8 Practical issues",
      "the post-holder should have a place to work at each party",
      clauses=("agreement.time", "contract.place_and_hours", "job_spec.locations"))
def location_each_party(a: AnswerFile, f: Facts) -> Findings:
    missing = [p for p in f.parties if not p.sites]
    if missing:
        yield ("post", "locations"), told(
            f"no place of work is given at {join_words([p.short_name for p in missing])}; the "
            "post-holder needs a place to work (and IT access) in each organisation. ",
            "Add it to post.locations", way(*[f"post.locations={p.id}" for p in missing]))


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
    "Chief Executive" names no statutory office: the designation is head of paid service."""
    if a.jurisdiction not in ("england", "scotland"):
        return
    by_party = roles_by_party(a)
    for i, r in enumerate(a.post.statutory_roles):
        kinds = by_party.get(r.party, {})
        if "chief executive" in role_kinds(r.role) and "head of paid service" not in kinds \
                and f.party[r.party].kind == "local_authority":
            yield ("post", "statutory_roles", i, "role"), told(
                f"'{r.role}' of {party_name(f, r.party)} names no statutory office: a council "
                "designates its chief executive as head of paid service under section 4 of the "
                "Local Government and Housing Act 1989, and that designation is what the "
                "statutory wording (and, in England, the Standing Orders Regulations on "
                "dismissal) follows. ", "Name the role in post.statutory_roles as 'Chief "
                "Executive and Head of Paid Service'",
                way(f"post.statutory_roles.{i}.role=Chief Executive and Head of Paid Service"))


#: council offices: for each, the statute that makes it one, by the jurisdictions in which
#: only a local authority holds it (a health board appoints the director of public health in
#: Scotland and a Local Health Board in Wales, so that office is the council's only in
#: England; in Wales one director of social services under s.144 of the 2014 Act takes the
#: place of England's directors of adult social services and of children's services)
_GB = ("england", "wales", "england_and_wales", "scotland")
_LASSA_S6 = "section 6 of the Local Authority Social Services Act 1970"
_SSWA_S144 = "section 144 of the Social Services and Well-being (Wales) Act 2014"
_COUNCIL_OFFICES: dict[str, dict[str, str]] = {
    "monitoring officer": dict.fromkeys(
        _GB, "section 5 of the Local Government and Housing Act 1989"),
    "head of paid service": dict.fromkeys(
        _GB, "section 4 of the Local Government and Housing Act 1989"),
    "director of public health": {
        "england": "section 73A of the National Health Service Act 2006"},
    "director of adult social services": {
        "england": _LASSA_S6, "england_and_wales": f"in England, {_LASSA_S6}"},
    "director of social services": {
        "wales": _SSWA_S144, "england_and_wales": f"in Wales, {_SSWA_S144}"},
    "director of children's services": dict.fromkeys(
        ("england", "england_and_wales"), "section 18 of the Children Act 2004"),
    "returning officer": dict.fromkeys(_GB, "the Representation of the People Act 1983")}


@rule("GP055", "warning", "post.statutory_roles", DOMAIN + " (statutory officers: the "
      "council offices)", "a council's statutory office can be held only for a party that "
      "is a local authority", clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def council_office_for_a_non_council(a: AnswerFile, f: Facts) -> Findings:
    """A monitoring officer, head of paid service, s.151 officer, director of public health
    (England), of adult social services or of children's services (England) or of social
    services (Wales) is a council's office:
    listed for an NHS or other body, the documents would print that office's statutory
    wording for a body the statute does not reach. An NHS body's own "chief finance
    officer" is not the s.151 office, so only a role naming section 151 is flagged."""
    for i, r in enumerate(a.post.statutory_roles):
        party = f.party[r.party]
        if party.kind == "local_authority":
            continue
        offices = [(k, _COUNCIL_OFFICES[k][a.jurisdiction]) for k in sorted(role_kinds(r.role))
                   if a.jurisdiction in _COUNCIL_OFFICES.get(k, {})]
        if re.search(r"\b151\b", r.role):
            offices.append(("chief finance officer", "section 151 of the Local Government "
                            "Act 1972"))
        if offices:
            office, statute = offices[0][0], offices[0][1]
            yield ("post", "statutory_roles", i, "party"), (
                f"'{r.role}' is listed for {party_name(f, r.party)} ({party.kind_text}), but "
                f"the {office} is an office of a local authority ({statute}), and the "
                "documents would print that office's statutory wording for it. Give the "
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
    (fees outside the recharge, the council's indemnity) is written for Great Britain."""
    if a.jurisdiction != "northern_ireland":
        return
    for i, r in enumerate(a.post.statutory_roles):
        if "returning officer" in role_kinds(r.role):
            yield ("post", "statutory_roles", i, "role"), told(
                f"'{r.role}' of {party_name(f, r.party)} is not a council office in Northern "
                "Ireland, where the Chief Electoral Officer for Northern Ireland registers "
                "electors and is the returning officer at elections; the agreement's wording "
                "on those personal offices does not apply there. ", "Remove the role from "
                "post.statutory_roles, or describe the post-holder's part (for example as a "
                "deputy appointed by the Chief Electoral Officer) in job.special_conditions",
                way(f"post.statutory_roles.{i}=-"), way("job.special_conditions"))


#: what to write instead of an office that the post's country does not have, by
#: (jurisdiction, office); "council" offices are flagged only for a local authority
_OTHER_COUNTRY_OFFICES: dict[tuple[str, str], tuple[bool, str]] = {
    ("wales", "director of adult social services"): (False, (
        f"names an office of English law ({_LASSA_S6}, which applies in England only); in "
        "Wales a local authority appoints one director of social services, for its social "
        f"services functions for adults and children alike, under {_SSWA_S144}. Write the "
        "role as 'Director of Social Services'")),
    ("wales", "director of children's services"): (False, (
        "names an office of English law (section 18 of the Children Act 2004, which applies "
        "in England only); in Wales the director of social services appointed under "
        f"{_SSWA_S144} answers for children's social services as well as adults', and a "
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
        f"names the Welsh office ({_SSWA_S144}); in England a local authority appoints a "
        f"director of adult social services ({_LASSA_S6}) and a director of children's "
        "services (section 18 of the Children Act 2004). Write the role as one or both of "
        "those")),
    ("england_and_wales", "director of social services"): (False, (
        f"names the Welsh office ({_SSWA_S144}), but jurisdiction: england_and_wales does "
        "not say that the post is in Wales, so the agreement cites no statute for the role. "
        "If the councils are in Wales, set jurisdiction: wales, and the agreement states the "
        "appointment under section 144; in England there is no statutory director of social "
        f"services: a local authority appoints a director of adult social services ({_LASSA_S6}) "
        "and a director of children's services (section 18 of the Children Act 2004), so write "
        "the role as one or both of those and set jurisdiction: england")),
}


@rule("GP056", "warning", "post.statutory_roles", "Social Services and Well-being (Wales) Act "
      "2014 s.144; Local Authority Social Services Act 1970 s.6; Children Act 2004 ss.18 and "
      "27; National Health Service Act 2006 s.73A (" + DOMAIN + ")",
      "a statutory role should be an office of the post's own country (Wales has a director "
      "of social services, England directors of adult and of children's services)",
      clauses=("agreement.statutory_roles", "contract.statutory_roles"))
def office_of_another_country(a: AnswerFile, f: Facts) -> Findings:
    """The documents print an office's statutory wording only in the country whose law
    makes it: a Welsh post's "Director of Adult Social Services" would get none, where the
    role the council means is its director of social services under s.144 of the 2014 Act.
    Under "England and Wales" the Welsh director of social services gets none either: the
    answer file has not said that the post is in Wales, and in England the office does not
    exist."""
    for i, r in enumerate(a.post.statutory_roles):
        council = f.party[r.party].kind == "local_authority"
        for kind in sorted(role_kinds(r.role)):
            found = _OTHER_COUNTRY_OFFICES.get((a.jurisdiction, kind))
            if found and (council or not found[0]):
                yield ("post", "statutory_roles", i, "role"), (
                    f"'{r.role}' of {party_name(f, r.party)} {found[1]}")
                break
