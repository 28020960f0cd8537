"""The agreement's data protection clause names a contact for every Party: its own
data-protection contact where the answer file gives one, otherwise its data protection
officer, reached through its notices contact. It once listed only the parties with a
contact given, so a party without one had none in the agreement."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
from yaml_text import load_yaml

import docgen

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


def _contacts(data: dict[str, Any]) -> str:
    document = docx.Document(io.BytesIO(docgen.render(data).documents["agreement"]))
    [said] = [p.text for p in document.paragraphs
              if "contact for data protection matters" in p.text]
    return said


def test_every_party_has_a_contact_when_only_some_name_one() -> None:
    data = load_yaml((EXAMPLES / "shared-legal-services-three-councils.yaml").read_text(
        encoding="utf-8"))
    data = copy.deepcopy(data)
    data["parties"][0]["data_protection"] = {"title": "Data Protection Officer",
                                             "email": "dpo@ashbyvale.example.gov.uk"}
    data["parties"][1]["data_protection"] = {"title": "Information Governance Lead",
                                             "email": "ig@brookfield.example.gov.uk"}
    said = _contacts(data)
    assert said == (
        "Each Party's contact for data protection matters under the Arrangement, including "
        "personal data breaches, is: for Ashby Vale, the Data Protection Officer "
        "(dpo@ashbyvale.example.gov.uk); for Brookfield, the Information Governance Lead "
        "(ig@brookfield.example.gov.uk); for Coldharbour, its data protection officer, "
        "through its Chief Executive (chief.executive@coldharbour.example.gov.uk)."), said


def test_every_party_has_a_contact_when_none_names_one() -> None:
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    said = _contacts(data)
    for party in data["parties"]:
        assert f"for {party['short_name']}, its data protection officer, through its " \
            f"{party['notices']['title']} ({party['notices']['email']})" in said, said
