"""GP056 finds Great Britain's council offices that a council in Northern Ireland does not
have, named for a council in a post under Northern Ireland's law (a lawyer's review, 7
December 2026: each was listed as a statutory role with no warning). Part I of the Local
Government and Housing Act 1989 (the head of paid service, s.4) does not extend there; social
services there are the Health and Social Care Trusts', so a council has no director of adult,
children's or social services and no chief social work officer; its officer for its financial
affairs is the chief financial officer of s.1 of the Local Government Finance Act (Northern
Ireland) 2011, not Scotland's s.95 officer; and the head of democratic services is Wales'
office. The council's own "Chief Financial Officer", and a monitoring officer (the agreement's
note for legal review covers it), are not found; nor, as for the director of public health,
the same roles given to the HSC Trust."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, answers

from docgen import check

#: the role named for the council → the words GP056 must say of it
CASES = {
    "Head of Paid Service": [
        "is not an office a council holds in Northern Ireland",
        "section 4 of the Local Government and Housing Act 1989",
        "Part I of that Act, which does not extend to Northern Ireland",
        "Describe the post-holder's work for the council in job.responsibilities"],
    "Director of Children's Services": [
        "names an office of English law (section 18 of the Children Act 2004",
        "a council in Northern Ireland has no social services functions",
        "Health and Social Care Trusts", "set jurisdiction: england"],
    "Director of Adult Social Services": [
        "section 6 of the Local Authority Social Services Act 1970",
        "a council in Northern Ireland has no social services functions",
        "Health and Personal Social Services (Northern Ireland) Order 1972"],
    "Director of Social Services": [
        "names an office of Welsh law (section 144 of the Social Services and Well-being "
        "(Wales) Act 2014", "Health and Social Care (Reform) Act (Northern Ireland) 2009",
        "set jurisdiction: wales"],
    "Chief Social Work Officer": [
        "section 3 of the Social Work (Scotland) Act 1968",
        "a council in Northern Ireland has no social services functions",
        "set jurisdiction: scotland"],
    "Section 95 Officer": [
        "section 95 of the Local Government (Scotland) Act 1973",
        "designates an officer as its chief financial officer",
        "section 1 of the Local Government Finance Act (Northern Ireland) 2011",
        "Write the role as 'Chief Financial Officer' for the council that employs the "
        "post-holder"],  # only its own officer may hold it: a host is not led into GP054
    "Head of Democratic Services": [
        "section 8 of the Local Government (Wales) Measure 2011",
        "a council in Northern Ireland has no such statutory office",
        "set jurisdiction: wales"],
}


def _gp056(role: str, party: str = "council") -> list[Any]:
    data = answers(NI)
    data["post"]["statutory_roles"] = [{"party": party, "role": role}]
    return [p for p in check(data).problems if p.rule == "GP056"]


@pytest.mark.parametrize("role", sorted(CASES))
def test_an_office_a_northern_irish_council_does_not_have(role: str) -> None:
    [p] = _gp056(role)
    assert p.path == ("post", "statutory_roles", 0, "role")
    assert p.severity == "warning"
    assert p.message.startswith(f"'{role}' of ")
    for words in CASES[role]:
        assert words in p.message, (words, p.message)
    # never the other country's fix for a Northern Irish council
    assert "Section 151" not in p.message
    assert "Write the role as 'Chief Social Work Officer'" not in p.message


@pytest.mark.parametrize("role", ["Chief Financial Officer", "Chief Executive",
                                  "Monitoring Officer", "Deputy Head of Paid Service"])
def test_quiet_for_the_councils_own_offices_and_a_deputy(role: str) -> None:
    assert _gp056(role) == []


@pytest.mark.parametrize("role", ["Director of Children's Services", "Section 95 Officer"])
def test_quiet_for_the_trust(role: str) -> None:
    """As for the director of public health, flagged for a council only."""
    assert _gp056(role, "trust") == []
