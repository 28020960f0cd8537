"""Rules on the post itself: ``post`` (political restriction, what the post is not, places
of work) and ``time_split``; its statutory roles' are in
:mod:`docgen.rulebook.statutory_roles`, the job specification's (``job``) in
:mod:`docgen.rulebook.job`, the post-holder's own terms in :mod:`docgen.rulebook.postholder`."""

from __future__ import annotations

from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, number
from docgen.facts.role_titles import role_kinds
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    DOMAIN,
    SCOTTISH_GUIDE,
    Findings,
)
from docgen.rulebook.offices import (
    in_country,
)
from docgen.rulebook.registry import rule, told, way

#: offices s.2(1) of the 1989 Act is understood to restrict as "statutory chief officers"
#: (s.2(6)), not confirmed from the Act's text here: GP012 asks for them to be checked
_TO_CONFIRM = {"section 95 officer", "chief social work officer"}


@rule("GP012", "warning", "post.politically_restricted",
      "Local Government and Housing Act 1989 s.2 (s.2(1)(h), the head of democratic services "
      "in Wales, inserted by the Local Government (Wales) Measure 2011; " + DOMAIN + ")",
      "a post holding a statutory chief-officer role is politically restricted",
      clauses=("agreement.statutory_roles", "contract.statutory_roles",
               "job_spec.special_conditions"))
def statutory_role_restricted(a: AnswerFile, f: Facts) -> Findings:
    """Not in Northern Ireland, to which s.2 of the 1989 Act does not extend, and only for a
    role held for a local authority: s.2 restricts posts under a local authority, not a
    health board's or other body's. The electoral offices are personal offices, not
    chief-officer posts. A head of democratic services
    counts under ``jurisdiction: wales`` only (s.2(1)(h)); Scotland's s.95 officer and chief
    social work officer count in Scotland only, and are said to be a point to confirm: they
    are understood to be statutory chief officers under s.2(6), which is not confirmed."""
    if a.post.politically_restricted or a.jurisdiction == "northern_ireland":
        return
    kinds = {k for r in a.post.statutory_roles if f.party[r.party].kind == "local_authority"
             for k in role_kinds(r.role) if in_country(k, a.jurisdiction)} - {"returning officer"}
    sure = sorted(kinds - _TO_CONFIRM)
    unsure = sorted(kinds & _TO_CONFIRM)
    if sure:
        yield ("post", "politically_restricted"), told(
            f"the post holds the statutory {'role' if len(sure) == 1 else 'roles'} of "
            f"{join_words(sure)}, which makes it politically restricted; ",
            "set post.politically_restricted: true", way("post.politically_restricted=true"))
    elif unsure:
        one = len(unsure) == 1
        office = "that office is" if one else "those offices are"
        yield ("post", "politically_restricted"), told(
            f"the post holds the statutory {'role' if one else 'roles'} of {join_words(unsure)}, "
            f"which may make it politically restricted: {office} understood to be among the "
            "statutory chief officers of section 2(6) of the Local Government and Housing Act "
            "1989 (restricted by section 2(1)(b)), but that is to be confirmed. Take advice on "
            f"whether the Act lists {'it' if one else 'them'}, and if it does, ",
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
