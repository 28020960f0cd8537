"""A lawyer's read of a built contract (7 December 2026, P22): where the post-holder is to
revert to a Partner Organisation that is not the employer but the Host Organisation itself,
the contract said "you will stop working for the Host Organisation and work full time for the
Council", the Council being that Host Organisation. It now names the Partner Organisations the
post-holder stops working for: every one but the one reverted to."""

from __future__ import annotations

import copy

from legal_answers import NHS, answers, icb_council_and_trust, numbered


def _reversion(data: dict) -> str:
    return next(v for v in numbered(data, "contract").values()
                if v.startswith("If the Arrangement ends, whether under clause"))


def test_reverting_to_the_host_names_the_employer_as_the_party_left() -> None:
    said = _reversion(answers(NHS, exit__postholder_reverts_to="council"))
    assert "you will stop working for the ICB and work full time for the Council" in said
    assert "stop working for the Host Organisation" not in said


def test_with_three_parties_every_other_party_is_named() -> None:
    data = copy.deepcopy(icb_council_and_trust())
    data["exit"]["postholder_reverts_to"] = "council"
    said = _reversion(data)
    assert ("you will stop working for the ICB and the Foundation Trust and work full time "
            "for the Council") in said
