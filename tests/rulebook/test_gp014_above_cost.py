"""GP014 when host parties pay more than the cost of their share of the time (the money
facts' ``paying_above_cost``, GP031's test) and the recharge is not standard-rated: the domain
notes (money: VAT) say a supply of staff for payment is taxable by default, even at cost, and
whether an arrangement is outside the scope is unsure, so the warning names the hosts paying
above cost, says the agreement records the treatment and who decides VAT is due, and asks for
HMRC's or a VAT adviser's confirmation, in plain sentences. Same id, so an answer file's
acknowledgement of GP014 still answers it; one warning for one cause."""

from __future__ import annotations

from pathlib import Path

from yaml_text import load_yaml

from docgen import check

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
ABOVE = ("the recharge is treated as outside the scope of VAT, but Brookfield and "
         "Coldharbour pay more than the cost of their share of the post-holder's time. ")
REST = ("A supply of staff for payment is taxable by default, even at cost (HMRC VATSC03540). "
        "The agreement records your treatment and its reason, and says VAT is paid if HMRC "
        "decides, or the parties are advised, that it is due. Ask HMRC or your VAT adviser to "
        "confirm the treatment, then acknowledge GP014 with their confirmation")


def _gp014(data: dict) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP014"]


def _example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def test_a_time_fee_above_cost_outside_the_scope_is_told_to_confirm_it() -> None:
    (said,) = _gp014(_example("shared-legal-services-three-councils"))
    assert said == ABOVE + REST
    assert "does not say" not in said


def test_a_fixed_fee_above_cost_names_the_host_paying_it() -> None:
    d = _example("joint-director-public-health")
    d["payment"]["fee"]["amounts"] = {"icb": 70000}
    (said,) = _gp014(d)
    assert said == ("the recharge is treated as outside the scope of VAT, but the ICB pays more "
                    "than the cost of its share of the post-holder's time. " + REST)


def test_an_exempt_fee_above_cost_is_told_too() -> None:
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "exempt"
    (said,) = _gp014(d)
    assert said == ABOVE.replace("outside the scope of", "exempt from") + REST


def test_at_cost_the_warning_is_as_it_was() -> None:
    (said,) = _gp014(_example("joint-director-public-health"))
    assert said.startswith("the recharge is treated as outside the scope of VAT; a supply")
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "standard_rated"
    assert _gp014(d) == []
