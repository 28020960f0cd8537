"""GP042: the post a named post-holder returns to, named at another party than the one they
return to (a lawyer's review, 7 December 2026, finding 5). An HSC Trust employed the
post-holder, who returns to the Trust on exit, while the post returned to was "Head of
Community Development, Lough River and Braes Borough Council": the agreement (clause 24.6)
and the contract (17.4) promised a return to work for the Employer "in the post of" the
Council's post, with no warning. Found by the names in the words alone, so a warning."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import example, problems_for  # noqa: E402

from docgen.rulebook.registry import way  # noqa: E402

ELSEWHERE = "is by its words at"


def _gp042(post: str, reverts_to: str = "eastwick") -> list:
    """GP042's warnings that the post returned to is another party's."""
    data = example("hr")  # Eastwick employs; Morgan Ellis is named
    data["exit"]["reversion_post"] = post
    data["exit"]["postholder_reverts_to"] = reverts_to
    # (GP042's other finding, a grade not given, is the test file of rules': left aside)
    return [p for p in problems_for(data) if p.rule == "GP042" and ELSEWHERE in p.message]


def test_a_post_at_the_other_council_is_warned_about_with_both_ways_out() -> None:
    [p] = _gp042("Head of Human Resources, Royal Borough of Westmere")
    assert p.severity == "warning" and p.path == ("exit", "reversion_post")
    assert ("the post the post-holder returns to, 'Head of Human Resources, Royal Borough of "
            "Westmere', is by its words at Westmere, but on exit the post-holder returns to "
            "Eastwick") in p.message
    assert p.fix is not None and p.fix.ways == (
        way("exit.reversion_post"), way("exit.postholder_reverts_to=westmere"))


def test_by_the_legal_name_too() -> None:
    [p] = _gp042("Head of HR, The Mayor and Burgesses of the Royal Borough of Westmere")
    assert ELSEWHERE in p.message


def test_a_post_naming_the_party_returned_to_or_no_party_is_not() -> None:
    assert _gp042("Head of Human Resources") == []
    assert _gp042("Head of Human Resources, Eastwick") == []
    assert _gp042("Head of shared HR for Eastwick and Westmere") == []  # its own named too
    # returning to Westmere (GP025's own warning), to a post there: nothing of GP042's
    assert _gp042("Head of Human Resources, Westmere", reverts_to="westmere") == []
    assert _gp042("Head of HR Policy, Westmeres Trust") == []  # whole words only
    # a party named inside the title, not as the body the post is at (a reviewer's case:
    # "Consultant in Public Health (ICB commissioning liaison)")
    assert _gp042("Head of HR (Westmere liaison)") == []
    assert _gp042("Westmere Partnership Lead") == []


def test_the_body_after_at_or_for_is_read_as_where_the_post_is() -> None:
    assert len(_gp042("Head of HR at Westmere")) == 1
    assert len(_gp042("Head of HR for the Royal Borough of Westmere")) == 1


def test_no_warning_without_a_named_post_holder() -> None:
    data = example("hr")
    data.pop("postholder")
    data["exit"]["reversion_post"] = "Head of Human Resources, Westmere"
    assert not any(p.rule == "GP042" and ELSEWHERE in p.message for p in problems_for(data))
