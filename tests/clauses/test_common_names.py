"""A London council contracts in its corporate name ("The Mayor and Burgesses of the London
Borough of Eastwick", rule GP057), and the agreement's parties and signature blocks say it
so; the joint job specification, read by candidates, names each organisation as people know
it ("London Borough of Eastwick"), never "shared between The Mayor and Burgesses of ...".
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from yaml_text import load_yaml

import docgen
from docgen.facts.parties import common_name

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_job_specification_names_the_councils_as_people_know_them() -> None:
    legal = [p["name"] for p in load_yaml(HR.read_text(encoding="utf-8"))["parties"]]
    assert legal == ["The Mayor and Burgesses of the London Borough of Eastwick",
                     "The Mayor and Burgesses of the Royal Borough of Westmere"]
    result = docgen.render(HR)
    job_spec = _text(result.documents["job_spec"])
    assert ("This is a joint post shared between London Borough of Eastwick and Royal Borough "
            "of Westmere.") in job_spec
    # where it says who employs (a legal review, 6 December 2026), the corporate name too
    assert ("Employing organisation: London Borough of Eastwick (local authority), whose "
            "corporate name is The Mayor and Burgesses of the London Borough of Eastwick. "
            "The post-holder is employed by Eastwick") in job_spec
    assert "London Borough of Eastwick: 60%;" in job_spec
    assert "Royal Borough of Westmere: 40%." in job_spec
    assert "managed by London Borough of Eastwick, consulting" in job_spec
    # only the signature blocks, where the council signs, and the two places saying who
    # employs the post-holder give the corporate name
    running = [line for line in job_spec.splitlines() if not line.startswith(
        ("For ", "Employing organisation: ", "London Borough of Eastwick (The Mayor"))]
    assert not [line for line in running if "Mayor and Burgesses" in line], running
    agreement = _text(result.documents["agreement"])
    assert "The Mayor and Burgesses of the London Borough of Eastwick of" in agreement


def test_common_name_takes_off_only_a_corporate_form() -> None:
    assert common_name("The Mayor and Burgesses of the London Borough of Eastwick") == \
        "London Borough of Eastwick"
    assert common_name("The Lord Mayor and Citizens of the City of Westminster") == \
        "City of Westminster"
    assert common_name("The Mayor and Commonalty and Citizens of the City of London") == \
        "City of London"
    for plain in ("Northbridge City Council", "NHS Northbridge and Vale Integrated Care Board",
                  "The Mayor's Office for Policing and Crime", "Mayor and Burgesses Trust"):
        assert common_name(plain) == plain
