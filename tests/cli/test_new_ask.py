"""``docgen new --ask`` checks each answer as it is typed, by the rules and in the words the
rest of docgen uses, and asks again: a file is never written with a mistake that only
``docgen check`` would find."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from yaml_text import load_yaml

from docgen.cli import cli

#: each prompt's answers in turn, good ones (the file passes ``docgen check``)
GOOD = {
    "partners": ["London Borough of Eastwick; Royal Borough of Westmere"],
    "employer": ["westmere"],
    "title": ["Shared Head of Human Resources"],
    "start": ["2027-04-01"],
    "hours": ["37"],
    "eastwick": ["60"],
    "westmere": ["40"],
    "salary": ["92000"],
    "pension": ["19.8"],
    "ni": ["13.8"],
    "notice": ["6"],
    "reverts": [""],
}


def ask(tmp_path: Path, **answers: list[str]) -> tuple[Result, Path]:
    """``docgen new post.yaml --ask`` given the good answers, with ``answers`` in place of
    some prompts' (bad ones first, then the one it takes)."""
    target = tmp_path / "post.yaml"
    lines = [line for key, good in GOOD.items() for line in answers.get(key, good)]
    result = CliRunner().invoke(cli, ["new", str(target), "--ask"],
                                input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return result, target


def passes_check(target: Path) -> dict[str, Any]:
    """The written file's answers, once ``docgen check`` has passed it."""
    check = CliRunner().invoke(cli, ["check", str(target)])
    assert check.exit_code == 0, check.output
    data: dict[str, Any] = load_yaml(target.read_text())
    return data


def said(result: Result, message: str) -> bool:
    """The message was shown (compared with single spaces: the prompts run on in one line)."""
    return message in re.sub(r"\s+", " ", result.output)


def test_a_date_is_read_as_the_workbook_reads_it_and_a_wrong_one_shows_the_forms(
        tmp_path: Path) -> None:
    result, target = ask(tmp_path, start=["31/02/2027", "1 Aprill 2027", "01/04/2027"])
    assert said(result, "'31/02/2027' is not a date; write a date, e.g. 2027-04-01, "
                        "1 April 2027 or 01/04/2027 (day first), or leave it blank (tbc) "
                        "if not known yet")
    assert said(result, "'1 Aprill 2027' is not a date")
    data = passes_check(target)
    assert data["post"]["start_date"] == dt.date(2027, 4, 1)


def test_a_percentage_is_a_number_from_0_to_100(tmp_path: Path) -> None:
    result, target = ask(tmp_path, pension=["£92,000", "120%", "19.8%"], ni=["13.8"])
    assert said(result, "write a percentage as a number from 0 to 100, e.g. 13.9 (found "
                        "'£92,000')")
    assert said(result, "a percentage must be from 0 to 100, e.g. 13.9 (found 120%)")
    data = passes_check(target)
    assert [c["percent"] for c in data["payment"]["on_costs"]] == [19.8, 13.8]


def test_money_is_read_as_the_workbook_reads_it(tmp_path: Path) -> None:
    result, target = ask(tmp_path, salary=["78k", "104.250", "0", "£92,000"])
    assert said(result, "write money as a number, e.g. 78000 (found '78k')")
    assert said(result, "a dot marks pence, never thousands: for £104,250 write 104250")
    assert said(result, "the amount must be more than 0 and at most 100,000,000")
    data = passes_check(target)
    assert data["payment"]["salary"] == 92000


def test_the_shares_must_add_up_to_100_and_the_last_is_offered_as_the_rest(
        tmp_path: Path) -> None:
    result, target = ask(tmp_path, eastwick=["100", "0", "£60", "60"], westmere=["60", ""])
    assert said(result, "shares add up to 100% already (eastwick 100), leaving nothing for "
                        "westmere")
    assert said(result, "every party needs a share above zero")
    assert said(result, "write a share of the time as a number from 0 to 100, e.g. 60 "
                        "(found '£60')")
    assert said(result, "shares add up to 120% (eastwick 60, westmere 60); they must add "
                        "up to 100%: write 40 for westmere, or write tbc if not known yet")
    assert said(result, "Percent of the time for westmere [40]:")  # Enter takes it
    data = passes_check(target)
    assert data["time_split"]["shares"] == {"eastwick": 60, "westmere": 40}


def test_hours_and_notice_are_in_the_model_s_range(tmp_path: Path) -> None:
    result, target = ask(tmp_path, hours=["0", "37.5"], notice=["6.5", "0", "3"])
    # Enter takes the value offered ([37]), so tbc is written, not left blank
    assert said(result, "the hours a week must be more than 0 and at most 80, e.g. 37 "
                        "(found 0), or write tbc if not known yet")
    assert said(result, "write the notice in months as a whole number from 1 to 600")
    assert said(result, "the notice in months must be from 1 to 600")
    data = passes_check(target)
    assert data["post"]["hours_per_week"] == 37.5
    assert data["exit"]["notice_months"] == 3


def test_not_known_yet_is_still_an_answer_after_a_refusal(tmp_path: Path) -> None:
    result, target = ask(tmp_path, start=["next spring", "tbc"], eastwick=["200", ""],
                         westmere=[""], salary=["lots", "not known"])
    assert said(result, "'next spring' is not a date; write a date, e.g. 2027-04-01")
    assert said(result, "write money as a number, e.g. 78000 (found 'lots'), or leave it "
                        "blank (tbc) if not known yet")
    assert said(result, "Percent of the time for westmere [tbc]:")  # no rest to offer
    data = load_yaml(target.read_text())
    assert data["post"]["start_date"] == "tbc" and data["payment"]["salary"] == "tbc"
    assert data["time_split"]["shares"] == {"eastwick": "tbc", "westmere": "tbc"}
    check = CliRunner().invoke(cli, ["check", str(target)])
    errors = re.findall(r"error\s+-\s+\S+\s+(\S+)", check.output)
    assert sorted(errors) == ["payment.salary", "post.start_date", "time_split.shares.eastwick",
                              "time_split.shares.westmere"], check.output
