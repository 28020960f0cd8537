"""GP041's drafting note names only the exit costs that are shared. It said the agreement
puts on the employer "the part of redundancy and pension strain costs" that reflects earlier
service even when pension strain costs fall on the employer anyway and the agreement's
prior-service clause covers only the redundancy clause."""

from __future__ import annotations

import pytest

from docgen.word.note_wording import plain_point

from .test_rules import example, problems_for


def _message(redundancy: str, pension_strain: str) -> str:
    data = example("hr")  # continuous service from 2019, no exit.prior_service
    data["exit"].update(redundancy_costs=redundancy, pension_strain_costs=pension_strain)
    [message] = [p.message for p in problems_for(data) if p.rule == "GP041"]
    return message


def test_only_redundancy_shared_names_redundancy_costs_only() -> None:
    said = _message("cost_shares", "employer")
    assert said.startswith(
        "the post-holder's continuous service began on 2 September 2019, before the "
        "arrangement, and redundancy costs are shared (pension strain costs are the "
        "employer's alone in any case); the agreement assumes the employer alone bears the "
        "part of the redundancy costs that reflects that earlier service. "), said
    assert "part of the redundancy costs" in plain_point(said)


@pytest.mark.parametrize(("redundancy", "pension_strain", "named"), [
    ("employer", "cost_shares", "the part of the pension strain costs"),
    ("cost_shares", "cost_shares", "the part of the redundancy and pension strain costs")])
def test_the_costs_named_are_the_shared_ones(redundancy: str, pension_strain: str,
                                             named: str) -> None:
    said = _message(redundancy, pension_strain)
    assert named in said
    if redundancy == "employer":
        assert "(redundancy costs are the employer's alone in any case)" in said
