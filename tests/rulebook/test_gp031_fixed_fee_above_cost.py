"""GP031 for a fixed fee (a lawyer's review, B3): the rule compared only a time fee's rate with
the post's cost per day, so four districts paying fixed fees above the cost of their share of
the time were not warned. A host's fixed fee (``payment.fee.amounts``) above its time share of
the Cost Base is found too, with the figures; once acknowledged, the agreement names the hosts
and records the reason, as it does for a day rate above cost."""

from __future__ import annotations

from typing import Any

from legal_answers import FOUR, answers, clause, text

from docgen import check

# the four districts: salary £82,000 with 19% pension and 15% National Insurance on all pay,
# a Cost Base of £109,880.00; Hartmoor employs (2 days), the others have a day each (20%)
COST = "£109,880.00"
SHARE = "£21,976.00"


def _fixed(**amounts: int) -> dict[str, Any]:
    data = answers(FOUR, payment__mechanism="fixed_fee",
                   payment__fee={"amounts": amounts})
    data["acknowledge"] = [x for x in data["acknowledge"] if x["rule"] != "GP031"]
    return data


def _gp031(data: dict[str, Any], *, acknowledged: bool = False) -> dict[str, str]:
    return {".".join(map(str, p.path)): p.message for p in check(data).problems
            if p.rule == "GP031" and bool(p.acknowledged) == acknowledged}


def test_a_fixed_fee_above_the_cost_of_its_time_is_found_with_the_figures() -> None:
    found = _gp031(_fixed(fenwick=22000, stowbridge=21976, cradley=25000))
    assert set(found) == {"payment.fee.amounts.fenwick", "payment.fee.amounts.cradley"}
    assert found["payment.fee.amounts.fenwick"].startswith(
        "Fenwick's fixed fee of £22,000.00 a year is more than its share of the Cost Base for "
        f"its time (20% of {COST}: {SHARE}), so it pays £24.00 a year more than the cost of its "
        "share of the time and Hartmoor bears less. Set the fee at no more than that, or "
        "acknowledge GP031")
    assert f"£25,000.00 a year is more than its share of the Cost Base for its time (20% of " \
        f"{COST}: {SHARE}), so it pays £3,024.00 a year more" \
        in found["payment.fee.amounts.cradley"]


def test_fixed_fees_at_or_below_cost_are_not_found() -> None:
    assert _gp031(_fixed(fenwick=21976, stowbridge=20000, cradley=21976)) == {}


def test_a_time_fee_above_cost_is_still_found() -> None:
    data = answers(FOUR)
    data["acknowledge"] = [x for x in data["acknowledge"] if x["rule"] != "GP031"]
    found = _gp031(data)
    assert list(found) == ["payment.fee.rate"]
    assert "the fee of £575.00 a day is more than the post costs per day worked" \
        in found["payment.fee.rate"]


def test_acknowledged_the_agreement_names_the_hosts_and_records_the_reason() -> None:
    reason = "The fees include an overhead for Hartmoor's management and payroll costs."
    data = _fixed(fenwick=22000, stowbridge=21976, cradley=25000)
    before = clause(text(data), "Costs and payment", "Confidentiality")
    assert "more than that Party's share" not in before and reason not in before
    data["acknowledge"].append({"rule": "GP031", "reason": reason})
    assert _gp031(data) == {} and len(_gp031(data, acknowledged=True)) == 2
    t = clause(text(data), "Costs and payment", "Confidentiality")
    assert ("The contributions of Fenwick and Cradley Vale are each more than that Party's "
            "share of the Cost Base by its share of the Post-holder's time under clause 7. The "
            f"Parties have agreed the contributions for the following reason:\n{reason}\n") in t


def test_one_host_above_cost_is_named_alone() -> None:
    reason = "Cradley's fee includes its share of the monitoring officer's training."
    data = _fixed(fenwick=20000, stowbridge=20000, cradley=25000)
    data["acknowledge"].append({"rule": "GP031", "reason": reason})
    t = clause(text(data), "Costs and payment", "Confidentiality")
    assert ("The contribution of Cradley Vale is more than its share of the Cost Base by its share "
            "of the Post-holder's time under clause 7.") in t
