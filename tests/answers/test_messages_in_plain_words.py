"""Messages the interview shows come from the model's checks, so they read as sentences
with dates as people write them: "the end date (1 January 2020) is not after the start
date (1 September 2027)", not "the end date 2020-01-01 is not after the start date
2027-09-01"; an email address in the wrong form is told what to enter (it said "is not an
email address; write it as name@example.gov.uk", which the browser printed as "Is not an
email address; …")."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from yaml_text import load_yaml

from docgen import check
from docgen.answers.between_keys import written

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def _data() -> dict[str, Any]:
    return copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))


def _problem(data: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    [p] = [p for p in check(data).problems if p.path == path]
    return p


def test_dates_are_written_as_people_write_them() -> None:
    assert written(dt.date(2020, 1, 1)) == "1 January 2020"
    assert written(dt.date(2027, 9, 30)) == "30 September 2027"


def test_an_end_date_before_the_start_names_both_dates_in_words() -> None:
    data = _data()
    data["post"]["start_date"] = dt.date(2027, 9, 1)
    data["post"]["end_date"] = dt.date(2020, 1, 1)
    p = _problem(data, ("post", "end_date"))
    assert p.message == ("the end date (1 January 2020) is not after the start date "
                         "(1 September 2027); give a later end date, or none for an "
                         "arrangement with no fixed end")


def test_a_consultation_after_the_start_names_both_dates_in_words() -> None:
    data = _data()
    data["post"]["start_date"] = dt.date(2027, 4, 1)
    data["postholder"]["consulted_on"] = dt.date(2027, 5, 3)
    p = _problem(data, ("postholder", "consulted_on"))
    assert "2027-" not in p.message
    assert "(1 April 2027)" in p.message and "(3 May 2027)" in p.message


def test_an_email_address_in_the_wrong_form_is_a_sentence_saying_what_to_enter() -> None:
    data = _data()
    data["parties"][0]["notices"]["email"] = "the legal team"
    p = _problem(data, ("parties", 0, "notices", "email"))
    assert p.code == "not_an_email"
    assert p.message == ("enter an email address in the right form, like "
                         "name@example.gov.uk (found 'the legal team', which is not an email "
                         "address)")


def test_not_known_yet_is_still_an_allowed_email() -> None:
    data = _data()
    data["parties"][0]["notices"]["email"] = "tbc"
    assert [p.rule for p in check(data).problems if p.path[-1:] == ("email",)] == ["TBC"]
