"""A lawyer's review (A3), read back from the .docx: in England a council appoints its director
of public health jointly with the Secretary of State (section 73A(1) of the National Health
Service Act 2006), yet the job specification said every statutory role was "designated or
appointed by the organisation concerned, not by the other organisation" with no qualification.
It now says so for an English director of public health, reading the same fact
(``legal.public_health_joint``) as the contract's statutory-roles clause; Wales, Scotland and
Northern Ireland, a deputy director and a post with other roles keep the sentence as it was."""

from __future__ import annotations

import pytest
from legal_answers import FOUR, answers, text

COUNTY, TRUST = "county-council-nhs-trust-dph", "nhs-trust-employs-dph"
LEAD = ("The post-holder also holds these statutory roles, each designated or appointed by the "
        "organisation concerned, not by the other organisation")
JOINT = (" (a director of public health is appointed by the council jointly with the Secretary "
         "of State: section 73A(1) of the National Health Service Act 2006):")
CONTRACT = ("not by any other Partner Organisation (in England, the appointment of a director "
            "of public health is made jointly with the Secretary of State).")


@pytest.mark.parametrize("name", [COUNTY, TRUST])
@pytest.mark.parametrize("jurisdiction", ["england", "england_and_wales"])
def test_english_director_of_public_health_is_appointed_jointly(name: str,
                                                                jurisdiction: str) -> None:
    data = answers(name, jurisdiction=jurisdiction)
    # an NHS trust's officer placed under s.113(1A)(b): the council's role is "to be given"
    # (test_contract_doubted_statutory_role)
    lead = LEAD if name == COUNTY else LEAD.replace("also holds these",
                                                    "also holds, or is to be given, these")
    assert lead + JOINT + "\nDirector of Public Health, " in text(data, "job_spec")
    assert CONTRACT in text(data, "contract")  # the contract says the same, as before


def test_wales_has_no_s73a_wording() -> None:
    data = answers(COUNTY, jurisdiction="wales")
    spec = text(data, "job_spec")
    assert LEAD + ":\n" in spec and "73A" not in spec
    assert "made jointly with the Secretary of State" not in text(data, "contract")


@pytest.mark.parametrize("role", ["Deputy Director of Public Health", "Consultant in Public "
                                  "Health"])
def test_a_role_that_is_not_the_office_keeps_the_sentence(role: str) -> None:
    data = answers(COUNTY, post__statutory_roles=[{"party": "county", "role": role}])
    spec = text(data, "job_spec")
    assert LEAD + ":\n" in spec and "73A" not in spec


def test_other_roles_keep_the_sentence() -> None:
    spec = text(answers(FOUR), "job_spec")
    assert "each designated or appointed by the organisation concerned, not by the other " \
        "organisations:\n" in spec
    assert "73A" not in spec
