"""Rules on ``review``: the trial period and the reviews that keep the arrangement
checked while it runs."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import add_months, long_date, period_end
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    DOMAIN,
    Findings,
)
from docgen.rulebook.registry import rule, told, way


@rule("GE005", "error", "review.reviews_after_months", CAPITAL_AMBITION + ", 4.7 On-going "
      "management and monitoring",
      "reviews and the trial must fall before the post's end date",
      clauses=("agreement.term",))
def reviews_after_end(a: AnswerFile, f: Facts) -> Findings:
    end = a.post.end_date
    if end is None:
        return
    late = [(m, d) for m, d in zip(a.review.reviews_after_months, f.review.dates, strict=True)
            if d > end]
    if late:
        months = ", ".join(str(m) for m, _ in late)
        yield ("review", "reviews_after_months"), told(
            f"the review after {months} months falls after the post ends on {long_date(end)}; "
            "remove it, or ", "move post.end_date later",
            way(f"post.end_date=>={max(d for _, d in late).isoformat()}"))
    if f.review.trial_end and f.review.trial_end > end and a.review.trial_months:
        fits = [t for t in range(a.review.trial_months - 1, 0, -1)
                if period_end(a.post.start_date, t) <= end][:1]
        yield ("review", "trial_months"), told(
            f"the trial of {a.review.trial_months} months would end after the post ends on "
            f"{long_date(end)}; ", "shorten review.trial_months or move post.end_date later",
            *[way(f"review.trial_months=<={t}") for t in fits],
            way(f"post.end_date=>={f.review.trial_end.isoformat()}"))


@rule("GP001", "warning", "review.trial_months", CAPITAL_AMBITION + ", 4.3 Contractual issues",
      "a new arrangement should start with a trial and a formal review after 6 to 12 months",
      clauses=("agreement.term",))
def trial_period(a: AnswerFile, f: Facts) -> Findings:
    t = a.review.trial_months
    if t is None:
        yield ("review", "trial_months"), told(
            "there is no trial period; new arrangements usually start as a trial with a "
            "formal review after 6 to 12 months (", "set review.trial_months",
            way("review.trial_months=6..12"), after=")")
    elif not 6 <= t <= 12:
        yield ("review", "trial_months"), told(
            f"a trial of {t} months is outside the usual 6 to 12 months; ",
            "set review.trial_months between 6 and 12", way("review.trial_months=6..12"))


@rule("GP020", "warning", "review.reviews_after_months", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues", "the trial should end with a formal review",
      clauses=("agreement.term",))
def trial_review(a: AnswerFile, f: Facts) -> Findings:
    t = a.review.trial_months
    if t is None:
        return
    if not any(t - 3 <= m <= t for m in a.review.reviews_after_months):
        yield ("review", "reviews_after_months"), told(
            f"no review is set at the end of the {t}-month trial; ",
            f"add {t} to review.reviews_after_months", way(f"review.reviews_after_months={t}..{t}"),
            after=" so the partners decide formally whether to continue (the documents hold "
            "that review one month before the trial ends, in time for notice)")


@rule("GP021", "warning", "review.then_every_months", DOMAIN + " (memoranda reviewed every 2 "
      "years); " + CAPITAL_AMBITION + ", 4.7", "the arrangement should be reviewed at least "
      "every 24 months", clauses=("agreement.term",))
def review_cycle(a: AnswerFile, f: Facts) -> Findings:
    every = a.review.then_every_months
    if every is not None and every > 24:
        yield ("review", "then_every_months"), told(
            f"a review every {every} months leaves the arrangement unchecked for too long; ",
            "set review.then_every_months to 24 or less", way("review.then_every_months=<=24"))
    elif every is None:
        last = f.review.dates[-1] if f.review.dates else a.post.start_date
        end = a.post.end_date
        if end is None or add_months(last, 24) < end:
            yield ("review", "then_every_months"), told(
                "there are no regular reviews after the first ones; ",
                "set review.then_every_months (12 or 24)", way("review.then_every_months=12..24"))


@rule("GP043", "warning", "review.trial_notice_months", CAPITAL_AMBITION + ", 4.3 "
      "Contractual issues (a trial with a formal review)",
      "leaving at the end of the trial should need shorter notice than leaving later",
      clauses=("agreement.term",))
def trial_notice(a: AnswerFile, f: Facts) -> Findings:
    r = a.review
    if r.trial_months and r.trial_notice_months >= a.exit.notice_months:
        shorter = min(3, a.exit.notice_months - 1)  # notice is at least a month
        yield ("review", "trial_notice_months"), told(
            f"leaving at the end of the trial needs {r.trial_notice_months} months' notice, "
            f"no shorter than the {a.exit.notice_months} months' notice at any other time, so "
            "the trial is not a real break point. ", "Set review.trial_notice_months lower",
            *[way(f"review.trial_notice_months=1..{shorter}")] * (shorter > 0),
            after=" (1 to 3 months is usual)")
