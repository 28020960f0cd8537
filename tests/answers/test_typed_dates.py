"""A date typed in one box or one cell is read one way wherever it is typed: the browser
interview's date boxes and the programme workbook's text cells share
``answers/typed_dates.py``. They used to have a reader each, and disagreed: "1.4.27" was a
date in the browser and an error in the workbook; "1 Septober 2027" was September in the
browser."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from intake_programme import set_cells, write_programme
from yaml_text import load_yaml

from docgen.answers.typed_dates import typed_date
from docgen.cli import cli

pytest.importorskip("starlette")
from docgen.web.forms import parse_date  # noqa: E402

APRIL = dt.date(2027, 4, 1)
FORMS = {
    "1 April 2027": APRIL, "1st Apr 2027": APRIL, "01/04/2027": APRIL, "1.4.2027": APRIL,
    "1-4-2027": APRIL, "1 April, 2027": APRIL, "Apr. 1, 2027": APRIL, "1.4.27": APRIL,
    "2027-04-01": APRIL, "2027-4-1": APRIL, "2nd Sept 2027": dt.date(2027, 9, 2),
    "15/05/2027": dt.date(2027, 5, 15), "1 JUNE 2027": dt.date(2027, 6, 1),
    # no date: a day that does not exist, a month no one names so, a year of three digits
    "31/02/2027": None, "1 Septober 2027": None, "1 Apri 2027": None, "1/4/202": None,
    "Apr 2027": None, "52k": None,
    # no date is spread over a hundred spaces (and a long text is not searched for one: a
    # run of 20,000 spaces took the pattern 8 s)
    "1" + " " * 100 + "April 2027": None, "1" + " " * 20_000 + "x": None,
}


@pytest.mark.parametrize("text", sorted(FORMS), ids=lambda t: t if len(t) < 40 else "long")
def test_the_browser_and_the_reader_agree(text: str) -> None:
    assert typed_date(text) == FORMS[text]
    in_the_browser = parse_date(text, "", "")  # the whole date typed in the day box
    assert in_the_browser == FORMS[text] or (FORMS[text] is None and isinstance(
        in_the_browser, str)), in_the_browser  # not a date: kept as typed, for its message


def test_the_month_box_takes_the_same_month_names() -> None:
    assert parse_date("1", "Sept", "27") == dt.date(2027, 9, 1)
    assert parse_date("1", "Septober", "2027") == "1/Septober/2027"  # shown back as typed


def test_a_workbook_cell_reads_the_browser_s_forms(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"C2": "1.4.27", "C3": "1 Septober 2027"})
    posts = tmp_path / "posts"
    result = CliRunner().invoke(cli, ["intake", "read", str(book), "--into", str(posts)])
    assert result.exit_code == 1, result.output
    one = load_yaml((posts / "EWK-0001.yaml").read_text(encoding="utf-8"))
    assert one["post"]["start_date"] == APRIL
    assert "posts.xlsx!Posts!C3 (start date, post EWK-0002): '1 Septober 2027' is not a date" \
        in result.output


def test_a_long_cell_is_no_date_and_is_not_repeated_whole(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    set_cells(book, {"C2": "1 April 2027, as agreed at the board " + "x" * 5000})
    result = CliRunner().invoke(cli, ["check", str(book), "--json"])
    assert result.exit_code == 1
    [post] = [r for r in json.loads(result.output) if r["status"] == "failed"]
    [problem] = post["problems"]
    assert problem["message"].startswith(
        "'1 April 2027, as agreed at the board ...' is not a date; write a date"), problem
    assert "x" * 100 not in result.output
