"""Each statute is cited only for the bodies it reaches (legal audit, findings 2, 3, 4, 12).

- s.117 of the Local Government Act 1972 and s.68 of the Local Government (Scotland) Act
  1973 bind an officer employed by a local authority, for that authority's contracts. A
  host council is reached only where the post-holder is treated as its officer: s.113(2)
  LGA 1972 does so for a placement by a council under s.113(1); a secondment does not, and
  s.35 of the Local Government (Scotland) Act 1966 has no deeming provision. For any other
  council the duty is a term of the contract.
- s.35(1) of the 1966 Act lets a local authority place the services of persons it employs:
  a health board's employee cannot be placed under it, so the arrangement is a secondment
  throughout.
- s.113(1A) LGA 1972 covers placements between a local authority and an NHS body in either
  direction, not from one NHS body to another: an NHS foundation trust hosting an ICB's
  employee takes the services by secondment.
- The Public Bodies (Joint Working) (Scotland) Act 2014 is raised for two councils only when
  an integration joint board is named.

Each test builds the documents in memory and reads the .docx back.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from legal_answers import NHS, SCOT, answers, clause, icb_council_and_trust, text
from yaml_text import load_yaml

from docgen import load
from docgen.facts.derive import derive

HR = Path(__file__).resolve().parents[1] / "data" / "contract-examples" / "shared-head-of-hr.yaml"
S117 = "section 117 of the Local Government Act 1972"
S68 = "section 68 of the Local Government (Scotland) Act 1973"


def _hr(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(HR.read_text("utf-8"))
    data.update(changes)
    return data


def _background(data: dict[str, Any]) -> str:
    return clause(text(data), "Background", "Interpretation")




def _board_employs(**changes: Any) -> dict[str, Any]:
    """Scotland, s.35 named: the health board employs and the council hosts."""
    data = copy.deepcopy(answers(SCOT, legal_basis="lgs_1966_s35", employer="board",
                                 exit__postholder_reverts_to="board", **changes))
    data.pop("legal_basis_text", None)
    return data


def test_a_seconded_council_host_is_owed_the_s117_duty_by_contract() -> None:
    data = _hr(legal_basis="secondment")
    agreement, contract = text(data), text(data, "contract")
    assert f"duty under {S117} to give written notice of any pecuniary interest in a " \
        "contract with a Party that is a local authority" not in agreement
    assert f"This clause is in addition to the Post-holder's duty under {S117} to give " \
        "Eastwick written notice of any pecuniary interest in a contract with it." in agreement
    assert "The Employer shall also require the Post-holder, as a term of the Contract, to " \
        "give Westmere written notice of any pecuniary interest in a contract with it, as " \
        f"{S117} requires of an officer of a local authority." in agreement
    assert "a secondment does not make the Post-holder an officer of Westmere (section " \
        "113(2) of the Local Government Act 1972 treats a person as an officer of the " \
        "receiving authority only for a placement by a local authority under section " \
        "113(1)), so the duty to Westmere is imposed as a term of the Contract" in agreement
    assert "a Partner Organisation that is a local authority" not in contract
    assert f"This is in addition to your duty under {S117} to give Eastwick written notice " \
        "of any pecuniary interest in a contract with it. You must also give Westmere " \
        "written notice of any pecuniary interest in a contract with it, as that section " \
        "requires of its own officers. This is a term of your employment with the " \
        "Employer." in contract


def test_a_s113_placement_keeps_the_statutory_duty_for_every_council() -> None:
    """s.113(2) treats the post-holder as the host council's officer."""
    data = _hr()
    assert f"duty under {S117} to give written notice of any pecuniary interest in a " \
        "contract with a Party that is a local authority." in text(data)
    assert "as a term of the Contract, to give Westmere" not in text(data)
    assert f"your duty under {S117} to give written notice of any pecuniary interest in a " \
        "contract with a Partner Organisation that is a local authority." in text(
            data, "contract")
    facts = derive(load(data)).legal
    assert facts is not None
    assert [p.id for p in facts.officer_of] == ["eastwick", "westmere"]
    assert facts.not_officer_of == []


def test_s35_deems_nothing_so_s68_reaches_the_employer_council_only() -> None:
    data = _hr(jurisdiction="scotland", legal_basis="lgs_1966_s35")
    agreement, contract = text(data), text(data, "contract")
    assert "contract with a Party that is a local authority" not in agreement
    assert f"duty under {S68} to give Eastwick written notice" in agreement
    assert "to give Westmere written notice of any pecuniary interest in a contract with " \
        f"it, as {S68} requires of an officer of a local authority." in agreement
    assert "section 35 of the Local Government (Scotland) Act 1966 does not treat a person " \
        "whose services are placed under it as an officer of the authority that receives " \
        "them" in agreement
    assert "section 117" not in agreement and "section 113" not in agreement
    assert "a Partner Organisation that is a local authority" not in contract
    assert "You must also give Westmere written notice of any pecuniary interest in a " \
        "contract with it, as that section requires of its own officers." in contract


def test_an_nhs_employer_keeps_the_contractual_duty_for_every_council() -> None:
    agreement = text(answers(NHS))
    assert "as a term of the Contract, to give the Council written notice of any " \
        f"pecuniary interest in a contract with it, as {S117} requires" in agreement
    assert "which is not a local authority, so the statutory duty may not apply" in agreement
    assert "This clause is in addition to the Post-holder's duty" not in agreement


def test_a_health_board_employee_is_seconded_not_placed_under_s35() -> None:
    background = _background(_board_employs())
    assert "Section 35 of the Local Government (Scotland) Act 1966 allows a local authority " \
        "to place its staff at the disposal of another local authority, and does not extend " \
        "to the Health Board; the Employer therefore makes the Post-holder's services " \
        "available by way of secondment on the terms of this Agreement" in background
    assert "the Parties make this Agreement under that section" not in background
    assert "any other Party" not in background
    assert "The Health Board, which employs the Post-holder, is not a local authority, so " \
        "section 35 is not relied on: clause 2.2 makes the Post-holder's services available " \
        "to the Host Party by secondment throughout." in background
    assert "confirm whether section 35 can be relied on for any Party" not in background


def test_a_council_employer_names_the_hosts_s35_does_not_reach() -> None:
    data = _hr(jurisdiction="scotland", legal_basis="lgs_1966_s35")
    data["parties"].append({
        "id": "board", "name": "NHS Westmere", "short_name": "the Health Board",
        "kind": "nhs_body", "address": "Board Headquarters, Westmere",
        "signatory": {"name": "Dr Iain Fraser", "title": "Chief Executive"},
        "notices": {"title": "Board Secretary", "email": "board@example.scot.nhs.uk"}})
    data["time_split"]["shares"] = {"eastwick": 50, "westmere": 30, "board": 20}
    data["management"]["line_managers"]["board"] = "Chief Executive"
    data["governance"]["steering_group"]["members"].append(
        {"party": "board", "role": "Chief Executive"})
    background = _background(data)
    assert "so far as the Post-holder's services are placed at the disposal of Westmere, " \
        "the Parties make this Agreement under that section; so far as they are made " \
        "available to the Health Board, the Employer makes the Post-holder's services " \
        "available by way of secondment" in background
    assert "any other Party" not in background


def test_an_icb_places_with_the_council_under_s113_and_seconds_to_the_trust() -> None:
    data = icb_council_and_trust()
    background = _background(data)
    assert "at the disposal of the Host Parties" not in background
    assert "it does not extend to placing the services of officers employed by the ICB at " \
        "the disposal of the Foundation Trust. The Parties make this Agreement under that " \
        "section so far as the Post-holder's services are placed at the disposal of the " \
        "Council; so far as they are made available to the Foundation Trust, the Employer " \
        "makes the Post-holder's services available by way of secondment" in background
    facts = derive(load(data)).legal
    assert facts is not None
    assert [p.id for p in facts.basis_hosts] == ["council"]
    assert [p.id for p in facts.seconded_hosts] == ["trust"]
    # two parties that s.113 both reaches keep the single sentence
    assert "Under it the Employer places the services of the Post-holder at the disposal " \
        "of the Host Party for the purposes of its functions" in _background(answers(NHS))


def test_the_2014_act_is_raised_for_two_councils_only_with_a_joint_board() -> None:
    data = _hr(jurisdiction="scotland", legal_basis="lgs_1966_s35")
    background = _background(data)
    assert "remains in force in the form relied on, and that it covers every Party to the " \
        "Arrangement." in background
    assert "integration joint board" not in background
    assert "Joint Working" not in background
    named = _background(_hr(jurisdiction="scotland", legal_basis="lgs_1966_s35",
                            integration_joint_board="Westmere Integration Joint Board"))
    assert "as the Post serves Westmere Integration Joint Board, consider the Public Bodies " \
        "(Joint Working) (Scotland) Act 2014 and the relevant integration scheme." in named
