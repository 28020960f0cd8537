"""GP056 finds a council's "Director of Public Health" in a post under Northern Ireland's law,
as it does under Scots or Welsh law: section 73A of the National Health Service Act 2006
(England only) makes the office a council's, and in Northern Ireland public health is led by
the Public Health Agency, not by the councils. The finding carries the code
``office_in_northern_ireland``; the same role given to the HSC Trust is not found."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, answers

from docgen import check


def _gp056(party: str, role: str = "Director of Public Health") -> list[Any]:
    data = answers(NI)
    data["post"]["statutory_roles"] = [{"party": party, "role": role}]
    return [p for p in check(data).problems if p.rule == "GP056"]


def test_a_councils_director_of_public_health_in_northern_ireland_is_found() -> None:
    [p] = _gp056("council")
    assert p.code == "office_in_northern_ireland"
    assert p.path == ("post", "statutory_roles", 0, "role")
    assert p.message.startswith("'Director of Public Health' of ")
    assert "is not an office a council holds in Northern Ireland" in p.message
    assert "section 73A of the National Health Service Act 2006" in p.message
    assert "Public Health Agency" in p.message


@pytest.mark.parametrize(("party", "role"), [
    ("trust", "Director of Public Health"), ("council", "Deputy Director of Public Health")])
def test_quiet_for_a_health_body_and_a_deputy(party: str, role: str) -> None:
    assert _gp056(party, role) == []
