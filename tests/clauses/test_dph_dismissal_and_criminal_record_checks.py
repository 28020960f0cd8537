"""A lawyer's review of the generated documents (two points), read back from the .docx.

1. s.73A of the National Health Service Act 2006 (England only): a council appoints its
   director of public health and must consult the Secretary of State before ending the
   appointment. When an NHS trust (or another council) employs the council's director, the
   agreement said the appointing Party consults, yet only the Employer may dismiss: nothing
   stopped the Employer dismissing first. The agreement now binds the Employer to wait until
   the council has told it in writing that it has consulted, and the contract tells the
   post-holder so. A council that employs its own director keeps the wording it had; Wales,
   Scotland and Northern Ireland get no s.73A wording.
2. Criminal record checks by jurisdiction: the Disclosure and Barring Service covers England
   and Wales; Scotland uses Disclosure Scotland (and membership of the PVG scheme, under the
   Protection of Vulnerable Groups (Scotland) Act 2007, for regulated work), Northern Ireland
   uses AccessNI. The job specification's special conditions and the agreement's
   honorary-contract sentence no longer say "disclosure and barring" there: Scotland's name
   the PVG scheme by its Act, Northern Ireland's name AccessNI.
"""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NI, SCOT, answers, clause, statutory_roles, text, with_party

COUNTY, TRUST = "county-council-nhs-trust-dph", "nhs-trust-employs-dph"
S73A = "section 73A of the National Health Service Act 2006"

TRUST_WAITS = ("The Employer shall not dismiss the Post-holder, or take any other step that "
               "would end the County Council's appointment of the Post-holder as its director "
               "of public health, until the County Council has told it in writing that it has "
               f"consulted the Secretary of State as {S73A} requires.")
CONTRACT_WAITS = ("Before ending your appointment as its director of public health, the County "
                  f"Council must consult the Secretary of State, as {S73A} requires. The "
                  "Employer will not dismiss you, or take any other step that would end that "
                  "appointment, until the County Council has confirmed to the Employer in "
                  "writing that the Secretary of State has been consulted.")
COUNCIL_EMPLOYS = ("Before ending your appointment as its director of public health, the County "
                   f"Council must consult the Secretary of State, as {S73A} requires, and the "
                   "Employer will do so before any dismissal that would end that appointment.")
PARTY_CONSULTS = ("The Party that appointed the Post-holder as its director of public health "
                  "shall consult the Secretary of State before ending that appointment, as that "
                  "section requires, including before any dismissal that would end it, and the "
                  "other Party acknowledges that the Post-holder carries professional and "
                  "managerial accountability to both Parties.")

#: where the Trust employs, the council is to appoint its officer placed under s.113(1A)(b)
#: only once satisfied the law allows it (legal.doubted_hosts): nothing assumes it has
TRUST_WAITS_TO_BE = TRUST_WAITS.replace("the County Council's appointment of the Post-holder",
                                        "any appointment by the County Council of the "
                                        "Post-holder")
PARTY_CONSULTS_TO_BE = PARTY_CONSULTS.replace("The Party that appointed", "The Party that appoints")


def _conduct(data: dict[str, Any]) -> str:
    return clause(text(data, "contract"), "Disciplinary, grievance and capability matters",
                  "Leave and sickness")


def _with_city(name: str) -> dict[str, Any]:
    """``name`` with a second council, the City Council, that also appoints the post-holder
    as its director of public health (one person for two councils)."""
    data = with_party(answers(name), {
        "id": "city", "name": "Haldon City Council", "short_name": "the City Council",
        "kind": "local_authority", "address": "Guildhall, High Street, Haldon HX1 1JJ",
        "signatory": {"name": "Rhys Baker", "title": "Chief Executive"},
        "notices": {"title": "City Solicitor", "email": "legal@haldoncity.example.gov.uk"}},
        {"county": 40, "trust": 30, "city": 30}, "Guildhall, Haldon")
    data["post"]["statutory_roles"].append({"party": "city", "role": "Director of Public Health"})
    return data


# --- 1. s.73A: the Employer waits for the appointing council ------------------------------

def test_trust_employed_dph_agreement_binds_the_employer_to_wait_for_the_council() -> None:
    roles = statutory_roles(answers(TRUST))
    assert PARTY_CONSULTS_TO_BE in roles
    assert TRUST_WAITS_TO_BE in roles
    # the new sub-clause follows the one saying the council consults
    assert roles.index(PARTY_CONSULTS_TO_BE) < roles.index(TRUST_WAITS_TO_BE)


def test_trust_employed_dph_contract_tells_the_post_holder_the_employer_waits() -> None:
    t = _conduct(answers(TRUST))
    assert CONTRACT_WAITS in t
    assert "the Employer will do so before any dismissal" not in t


def test_council_employed_dph_keeps_its_wording() -> None:
    data = answers(COUNTY)
    roles = statutory_roles(data)
    assert PARTY_CONSULTS in roles
    assert "The Employer shall not dismiss the Post-holder" not in roles
    t = _conduct(data)
    assert COUNCIL_EMPLOYS in t
    assert "The Employer will not dismiss you" not in t


def test_two_councils_name_each_one_the_employer_waits_for() -> None:
    # the Trust employs: it waits for both councils
    roles = statutory_roles(_with_city(TRUST))
    assert TRUST_WAITS_TO_BE in roles
    assert TRUST_WAITS_TO_BE.replace("County", "City") in roles
    conduct = _conduct(_with_city(TRUST))
    assert CONTRACT_WAITS in conduct
    assert ("The Employer will not dismiss you, or take any other step that would end that "
            "appointment, until the City Council has confirmed to the Employer in writing that "
            "the Secretary of State has been consulted.") in conduct
    # the County Council employs: it consults for itself and waits for the City Council
    roles = statutory_roles(_with_city(COUNTY))
    assert TRUST_WAITS.replace("County", "City") in roles
    assert "the County Council's appointment" not in roles
    conduct = _conduct(_with_city(COUNTY))
    assert COUNCIL_EMPLOYS in conduct
    assert "until the City Council has confirmed to the Employer in writing" in conduct
    assert "until the County Council has confirmed" not in conduct


@pytest.mark.parametrize("jurisdiction", ["wales", "scotland", "northern_ireland"])
def test_no_s73a_wording_outside_england(jurisdiction: str) -> None:
    base = {"wales": answers(TRUST, jurisdiction="wales"),
            "scotland": answers(SCOT, post__statutory_roles=[
                {"party": "council", "role": "Director of Public Health"}]),
            "northern_ireland": answers(NI, employer="trust", exit__postholder_reverts_to="trust",
                                        post__statutory_roles=[
                                            {"party": "council",
                                             "role": "Director of Public Health"}])}[jurisdiction]
    agreement, contract = text(base), text(base, "contract")
    for t in (agreement, contract):
        assert "The Employer shall not dismiss the Post-holder, or take any other step" not in t
        assert "The Employer will not dismiss you" not in t
        assert "must consult the Secretary of State" not in t
    assert "shall consult the Secretary of State" not in agreement


# --- 2. criminal record checks by jurisdiction ---------------------------------------------

SPEC = "The post-holder must satisfy the pre-employment checks of the Council and any "
PVG = "the Protection of Vulnerable Groups (Scotland) Act 2007"
HONORARY = ("may issue the Post-holder with an honorary contract or letter of authority covering "
            "access to its premises and systems, identity and professional registration checks "
            "and ")


def test_scotland_names_criminal_record_checks_and_the_pvg_scheme() -> None:
    data = answers(SCOT)
    spec, agreement = text(data, "job_spec"), text(data)
    assert (SPEC + "identity, registration or criminal record checks that a partner "
            "organisation requires for access to its premises, systems or information, "
            f"including membership of the scheme under {PVG} (the PVG scheme) where the work "
            "requires it.") in spec
    assert ("A Host Party that is an NHS body " + HONORARY + "any criminal record check it "
            f"requires, including membership of the scheme under {PVG} (the PVG scheme) where "
            "the work requires it. Any such document does not create employment") in agreement
    for t in (spec, agreement, text(data, "contract")):
        assert "barring" not in t.lower() and "AccessNI" not in t


def test_northern_ireland_names_accessni() -> None:
    data = answers(NI)
    spec, agreement = text(data, "job_spec"), text(data)
    assert (SPEC + "identity or registration checks, or criminal record checks through "
            "AccessNI, that a partner organisation requires for access to its premises, "
            "systems or information.") in spec
    assert ("A Host Party that is a health and social care body " + HONORARY + "any criminal "
            "record check through AccessNI that it requires. Any such document does not create "
            "employment") in agreement
    for t in (spec, agreement, text(data, "contract")):
        assert "barring" not in t.lower() and "Disclosure Scotland" not in t


@pytest.mark.parametrize("jurisdiction", ["england", "wales", "england_and_wales"])
def test_england_and_wales_keep_disclosure_and_barring(jurisdiction: str) -> None:
    data = answers(COUNTY, jurisdiction=jurisdiction)
    assert ("The post-holder must satisfy the pre-employment checks of the County Council and "
            "any identity, registration or disclosure and barring checks that a partner "
            "organisation requires for access to its premises, systems or information."
            ) in text(data, "job_spec")
    agreement = text(data)
    assert HONORARY + "any disclosure and barring check it requires. Any such document" \
        in agreement
    assert "Disclosure Scotland" not in agreement and "AccessNI" not in agreement
