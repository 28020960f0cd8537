"""A time fee with its day or hour not chosen is asked for that, at the day/hour choice:
with the fee typed as "£300 a day" only "Enter the fee as a number" was said (docgen stops
at a value that is not a number before checking the fee is whole); with "300" it said
"Enter the fee, whether it is for each day or each hour, and the working weeks charged a
year", linked to the fee box, though the fee and the weeks were given.

docgen itself asks for each blank part at its own key (``answers/between_keys.py``, code
``missing``), beside a fee that is not a number too, so the command line says the same;
the interview words each at its box and adds no problem of its own.
"""

from __future__ import annotations

from pathlib import Path

import yaml

import docgen

from .conftest import EXAMPLES
from .helpers import Browser, Shown

PER = ["Select whether the fee is for each day or each hour", "#f-payment-fee-per"]


def _time_fee(web: Browser, rate: str, weeks: str = "44") -> Shown:
    page = web.go(f"{web.base}/payment")
    return web.press(page, fields={"payment.mechanism": "time_fee", "payment.fee.rate": rate,
                                   "payment.fee.weeks_per_year": weeks})


def test_the_day_or_hour_is_asked_for_with_a_fee_that_is_not_a_number(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    shown = _time_fee(web, "£300 a day")
    assert shown.status == 422, shown.status
    said = [text for text, _ in shown.errors()]
    assert any(text.startswith("Enter the fee as a number") for text in said), said
    assert PER in shown.errors(), shown.errors()


def test_only_the_day_or_hour_is_asked_for_when_the_rest_is_given(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    shown = _time_fee(web, "300")
    assert shown.status == 422, shown.status
    assert shown.errors() == [PER], shown.errors()
    check = web.go(f"{web.base}/check")
    said = [text for text, _ in check.errors()]
    assert "Payment: Select whether the fee is for each day or each hour" in said, said
    assert not any("weeks" in text for text in said), said


def test_each_part_left_blank_is_asked_for_at_its_box(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    shown = _time_fee(web, "", weeks="")
    assert shown.status == 422, shown.status
    hrefs = [href for _, href in shown.errors()]
    assert hrefs == ["#f-payment-fee-rate", "#f-payment-fee-per",
                     "#f-payment-fee-weeks_per_year"], shown.errors()


def test_a_whole_time_fee_is_taken(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    page = web.go(f"{web.base}/payment")
    shown = web.press(page, fields={
        "payment.mechanism": "time_fee", "payment.fee.rate": "300",
        "payment.fee.per": "day", "payment.fee.weeks_per_year": "44"})
    assert not shown.errors(), shown.errors()


def test_each_box_asked_for_is_a_problem_docgen_itself_gives(folder: Path) -> None:
    """The boxes the page asks for are the keys of docgen's own problems for the same fee:
    none is the interview's alone."""
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    shown = _time_fee(web, "£300 a day", weeks="")
    data = yaml.safe_load((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data["payment"]["mechanism"] = "time_fee"
    data["payment"]["fee"] = {"rate": "£300 a day"}
    said = [(p.key, p.code) for p in docgen.check(data).errors]
    assert said == [("payment.fee.rate", "not_a_number"), ("payment.fee.per", "missing"),
                    ("payment.fee.weeks_per_year", "missing")], said
    assert [href for _, href in shown.errors()] == [
        "#f-" + key.replace(".", "-") for key, _ in said], shown.errors()
