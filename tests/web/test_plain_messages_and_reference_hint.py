"""The browser's words for three messages from the model's checks: an end date before the
start names both dates as people write them; an email address in the wrong form says
"Enter an email address in the right form, like name@example.gov.uk" (it said "Is not an
email address; write it as …"); and the reference's hint names the characters its error
allows (the hint said "Letters, digits and dashes", the error "letters, digits, dots,
dashes and underscores")."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.messages import BY_CODE, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402
from docgen.web.wording import WORDS  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import visible_text  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"
CHARACTERS = "letters, numbers, dots, hyphens and underscores, starting with a letter or number"


def _said(data: dict[str, Any], path: tuple[str | int, ...]) -> str:
    [p] = [p for p in docgen.check(data).problems if p.path == path]
    return problem_text(p.message, p.path, party_names(data), p.severity, code=p.code,
                        rule=p.rule, fix=p.fix)


def _data() -> dict[str, Any]:
    return copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))


def test_an_end_date_before_the_start_is_said_with_dates_in_words() -> None:
    data = _data()
    data["post"]["start_date"] = dt.date(2027, 9, 1)
    data["post"]["end_date"] = dt.date(2020, 1, 1)
    said = _said(data, ("post", "end_date"))
    assert "1 January 2020" in said and "1 September 2027" in said, said
    assert "2020-01-01" not in said and "real date" not in said


def test_a_consultation_after_the_start_is_not_said_to_be_no_real_date() -> None:
    data = _data()
    data["post"]["start_date"] = dt.date(2027, 4, 1)
    data["postholder"]["consulted_on"] = dt.date(2027, 5, 3)
    said = _said(data, ("postholder", "consulted_on"))
    assert "3 May 2027" in said and "1 April 2027" in said, said
    assert "real date" not in said


def test_an_email_address_in_the_wrong_form() -> None:
    data = _data()
    data["parties"][0]["notices"]["email"] = "the legal team"
    said = _said(data, ("parties", 0, "notices", "email"))
    assert said.endswith("Enter an email address in the right form, like "
                         "name@example.gov.uk"), said
    assert "Is not an email" not in said and "found" not in said


def test_the_reference_hint_names_the_characters_its_error_allows() -> None:
    assert CHARACTERS in WORDS["reference"].hint.lower()
    assert CHARACTERS in BY_CODE["reference_form"].lower()


def test_the_start_page_shows_that_hint(tmp_path: Path) -> None:
    web = Interview(tmp_path)
    web.new()
    page = visible_text(web.client.get(f"{web.base}/begin").text)
    assert WORDS["reference"].hint in page
