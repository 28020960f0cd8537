"""``before_final.rules_ran``: a final post whose only errors are gaps still to give (the
post-holder not named) was checked with stand-ins by "Final" before the predicate was
widened to every rule's error (9515d7b); gaps alone must keep it so, on both pages."""

from __future__ import annotations

from docgen.errors import Problem
from docgen.final_open import FINAL_OPEN, GAP_FINAL
from docgen.web.before_final import rules_ran


def _error(code: str, rule: str) -> Problem:
    return Problem(severity="error", rule=rule, message="m", path=("postholder",), code=code)


def test_gaps_alone_are_answers_still_to_give() -> None:
    assert not rules_ran([_error(GAP_FINAL, "TBC")])


def test_the_count_of_warnings_open_beside_a_gap_means_the_rules_ran() -> None:
    assert rules_ran([_error(GAP_FINAL, "TBC"), _error(FINAL_OPEN, "FINAL")])


def test_a_rules_own_error_means_the_rules_ran() -> None:
    assert rules_ran([_error("", "GE006")])
