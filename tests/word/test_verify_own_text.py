"""Verification reads docgen's own wording, not the user's (found by an audit: valid posts
refused). An objective "40% fewer agency staff" printed after its party in a table, or a
flexibility note "Eastwick 40%, Westmere 60%", was taken for a share; "at intervals of 3
months" in an objective for the review interval. The answer file's own text is blanked out
before the share and statement checks; it still has to appear, exactly, in the documents,
now optional free text too (``time_split.flexibility`` was never looked for). And the job
specification's partner row must name every partner other than the employer."""

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


def test_an_optional_free_text_value_must_appear_in_the_documents() -> None:
    data = copy.deepcopy(HR)
    note = "Either council may ask for a different split for a project, by agreement."
    data["time_split"]["flexibility"] = note
    facts, docs = _rendered(data)
    assert verify_documents(facts, docs) == []
    tampered = {kind: retext(doc, {note: "The split is fixed."}) for kind, doc in docs.items()}
    problems = verify_documents(facts, tampered)
    assert any(p.startswith("time_split.flexibility: the value") and "does not appear" in p
               for p in problems), problems


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
