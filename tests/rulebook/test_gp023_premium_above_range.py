"""GP023 checks the salary against the pay range, not salary plus premium. The premium for
the shared role is paid on top of the evaluated grade and stops when the arrangement ends
(the contract says so: "making your total pay ..."), and the shipped Head of HR example pays
£92,000 in a range topping at £96,000 with an 8% premium (£99,360 in all). A premium too high
for the savings is GP009's point (above 20%). So total pay above the range's top is no
warning of its own: this test pins that decision."""

from __future__ import annotations

from .test_rules import example, problems_for


def _rules(salary: int, premium: float) -> set[str]:
    data = example("hr")
    data["post"]["pay_range"] = [140000, 160000]
    data["payment"].update(salary=salary, premium_percent=premium)
    return {p.rule for p in problems_for(data)}


def test_a_premium_taking_total_pay_above_the_range_is_not_a_pay_range_warning() -> None:
    assert "GP023" not in _rules(155000, 10)  # £170,500 in all
    assert "GP009" not in _rules(155000, 10)


def test_the_premium_above_a_fifth_and_the_salary_above_the_range_are() -> None:
    assert "GP009" in _rules(155000, 25)
    assert "GP023" in _rules(165000, 0)
