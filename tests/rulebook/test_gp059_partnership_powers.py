"""GP059 (the VAT rationale and a power named in words cite only the post's own power, and
one of its jurisdiction) checked only the three placement powers (s.113, s.35, s.105): a
rationale "paid from the section 75 NHS Act 2006 pooled budget" in an agreement made under
s.113 was printed unremarked, though the agreement makes no pooled fund and s.75 places no
staff. It now finds a partnership power (s.75 of the NHS Act 2006, England; s.33 of the NHS
(Wales) Act 2006, Wales) cited beside none of the post's own: outside its country always,
and beside a statutory placement or a secondment unless acknowledged (the recharge may be
paid from a pooled fund under a separate partnership agreement)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

import docgen
from docgen.word.note_wording import plain_point

ROOT = Path(__file__).resolve().parents[2]
S75 = "section 75 of the National Health Service Act 2006"
S113 = "section 113 of the Local Government Act 1972"
INSTEAD = f"Officer placed at the disposal of another local authority under {S113}."
POOLED = "The recharge is made from the section 75 NHS Act 2006 pooled budget."


def _data(rationale: str, **answers: str) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_yaml(
        (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text("utf-8")))
    data.update(answers)
    data["payment"]["vat"] = {"treatment": "outside_scope", "rationale": rationale}
    return data


def _gp059(data: dict[str, Any]) -> list[docgen.Problem]:
    return [p for p in docgen.check(data).problems if p.rule == "GP059"]


def test_a_pooled_budget_rationale_under_section_113_is_warned_about() -> None:
    [warning] = _gp059(_data(POOLED))
    assert warning.path == ("payment", "vat", "rationale")
    assert warning.message.startswith(
        f"the VAT rationale cites {S75}, but the post is placed under {S113}, and this "
        "agreement makes no pooled fund")
    assert warning.fix is not None
    assert warning.fix.ways == (((("payment", "vat", "rationale"), INSTEAD),),)
    assert warning.message.endswith(", or acknowledge GP059 with the partnership agreement "
                                    "whose pooled fund the recharge is paid from")
    # the drafting note keeps the legal point, without the instruction or the rule id
    note = plain_point(warning.message)
    assert S75 in note and "GP059" not in note and "payment.vat" not in note


@pytest.mark.parametrize("rationale", [
    "Paid from the pooled fund under s.75 of the National Health Service Act 2006.",
    "Recharged through the section 75 NHS Act 2006 pooled budget (outside the scope)."])
def test_other_ways_of_citing_section_75(rationale: str) -> None:
    assert len(_gp059(_data(rationale))) == 1


def test_a_secondment_citing_section_75_is_warned_about() -> None:
    [warning] = _gp059(_data(POOLED, jurisdiction="england", legal_basis="secondment"))
    assert "placed under a secondment" in warning.message


def test_section_75_outside_england_is_a_power_of_another_country() -> None:
    [warning] = _gp059(_data(POOLED, jurisdiction="wales"))
    assert f"cites {S75}, but that power applies in England only, not in Wales" in \
        warning.message
    assert "acknowledge" not in warning.message


def test_the_welsh_partnership_power_in_a_welsh_post_under_section_113() -> None:
    [warning] = _gp059(_data("Paid from the pooled fund under section 33 of the National "
                             "Health Service (Wales) Act 2006.", jurisdiction="wales"))
    assert "cites section 33 of the National Health Service (Wales) Act 2006, but the post " \
        "is placed under section 113" in warning.message


def test_acknowledged_it_is_quiet() -> None:
    data = _data(POOLED)
    data["acknowledge"].append({"rule": "GP059", "reason": "Paid from the Eastwick and "
                                "Westmere Better Care Fund pooled fund under their 2027 "
                                "section 75 agreement."})
    [warning] = _gp059(data)
    assert warning.acknowledged


@pytest.mark.parametrize("rationale", [
    f"Officer placed under {S113}; the recharge is paid from the section 75 NHS Act 2006 "
    "pooled budget.",  # the post's own power beside it
    "Paid from the section 75 pooled budget.",  # no Act named
    "Outside the scope of VAT: a supply under a special legal regime."])
def test_quiet_when_the_posts_own_power_or_no_act_is_cited(rationale: str) -> None:
    assert _gp059(_data(rationale)) == []


def test_a_power_named_in_words_may_be_section_75_in_england() -> None:
    data = _data(POOLED, jurisdiction="england", legal_basis="other",
                 legal_basis_text=f"{S75} and the NHS Bodies and Local Authorities "
                 "Partnership Arrangements Regulations 2000")
    assert _gp059(data) == []
    data["jurisdiction"] = "scotland"
    assert {p.path for p in _gp059(data)} >= {("legal_basis_text",)}
