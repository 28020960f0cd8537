"""Legal facts that depend on who the parties are: which statutory wording applies.

Kept apart from ``derive.py`` (money, dates, names) so that the rules that flag a
structure and the clauses that print its wording read the same findings: an NHS
employer (the political restriction and the s.117 duty are contractual), a Welsh
chief executive appointed under s.54 LGE(W)A 2021, a monitoring officer's deputies,
personal electoral offices, exit-cost shares that total exactly 100%, the mediation
nominating body and Scots execution; and which councils the post-holder is an officer of in
law (s.117 LGA 1972 and s.68 LG(S)A 1973 bind a council's own officers), and which hosts
the statutory legal basis reaches and which are served by secondment (the three documents'
legal-basis sentences all read these).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import field
from decimal import ROUND_DOWN, Decimal
from typing import Protocol

from docgen._records import record
from docgen.answers.body_kinds import body_words
from docgen.answers.model import AnswerFile, StatutoryRole
from docgen.answers.powers import ENGLAND_AND_WALES, STATUTE_REACH
from docgen.facts.formatting import join_words, long_date, pence, percent
from docgen.facts.jurisdictions import NO_STAFF_POWER, cited_in
from docgen.facts.nhs_bodies import NhsActs, nhs_acts
from docgen.facts.own_offices import own_office_duties, own_offices
from docgen.facts.pensions import default_scheme
from docgen.facts.people import review_dates
from docgen.facts.role_titles import role_kinds
from docgen.facts.roles import STANDING_ORDERS_OFFICES, council_offices
from docgen.facts.welsh_language import welsh_criteria

CENT = Decimal("0.01")
#: the nominating bodies a dispute step may name, first match wins: compiled as the module
#: loads (the same for every post, so kept by the command's cache of compiled patterns)
MEDIATORS = tuple((re.compile(pattern, re.IGNORECASE), body) for pattern, body in (
    (r"\bWLGA\b|Welsh Local Government Association", "the Welsh Local Government Association"),
    (r"\bLGA\b|(?<!Welsh )Local Government Association", "the Local Government Association"),
    (r"Scottish Mediation", "Scottish Mediation"),
    (r"\bCEDR\b|Centre for Effective Dispute Resolution",
     "the Centre for Effective Dispute Resolution")))


class _Party(Protocol):
    id: str
    short_name: str
    kind: str
    nhs_country: str
    is_employer: bool
    time_percent: Decimal
    cost_percent: Decimal
    annual: Decimal


@record
class BoardParty:
    """An integration joint board that signs the agreement: the fields the cover, the
    parties, notices and signature blocks print for a party (it shares no time or cost)."""

    name: str
    short_name: str
    address: str
    signatory_name: str
    signatory_title: str
    notices_title: str
    notices_email: str


@record
class LegalFacts:
    """Wording choices that follow the parties, the roles and the jurisdiction."""

    #: the political restriction and the s.117 duty bind by statute (a council employs,
    #: outside Northern Ireland); otherwise they are terms of the contract
    statutory_restriction: bool
    employer_is_council: bool
    #: councils in Wales appointing the post-holder as chief executive under s.54
    wales_chief_executive: list[_Party] = field(default_factory=list)
    #: {party, deputy} and {party, role}
    monitoring_officers: list[dict[str, _Party | str]] = field(default_factory=list)
    returning_officer: list[dict[str, _Party | str]] = field(default_factory=list)
    #: {party, office}: a head of paid service or chief finance officer whose dismissal the
    #: Standing Orders Regulations (England 2001, Wales 2006) govern, as they do a monitoring
    #: officer's ("head of paid service" in Wales is the s.54 chief executive, listed above)
    relevant_officers: list[dict[str, _Party | str]] = field(default_factory=list)
    #: {party, office}: every office above whose holder the party may remove only by a
    #: resolution of its full council (the monitoring officers, the Welsh chief executives,
    #: then the relevant officers; none in Northern Ireland, where no statute gives a council
    #: a monitoring officer, so its own arrangements govern the role's end): what the
    #: agreement's clause on ending a designation, and the contract's on statutory roles and
    #: on conduct, all read
    guarded: list[dict[str, _Party | str]] = field(default_factory=list)
    adult_social_services: list[_Party] = field(default_factory=list)  # parties (DASS)
    #: parties whose director of social services (Wales, s.144 SSWA 2014) the post-holder is
    social_services: list[_Party] = field(default_factory=list)
    #: Scotland: a statutory role or the post's title names the chief social work officer
    #: (``role_kinds``; s.3 Social Work (Scotland) Act 1968 as substituted by s.45 Local
    #: Government etc. (Scotland) Act 1994); a deputy holds no such office
    chief_social_work_officer: bool = False
    #: the person specification's criteria on Welsh language skills (``WELSH_WORDS``,
    #: ``WELSH_PATTERN``)
    welsh_criteria: list[str] = field(default_factory=list)
    #: councils whose director of public health the post-holder is (the office of s.73A NHS
    #: Act 2006 is a local authority's; deputies and assistants hold none, as ``role_kinds``)
    public_health: list[_Party] = field(default_factory=list)
    #: those councils in England (or under England and Wales' law), where the council
    #: appoints its director of public health jointly with the Secretary of State (s.73A(1))
    #: and consults the Secretary of State before ending the appointment: what the job
    #: specification's and the contract's statutory-roles wording read
    public_health_joint: list[_Party] = field(default_factory=list)
    #: the NHS parties by the Act the agreement names for their powers (``nhs_bodies``:
    #: under England and Wales' law each body's own country where its kind fixes it)
    nhs_acts: list[NhsActs] = field(default_factory=list)
    #: party id → share, total 100.00
    exit_shares: dict[str, Decimal] = field(default_factory=dict)
    exit_shares_text: str = ""  # "Hartmoor 40% and Fenwick 60%"
    exit_basis: str = "time"  # cost_shares / time / fee / stated
    mediator: str = "the Centre for Effective Dispute Resolution"
    self_proving: bool = False
    health_body: str = "NHS body"  # what an NHS-kind party is called in this jurisdiction
    trial_review_text: str = ""  # the end-of-trial review, a month before the trial ends
    new_pension_scheme: str = ""  # a recruit's scheme: as stated, or by employer and country
    #: the integration joint board named (Scotland), whether it may enforce its clauses as a
    #: third party, and its details when it signs as a party
    ijb: str = ""
    ijb_enforces: bool = False
    ijb_party: BoardParty | None = None
    #: councils whose officer the post-holder is in law: the employer, if a council, and (in
    #: England and Wales) each council host placed under s.113(1) LGA 1972, which s.113(2)
    #: treats as its officer. A secondment, s.35 LG(S)A 1966 and s.113(1A)(b) deem nothing.
    officer_of: list[_Party] = field(default_factory=list)
    #: the other councils: a duty owed to them as to a council's officer (s.117 LGA 1972,
    #: s.68 LG(S)A 1973) binds the post-holder only as a term of the contract
    not_officer_of: list[_Party] = field(default_factory=list)
    #: the hosts the statutory legal basis reaches. s.113 LGA 1972: a council employer's
    #: council hosts (s.113(1)) and NHS hosts (s.113(1A)(a)), an NHS employer's council hosts
    #: (s.113(1A)(b)); not NHS to NHS, nor a body of another kind. s.35 LG(S)A 1966: a
    #: council employer's council hosts (s.35(1): a local authority places its own
    #: employees with another local authority); none for a health board employer. s.105
    #: LG(NI)A 1972 and a power named under "other": every host. A secondment: none.
    basis_hosts: list[_Party] = field(default_factory=list)
    #: the other hosts, whose share of the services is made available by secondment
    seconded_hosts: list[_Party] = field(default_factory=list)
    #: under s.35 LG(S)A 1966, the parties that are not local authorities: what "section 35
    #: does not extend to" names (under s.113 the documents name the placement instead)
    basis_excludes: list[_Party] = field(default_factory=list)
    #: the post is placed under s.113 LGA 1972: ``lga_1972_s113``, or ``other`` in words that
    #: cite it in any form (``jurisdictions.CITED``: "s.113 of …", "Section 113 of …")
    cites_s113: bool = False
    #: Scotland, ``other``, in words relying on the 2014 Act or an integration scheme (no power
    #: to share staff: ``jurisdictions.NO_STAFF_POWER``), which no document states as a basis
    basis_no_staff_power: bool = False
    #: the council hosts (not the employer), in the roles' order, that are to give the
    #: post-holder a council's office under the post's law (``roles.council_offices``) other
    #: than a returning officer's (personal) or a chief executive's (a Welsh one has its own
    #: note); in Northern Ireland one with an ``own_officer`` cell, a chief executive's among
    #: them: whom the agreement's note on an office under another power names (GP054 reads it)
    own_office_hosts: list[_Party] = field(default_factory=list)
    #: {office, provision}: for the offices of those hosts that ``roles.OFFICES`` gives an
    #: own-officer provision under the post's law (in Northern Ireland
    #: ``own_offices.ni_duties``), in its order, the provision that has a council give
    #: the office to one of its own officers: what the note cites for each
    own_office_duties: list[dict[str, str]] = field(default_factory=list)
    #: those of ``own_office_hosts`` that no power treats the post-holder as an officer of
    #: (``legal_basis: other`` under England's or Wales' law, in words not citing s.113; every
    #: one in Northern Ireland, whose s.105 deems no one the host's officer):
    #: whom the agreement's note for legal review names, and of whom GP054 says that note
    #: makes its point (one home for the condition, read by the clause and the rule)
    unplaced_hosts: list[_Party] = field(default_factory=list)
    #: an NHS employer places the post-holder with its council hosts under s.113(1A)(b) LGA
    #: 1972, which s.113(2) does not reach (England and Wales, s.113 chosen or cited in words:
    #: :attr:`cites_s113`): the background's note, the contract's wording and GP054 read it
    nhs_placed: bool = False
    #: the ids of the parties whose statutory roles the agreement doubts they may give the
    #: post-holder (all three documents say them "to be" given): the council hosts where
    #: :attr:`nhs_placed`, else :attr:`unplaced_hosts`
    doubted_hosts: list[str] = field(default_factory=list)


def kind_text(kind: str, jurisdiction: str) -> str:
    """What a party is called: an HSC Trust in Northern Ireland is not "an NHS body"
    (``answers/body_kinds.py``, the words the interview reads too)."""
    return body_words(kind, jurisdiction)


def shares_to_100(weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """Percentages to two places that add up to exactly 100.00 (largest remainder)."""
    total = sum(weights.values(), Decimal(0))
    if not total:
        return {k: Decimal(0) for k in weights}
    exact = {k: v * 100 / total for k, v in weights.items()}
    out = {k: v.quantize(CENT, rounding=ROUND_DOWN) for k, v in exact.items()}
    left = int((Decimal(100) - sum(out.values(), Decimal(0))) / CENT)
    for k in sorted(exact, key=lambda k: exact[k] - out[k], reverse=True)[:left]:
        out[k] += CENT
    return out


def cost_of_time(cost_base: Decimal, p: _Party) -> Decimal:
    """A party's share of the Cost Base by its share of the post-holder's time, to the penny:
    what a fixed fee that recharges only cost comes to."""
    return pence(cost_base * p.time_percent / 100)


def _exit_shares(a: AnswerFile, parties: Sequence[_Party]) -> tuple[dict[str, Decimal], str]:
    stated = a.exit.cost_shares
    if stated:
        return shares_to_100({p.id: Decimal(stated.get(p.id, 0)) for p in parties}), "stated"
    if a.payment.mechanism == "salary_share":
        return shares_to_100({p.id: p.cost_percent for p in parties}), "cost_shares"
    return shares_to_100({p.id: p.time_percent for p in parties}), "time"


def _named_mediator(a: AnswerFile) -> str:
    """A nominating body the dispute steps already name ("mediation through the WLGA")."""
    steps = " ".join(d.level for d in a.governance.disputes)
    for pattern, body in MEDIATORS:
        if pattern.search(steps):
            return body
    return ""


def _trial_review(a: AnswerFile) -> str:
    t = a.review.trial_months
    if not t or t < 2 or t not in a.review.reviews_after_months:
        return ""
    return long_date(review_dates(a.post.start_date, [t], t)[0])


def _board_party(a: AnswerFile) -> BoardParty | None:
    b = a.integration_joint_board_party
    if b is None or not a.integration_joint_board or a.jurisdiction != "scotland":
        return None
    return BoardParty(name=a.integration_joint_board, short_name=b.short_name,
                      address=b.address, signatory_name=b.signatory.name,
                      signatory_title=b.signatory.title, notices_title=b.notices.title,
                      notices_email=b.notices.email)


#: where s.73A of the National Health Service Act 2006 makes a council's appointment of its
#: director of public health a joint one with the Secretary of State (England's law)
S73A_JURISDICTIONS = ("england", "england_and_wales")


def _relevant_officers(a: AnswerFile, roles: Sequence[tuple[_Party, StatutoryRole]]
                       ) -> list[dict[str, _Party | str]]:
    offices = STANDING_ORDERS_OFFICES.get(a.jurisdiction, ())
    return [{"party": p, "office": office} for p, r in roles
            if p.kind == "local_authority"
            for office in offices if office in role_kinds(r.role)]


def _basis_hosts(a: AnswerFile, employer: _Party, hosts: Sequence[_Party]) -> list[_Party]:
    """The hosts the legal basis lets the employer place the post-holder's services with
    (``answers/powers.STATUTE_REACH``, which the interview's standing basis reads too)."""
    if a.legal_basis == "secondment":
        return []
    if a.legal_basis not in STATUTE_REACH:
        return list(hosts)
    reach = STATUTE_REACH[a.legal_basis].get(employer.kind, ())
    return [p for p in hosts if p.kind in reach]


def _officer_of(a: AnswerFile, employer: _Party, basis_hosts: Sequence[_Party]
                ) -> list[_Party]:
    """The employer council, and the council hosts s.113(2) treats as having the
    post-holder as their officer (a placement by a council under s.113(1))."""
    if employer.kind != "local_authority":
        return []
    deemed = [p for p in basis_hosts if p.kind == "local_authority"] if (
        a.legal_basis == "lga_1972_s113"
        and a.jurisdiction in ENGLAND_AND_WALES) else []
    return [employer, *deemed]


def legal_facts(a: AnswerFile, parties: Sequence[_Party]) -> LegalFacts:
    by_id = {p.id: p for p in parties}
    employer = by_id[a.employer]
    council = employer.kind == "local_authority"
    roles = [(by_id[r.party], r) for r in a.post.statutory_roles]
    shares, basis = _exit_shares(a, parties)
    scotland = a.jurisdiction == "scotland"
    hosts = [p for p in parties if not p.is_employer]
    basis_hosts = _basis_hosts(a, employer, hosts)
    officer_of = _officer_of(a, employer, basis_hosts)
    monitoring: list[dict[str, _Party | str]] = [
        {"party": p, "deputy": r.deputy or ""} for p, r in roles
        if "monitoring officer" in role_kinds(r.role)]
    wales_ce = [p for p, r in roles if a.jurisdiction == "wales" and p.kind == "local_authority"
                and role_kinds(r.role) & {"chief executive", "head of paid service"}]
    relevant = _relevant_officers(a, roles)
    public_health = [p for p, r in roles if p.kind == "local_authority"
                     and "director of public health" in role_kinds(r.role)]
    # no statute protects a monitoring officer in Northern Ireland (Part I of the 1989 Act
    # does not extend there): the role, and its ending, rest on the council's own arrangements
    guarded: list[dict[str, _Party | str]] = [
        {"party": m["party"], "office": "monitoring officer"} for m in monitoring
        if a.jurisdiction != "northern_ireland"]
    guarded += [{"party": p, "office": "chief executive"} for p in wales_ce]
    guarded += relevant
    own = {p.id: p for p, r in roles if not p.is_employer and p.kind == "local_authority"
           and own_offices(r.role, a.jurisdiction)}
    mediator = a.governance.mediator_nominated_by or _named_mediator(a) or (
        "Scottish Mediation" if scotland else "the Centre for Effective Dispute Resolution")
    cites_s113 = a.legal_basis == "lga_1972_s113" or (
        a.legal_basis == "other" and "lga_1972_s113" in cited_in(a.legal_basis_text))
    nhs_placed = cites_s113 and employer.kind == "nhs_body" and a.jurisdiction in ENGLAND_AND_WALES
    # in Northern Ireland no power makes the post-holder a host council's officer: s.105(1)(b)
    # provides services, and a transfer under s.105(2) is not what the documents write
    unplaced = a.jurisdiction == "northern_ireland" or (
        a.legal_basis == "other" and a.jurisdiction in ENGLAND_AND_WALES and not cites_s113)
    return LegalFacts(
        statutory_restriction=council and a.jurisdiction != "northern_ireland",
        employer_is_council=council,
        wales_chief_executive=wales_ce,
        monitoring_officers=monitoring,
        returning_officer=[{"party": p, "role": r.role} for p, r in roles
                           if "returning officer" in role_kinds(r.role)],
        relevant_officers=relevant,
        guarded=guarded,
        adult_social_services=[p for p, r in roles
                               if "director of adult social services" in role_kinds(r.role)],
        social_services=[p for p, r in roles
                         if "director of social services" in role_kinds(r.role)],
        chief_social_work_officer=scotland and any(
            "chief social work officer" in role_kinds(t)
            for t in (a.post.title, *(r.role for _, r in roles))),
        welsh_criteria=welsh_criteria(a),
        public_health=public_health,
        public_health_joint=public_health if a.jurisdiction in S73A_JURISDICTIONS else [],
        nhs_acts=nhs_acts(a.jurisdiction, parties),
        exit_shares=shares,
        exit_shares_text=join_words([f"{p.short_name} {percent(shares[p.id])}"
                                     for p in parties]),
        exit_basis=basis, mediator=mediator,
        self_proving=scotland and a.execution == "self_proving",
        health_body=kind_text("nhs_body", a.jurisdiction),
        trial_review_text=_trial_review(a),
        new_pension_scheme=a.post.pension_scheme or default_scheme(employer.kind,
                                                                   a.jurisdiction),
        ijb=a.integration_joint_board if scotland and a.integration_joint_board else "",
        ijb_party=_board_party(a),
        ijb_enforces=bool(scotland and a.integration_joint_board
                          and a.integration_joint_board_enforces
                          and a.integration_joint_board_party is None),
        officer_of=officer_of,
        not_officer_of=[p for p in parties if p.kind == "local_authority"
                        and p.id not in {o.id for o in officer_of}],
        basis_hosts=basis_hosts,
        seconded_hosts=[p for p in hosts if p.id not in {h.id for h in basis_hosts}],
        basis_excludes=[p for p in parties if p.kind != "local_authority"]
        if a.legal_basis == "lgs_1966_s35" else [],
        cites_s113=cites_s113,
        basis_no_staff_power=scotland and a.legal_basis == "other"
        and bool(NO_STAFF_POWER.search(a.legal_basis_text or "")),
        own_office_hosts=list(own.values()),
        unplaced_hosts=list(own.values()) if unplaced else [],
        nhs_placed=nhs_placed,
        doubted_hosts=[p.id for p in hosts if p.kind == "local_authority"] if nhs_placed
        else [p.id for p in own.values()] if unplaced else [],
        own_office_duties=own_office_duties(a.jurisdiction, {
            k for h, r in roles if h.id in own for k in council_offices(r.role, a.jurisdiction)}),
    )
