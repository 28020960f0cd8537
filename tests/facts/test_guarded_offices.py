"""The offices only a full council resolution may end (``legal.guarded``): found once, in
``facts/legal.py``, and read by the agreement's and the contract's clauses, which used to
work the list out each in its own way (and the contract named the councils in another
order than their offices)."""

from __future__ import annotations

from pathlib import Path

from legal_answers import WALES, answers, clause, text

from docgen import load
from docgen.facts.derive import derive

CLAUSES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "clauses"


def _facts(data: dict) -> list[tuple[str, str]]:
    facts = derive(load(data))
    assert facts.legal is not None
    return [(g["party"].id, g["office"]) for g in facts.legal.guarded]  # type: ignore[union-attr]


def _welsh(*roles: tuple[str, str], jurisdiction: str = "wales") -> dict:
    data = answers(WALES, jurisdiction=jurisdiction)
    data["post"]["statutory_roles"] = [{"party": p, "role": r} for p, r in roles]
    return data


def test_monitoring_officers_then_chief_executives_then_relevant_officers() -> None:
    data = _welsh(("hafren", "Chief Finance Officer"), ("dyffryn", "Chief Executive"),
                  ("hafren", "Monitoring Officer"))
    assert _facts(data) == [("hafren", "monitoring officer"), ("dyffryn", "chief executive"),
                            ("hafren", "chief finance officer")]


def test_england_guards_a_head_of_paid_service_not_a_chief_executive_by_s54() -> None:
    data = _welsh(("dyffryn", "Chief Executive and Head of Paid Service"),
                  ("hafren", "Director of Public Health"), jurisdiction="england")
    assert _facts(data) == [("dyffryn", "head of paid service")]


def test_scotland_guards_only_the_monitoring_officer() -> None:
    data = _welsh(("dyffryn", "Chief Executive"), ("hafren", "Monitoring Officer"),
                  ("hafren", "Chief Finance Officer"), jurisdiction="scotland")
    assert _facts(data) == [("hafren", "monitoring officer")]


def test_the_contract_names_the_councils_in_the_order_of_the_parties() -> None:
    """Every council that guards an office is named, the Employer too, in the order of the
    parties (a lawyer's review, B2: before, the hosts alone, in the order of their offices:
    "Bro Hafren and Dyffryn Teifi ... their monitoring officer or chief executive")."""
    data = _welsh(("hafren", "Monitoring Officer"), ("dyffryn", "Chief Executive"))
    data["employer"] = "hafren"  # the monitoring officer's council employs: named as well
    contract = clause(text(data, "contract"), "Statutory roles", "Expenses and travel")
    assert ("Dyffryn Teifi and Bro Hafren may end your designation or appointment as their "
            "monitoring officer or chief executive, other than because the Arrangement ends"
            " or you leave the Employer's employment, only by a "
            "resolution of the full council of "
            "the Partner Organisation concerned") in contract
    data = _welsh(("hafren", "Monitoring Officer"), ("dyffryn", "Chief Executive"))
    data["parties"].append({**data["parties"][1], "id": "third", "name": "Third Council",
                            "short_name": "Third"})
    data["employer"] = "third"
    data["time_split"]["shares"] = {"dyffryn": 40, "hafren": 40, "third": 20}
    data["management"]["line_managers"]["third"] = "Chief Executive"
    data["governance"]["steering_group"]["members"].append(
        {"party": "third", "role": "Leader"})
    contract = clause(text(data, "contract"), "Statutory roles", "Expenses and travel")
    assert ("Dyffryn Teifi and Bro Hafren may end your designation or appointment as their "
            "monitoring officer or chief executive, other than because the Arrangement ends"
            " or you leave the Employer's employment, only by a "
            "resolution of the full council of "
            "the Partner Organisation concerned, after following the procedure the Agreement "
            "sets out. That does not end your employment.") in contract


def test_no_clause_works_out_the_guarded_offices_itself() -> None:
    """One home: each clause that needs the list reads ``legal.guarded``."""
    readers = []
    for path in sorted(CLAUSES.rglob("*.yaml")):
        source = path.read_text("utf-8")
        for line in source.splitlines():
            if "set guarded" in line or "set offices" in line:
                assert "legal.guarded" in line or "held |" in line or "guarded |" in line, (
                    path.name, line)
                readers.append(path.name)
    assert {"1500-statutory-roles.yaml", "0900-conduct.yaml"} <= set(readers)
