"""A lawyer's reading of the VAT paragraph when host parties pay more than the cost of their
share of the time (a time fee above the Cost Base per day, a fixed fee above the party's time
share: the money facts' ``paying_above_cost``, GP031's test). The domain notes (money: VAT)
say a supply of staff for payment is taxable by default, even at cost, and whether a given
arrangement is outside the scope is unsure: record the treatment chosen and its rationale for
every arrangement, and flag it for advice. So the agreement, final as well as draft, always
records the Parties' present view and its reason and who decides VAT is due; the draft's note
for legal review adds the payment above cost and asks for HMRC's or the VAT advisers'
confirmation, whatever the treatment that is not standard-rated. Read back from the generated
agreement."""

from __future__ import annotations

from pathlib import Path

from legal_answers import clause, text
from yaml_text import load_yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
VIEW = ("The Parties' present view is that the sums payable under this Agreement are outside "
        "the scope of VAT. They have recorded the following reason for that view:")
LEGAL_REASON = ("The Post-holder is placed at the disposal of Brookfield and Coldharbour under "
                "section 113 of the Local Government Act 1972, for the purposes of their "
                "functions as local authorities.")
WHO_DECIDES = ("If HMRC decides, or the Parties are advised, that VAT is chargeable on any sum "
               "payable under this Agreement, the Employer may issue a valid VAT invoice and "
               "the Host Party concerned shall pay the VAT in addition to that sum.")
UNSURE = ("whether the Parties' view holds for a payment above cost has not been confirmed. "
          "Confirm the treatment above with HMRC or the Parties' VAT advisers before the "
          "Agreement is signed.")
NOTE = "Note for legal review: the VAT treatment of a supply of staff"


def _example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def _finance(data: dict) -> str:
    return clause(text(data), "Costs and payment", "Confidentiality")


def _note(t: str) -> str:
    return next(s for s in t.splitlines() if s.startswith(NOTE))


def test_a_final_agreement_above_cost_records_the_view_and_its_reason() -> None:
    d = _example("joint-director-public-health")
    d["payment"]["fee"]["amounts"] = {"icb": 70000}
    d["status"] = "final"
    d["acknowledge"].append({"rule": "GP031", "reason": "It meets the ICB's share of training."})
    lines = _finance(d).splitlines()
    i = lines.index(VIEW)
    assert lines[i + 2] == WHO_DECIDES and "section 113(1A)" in lines[i + 1]
    assert not any(s.startswith(NOTE) for s in lines)


def test_a_draft_time_fee_above_cost_keeps_the_view_and_flags_it_for_advice() -> None:
    t = _finance(_example("shared-legal-services-three-councils"))
    lines = t.splitlines()
    assert lines[lines.index(VIEW) + 1:lines.index(VIEW) + 3] == [LEGAL_REASON, WHO_DECIDES]
    note = _note(t)
    assert ("Brookfield and Coldharbour pay more than the cost of their share of the "
            "Post-holder's time (a fee of more than the Cost Base per day), and " + UNSURE) \
        in note
    assert "the answers" not in t


def test_a_fixed_fee_above_cost_names_the_party_paying_above_it() -> None:
    d = _example("joint-director-public-health")
    d["payment"]["fee"]["amounts"] = {"icb": 70000}
    t = _finance(d)
    assert VIEW in t.splitlines() and WHO_DECIDES in t.splitlines()
    note = _note(t)
    assert "the ICB pays more than the cost of its share of the Post-holder's time, and " \
        + UNSURE in note
    assert "Cost Base per" not in note


def test_an_exempt_fee_above_cost_is_flagged_too() -> None:
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "exempt"
    t = _finance(d)
    assert "present view is that the sums payable under this Agreement are exempt" in t
    assert UNSURE in _note(t)


def test_a_recharge_at_cost_keeps_the_plain_note() -> None:
    for name in ("joint-director-public-health", "shared-head-of-hr"):
        t = _finance(_example(name))
        assert VIEW in t.splitlines() and WHO_DECIDES in t.splitlines()
        assert _note(t).endswith("Confirm the treatment above with the Parties' VAT advisers "
                                 "before the Agreement is signed.")
        assert "above cost" not in t


def test_a_standard_rated_fee_above_cost_is_not_flagged() -> None:
    d = _example("shared-legal-services-three-councils")
    d["payment"]["vat"]["treatment"] = "standard_rated"
    t = _finance(d)
    assert "are standard-rated for VAT" in t and WHO_DECIDES not in t and UNSURE not in t
