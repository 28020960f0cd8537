"""A legal review (6 December 2026, point 3), read back from the built documents: in the
Scottish examples whose ``legal_basis_text`` relies on the Public Bodies (Joint Working)
(Scotland) Act 2014 and the integration scheme, the agreement's note to 2.2 says neither is a
power to share staff, yet the contract (2.1) said the Agreement was made "under" them and the
job specification (2.3) that it was "made under" them. Both now state no basis for the
Agreement (``legal.basis_no_staff_power``, the agreement's note reading the same fact)."""

from __future__ import annotations

import pytest
from legal_answers import SCOT, answers, numbered, text

SCOTTISH = (SCOT, "scotland-ijb-beneficiary", "scotland-ijb-party")
ACT = "Public Bodies (Joint Working) (Scotland) Act 2014"


@pytest.mark.parametrize("name", SCOTTISH)
def test_contract_and_job_spec_state_no_basis_the_agreement_disowns(name: str) -> None:
    data = answers(name)
    agreement = text(data)
    assert ("Neither the Public Bodies (Joint Working) (Scotland) Act 2014 nor an integration "
            "scheme made under it is a power to share staff") in agreement
    contract = numbered(data, "contract")["2.1"]
    assert contract == ("This Variation changes the Contract so that you can hold the Post "
                        "under the Arrangement. The Partner Organisations have made the "
                        "Agreement about the Arrangement.")
    spec = numbered(data, "job_spec")["2.3"]
    assert spec == ("The post-holder works for the partner organisation under an agreement "
                    "between the two organisations.")
    for kind in ("contract", "job_spec"):
        said = text(data, kind)
        assert f"under the {ACT} and the integration scheme" not in said
        assert "integration scheme for Glenmuir made under it" not in said


def test_a_recruit_s_contract_states_no_basis_either() -> None:
    data = answers(SCOT)
    data.pop("postholder", None)
    t = text(data, "contract")
    assert "This Contract sets out the terms on which the Employer employs you" in t
    assert "The Partner Organisations have made the Agreement about the Arrangement." in t
    assert "integration scheme for Glenmuir made under it" not in t


def test_another_power_named_is_still_stated_in_all_three() -> None:
    power = "section 1 of the Local Authorities (Goods and Services) Act 1970"
    data = answers(SCOT, legal_basis_text=power)
    assert (f"The Partner Organisations have made the Agreement about the Arrangement under "
            f"{power}.") in text(data, "contract")
    assert f"between the two organisations made under {power}." in text(data, "job_spec")
