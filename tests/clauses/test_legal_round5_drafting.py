"""Legal review, round 5, drafting defects a reviewer reproduced: a contract sentence opening
with a lower-case short name ("the County Council may end your designation ..."), "the
deputies" said of one deputy, two-party wording ("work for neither Party", "the other Party
acknowledges") in posts with three parties or two appointing councils, and the contract's
"Partner Organisations" called "the parties to the Agreement" when an integration joint board
is also a (limited) party to it. Each test builds the documents in memory and reads them back."""

from __future__ import annotations

from typing import Any

from legal_answers import SCOT, answers, numbered, text, with_party

COUNTY = "county-council-nhs-trust-dph"
IJB_PARTY = "scotland-ijb-party"


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


# --- 5(a). three parties: the IJB's work is for "none of the Parties", not "neither Party" --

def _three_party_ijb() -> dict[str, Any]:
    """The Scottish council and health board post with a second council (the reviewer's v35)."""
    data = with_party(answers(SCOT), {
        "id": "council2", "name": "Strathbrae Council", "short_name": "Strathbrae",
        "kind": "local_authority", "address": "Council Offices, Strathbrae KA4 4DD",
        "signatory": {"name": "Euan Baird", "title": "Chief Executive"},
        "notices": {"title": "Head of Legal Services", "email": "legal@strathbrae.example.gov.uk"}},
        {"council": 35, "council2": 30, "board": 35}, "Council Offices, Strathbrae", at=1)
    data["governance"]["objectives"]["council2"] = ["Meet Strathbrae's social work duties"]
    data["job"]["responsibilities"]["council2"] = ["Advise Strathbrae on social work services"]
    return data


def test_ijb_liabilities_note_with_three_parties_says_none_of_the_parties() -> None:
    t = text(_three_party_ijb())
    assert "is work for neither Party" not in t
    assert ("the chief officer's work for Glenmuir Integration Joint Board is work for none of "
            "the Parties, so clause ") in t


def test_ijb_liabilities_note_with_two_parties_is_unchanged() -> None:
    assert ("the chief officer's work for Glenmuir Integration Joint Board is work for neither "
            "Party, so clause ") in text(answers(SCOT))


# --- 5(b). two councils appointing one director of public health ---------------------------

def _two_councils_dph() -> dict[str, Any]:
    """The county council and NHS trust public health post with the trust replaced by a second
    council that also appoints the post-holder its director of public health (the reviewer's
    v36)."""
    data = answers(COUNTY)
    data["parties"][1].update(name="Westshire Council", short_name="Westshire",
                              kind="local_authority")
    data["post"]["statutory_roles"] = [
        {"party": "county", "role": "Director of Public Health"},
        {"party": "trust", "role": "Director of Public Health"}]
    return data


def test_two_appointing_councils_each_consult_and_there_is_no_other_party() -> None:
    t = text(_two_councils_dph())
    assert ("Each Party that appointed the Post-holder as its director of public health shall "
            "consult the Secretary of State before ending that appointment, as that section "
            "requires, including before any dismissal that would end it, and each Party "
            "acknowledges that the Post-holder carries professional and managerial "
            "accountability to both Parties.") in t
    assert "The Party that appointed the Post-holder as its director of public health" not in t
    assert "the other Party acknowledges" not in t


def test_one_appointing_council_keeps_the_other_party() -> None:
    t = text(answers(COUNTY))
    assert ("The Party that appointed the Post-holder as its director of public health shall "
            "consult the Secretary of State before ending that appointment, as that section "
            "requires, including before any dismissal that would end it, and the other Party "
            "acknowledges that the Post-holder carries professional and managerial "
            "accountability to both Parties.") in t


# --- 6. the IJB is a (limited) party to the Agreement, not a Partner Organisation ----------

def test_partner_organisations_are_the_parties_that_share_the_post_when_an_ijb_signs() -> None:
    """With the board a party to the Agreement for the clauses on its chief officer (agreement
    2.6: it takes no share of the Post-holder's time), the Council and the Health Board are not
    "the parties to the Agreement" but the parties that share the Post. The same words serve a
    post whose board does not sign, so the contract stays the same either way."""
    t = text(answers(IJB_PARTY), "contract")
    assert ("“Partner Organisations” means the Council and the Health Board, the parties to the "
            "Agreement that share the Post, including the Employer;") in t
    assert "the Council and the Health Board, the parties to the Agreement, including" not in t
    assert ("“Partner Organisations” means the Council and the Health Board, the parties to the "
            "Agreement that share the Post, including the Employer;") in text(answers(SCOT),
                                                                             "contract")


def test_partner_organisations_definition_without_an_ijb_is_unchanged() -> None:
    t = text(answers(COUNTY), "contract")
    assert ("“Partner Organisations” means the County Council and the Trust, the parties to the "
            "Agreement, including the Employer;") in t
