"""GP055 says what the documents do with a council's office listed for a body that is not a
council: for some offices they print the office's statutory wording for it (the clause files
test the offices a role names, not the party's kind); for others they list the role with none
(a director of public health: the s.73A wording is given only for a council; a director of
children's services: none is given; a director of social services under "England and
Wales": the s.144 wording is given only under jurisdiction: wales). Each case is built and
its agreement and contract read back (drafting notes and notes for legal review left out:
they carry the warning or advice, not the office's wording)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from docx_read import top_paragraphs

from docgen import check, render
from docgen.rulebook.offices import COUNCIL_OFFICES

from .test_rules import example

#: each office, as a role names it, and words only its statutory wording has
OFFICES = {
    "monitoring officer": ("Monitoring Officer", "section 5(7) of the Local Government and "
                           "Housing Act 1989"),
    "head of paid service": ("Head of Paid Service", "Disciplinary action against, or "
                             "dismissal of,"),
    "chief finance officer": ("Section 151 Officer", "Disciplinary action against, or "
                              "dismissal of,"),
    "director of public health": ("Director of Public Health", "section 73A"),
    "director of adult social services": ("Director of Adult Social Services",
                                          "As director of adult social services of"),
    "director of social services": ("Director of Social Services",
                                     "As director of social services of"),
    "director of children's services": ("Director of Children's Services",
                                        "Children Act 2004"),
    "returning officer": ("Returning Officer", "Representation of the People Act 1983"),
    "head of democratic services": ("Head of Democratic Services", "section 8 of the Local "
                                    "Government (Wales) Measure 2011"),
    "section 95 officer": ("Section 95 Officer", "section 95 of the Local Government"),
    "chief social work officer": ("Chief Social Work Officer", "Social Work (Scotland) Act"),
}
BASIS = {"scotland": "lgs_1966_s35", "northern_ireland": "lgni_1972_s105"}
#: a role naming section 151 is flagged in any jurisdiction
WHERE = {**{k: tuple(v) for k, v in COUNCIL_OFFICES.items()}, "chief finance officer": (
    "england", "wales", "england_and_wales", "scotland", "northern_ireland")}
CASES = [(office, j) for office in OFFICES for j in WHERE[office]]
PRINTS = "and the documents would print that office's statutory wording for it"
NONE = "with none of that office's statutory wording"


def _case(office: str, jurisdiction: str) -> dict[str, Any]:
    data = copy.deepcopy(example("dph"))  # a city council and an ICB
    data["jurisdiction"] = jurisdiction
    data["legal_basis"] = BASIS.get(jurisdiction, data["legal_basis"])
    data["post"]["statutory_roles"] = [{"party": "icb", "role": OFFICES[office][0]}]
    return data


def _text(data: dict[str, Any]) -> str:
    out = []
    for blob in render(data, documents=["agreement", "contract"]).documents.values():
        # python-docx's document.paragraphs, their style and text, read by docx_read
        out += [t for style_id, _, t in top_paragraphs(blob) if style_id != "DGNote"
                and not t.startswith("Note for legal review:")]
    return "\n".join(out)


def test_every_council_office_has_a_case() -> None:
    assert set(OFFICES) == set(COUNCIL_OFFICES) | {"chief finance officer"}


@pytest.mark.parametrize(("office", "jurisdiction"), CASES,
                         ids=[f"{o}-{j}" for o, j in CASES])
def test_the_warning_says_whether_the_documents_print_the_offices_wording(
        office: str, jurisdiction: str) -> None:
    data = _case(office, jurisdiction)
    [said] = [p.message for p in check(data).problems if p.rule == "GP055"]
    printed = OFFICES[office][1] in _text(data)
    assert (PRINTS in said, NONE in said) == (printed, not printed), (printed, said)
    if not printed:  # the role itself is still listed as the ICB's
        assert "among the post-holder's statutory roles for the ICB" in said
