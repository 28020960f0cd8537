"""A lawyer's review (round 3, point 5), read back from the built agreement: the Scottish
agreements for a council and a health board said in clause 2.2 that the Parties "make this
Agreement in reliance on the Public Bodies (Joint Working) (Scotland) Act 2014 and the
integration scheme", neither of which is a power to share staff. A drafting note now asks legal
review to name each party's power (possibly the Local Authorities (Goods and Services) Act
1970 or the National Health Service (Scotland) Act 1978), or to use a secondment."""

from __future__ import annotations

import pytest
from legal_answers import SCOT, answers, numbered, text

NOTE = ("Note for legal review: clause 2.2 relies on the Public Bodies (Joint Working) "
        "(Scotland) Act 2014 and the integration scheme for Glenmuir made under it. Neither the "
        "Public Bodies (Joint Working) (Scotland) Act 2014 nor an integration scheme made under "
        "it is a power to share staff")
POWERS = ("Name the power under which each Party makes the Post-holder's services available or "
          "receives them: for the Council, possibly the Local Authorities (Goods and Services) "
          "Act 1970; for the Health Board, possibly its powers under the National Health Service "
          "(Scotland) Act 1978; or make the Post-holder's services available by secondment, and "
          "amend clause 2.2 to match.")


@pytest.mark.parametrize("name", [SCOT, "scotland-ijb-beneficiary", "scotland-ijb-party"])
def test_the_integration_scheme_is_flagged_as_no_power_to_share_staff(name: str) -> None:
    data = answers(name)
    assert numbered(data)["2.2"].startswith("The Parties make this Agreement in reliance on the "
                                            "Public Bodies (Joint Working) (Scotland) Act 2014")
    t = text(data)
    assert NOTE in t
    assert POWERS in t


def test_another_power_named_gets_the_request_without_the_2014_act() -> None:
    t = text(answers(SCOT, legal_basis_text="section 1 of the Local Authorities (Goods and "
                                            "Services) Act 1970"))
    assert "Note for legal review: clause 2.2 relies on section 1 of the Local Authorities " \
        "(Goods and Services) Act 1970. Name the power under which each Party" in t
    assert "is a power to share staff" not in t


def test_no_note_under_section_35() -> None:
    assert "Goods and Services" not in text(answers(SCOT, legal_basis="lgs_1966_s35",
                                                    legal_basis_text=None))
