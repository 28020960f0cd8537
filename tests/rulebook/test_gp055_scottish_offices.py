"""GP055 knows Scotland's own council offices: the proper officer for a council's financial
affairs (s.95 of the Local Government (Scotland) Act 1973, the "Section 95 Officer") and the
chief social work officer (s.3 of the Social Work (Scotland) Act 1968, as substituted by s.45
of the Local Government etc. (Scotland) Act 1994). Given to a health board, either is warned
about (before, neither was); given to a council, or in a post outside Scotland, GP055 says
nothing of them (GP054 and GP056 keep to their own cases)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen import check

from .test_rules import example


def _scottish(role: str, party: str = "icb", jurisdiction: str = "scotland") -> dict[str, Any]:
    data = copy.deepcopy(example("dph"))  # a city council and an ICB (an NHS body)
    data["jurisdiction"] = jurisdiction
    data["legal_basis"] = "secondment"
    data["post"]["statutory_roles"] = [{"party": party, "role": role}]
    return data


def _gp055(data: dict[str, Any]) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP055"]


@pytest.mark.parametrize(("role", "statute"), [
    ("Section 95 Officer", "section 95 of the Local Government (Scotland) Act 1973"),
    ("Proper Officer for Financial Affairs", "section 95 of the Local Government (Scotland) "
     "Act 1973"),
    ("Chief Social Work Officer", "section 3 of the Social Work (Scotland) Act 1968, as "
     "substituted by section 45 of the Local Government etc. (Scotland) Act 1994")])
def test_a_scottish_council_office_given_to_a_health_body_is_warned_about(
        role: str, statute: str) -> None:
    [message] = _gp055(_scottish(role))
    assert message.startswith(f"'{role}' is listed for the ICB (")
    assert f"is an office of a local authority ({statute})" in message
    assert "with none of that office's statutory wording" in message


def test_quiet_for_a_council_or_outside_scotland() -> None:
    assert not _gp055(_scottish("Chief Social Work Officer", party="council"))
    assert not _gp055(_scottish("Section 95 Officer", jurisdiction="england"))
    assert not _gp055(_scottish("Deputy Chief Social Work Officer"))
