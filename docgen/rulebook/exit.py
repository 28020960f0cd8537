"""Rules on ``exit``: notice, where the post-holder returns to, and who bears the costs
when the arrangement ends or a party withdraws."""

from __future__ import annotations

import re
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, number
from docgen.facts.people import needs_reversion_post
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    DOMAIN,
    REVIEW_12,
    Findings,
    named_in,
)
from docgen.rulebook.registry import rule, told, way

#: what sets the body a post is at apart from the post's title: a comma, " at ", " for "
_AT = re.compile(r",\s*|\s+(?:at|for)\s+", re.IGNORECASE)


@rule("GE007", "error", "exit.cost_shares", REVIEW_12 + ", 5 (exit-cost shares)",
      "exit-cost shares must name every party and add up to 100%",
      clauses=("agreement.exit",))
def exit_cost_shares(a: AnswerFile, f: Facts) -> Findings:
    shares = a.exit.cost_shares
    if shares is None:
        return
    unknown = sorted(set(shares) - set(f.party))
    missing = [p.short_name for p in f.parties if p.id not in shares]
    total = sum(shares.values(), Decimal(0))
    if unknown:
        named = join_words([f"'{u}'" for u in unknown])  # an id, never a subject: 'nobody'
        yield ("exit", "cost_shares"), told(  # the page asks a share of each partner only
            f"the exit-cost shares give a share to {named}, "
            f"which {'is not one of' if len(unknown) == 1 else 'are not among'} the parties; ",
            f"use the ids under parties ({join_words([p.id for p in f.parties])})",
            way("exit.cost_shares"))
    elif missing:
        yield ("exit", "cost_shares"), told(
            f"{join_words(missing)} {'has' if len(missing) == 1 else 'have'} no share; ",
            "give every party a percent (0 if it bears none), e.g. cost_shares: {"
            + ", ".join(f"{p.id}: {number(p.time_percent.quantize(Decimal('1')))}"
                        for p in f.parties) + "}", way("exit.cost_shares"))
    elif total != 100:
        yield ("exit", "cost_shares"), told(
            f"the exit-cost shares add up to {number(total)}%; ", "they must add up to 100%",
            way("exit.cost_shares=100"))


@rule("GP008", "warning", "exit.notice_months", DOMAIN + " (notice seen: 6 and 12 months)",
      "a party should give at least 3 months' notice to leave", clauses=("agreement.exit",))
def notice_period(a: AnswerFile, f: Facts) -> Findings:
    if a.exit.notice_months < 3:
        yield ("exit", "notice_months"), told(
            f"{a.exit.notice_months} months' notice is too short to re-plan the work and "
            "redeploy the post-holder; agreements seen use 6 or 12 months. ",
            "Set exit.notice_months to at least 3", way("exit.notice_months=>=3"))


@rule("GP025", "warning", "exit.postholder_reverts_to", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues", "on exit the post-holder should revert to the employer",
      clauses=("agreement.exit", "contract.ending"))
def reverts_to_employer(a: AnswerFile, f: Facts) -> Findings:
    if f.reverts_to.id != f.employer.id:
        yield ("exit", "postholder_reverts_to"), told(
            f"on exit the post-holder goes to {f.reverts_to.short_name}, which is not the "
            "employer: that is a change of employer (new contract, continuity, pension) the "
            "post-holder must agree to. Revert to the employer, or take HR advice and ",
            "acknowledge GP025", way("acknowledge=GP025"))


@rule("GP041", "warning", "exit.prior_service", CAPITAL_AMBITION + ", 4.3 Contractual issues; "
      + DOMAIN + " (redundancy costs split, pension strain with the employer)",
      "say who bears exit costs that reflect the post-holder's service before the arrangement",
      clauses=("agreement.exit",))
def prior_service(a: AnswerFile, f: Facts) -> Findings:
    e = a.exit
    shared = "cost_shares" in (e.redundancy_costs, e.pension_strain_costs)
    if f.exit and f.exit.service_before_start and shared and e.prior_service is None:
        costs = {what: how == "cost_shares" for what, how in (
            ("redundancy", e.redundancy_costs), ("pension strain", e.pension_strain_costs))}
        named = join_words([what for what, split in costs.items() if split]) + " costs"
        alone = "".join(f" ({what} costs are the employer's alone in any case)"
                        for what, split in costs.items() if not split)
        yield ("exit", "prior_service"), told(
            f"the post-holder's continuous service began on {f.exit.service_before_text}, "
            f"before the arrangement, and {named} are shared{alone}; the agreement assumes "
            f"the employer alone bears the part of the {named} that reflects that earlier "
            "service. ", "Confirm it with exit.prior_service: employer, "
            "or share it with exit.prior_service: shared", way("exit.prior_service=employer"),
            way("exit.prior_service=shared"))


@rule("GP042", "warning", "exit.reversion_post", CAPITAL_AMBITION + ", 4.3 Contractual "
      "issues (what happens to the person if the arrangement ends)",
      "for a named post-holder, name the post and grade they return to",
      clauses=("agreement.exit", "contract.ending"))
def reversion_post(a: AnswerFile, f: Facts) -> Findings:
    """The post returned to is named, with its grade, and at the party returned to: one
    whose words name another party and not that one ("Head of Community Development,
    Lough River Council" for a post-holder returning to the Trust) gives a right to return
    to another body's post. Found by the names alone, so a warning."""
    if needs_reversion_post(a):
        missing = [k for k in ("reversion_post", "reversion_grade") if not getattr(a.exit, k)]
        yield ("exit", missing[0]), told(  # the missing answers, and pay protection if any
            "the documents do not say which post, at which grade, the post-holder returns to "
            "when the arrangement ends, so the right to return is uncertain. ",
            "Set exit.reversion_post and exit.reversion_grade (normally the post held before), "
            "and exit.pay_protection_months if pay is protected",
            way(*[f"exit.{k}" for k in missing], "exit.pay_protection_months=?"))
    post, back = a.exit.reversion_post, f.reverts_to
    if a.postholder is None or not post or named_in(back, post):
        return
    # the body a post is at is said after its title ("…, Lough River Council", "… at
    # Westmere"): a party named inside the title ("Public Health (ICB liaison)") is not it
    at = _AT.split(post)[-1] if _AT.search(post) else ""
    other = next((p for p in f.parties if p.id != back.id and named_in(p, at)), None)
    if other is not None:
        yield ("exit", "reversion_post"), told(
            f"the post the post-holder returns to, '{post}', is by its words at "
            f"{other.short_name}, but on exit the post-holder returns to {back.short_name}: "
            f"the documents would promise a return to work for {back.short_name} in a post "
            f"that is {other.short_name}'s. ", "Name a post at "
            f"{back.short_name} in exit.reversion_post, or set exit.postholder_reverts_to to "
            f"{other.id} if that is where they return",
            way("exit.reversion_post"), way(f"exit.postholder_reverts_to={other.id}"))


@rule("GP044", "warning", "exit.withdrawal_costs_months", DOMAIN + " (redundancy costs "
      "shared between the parties)", "with three or more parties, a party that withdraws "
      "should share the exit costs its withdrawal causes", clauses=("agreement.exit",))
def withdrawal_costs(a: AnswerFile, f: Facts) -> Findings:
    e = a.exit
    shared = "cost_shares" in (e.redundancy_costs, e.pension_strain_costs)
    if len(a.parties) > 2 and shared and e.withdrawal_costs_months == 0:
        yield ("exit", "withdrawal_costs_months"), told(
            "a party that withdraws while the others continue would pay nothing towards the "
            "redundancy or pension strain costs if the post is later reduced or ended "
            "because it left; the remaining parties would carry them. ",
            "Set exit.withdrawal_costs_months", way("exit.withdrawal_costs_months"),
            after=" (12 is usual)")


@rule("GP045", "warning", "exit.reversion_post", "docgen (answers that would be ignored)",
      "an answer that has no effect on this post should be removed or corrected",
      clauses=("agreement.exit", "agreement.term"))
def answers_without_effect(a: AnswerFile, f: Facts) -> Findings:
    """Nothing is dropped silently: say when a trial or reversion answer cannot apply."""
    if "trial_notice_months" in a.review.model_fields_set and a.review.trial_months is None:
        yield ("review", "trial_notice_months"), told(
            "a notice for leaving at the end of the trial is given but there is no trial "
            "period, so it has no effect; ", "set review.trial_months, or remove "
            "trial_notice_months", way("review.trial_months"),
            way("review.trial_notice_months=-"))
    if a.postholder is None:
        given = [k for k in ("reversion_post", "reversion_grade", "pay_protection_months")
                 if getattr(a.exit, k) is not None]
        if given:
            yield ("exit", given[0]), told(
                "nobody is appointed yet, so this has no effect: a new appointee has no "
                "previous post to return to, and the documents provide for redeployment and "
                "then redundancy instead. ", f"Remove "
                f"{join_words([f'exit.{k}' for k in given])}, or add the postholder section",
                way(*[f"exit.{k}=-" for k in given]), way("postholder"))


@rule("GP049", "warning", "exit.fallback_post", REVIEW_12 + ", 20 (recruited post-holder)",
      "terms for a new appointment have no effect when a post-holder is named",
      clauses=("agreement.exit",))
def recruit_terms_for_a_named_postholder(a: AnswerFile, f: Facts) -> Findings:
    if a.postholder is None:
        return
    given = [k for k, v in (("exit.fallback_post", a.exit.fallback_post),
                            ("post.probation_months", a.post.probation_months),
                            ("post.pension_scheme", a.post.pension_scheme)) if v is not None]
    if given:
        yield tuple(given[0].split(".")), told(
            "a post-holder is named, so the terms for a new appointment (a fall-back post, "
            "probation, the pension scheme offered) have no effect: when the arrangement ends, "
            "the named post-holder goes back to their reversion post instead. ",
            f"Remove {join_words(given)}", way(*[f"{k}=-" for k in given]))
