"""A legal review (6 December 2026, point 5), read back from the built documents: the job
specification said that, once agreed, it "forms part of the agreement between them", but the
agreement defines itself as "this agreement, including its schedules" (the job specification
is no schedule) and says in its general terms "This Agreement, together with the Job
Specification, is the whole agreement". The job specification now says the agreement refers
to it. (It also said that, together, they are the whole agreement, as the agreement does; a
lawyer's read of 7 December 2026 found an entire-agreement statement out of place in a job
description, so it now says only that the agreement refers to it, everywhere, Scotland, where
the execution clause incorporates only the annexed Schedules, among them.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from legal_answers import SCOT, answers, numbered, text
from yaml_text import load_yaml

from docgen import check

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


def _example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def _version(data: dict) -> str:
    n = numbered(data, "job_spec")
    return next(v for v in n.values() if v.startswith("This version "))


@pytest.mark.parametrize("data", [answers(SCOT), answers("nhs-icb-employs-dass"),
                                  _example("shared-legal-services-three-councils")],
                         ids=["scotland", "icb", "three-councils"])
def test_the_job_spec_is_referred_to_not_part_of_the_agreement(data: dict) -> None:
    spec = text(data, "job_spec")
    assert "forms part of the agreement" not in spec
    said = _version(data)
    assert " it is referred to in the agreement between them about the arrangement." in said
    assert "whole agreement" not in spec
    agreement = text(data)
    assert "“Agreement” means this agreement, including its schedules;" in agreement
    assert "together with the Job Specification" in agreement


def test_the_data_sharing_agreement_is_named_where_the_agreement_names_it() -> None:
    data = answers("nhs-icb-employs-dass")
    data["confidentiality"]["data_sharing_agreement"] = "the Shawbury Data Sharing Agreement"
    assert ("together with the Job Specification and the Data Sharing Agreement, is the whole "
            "agreement between the Parties about the Arrangement.") in text(data)
    assert "whole agreement" not in _version(data)


def test_scotland_incorporates_only_the_schedules_so_the_job_spec_stays_referred_to() -> None:
    data = answers(SCOT)
    assert ("so that each is incorporated in this Agreement under section 8 of that Act"
            in text(data))
    assert "Once agreed, it is referred to in the agreement between them" in _version(data)


def test_an_agreed_job_spec_says_the_same() -> None:
    data = answers(SCOT, status="final")
    data["acknowledge"] = [{"rule": p.rule, "reason": "Agreed with the Parties' lawyers."}
                           for p in check(answers(SCOT)).warnings]
    assert _version(data) == (
        "This version has been agreed by both organisations together. The agreement between "
        "them about the arrangement refers to it.")
