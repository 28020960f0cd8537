"""Stage 2: compute every derived fact once — money, dates, defined terms, wording choices.

Clauses and templates never do arithmetic: they print what is computed here,
so the three documents of a post cannot disagree. Raw values stay available
(``Decimal``, ``date``) for checks and the register; ``*_text`` fields are
what the documents print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.answers.powers import ENGLAND_AND_WALES
from docgen.facts.formatting import (
    add_months,
    days_text,
    join_words,
    key_label,
    long_date,
    money,
    months_text,
    number,
    percent,
    period_end,
    round_pct,
    time_text,
)
from docgen.facts.governance import (
    dispute_overlaps,
    has_mediation,
    merged_disputes,
)
from docgen.facts.jurisdictions import JURISDICTIONS, LEGAL_BASES
from docgen.facts.legal import LegalFacts, kind_text, legal_facts
from docgen.facts.money import MoneyFacts, money_facts
from docgen.facts.parties import PartyFacts, party_time
from docgen.facts.people import (
    ExitFacts,
    IndividualFacts,
    Placeholder,
    exit_facts,
    individual_facts,
    review_dates,
)
from docgen.facts.people import placeholders as placeholders_for
from docgen.facts.role_titles import role_kinds
from docgen.facts.roles import (
    QUALIFICATION_SAID_BY,
    own_officer_duties,
    printed_role,
    statutory_criteria,
)
from docgen.facts.wording import HOST_FORMS, MATTERS, words


@record
class ReviewFacts:
    trial: bool
    trial_months: int | None
    trial_text: str
    trial_end: dt.date | None
    trial_end_text: str
    dates: list[dt.date]
    dates_text: list[str]
    months: list[int]
    first: dt.date | None
    first_text: str
    then_every_months: int | None
    then_every_text: str


@record
class Facts:
    """Everything the clauses and templates print, for one post."""

    answers: AnswerFile
    reference: str
    version: str
    is_draft: bool
    date: dt.date | None
    date_text: str
    jurisdiction: dict[str, str]
    legal_basis_text: str
    parties: list[PartyFacts]
    party: dict[str, PartyFacts]
    employer: PartyFacts
    others: list[PartyFacts]
    hr_lead: PartyFacts
    reverts_to: PartyFacts
    conflict_decider_text: str
    post: dict[str, Any]
    postholder: dict[str, Any]
    split_unit: str
    money: MoneyFacts
    review: ReviewFacts
    notice_text: str
    confidentiality_text: str
    steering_group: dict[str, Any]
    disputes: list[dict[str, Any]]
    matrix: list[dict[str, str]]
    person_spec: list[dict[str, str]]
    dimensions: list[dict[str, str]] = field(default_factory=list)  # job.dimensions, labelled
    placeholders: list[str] = field(default_factory=list)
    disputes_merged: list[str] = field(default_factory=list)  # who would act at two steps
    mediation: bool = False  # a dispute step is mediation
    #: "Host Party" or "Host Parties", by count
    hosts: dict[str, str | bool] = field(default_factory=dict)
    other_parties: str = ""  # "the other Party" when there are two, else "… Parties"
    individual: IndividualFacts | None = None  # variation, or a new contract (recruiting)
    exit: ExitFacts | None = None  # trial break, reversion, exit costs
    contract_title: str = ""  # the individual document's title (cover, footer, properties)
    legal: LegalFacts | None = None  # wording that follows the parties, roles, jurisdiction


def _person_spec(a: AnswerFile, by_id: dict[str, PartyFacts],
                 said: dict[str, str]) -> list[dict[str, str]]:
    """The person specification's rows: the answer file's criteria, and, where a statutory role
    is a council's office whose holder the law requires something of
    (``roles.OFFICES``' ``qualification``, in its order), that requirement, essential, after
    the answer file's own qualifications, unless an essential criterion already says the
    same."""
    rows = [{"area": c.area.capitalize(), "criterion": c.criterion,
             "requirement": said["person_specification.requirement."
                                 + ("essential" if c.essential else "desirable")],
             "assessed_by": join_words([said[f"person_specification.assessed_by.{x}"]
                                        for x in c.assessed_by])}
            for c in a.job.person_specification]
    # only an essential criterion says it already: a desirable one would leave the law's
    # requirement desirable
    essential = [c.criterion for c in a.job.person_specification if c.essential]
    given = {" ".join(c.split()) for c in essential}
    lower = [c.lower() for c in essential]
    councils = {k for r in a.post.statutory_roles if by_id[r.party].kind == "local_authority"
                for k in role_kinds(r.role)}
    added = [{"area": "Qualifications", "criterion": said[f"person_specification.{key}"],
              "requirement": said["person_specification.requirement.essential"],
              "assessed_by": join_words([said[f"person_specification.assessed_by.{x}"]
                                         for x in assessed])}
             for key, assessed in statutory_criteria(councils, a.jurisdiction)
             if said[f"person_specification.{key}"] not in given
             and not any(w in c for w in QUALIFICATION_SAID_BY.get(key, ()) for c in lower)]
    at = max((i + 1 for i, c in enumerate(a.job.person_specification)
              if c.area == "qualifications"), default=0)
    return rows[:at] + added + rows[at:]


def _review(a: AnswerFile) -> ReviewFacts:
    r, start = a.review, a.post.start_date
    dates = review_dates(start, r.reviews_after_months, r.trial_months)
    trial_end = period_end(start, r.trial_months) if r.trial_months else None
    first = dates[0] if dates else (add_months(start, r.then_every_months)
                                    if r.then_every_months else None)
    return ReviewFacts(
        trial=r.trial_months is not None, trial_months=r.trial_months,
        trial_text=months_text(r.trial_months) if r.trial_months else "",
        trial_end=trial_end, trial_end_text=long_date(trial_end) if trial_end else "",
        dates=dates, dates_text=list(dict.fromkeys(long_date(d) for d in dates)),
        months=list(r.reviews_after_months), first=first,
        first_text=long_date(first) if first else "",
        then_every_months=r.then_every_months,
        then_every_text=months_text(r.then_every_months) if r.then_every_months else "",
    )


def _matrix(a: AnswerFile, said: dict[str, str], names: list[str], hr: str
            ) -> list[dict[str, str]]:
    """The management matrix: who acts on each matter, and whom they consult."""
    consulted = join_words([n for n in names if n != hr])
    more = "one" if len(names) == 2 else "more"
    matrix = [{"matter": said["management.matters.day_to_day"],
               "acts": said["management.day_to_day_acts"],
               "consulted": said[f"management.day_to_day_consulted_{more}"]}]
    for matter in MATTERS[1:]:
        acts = (said["management.jointly"].format(parties=join_words(names))
                if matter == "appraisal" and a.management.appraisal == "joint" else hr)
        matrix.append({"matter": said[f"management.matters.{matter}"], "acts": acts,
                       "consulted": said["management.nobody_consulted"] if acts != hr
                       else consulted})
    return matrix


def _confidentiality(a: AnswerFile, said: dict[str, str]) -> str:
    """How long confidentiality lasts after the arrangement ends."""
    years = a.confidentiality.duration_after_end
    if years == "indefinite":
        return said["confidentiality.indefinite"]
    return (said["confidentiality.one_year"] if years == 1
            else said["confidentiality.years"].format(years=years))


def _hosts(said: dict[str, str], count: int) -> dict[str, str | bool]:
    """How the documents name the parties other than the employer: one Host Party, or
    several (the choice here, both words in the file)."""
    how_many = "one" if count == 1 else "more"
    return {**{form: said[f"hosts.{key}_{how_many}"] for form, key in HOST_FORMS.items()},
            "one": count == 1}


def derive(a: AnswerFile) -> Facts:
    """All derived facts for one validated answer file."""
    said = words()  # docgen/data/wording/facts.yaml
    placeholders = [gap for gap, _ in placeholders_for(a)]  # the words; the paths: pipeline
    parties: list[PartyFacts] = []
    for p in a.parties:
        amount = a.time_split.shares[p.id]
        pct, days, hours = party_time(a, amount)
        parties.append(PartyFacts(
            id=p.id, name=p.name, short_name=p.short_name, kind=p.kind,
            kind_text=kind_text(p.kind, a.jurisdiction), address=p.address,
            signatory_name=p.signatory.name, signatory_title=p.signatory.title,
            notices_title=p.notices.title, notices_email=p.notices.email,
            is_employer=p.id == a.employer, time_share=amount, time_percent=pct,
            time_text=time_text(a.time_split.unit, amount), percent_text=percent(round_pct(pct)),
            days_per_week=days, days_text=days_text(round_pct(days)),
            hours_per_week=hours, line_manager=a.management.line_managers[p.id],
            sites=[loc.site for loc in a.post.locations if loc.party == p.id],
            statutory_roles=[r.role for r in a.post.statutory_roles if r.party == p.id],
            objectives=list(a.governance.objectives.get(p.id, [])),
            responsibilities=list(a.job.responsibilities.get(p.id, [])),
        ))
    by_id = {p.id: p for p in parties}
    employer = by_id[a.employer]
    hr_lead = by_id[a.management.hr_lead or a.employer]
    m = money_facts(a, parties, employer)
    post = a.post
    ph = a.postholder
    postholder = {
        "present": ph is not None,
        "name": ph.name if ph else Placeholder(said["placeholders.postholder_name"]),
        "address": ph.address if ph else Placeholder(said["placeholders.postholder_address"]),
        "consulted_on_text": (long_date(ph.consulted_on) if ph and isinstance(
            ph.consulted_on, dt.date) else Placeholder(said["placeholders.date_consulted"])),
        "continuous_service_text": (long_date(ph.continuous_service_from) if ph and isinstance(
            ph.continuous_service_from, dt.date) else ""),
        "pension_scheme": (ph.pension_scheme if ph and ph.pension_scheme else ""),
    }
    others = [p for p in parties if not p.is_employer]
    coi = a.conflicts_of_interest
    decider = (said["steering_group.decides_conflicts"] if coi.decided_by == "steering_group"
               else by_id[coi.decided_by].short_name)
    sg = a.governance.steering_group
    return Facts(
        answers=a, reference=a.reference, version=a.version, is_draft=a.status == "draft",
        date=a.date, date_text=long_date(a.date) if a.date else "",
        jurisdiction=dict(JURISDICTIONS[a.jurisdiction], id=a.jurisdiction,
                          england_and_wales="yes" if a.jurisdiction in ENGLAND_AND_WALES
                          else ""),
        legal_basis_text=LEGAL_BASES.get(a.legal_basis, a.legal_basis_text or ""),
        parties=parties, party=by_id, employer=employer, others=others, hr_lead=hr_lead,
        reverts_to=by_id[a.exit.postholder_reverts_to], conflict_decider_text=decider,
        post={
            "title": post.title, "grade": post.grade or "",
            "pay_range_text": (f"{money(post.pay_range[0], a.currency)} to "
                               f"{money(post.pay_range[1], a.currency)}" if post.pay_range else ""),
            "purpose": post.purpose, "start_date_text": long_date(post.start_date),
            "end_date_text": long_date(post.end_date) if post.end_date else "",
            "hours_text": number(post.hours_per_week), "days_text": number(post.days_per_week),
            "politically_restricted": post.politically_restricted,
            "statutory_roles": [{"party": by_id[r.party],
                                 "role": printed_role(r.role, a.jurisdiction,
                                                      by_id[r.party].kind),
                                 "kinds": sorted(role_kinds(r.role))}
                                for r in post.statutory_roles],
            "role_kinds": sorted({k for r in post.statutory_roles for k in role_kinds(r.role)}),
            # office → the provision giving it to a council's own officer (``OFFICES``)
            "own_officer_provisions": dict(own_officer_duties(
                {k for r in post.statutory_roles for k in role_kinds(r.role)}, a.jurisdiction)),
            "locations": [{"party": by_id[loc.party], "site": loc.site}
                          for loc in post.locations],
            "not_expected": list(post.not_expected),
        },
        postholder=postholder, split_unit=a.time_split.unit, money=m, review=_review(a),
        notice_text=months_text(a.exit.notice_months),
        confidentiality_text=_confidentiality(a, said),
        steering_group={"name": sg.name, "meets_text": said[f"steering_group.meets.{sg.meets}"],
                        "members": [{"party": by_id[x.party], "role": x.role}
                                    for x in sg.members]},
        disputes=[dict(d, days_text=days_text(d["days"])) for d in merged_disputes(a)],
        disputes_merged=[o.who for o in dispute_overlaps(a)], mediation=has_mediation(a),
        matrix=_matrix(a, said, [p.short_name for p in parties], hr_lead.short_name),
        person_spec=_person_spec(a, by_id, said),
        dimensions=[{"label": key_label(k), "value": v}
                    for k, v in (a.job.dimensions or {}).items()],
        placeholders=placeholders,
        hosts=_hosts(said, len(others)),
        other_parties=said["parties.other_one" if len(parties) == 2 else "parties.other_more"],
        individual=individual_facts(a),
        exit=exit_facts(a, parties),
        contract_title=individual_facts(a).title, legal=legal_facts(a, parties),
    )
