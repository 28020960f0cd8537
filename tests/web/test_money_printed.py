"""The interview prints money as the documents do, with docgen's one formatter
(``facts/formatting.money``, through ``docgen.api.interview``): pence rounded half up and a
negative sum as "-£75,887.20". It had its own format, which printed "£-75,887.20" beside
docgen's own "-£75,887.20" and rounded a half penny to even (£0.12 where the documents
print £0.13); percentages likewise as the documents print them.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from docgen.facts import formatting
from docgen.web.fields import Q
from docgen.web.programme import _chart
from docgen.web.summary import answer, money, money_view, percent, row_text


def _facts(**money_: str) -> dict[str, object]:
    """The facts a post's check gives, as ``facts_to_dict`` exports them (exact decimals)."""
    return {"money": {"salary": "52000.00", "premium": "0", "premium_percent": "0",
                      "on_costs": [{"label": "Employer's pension", "amount": "0.125"}],
                      "cost_base_text": "£52,000.13", "invoices_per_year": 4,
                      "timing": "in_arrears", "recharged": "75887.20",
                      "employer_net": "-75887.20", **money_},
            "parties": [{"name": "Eastwick", "is_employer": True, "time_percent": "60.00",
                         "annual_text": "-£75,887.20", "per_invoice_text": ""}]}


def test_a_negative_sum_has_its_sign_before_the_pound() -> None:
    assert money(Decimal("-75887.20")) == "-£75,887.20" == formatting.money(Decimal("-75887.2"))
    assert money("-75887.2") == "-£75,887.20"
    shown = money_view(_facts())
    assert shown is not None and shown["employer_net"] == "-£75,887.20", shown


def test_a_half_penny_is_rounded_up_as_the_documents_round_it() -> None:
    assert money(Decimal("0.125")) == "£0.13" == formatting.money(Decimal("0.125"))
    assert money(0.125) == "£0.13" and money(Decimal("2.675")) == "£2.68"
    shown = money_view(_facts())
    assert shown is not None and ("Employer's pension", "£0.13") in shown["rows"], shown


def test_check_your_answers_prints_money_as_the_documents_do() -> None:
    assert answer(Q(("payment", "salary"), "number"), Decimal("52000.005"), {}) == "£52,000.01"
    row = {"name": "Pension", "percent": 20, "above": Decimal("0.125")}
    on_costs = Q(("payment", "on_costs"), "group",
                 fields=(Q(("name",)), Q(("percent",), "number"), Q(("above",), "number")))
    assert row_text(on_costs, row, {}).endswith("on pay above £0.13"), row_text(on_costs, row, {})


def test_the_programme_page_prints_money_as_the_documents_do() -> None:
    totals = [SimpleNamespace(name="Eastwick", annual=Decimal("1000.125")),
              SimpleNamespace(name="Westmere", annual=Decimal("0.005"))]
    assert [bar["amount"] for bar in _chart(totals)["bars"]] == ["£1,000.13", "£0.01"]


def test_percentages_are_printed_as_the_documents_print_them() -> None:
    for value in (Decimal("60.00"), Decimal("2.5"), 100, Decimal("33.333")):
        assert percent(value) == formatting.percent(Decimal(value)), value
    assert percent("tbc") == "tbc" and money("tbc") == "tbc"
    shown = money_view(_facts(premium="1300.00", premium_percent="2.50"))
    assert shown is not None
    assert ("Extra pay for the shared role (2.5%)", "£1,300.00") in shown["rows"], shown
    assert shown["parties"][0]["time"] == "60%"
