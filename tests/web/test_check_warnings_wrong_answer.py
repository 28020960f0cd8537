"""Check your answers keeps the good-practice warnings on the other answers while one answer
is wrong in its shape (hours that are not a number, a date that is not a date, a choice
docgen does not know). docgen's check stops at such an answer before its rules, and the
live check with stand-ins for the sections not answered stopped at the same answer, so the
page showed the wrong answer's error and no warning at all: the VAT treatment's warning
went away while the hours were put right. The wrong answer now has stand-ins too, for the
warnings alone (docgen/web/stand_aside.py): a warning is said only when it holds whatever
the answer is (each choice, each partner, numbers and dates far apart), so none depends on
the stand-in (which partner employs, the salary), none is about the wrong answer or a list
holding it, and none quotes a stand-in."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.checking import live  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser  # noqa: E402

#: the VAT treatment's warning (GP014) of the Head of HR example, its acceptance taken out
VAT = ("payment", "vat", "treatment")
LEGAL = Path(__file__).resolve().parents[1] / "data" / "legal"


def _example() -> dict[str, Any]:
    """The Head of HR example with no warning accepted (the VAT one is then open)."""
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data.pop("acknowledge")
    return data


def _warned(data: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    return {w.path: w.message for w in live(data).warnings}


@pytest.mark.parametrize(("path", "value"), [
    (("post", "hours_per_week"), "lots"),
    (("post", "start_date"), "next spring"),
    (("payment", "invoicing", "frequency"), "whenever"),
    (("jurisdiction",), "mars"),
    (("parties", 1, "kind"), "club"),
    # optional numbers with no stand-in at their place: stood in for by numbers (by the
    # field's type), not by dates, which docgen refused too, so every warning was dropped
    (("payment", "premium_percent"), "ten"),
    (("post", "probation_months"), "six"),
    (("post", "pay_range", 0), "lots"),  # a row, not left out
    (("confidentiality", "duration_after_end"), "ever"),  # a choice or a number
])
def test_the_other_answers_warnings_are_kept(path: tuple[Any, ...], value: str) -> None:
    data = _example()
    right = _warned(data)
    assert VAT in right
    wrong = copy.deepcopy(data)
    node = wrong
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    said = live(wrong)
    assert [p.path for p in said.errors] == [path]  # the wrong answer's error, as before
    warned = {w.path: w.message for w in said.warnings}
    assert warned.get(VAT) == right[VAT]  # the other answers' warning, in its own words
    for at, message in warned.items():
        assert at[:len(path)] != path and "scaffold" not in message.lower() \
            and "stand-in" not in message.lower(), (at, message)
        assert at in right, (at, message)  # nothing the answers given would not raise


def test_check_your_answers_shows_the_error_and_the_warnings(folder: Path) -> None:
    data = _example()
    data["post"]["hours_per_week"] = "lots"
    data["reference"] = "EWK-WSM-HR-99"  # the folder holds the example itself too
    web = Browser.on(folder, "wrong-hours.yaml", yaml.safe_dump(data, sort_keys=False))
    check = web.go(f"{web.base}/check")
    assert check.errors() == [[
        "The post: Enter the hours a week as a number, for example 37",
        f"{web.base}/post#f-post-hours_per_week".split("testserver", 1)[-1]]]
    warnings = check.text("//div[@id='warnings']")
    assert "Good-practice warnings" in warnings
    assert "VAT" in warnings, warnings
    assert "Scaffold" not in check.text() and "Stand-in" not in check.text()


@pytest.mark.parametrize(("owns", "path", "value"), [
    (("payment",), ("payment", "invoicing", "frequency"), "whenever"),  # on its own page
    (("payment",), ("post", "hours_per_week"), "lots"),  # on another page
])
def test_a_sections_page_keeps_its_warnings(owns: tuple[str, ...], path: tuple[str, ...],
                                            value: str) -> None:
    data = _example()
    data[path[0]][path[1]] = value if len(path) == 2 else {
        **data[path[0]][path[1]], path[2]: value}
    said = live(data, owns=owns)
    assert [p.path for p in said.errors] == [path]
    assert VAT in {w.path for w in said.warnings}


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


@pytest.mark.parametrize(("post", "path", "right", "gone"), [
    # the NHS trust employs: the grade's and the pension on-cost's warnings are an NHS
    # employer's (GP065, GP066), the county's would be others'
    ("nhs-trust-employs-dph.yaml", ("employer",), ["county", "trust"], {"GP065", "GP066"}),
    # the ICB pays more than its share at this salary, not at every salary
    (EXAMPLES / "joint-director-public-health.yaml", ("payment", "salary"),
     [126000, 60000, 250000], {"GP014"}),
    # a review at the end of the trial: said of the list of reviews the wrong month is in
    ("four-districts-monitoring-officer.yaml", ("review", "reviews_after_months", 0),
     [12, 6, 18], {"GP020"}),
    ("wales-joint-chief-executive.yaml", ("post", "start_date"),
     [dt.date(2027, 9, 1), dt.date(2028, 9, 1), dt.date(2033, 1, 1)], set()),
])
def test_no_warning_that_depends_on_the_wrong_answer(post: Any, path: tuple[Any, ...],
                                                     right: list[Any], gone: set[str]) -> None:
    data = load_yaml((LEGAL / post if isinstance(post, str) else post).read_text("utf-8"))
    data.pop("acknowledge", None)
    data["status"] = "draft"
    held = None
    for value in right:  # what every right answer raises
        report = docgen.check(_set(data, path, value))
        assert report.ok, report.errors
        said = {(w.rule, w.path, w.message) for w in report.warnings}
        held = said if held is None else held & said
    shown = {(w.rule, w.path, w.message) for w in live(_set(data, path, "Zz z")).warnings}
    assert shown <= (held or set()), shown - (held or set())
    assert not {rule for rule, _, _ in shown} & gone
    assert shown or not held  # not every warning dropped


def test_check_your_answers_says_more_warnings_may_follow(folder: Path) -> None:
    """The warnings that depend on the wrong answer wait for it: the page says so, beside
    the warnings it shows, or in their place when none holds; not when nothing is wrong."""
    data = _example()
    data["reference"] = "EWK-WSM-HR-98"
    web = Browser.on(folder, "right.yaml", yaml.safe_dump(data, sort_keys=False))
    assert not web.go(f"{web.base}/check").find("//*[@id='warnings-waiting']")
    data["post"]["hours_per_week"] = "lots"
    data["reference"] = "EWK-WSM-HR-97"
    web = Browser.on(folder, "hours.yaml", yaml.safe_dump(data, sort_keys=False))
    check = web.go(f"{web.base}/check")
    assert check.find("//div[@id='warnings']") and check.text(
        "//div[@id='warnings-waiting']") == "More warnings may show once the errors listed " \
        "at the top of this page are put right, as some depend on those answers."
    data["employer"] = "Eastwick Council"  # a partner's name, not its abbreviation
    data["payment"]["vat"]["treatment"] = "standard_rated"  # the VAT warning put right
    data["reference"] = "EWK-WSM-HR-96"
    web = Browser.on(folder, "employer.yaml", yaml.safe_dump(data, sort_keys=False))
    check = web.go(f"{web.base}/check")
    assert not check.find("//div[@id='warnings']")
    assert check.text("//div[@id='warnings-waiting']") == "Good-practice warnings Warnings " \
        "are checked once the errors listed at the top of this page are put right."
