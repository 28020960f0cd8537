"""GP056 finds a council's role naming section 151 of the Local Government Act 1972 ("Chief
Finance Officer (section 151)") in a post under Scots or Northern Ireland's law (a lawyer's
review, 7 December 2026: it was printed in all three documents with no warning). s.151
applies in England and Wales only: a Scottish council's officer for its financial affairs is
its proper officer under s.95 of the Local Government (Scotland) Act 1973, a Northern Irish
council's its chief financial officer (s.1 of the Local Government Finance Act (Northern
Ireland) 2011). ``facts/role_titles.role_kinds`` names both the chief finance officer, as it names a
Scottish "Chief Finance Officer" or a Northern Irish "Chief Financial Officer", which are those
countries' offices and are not found: only the section's number says the role is England and
Wales' office."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, SCOT, answers

from docgen import check


def _gp056(name: str, role: str, party: str = "council") -> list[Any]:
    data = answers(name)
    data["post"]["statutory_roles"] = [{"party": party, "role": role}]
    return [p for p in check(data).problems if p.rule == "GP056"]


@pytest.mark.parametrize("role", ["Chief Finance Officer (section 151)", "Section 151 Officer",
                                  "Director of Finance (s.151 Officer)"])
def test_scotland(role: str) -> None:
    [p] = _gp056(SCOT, role)
    assert p.code == "office_in_scotland"
    assert p.path == ("post", "statutory_roles", 0, "role")
    assert p.message.startswith(f"'{role}' of ")
    assert "names section 151 of the Local Government Act 1972, which applies in England and " \
        "Wales only" in p.message
    assert "section 95 of the Local Government (Scotland) Act 1973" in p.message
    assert "Write the role as 'Section 95 Officer'" in p.message


def test_northern_ireland() -> None:
    [p] = _gp056(NI, "Chief Finance Officer (section 151)")
    assert p.code == "office_in_northern_ireland"
    assert "names section 151 of the Local Government Act 1972" in p.message
    assert "section 1 of the Local Government Finance Act (Northern Ireland) 2011" in p.message
    # only the council's own officer may hold it (GP054 for a host): said before the name
    assert "an officer of that council (section 1(2)). Write the role as 'Chief Financial " \
        "Officer' for the council that employs the post-holder" in p.message


@pytest.mark.parametrize(("name", "role", "party"), [
    (SCOT, "Chief Finance Officer", "council"), (SCOT, "Chief Financial Officer", "council"),
    (SCOT, "Chief Finance Officer (Section 95 Officer)", "council"),
    (NI, "Chief Financial Officer", "council"), (NI, "Chief Finance Officer", "council"),
    (SCOT, "Deputy Section 151 Officer", "council"),
    # a health board's: GP055's to find (a council's office given to another body)
    (SCOT, "Chief Finance Officer (section 151)", "board")])
def test_quiet_for_the_countrys_own_office_a_deputy_and_a_health_body(
        name: str, role: str, party: str) -> None:
    assert _gp056(name, role, party) == []
