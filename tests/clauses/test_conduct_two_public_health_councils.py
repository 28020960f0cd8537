"""Two councils that each appoint the post-holder their director of public health (a shared
director of public health, common in England): the contract's conduct clause says, for
each, that it must consult the Secretary of State before ending the appointment (s.73A of
the National Health Service Act 2006), each in a paragraph of its own. The line ended in an
``{% endif %}``, whose line break Jinja drops, so the second council's sentence ran on in
the first's paragraph ("…has been consulted.Before ending …")."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from yaml_text import load_yaml

import docgen

HR = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"


def test_each_councils_consultation_is_its_own_paragraph() -> None:
    data = copy.deepcopy(load_yaml(HR.read_text("utf-8")))
    data["jurisdiction"] = "england"
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": "Director of Public Health"},
                                       {"party": "westmere", "role": "Director of Public Health"}]
    result = docgen.render(data)
    contract = docx.Document(io.BytesIO(dict(result.files)[
        f"{data['reference']}-contract.docx"]))
    said = [p.text for p in contract.paragraphs if "must consult the Secretary of State" in p.text]
    assert len(said) == 2, said
    assert all(p.startswith("Before ending your appointment as its director of public health")
               and p.count("Before ending") == 1 for p in said), said
    assert {p.split(",", 1)[1].split(" must")[0].strip() for p in said} == {"Eastwick",
                                                                            "Westmere"}
