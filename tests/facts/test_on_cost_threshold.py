"""An on-cost due only on pay above a yearly threshold (``above``): employer National
Insurance is not due on the first £5,000 a year of pay, so charging 15% on the whole pay
overstated the Cost Base (and every party's share) by £750 a year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from conftest import EXAMPLES

import docgen
from docgen.cli import cli
from docgen.facts.derive import derive
from docgen.ooxml.readback import read_document

HR = next(p for p in EXAMPLES if p.name == "shared-head-of-hr.yaml")


def _hr(on_costs: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(HR.read_text("utf-8"))
    data["payment"]["on_costs"] = on_costs
    return data


def test_the_percent_is_of_pay_above_the_threshold() -> None:
    facts = derive(docgen.load(_hr([{"name": "Employer National Insurance", "percent": 15,
                                     "above": 5000}])))
    m = facts.money
    assert m.pay == Decimal("99360.00")  # salary 92,000 and an 8% premium
    [line] = m.on_costs
    assert line.amount == Decimal("14154.00")  # 15% of 94,360, not of 99,360 (14,904)
    assert line.label == "Employer National Insurance (15% of pay above £5,000.00)"
    assert m.cost_base == Decimal("113514.00")


def test_pay_below_the_threshold_costs_nothing_and_none_means_all_pay() -> None:
    facts = derive(docgen.load(_hr([
        {"name": "Levy", "percent": 1, "above": 150000},
        {"name": "Employer National Insurance", "percent": 15}])))
    below, whole = facts.money.on_costs
    assert below.amount == Decimal("0.00") and below.text == "£0.00"
    assert whole.amount == Decimal("14904.00")
    assert whole.label == "Employer National Insurance (15%)"


def test_the_agreement_states_the_threshold_and_the_sum_and_verifies() -> None:
    answers = docgen.load(_hr([{"name": "Employer pension (LGPS)", "percent": 19.8},
                               {"name": "Employer National Insurance", "percent": 15,
                                "above": 5000}]))
    text = read_document("agreement.docx",  # render verifies it too: it raises on a problem
                         docgen.render(answers).documents["agreement"]).text
    assert "Employer National Insurance (15% of pay above £5,000.00): £14,154.00" in text
    assert "Employer National Insurance (15% of pay above £5,000.00) £14,154.00" in text
    assert "Cost Base (total a year) £133,187.28" in text  # 99,360 + 19,673.28 + 14,154


def test_a_workbook_keeps_the_threshold(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    data = _hr([{"name": "Employer National Insurance", "percent": 15, "above": 5000}])
    (folder / "hr.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    book = tmp_path / "posts.xlsx"
    runner = CliRunner()
    assert runner.invoke(cli, ["intake", "write", str(folder), str(book)]).exit_code == 0
    result = runner.invoke(cli, ["intake", "read", str(book), "--into", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    [back] = (tmp_path / "back").glob("*.yaml")
    on_costs = yaml.safe_load(back.read_text("utf-8"))["payment"]["on_costs"]
    assert on_costs == [{"name": "Employer National Insurance", "percent": 15, "above": 5000}]
