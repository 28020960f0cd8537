"""GP055 under Northern Ireland's law: a council's office given to a body that is not a council
(an HSC Trust) was not flagged there, though GP055 flags the equivalents in Great Britain. A
council in Northern Ireland "shall designate an officer of the council as its chief financial
officer" (s.1(2) of the Local Government Finance Act (Northern Ireland) 2011), and a monitoring
officer there is a council's role under its own arrangements (s.5 of the Local Government and
Housing Act 1989 does not extend there). An HSC Trust's own chief executive is its own office,
so a "Chief Executive" listed for the Trust stays quiet, as it does for an NHS body in Great
Britain; and a "Section 151 Officer" listed for the Trust now cites Northern Ireland's statute,
not the Act of 1972 that does not extend there."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, answers

from docgen import check

S1_2 = "section 1(2) of the Local Government Finance Act (Northern Ireland) 2011"


def _gp055(role: str, party: str = "trust") -> list[str]:
    data: dict[str, Any] = answers(NI)  # the Council employs; the Trust is an HSC Trust
    data["post"]["statutory_roles"] = [{"party": party, "role": role}]
    return [p.message for p in check(data).problems if p.rule == "GP055"]


@pytest.mark.parametrize("role", ["Chief Financial Officer", "Section 151 Officer"])
def test_a_councils_chief_financial_officer_given_to_the_trust(role: str) -> None:
    [message] = _gp055(role)
    assert message == (
        f"'{role}' is listed for the Trust (health and social care body), but the chief "
        f"financial officer is an office of a local authority ({S1_2}), and the documents "
        "would list it among the post-holder's statutory roles for the Trust, with none of "
        "that office's statutory wording. Give the role to the council that designates or "
        "appoints the post-holder (party: the council's id), or describe the post-holder's "
        "part for the Trust in job.responsibilities")
    assert "Local Government Act 1972" not in message  # s.151 does not extend there


def test_a_monitoring_officer_given_to_the_trust() -> None:
    [message] = _gp055("Monitoring Officer")
    assert message.startswith(
        "'Monitoring Officer' is listed for the Trust (health and social care body), but the "
        "monitoring officer is an office of a local authority (in Northern Ireland a role a "
        "council gives under its own arrangements: section 5 of the Local Government and "
        "Housing Act 1989 does not extend there), and the documents would list it among the "
        "post-holder's statutory roles for the Trust, with none of that office's statutory "
        "wording.")


def test_two_offices_in_one_role() -> None:
    [message] = _gp055("Monitoring Officer and Section 151 Officer")
    assert ("the chief financial officer and the monitoring officer are offices of a local "
            f"authority (chief financial officer: {S1_2}; monitoring officer: in Northern "
            "Ireland a role a council gives") in message
    assert "Local Government Act 1972" not in message


@pytest.mark.parametrize(("role", "party"), [
    ("Chief Executive", "trust"),  # the Trust's own chief executive
    ("Director of Finance", "trust"),
    ("Deputy Chief Financial Officer", "trust"),
    ("Chief Financial Officer", "council"),
    ("Monitoring Officer", "council")])
def test_quiet_for_the_trusts_own_offices_and_the_councils(role: str, party: str) -> None:
    assert _gp055(role, party) == []
