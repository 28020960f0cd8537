"""The good-practice rules themselves (registered with :func:`docgen.rules.rule`)."""

from __future__ import annotations

from .rules import rule

CAPITAL_AMBITION = "Implementing Shared Professionals (Capital Ambition/IES)"
SCOTTISH_GUIDE = "Joint Appointments Guide 2014 (Scotland)"


@rule("GP001", "warning", "review.trial_months", CAPITAL_AMBITION,
      "a new arrangement should start with a trial and a formal review after 6 to 12 months",
      clauses=("agreement.term",))
def trial_period(a, f):
    t = a.review.trial_months
    if t is None:
        yield ("review",), ("there is no trial period; new arrangements usually start as a "
                            "trial with a formal review after 6 to 12 months (set "
                            "review.trial_months)")
    elif not 6 <= t <= 12:
        yield ("review", "trial_months"), (f"a trial of {t} months is outside the usual 6 to "
                                           "12 months")
