"""Money typed in the browser is read as the programme workbook and ``docgen new`` read it
(``answers/typed_money.py``, its one home): "£104.250" was read here as 104.25, a
thousandth of the £104,250 meant, and a fee of £104.25 a day passed docgen's checks, while
the workbook refused the same text. A money question now refuses a dot between thousands
or more places than pence, saying what to write at the question; every other figure
reads as before, and only money questions refuse a dot before three figures (hours,
percentages and shares keep theirs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.answers.typed_money import money_hint, typed_money
from docgen.web.forms import DELETE, money_at, parse_money, parse_number

from .helpers import Browser, Shown

EXAMPLE = "shared-head-of-hr.yaml"
HINT = "Enter the salary as £104,250 or 104250 \u2014 a dot marks pence, never thousands"


def _payment(web: Browser, **fields: str) -> Shown:
    return web.press(web.go(f"{web.base}/payment"), fields=fields)


@pytest.mark.parametrize("typed", ["£104.250", "104.250", "£ 104.250"])
def test_a_dot_between_thousands_is_refused_at_the_salary(folder: Path, typed: str) -> None:
    web = Browser.opened(folder, EXAMPLE)
    shown = _payment(web, **{"payment.salary": typed})
    assert shown.status == 422, shown.status
    assert shown.errors() == [[HINT, "#f-payment-salary"]], shown.errors()
    assert web.on_disk()["payment"]["salary"] != 104.25  # kept as typed, never £104.25
    check = web.go(f"{web.base}/check")
    assert f"Payment: {HINT}" in [text for text, _ in check.errors()], check.errors()


def test_each_form_the_workbook_refuses_is_refused_with_its_own_figures(folder: Path) -> None:
    web = Browser.opened(folder, EXAMPLE)
    said = {typed: _payment(web, **{"payment.salary": typed}).errors()
            for typed in ("1.234.567", "1.250.000,50", "104.2501", "0.125")}
    assert said == {
        "1.234.567": [["Enter the salary as £1,234,567 or 1234567 \u2014 a dot marks pence, "
                       "never thousands", "#f-payment-salary"]],
        "1.250.000,50": [["Enter the salary as £1,250,000.50 or 1250000.50 \u2014 a dot marks "
                          "pence, never thousands", "#f-payment-salary"]],
        "104.2501": [["Enter the salary with no more than 2 figures of pence after the dot, "
                      "for example £104,250.50 or 104250.50", "#f-payment-salary"]],
        # never "Enter the salary as £125": a 0 before the dot is pence, not thousands
        "0.125": [["Enter the salary with no more than 2 figures of pence after the dot, "
                   "for example £104,250.50 or 104250.50", "#f-payment-salary"]]}, said


def test_a_time_fee_with_a_dot_between_thousands_is_refused(folder: Path) -> None:
    web = Browser.opened(folder, EXAMPLE)
    shown = _payment(web, **{"payment.mechanism": "time_fee", "payment.fee.rate": "£104.250",
                             "payment.fee.per": "day", "payment.fee.weeks_per_year": "44"})
    assert shown.status == 422, shown.status
    assert shown.errors() == [["Enter the fee as £104,250 or 104250 \u2014 a dot marks pence, "
                               "never thousands", "#f-payment-fee-rate"]], shown.errors()
    assert web.on_disk()["payment"]["fee"]["rate"] != 104.25


def test_a_partners_fixed_fee_with_a_dot_between_thousands_is_refused(folder: Path) -> None:
    web = Browser.opened(folder, EXAMPLE)
    shown = _payment(web, **{"payment.mechanism": "fixed_fee",
                             "payment.fee.amounts.westmere": "46.500"})
    assert shown.status == 422, shown.status
    said = " ".join(text for text, _ in shown.errors())
    assert "as £46,500 or 46500 \u2014 a dot marks pence, never thousands" in said, said


def test_money_typed_the_usual_ways_reads_as_before(folder: Path) -> None:
    web = Browser.opened(folder, EXAMPLE)
    for typed, read in (("£52,000", 52000), ("52 000", 52000), ("52000.50", 52000.5),
                        ("£52,000.50", 52000.5), ("52000", 52000)):
        shown = _payment(web, **{"payment.salary": typed})
        assert not shown.errors(), (typed, shown.errors())
        assert web.on_disk()["payment"]["salary"] == read, typed


def test_hours_and_percentages_keep_their_decimal_point(folder: Path) -> None:
    web = Browser.opened(folder, EXAMPLE)
    shown = _payment(web, **{"payment.premium_percent": "2.5"})
    assert not shown.errors(), shown.errors()
    assert web.on_disk()["payment"]["premium_percent"] == 2.5
    for name in ("post.hours_per_week", "payment.premium_percent",
                 "payment.on_costs.0.percent", "time_split.shares.eastwick"):
        assert not money_at(name), name
    assert parse_number("37.5") == 37.5 and parse_number("0.125") == 0.125


def test_only_money_refuses_a_dot_before_three_figures() -> None:
    """What the money questions read is the workbook's reading, the same text refused by
    both; every other figure is read by :func:`parse_number` unchanged."""
    for name in ("payment.salary", "payment.fee.rate", "payment.fee.amounts.westmere",
                 "payment.on_costs.0.above"):
        assert money_at(name), name
    for typed in ("£104.250", "1.234.567", "104.2501", "0.125"):
        assert parse_money(typed) == typed.strip() and money_hint(typed), typed
    for typed, read in (("£52,000", 52000), ("52 000", 52000), ("52000.50", 52000.5),
                        ("2,5", "2,5"), ("lots", "lots")):
        assert parse_money(typed) == parse_number(typed) == read, typed
    assert parse_money("") is DELETE


@pytest.mark.parametrize("typed", ["1e5", "52000%", "52k"])
def test_money_the_workbook_refuses_is_refused_here_too(folder: Path, typed: str) -> None:
    """The browser read money as any number Python reads: "1e5" was a salary of £100,000
    and "52000%" £52,000, with no word, where the workbook and ``docgen new`` refuse both."""
    web = Browser.opened(folder, EXAMPLE)
    shown = _payment(web, **{"payment.salary": typed})
    assert shown.status == 422, shown.status
    assert [anchor for _, anchor in shown.errors()] == ["#f-payment-salary"], shown.errors()
    assert web.on_disk()["payment"]["salary"] == typed  # kept as typed, never read


def test_money_with_spaces_between_thousands_reads_in_every_door() -> None:
    """"52 000" was read by the browser and refused by the workbook: one reading now."""
    assert typed_money("52 000") == typed_money("£52,000") == 52000
    assert parse_money("52 000") == parse_money("1 234 567.50") - 1182567.5 == 52000
    assert typed_money("52,000 000") is None  # one kind of separator, not two


def test_plain_figures_a_shape_away_are_still_numbers() -> None:
    """"52000." and ".50" were kept as typed, for the validator to refuse, which took them
    as numbers in quotes: the answer file was written ``salary: '52000.'``."""
    assert parse_money("52000.") == 52000 and parse_money(".50") == 0.5
    assert parse_money("+52000") == 52000 and parse_money("-5") == -5  # bounded by the model
