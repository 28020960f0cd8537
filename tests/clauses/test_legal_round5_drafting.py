"""Legal review, round 5, drafting defects a reviewer reproduced: a contract sentence opening
with a lower-case short name ("the County Council may end your designation ..."), "the
deputies" said of one deputy, two-party wording ("work for neither Party", "the other Party
acknowledges") in posts with three parties or two appointing councils, and the contract's
"Partner Organisations" called "the parties to the Agreement" when an integration joint board
is also a (limited) party to it. Each test builds the documents in memory and reads them back."""

from __future__ import annotations

from typing import Any

from legal_answers import answers, numbered, text

COUNTY = "county-council-nhs-trust-dph"


def _county_monitoring_officer(**role: Any) -> dict[str, Any]:
    """The county council and NHS trust post, the post-holder the council's monitoring officer
    (the reviewer's r38)."""
    return answers(COUNTY, post__statutory_roles=[
        {"party": "county", "role": "Monitoring Officer", **role}])


def _one(n: dict[str, str], start: str) -> str:
    found = [v for v in n.values() if v.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


# --- 3. a short name opening a contract sentence takes a capital --------------------------

def test_contract_ending_a_designation_opens_with_a_capital() -> None:
    t = text(_county_monitoring_officer(), "contract")
    assert ("The County Council may end your designation or appointment as its monitoring "
            "officer, other than because the Arrangement ends or you leave the Employer's "
            "employment, only by a resolution of its full council, after following the "
            "procedure the Agreement sets out.") in t
    assert "the County Council may end your designation" not in t


def test_agreement_sentences_opening_with_a_short_name_take_a_capital() -> None:
    """The same defect in the agreement: a Welsh chief executive appointed by a council called
    "the County Council", and a returning officer's council indemnifying the post-holder."""
    data = answers("wales-joint-chief-executive")
    data["parties"][0]["short_name"] = "the County Council"
    t = text(data)
    assert ("The County Council and Bro Hafren each appoint the Post-holder as their chief "
            "executive under section 54") in t
    assert "the County Council and Bro Hafren each appoint" not in t
    t = text(answers(COUNTY, post__statutory_roles=[
        {"party": "county", "role": "Returning Officer"}]))
    assert ("are paid and accounted for separately. The County Council shall indemnify the "
            "Post-holder") in t
    assert "separately. the County Council shall" not in t


# --- 4. one deputy is "the deputy" ---------------------------------------------------------

def test_one_expected_deputy_is_not_called_the_deputies() -> None:
    data = _county_monitoring_officer(deputy="Head of Legal Services, Haldon County Council")
    n = numbered(data)
    said = _one(n, "As monitoring officer of the County Council, the Post-holder shall nominate")
    assert said.endswith("as its deputy monitoring officer, to act when the Post-holder is "
                         "absent or ill, and the Parties expect the deputy to be:"), said
    t = text(data)
    assert "the deputies" not in t
    assert "for the County Council: Head of Legal Services, Haldon County Council." in t


def test_several_expected_deputies_are_still_the_deputies() -> None:
    n = numbered(answers("four-districts-monitoring-officer"))
    said = _one(n, "As monitoring officer of ")
    assert said.endswith("and the Parties expect the deputies to be:"), said
