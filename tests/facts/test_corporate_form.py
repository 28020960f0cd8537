"""What a London council's corporate form is has one home (docgen/facts/parties.py), read by
the job specification (which names a council as people know it, without the form) and by
GP057 (which asks for the form where it is missing), so the two never disagree about a name.

The styles: "The Mayor and Burgesses of the London (or Royal) Borough of X"; "The Lord Mayor
and Citizens of the City of Westminster"; "The Mayor and Commonalty and Citizens of the City of
London".
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from yaml_text import load_yaml

import docgen
from docgen.facts.parties import common_name, in_corporate_form
from docgen.rulebook.parties import london_corporate_name

HR = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"
LONDON = "Guildhall, London EC2V 7HH"


@pytest.mark.parametrize(("name", "known_as"), [
    ("The Mayor and Burgesses of the London Borough of Eastwick", "London Borough of Eastwick"),
    ("The Mayor and Burgesses of the Royal Borough of Westmere", "Royal Borough of Westmere"),
    ("The Lord Mayor and Citizens of the City of Westminster", "City of Westminster"),
    ("The Mayor and Commonalty and Citizens of the City of London", "City of London"),
    ("the mayor and burgesses of the London Borough of Eastwick", "London Borough of Eastwick"),
])
def test_a_corporate_form_is_one_for_the_job_spec_and_for_gp057(name: str,
                                                                 known_as: str) -> None:
    assert in_corporate_form(name)
    assert common_name(name) == known_as
    assert london_corporate_name(name, LONDON) == ""


@pytest.mark.parametrize(("name", "proper"), [
    # "Mayor and Citizens" is no council's style: Westminster's is the Lord Mayor's
    ("The Mayor and Citizens of the City of Westminster",
     "The Lord Mayor and Citizens of the City of Westminster"),
    ("London Borough of Eastwick", "The Mayor and Burgesses of the London Borough of Eastwick"),
    ("City of London Corporation",
     "The Mayor and Commonalty and Citizens of the City of London"),
])
def test_a_name_gp057_corrects_is_printed_as_given_in_the_job_spec(name: str,
                                                                    proper: str) -> None:
    assert not in_corporate_form(name)
    assert common_name(name) == name
    assert london_corporate_name(name, LONDON) == proper


@pytest.mark.parametrize("name", ["Mayor and Burgesses Trust",
                                  "The Mayor's Office for Policing and Crime",
                                  "Northbridge City Council"])
def test_other_names_are_left_alone_by_both(name: str) -> None:
    assert common_name(name) == name
    assert london_corporate_name(name, LONDON) == ""


def _job_spec(data: dict[str, Any]) -> str:
    document = docx.Document(io.BytesIO(docgen.render(data).documents["job_spec"]))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_job_spec_and_gp057_agree_on_a_misremembered_westminster_style() -> None:
    """Before the one home, the job specification took "The Mayor and Citizens of" for a
    corporate form and printed "City of Westminster", while GP057 said the name was not the
    corporate name: now the job specification prints the name as given until it is corrected,
    and GP057 gives the Lord Mayor's style."""
    data: dict[str, Any] = copy.deepcopy(load_yaml(HR.read_text("utf-8")))
    data["parties"][0]["name"] = "The Mayor and Citizens of the City of Westminster"
    assert "This is a joint post shared between The Mayor and Citizens of the City of " \
        "Westminster and Royal Borough of Westmere." in _job_spec(data)
    [message] = [p.message for p in docgen.check(data).problems if p.rule == "GP057"]
    assert message.endswith("Write the legal name as 'The Lord Mayor and Citizens of the City "
                            "of Westminster'")
