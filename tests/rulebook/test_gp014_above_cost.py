"""GP014 for a recharge above cost recorded as outside the scope of VAT: the domain notes
(money: VAT) say a supply of staff for payment is taxable by default and whether an
arrangement is outside the scope is unsure, so the warning says the agreement does not state
that treatment and asks for it to be confirmed with HMRC or a VAT adviser. Same id, so an
answer file's acknowledgement of GP014 still answers it; one warning for one cause."""

from __future__ import annotations

from pathlib import Path

from yaml_text import load_yaml

from docgen import check

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
ABOVE = ("the recharge is recorded as outside the scope of VAT, but Brookfield and "
         "Coldharbour pay more than the cost of their share of the post-holder's time")


def _gp014(data: dict) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP014"]


def _example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def test_a_time_fee_above_cost_outside_the_scope_is_told_to_confirm_it() -> None:
    (said,) = _gp014(_example("shared-legal-services-three-councils"))
    assert said.startswith(ABOVE)
    assert "so the agreement does not say it is: it says VAT is charged where it is due" in said
    assert said.endswith("Confirm the treatment with HMRC or your VAT adviser and acknowledge "
                         "GP014 with their view")


def test_a_fixed_fee_above_cost_names_the_host_paying_it() -> None:
    d = _example("joint-director-public-health")
    d["payment"]["fee"]["amounts"] = {"icb": 70000}
    (said,) = _gp014(d)
    assert said.startswith("the recharge is recorded as outside the scope of VAT, but the ICB "
                           "pays more than the cost of its share")


def test_at_cost_or_exempt_the_warning_is_as_it_was() -> None:
    (said,) = _gp014(_example("joint-director-public-health"))
    assert said.startswith("the recharge is treated as outside the scope of VAT; a supply")
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "exempt"
    (said,) = _gp014(d)
    assert said.startswith("the recharge is treated as exempt from VAT")
    d["payment"]["vat"]["treatment"] = "standard_rated"
    assert _gp014(d) == []
