"""A salary_share post with no on-costs (programme officer's review, item 2): the
agreement's Cost Base was "salary of £87,000.00" with no word that employer National
Insurance and pension were left out. GP063 says so, and can be acknowledged."""

from __future__ import annotations

import copy
from typing import Any

from tests.rulebook.test_rules import example, problems_for


def _without_on_costs() -> dict[str, Any]:
    data = example("hr")
    data["payment"]["on_costs"] = []
    data["payment"].pop("premium_percent", None)
    return data


def test_no_on_costs_is_warned_that_the_cost_base_is_pay_alone() -> None:
    found = [p for p in problems_for(_without_on_costs()) if p.rule == "GP063"]
    assert len(found) == 1, found
    assert found[0].path == ("payment", "on_costs") and found[0].severity == "warning"
    assert "so the Cost Base is the pay alone" in found[0].message
    assert "National Insurance and pension contributions for the post are not shared" in \
        found[0].message
    assert "List them in payment.on_costs" in found[0].message


def test_the_warning_can_be_acknowledged() -> None:
    data = _without_on_costs()
    data["acknowledge"] = [*copy.deepcopy(data.get("acknowledge", [])),
                           {"rule": "GP063", "reason": "the employer bears its on-costs"}]
    found = [p for p in problems_for(data) if p.rule == "GP063"]
    assert found and all(p.acknowledged for p in found), found


def test_a_missing_on_costs_key_is_the_same_as_an_empty_list() -> None:
    data = _without_on_costs()
    del data["payment"]["on_costs"]
    assert [p.rule for p in problems_for(data) if p.rule == "GP063"] == ["GP063"]


def test_the_warning_says_how_to_settle_it_as_data_too() -> None:
    """"Confirm that the partners have agreed" said nothing about how: the message and its
    fix (which the interview and the workbook turn into their own words) give both ways."""
    found = next(p for p in problems_for(_without_on_costs()) if p.rule == "GP063")
    assert "or acknowledge GP063 with where the partners agreed" in found.message
    assert found.fix is not None
    assert [w[0][0] for w in found.fix.ways] == [("payment", "on_costs"), ("acknowledge",)]


def test_payments_that_pause_say_how_to_settle_it() -> None:
    """GP035 (payments that pause during absence) said "confirm", not how."""
    data = example("hr")
    data["payment"].update(during_absence="pauses", pause_after_weeks=4)
    found = next(p for p in problems_for(data) if p.rule == "GP035")
    assert ("Set payment.during_absence: continues, or acknowledge GP035 if the employer has "
            "agreed to carry that cost, giving where it was agreed") in found.message
    assert found.fix is not None
    assert [w[0] for w in found.fix.ways] == [
        (("payment", "during_absence"), "continues"), (("acknowledge",), "GP035")]
    data["acknowledge"] = [*copy.deepcopy(data.get("acknowledge", [])),
                           {"rule": "GP035", "reason": "agreed at the steering group, May 2027"}]
    assert all(p.acknowledged for p in problems_for(data) if p.rule == "GP035")
