"""Good-practice rules about the individual: the trial break, reversion and exit costs.

Registered with :func:`docgen.rulebook.registry.rule` like those in ``book.py`` (the
engine imports this module so that they run). Ids ``GP041`` onwards are kept for
rules about the post-holder's position, so they never collide with ``book.py``'s.
"""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.people import needs_reversion_post
from docgen.rulebook.book import CAPITAL_AMBITION, DOMAIN, Findings
from docgen.rulebook.registry import rule


@rule("GP041", "warning", "exit.prior_service", CAPITAL_AMBITION + ", 4.3 Contractual issues; "
      + DOMAIN + " (redundancy costs split, pension strain with the employer)",
      "say who bears exit costs that reflect the post-holder's service before the arrangement",
      clauses=("agreement.exit",))
def prior_service(a: AnswerFile, f: Facts) -> Findings:
    e = a.exit
    shared = "cost_shares" in (e.redundancy_costs, e.pension_strain_costs)
    if f.exit and f.exit.service_before_start and shared and e.prior_service is None:
        yield ("exit", "prior_service"), (
            f"the post-holder's continuous service began on {f.exit.service_before_text}, "
            "before the arrangement, and exit costs are shared; the agreement assumes the "
            "employer alone bears the part of redundancy and pension strain costs that "
            "reflects that earlier service. Confirm it with exit.prior_service: employer, or "
            "share it with exit.prior_service: shared")


@rule("GP042", "warning", "exit.reversion_post", CAPITAL_AMBITION + ", 4.3 Contractual "
      "issues (what happens to the person if the arrangement ends)",
      "for a named post-holder, name the post and grade they return to",
      clauses=("agreement.exit", "contract.ending"))
def reversion_post(a: AnswerFile, f: Facts) -> Findings:
    if needs_reversion_post(a):
        missing = [k for k in ("reversion_post", "reversion_grade") if not getattr(a.exit, k)]
        yield ("exit", missing[0]), (
            "the documents do not say which post, at which grade, the post-holder returns to "
            "when the arrangement ends, so the right to return is uncertain. Set "
            "exit.reversion_post and exit.reversion_grade (normally the post held before), "
            "and exit.pay_protection_months if pay is protected")


@rule("GP043", "warning", "review.trial_notice_months", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues (a trial with a formal review)",
      "leaving at the end of the trial should need shorter notice than leaving later",
      clauses=("agreement.term",))
def trial_notice(a: AnswerFile, f: Facts) -> Findings:
    r = a.review
    if r.trial_months and r.trial_notice_months >= a.exit.notice_months:
        yield ("review", "trial_notice_months"), (
            f"leaving at the end of the trial needs {r.trial_notice_months} months' notice, "
            f"no shorter than the {a.exit.notice_months} months' notice at any other time, so "
            "the trial is not a real break point. Set review.trial_notice_months lower "
            "(1 to 3 months is usual)")


@rule("GP044", "warning", "exit.withdrawal_costs_months", DOMAIN + " (redundancy costs "
      "shared between the parties)", "with three or more parties, a party that withdraws "
      "should share the exit costs its withdrawal causes", clauses=("agreement.exit",))
def withdrawal_costs(a: AnswerFile, f: Facts) -> Findings:
    e = a.exit
    shared = "cost_shares" in (e.redundancy_costs, e.pension_strain_costs)
    if len(a.parties) > 2 and shared and e.withdrawal_costs_months == 0:
        yield ("exit", "withdrawal_costs_months"), (
            "a party that withdraws while the others continue would pay nothing towards the "
            "redundancy or pension strain costs if the post is later reduced or ended "
            "because it left; the remaining parties would carry them. Set "
            "exit.withdrawal_costs_months (12 is usual)")


@rule("GP045", "warning", "exit.reversion_post", "docgen (answers that would be ignored)",
      "an answer that has no effect on this post should be removed or corrected",
      clauses=("agreement.exit", "agreement.term"))
def answers_without_effect(a: AnswerFile, f: Facts) -> Findings:
    """Nothing is dropped silently: say when a trial or reversion answer cannot apply."""
    if "trial_notice_months" in a.review.model_fields_set and a.review.trial_months is None:
        yield ("review", "trial_notice_months"), (
            "a notice for leaving at the end of the trial is given but there is no trial "
            "period, so it has no effect; set review.trial_months, or remove "
            "trial_notice_months")
    if a.postholder is None:
        given = [k for k in ("reversion_post", "reversion_grade", "pay_protection_months")
                 if getattr(a.exit, k) is not None]
        if given:
            yield ("exit", given[0]), (
                "nobody is appointed yet, so this has no effect: a new appointee has no "
                "previous post to return to, and the documents provide for redeployment and "
                f"then redundancy instead. Remove {join_words([f'exit.{k}' for k in given])}, "
                "or add the postholder section")
