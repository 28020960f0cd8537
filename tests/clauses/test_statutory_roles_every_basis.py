"""Every jurisdiction × legal basis × employer kind × statutory role (a host council's, the
employer's) renders all three documents: the agreement's chief executive paragraph refers to
the background's s.113 deeming paragraph only when that paragraph is printed (a Welsh host
council's chief executive under a secondment or a power named under "other" raised
DocgenError). Under a secondment GP054 warns that the appointment is doubtful."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import FOUR, answers, text

from docgen import check, render
from docgen.errors import AnswerFileError, DocgenError

JURISDICTIONS = ("england", "wales", "england_and_wales", "scotland", "northern_ireland")
BASES = ("lga_1972_s113", "lgs_1966_s35", "lgni_1972_s105", "secondment", "other")
ROLES = ("Chief Executive", "Chief Executive and Head of Democratic Services",
         "Monitoring Officer", "Section 151 Officer")


def _post(jurisdiction: str, basis: str, employer_kind: str, holder: int,
          role: str) -> dict[str, Any]:
    d = answers(FOUR, jurisdiction=jurisdiction, legal_basis=basis)
    if basis == "other":
        d["legal_basis_text"] = "section 1 of the Localism Act 2011"
    else:
        d.pop("legal_basis_text", None)
    d["parties"][0]["kind"] = employer_kind
    ids = [p["id"] for p in d["parties"]]
    assert d["employer"] == ids[0]
    d["post"]["statutory_roles"] = [{"party": ids[holder], "role": role}]
    if jurisdiction == "scotland":
        d["execution"] = "self_proving"
    return d


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("holder", (0, 1), ids=("employer", "host"))
@pytest.mark.parametrize("employer_kind", ("local_authority", "nhs_body"))
@pytest.mark.parametrize("basis", BASES)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_combination_renders(jurisdiction: str, basis: str, employer_kind: str,
                                   holder: int, role: str) -> None:
    d = _post(jurisdiction, basis, employer_kind, holder, role)
    try:
        render(d, verify=False)  # the clauses and the fill; verification has its own tests
    except AnswerFileError:  # refused (a rule error) before any clause is rendered
        return
    except DocgenError as e:  # pragma: no cover - the failure being tested for
        pytest.fail(f"{jurisdiction}/{basis}/{employer_kind}/{role}: {e}")


@pytest.mark.parametrize("basis", ("secondment", "other"))
def test_welsh_host_chief_executive_without_s113(basis: str) -> None:
    d = _post("wales", basis, "local_authority", 1, "Chief Executive")
    t = text(d)
    assert "whose services are made available to it under this Agreement" in t
    assert "placed at its disposal under clause" not in t
    fired = {p.rule for p in check(d).problems}
    assert ("GP054" in fired) == (basis == "secondment")


def test_welsh_host_chief_executive_under_s113_still_refers_to_deeming() -> None:
    t = text(_post("wales", "lga_1972_s113", "local_authority", 1, "Chief Executive"))
    assert "whose services are placed at its disposal under clause" in t
