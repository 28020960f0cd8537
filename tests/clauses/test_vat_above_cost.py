"""A lawyer's reading: a recharge above cost was recorded in the agreement as outside the
scope of VAT. The domain notes (money: VAT) say a supply of staff for payment is taxable by
default, even at cost, and whether a given arrangement is outside the scope is unsure. When
the host parties pay more than the cost of their share of the time (a time fee above the Cost
Base per day, a fixed fee above the party's time share: GP031's test) and the answers say
outside_scope, the agreement now states no treatment, says VAT is charged where it is due, and
its note for legal review asks for the treatment to be confirmed. Read back from the generated
agreement."""

from __future__ import annotations

from pathlib import Path

from legal_answers import clause, text
from yaml_text import load_yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
CLAIM = "the sums payable under this Agreement are outside the scope of VAT"
WHERE_DUE = ("The sums in this clause exclude VAT. The Employer shall charge VAT on any sum "
             "payable under this Agreement where VAT is due, on a valid VAT invoice, and the "
             "Host Party concerned shall pay the VAT in addition to that sum.")
UNSURE = ("whether this Arrangement is outside the scope of VAT has not been confirmed, so "
          "this clause does not state that it is. Confirm the treatment with HMRC or the "
          "Parties' VAT advisers before the Agreement is signed")


def _example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def _finance(data: dict) -> str:
    return clause(text(data), "Costs and payment", "Confidentiality")


def test_a_time_fee_above_cost_is_not_said_to_be_outside_the_scope() -> None:
    t = _finance(_example("shared-legal-services-three-councils"))  # £520 a day, cost £469.91
    assert CLAIM not in t and "present view" not in t
    assert WHERE_DUE in t.splitlines()
    note = next(s for s in t.splitlines() if UNSURE in s)
    assert "Brookfield and Coldharbour pay more than the cost of their share" in note
    assert note.endswith("for the purposes of their functions as local authorities.")


def test_a_fixed_fee_above_cost_names_the_party_paying_above_it() -> None:
    d = _example("joint-director-public-health")
    d["payment"]["fee"]["amounts"] = {"icb": 70000}
    t = _finance(d)
    assert CLAIM not in t and WHERE_DUE in t.splitlines()
    assert "the ICB pays more than the cost of its share of the Post-holder's time" in t


def test_a_recharge_at_cost_keeps_the_recorded_view() -> None:
    for name in ("joint-director-public-health", "shared-head-of-hr"):
        t = _finance(_example(name))
        assert f"The Parties' present view is that {CLAIM}." in t
        assert WHERE_DUE not in t and UNSURE not in t


def test_a_standard_rated_fee_above_cost_is_unchanged() -> None:
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "standard_rated"
    t = _finance(d)
    assert "are standard-rated for VAT" in t and WHERE_DUE not in t and UNSURE not in t
