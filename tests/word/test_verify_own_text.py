"""Verification reads docgen's own wording, not the user's (found by an audit: valid posts
refused). An objective "40% fewer agency staff" printed after its party in a table, or a
flexibility note "Eastwick 40%, Westmere 60%", was taken for a share; "at intervals of 3
months" in an objective for the review interval. The answer file's own text is blanked out
(a paragraph or table cell that is exactly the user's text) before the share and statement
checks. And the job specification's partner row must name every partner other than the
employer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

import docgen
from docgen.answers.yamlfile import load_answer_data
from docgen.pipeline import check_located
from docgen.word.verify import verify_documents

from .test_verify_places import retext

EXAMPLES = Path(docgen.__file__).parent / "data" / "examples"
HR = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
THREE = load_yaml((EXAMPLES / "shared-legal-services-three-councils.yaml").read_text("utf-8"))


def _objective(text: str) -> Any:
    return lambda d: d["governance"]["objectives"]["shared"].append(text)


CASES = {
    "a party's objective starting with a figure": lambda d: d["governance"]["objectives"][
        "eastwick"].append("40% fewer agency staff by March 2029"),
    "a flexibility note naming a future split": lambda d: d["time_split"].__setitem__(
        "flexibility", "From April 2028 the split becomes Eastwick 40%, Westmere 60%, "
        "reviewed by the steering group."),
    "a duty not expected, naming a party and days": lambda d: d["post"][
        "not_expected"].append("to be on site at Westmere 3 days a week"),
    "an objective reporting at intervals": _objective(
        "Report progress to the steering group at intervals of 3 months"),
    "an objective giving hours over days": _objective(
        "Cover the out-of-hours rota, about 4 hours a week over 2 days"),
    "an objective on how often the group meets": _objective(
        "Make sure the Steering Group meets monthly in the first year"),
    "an objective naming a trial period": _objective("Evaluate the Trial Period of 6 months"),
    "an objective on notice": _objective(
        "Agree how a partner may leave the Arrangement by giving 3 months' notice"),
    # the end of docgen's own list line "- for Westmere: <site>" (found in review)
    "a place of work starting with days": lambda d: d["post"]["locations"][1].__setitem__(
        "site", "1 day a week at the Civic Centre, Westmere; otherwise from home"),
    "a place of work starting with a percentage": lambda d: d["post"]["locations"][
        1].__setitem__("site", "50% Town Hall, 50% home working"),
}


@pytest.mark.parametrize("change", list(CASES), ids=list(CASES))
def test_the_users_own_sentence_is_not_read_as_a_figure_docgen_states(change: str) -> None:
    data = copy.deepcopy(HR)
    CASES[change](data)
    assert docgen.check(data).ok
    docs = docgen.render(data).documents  # verification on: raised before the fix
    assert len(docs) == 3


def _rendered(data: dict[str, Any]) -> tuple[Any, dict[str, bytes]]:
    return check_located(load_answer_data(data)).facts, docgen.render(data).documents


def test_docgens_own_share_is_still_checked_beside_the_users_text() -> None:
    """Blanking the user's text out leaves docgen's: a swapped share is still caught."""
    data = copy.deepcopy(HR)
    CASES["a flexibility note naming a future split"](data)
    facts, docs = _rendered(data)
    tampered = retext(docs["agreement"], {"Eastwick: 60%;": "Eastwick: 40%;"})
    problems = verify_documents(facts, {"agreement": tampered})
    assert any("40% stated as the share of Eastwick, whose share is 60%" in p
               for p in problems), problems


def test_an_optional_value_a_post_does_not_print_is_not_looked_for() -> None:
    """The post returned to is printed only when there is a post-holder to return; a new
    appointee's answer file may still give it (the first version of the blanking-out
    required every optional value to appear, and the suite caught it)."""
    data = copy.deepcopy(HR)
    data.pop("postholder", None)
    data["exit"]["reversion_post"] = "Head of Human Resources"
    assert docgen.check(data).ok
    assert len(docgen.render(data).documents) == 3


def test_a_value_inside_a_dispute_step_is_not_blanked_out() -> None:
    """A step's level is the user's text inside docgen's sentence ("step 1: <level>,
    within 10 Working Days"), checked as it stands: blanking out another value held in it
    broke that check."""
    data = copy.deepcopy(HR)
    data["governance"]["disputes"][0]["level"] = "Heads of Service of 2 councils"
    data["governance"]["objectives"]["shared"].append("2 councils")
    assert docgen.check(data).ok
    assert len(docgen.render(data).documents) == 3


def test_the_job_specs_partner_row_names_every_partner() -> None:
    facts, docs = _rendered(copy.deepcopy(THREE))
    row = "Brookfield Borough Council and Coldharbour District Council"
    assert verify_documents(facts, {"job_spec": docs["job_spec"]}) == []
    for tampered_row in ("Brookfield Borough Council",
                         "Brookfield Borough Council and Brookfield Borough Council"):
        problems = verify_documents(facts, {"job_spec": retext(docs["job_spec"],
                                                               {row: tampered_row})})
        assert any("the Partner organisations row names" in p and "Coldharbour" in p
                   for p in problems), problems
