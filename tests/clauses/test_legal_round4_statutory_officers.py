"""Legal audit, round 4: statutory officers in the structures the examples do not exercise.

- England: a head of paid service or chief finance officer is a "relevant officer" under the
  Local Authorities (Standing Orders) (England) Regulations 2001 as amended in 2015, as a
  monitoring officer is, so a host council may not end that designation at will; and a
  council's "Chief Executive" is a statutory role only as head of paid service (s.4 LGHA
  1989), which GP051 says.
- Northern Ireland: Part I of the Local Government and Housing Act 1989 (ss.2, 4, 5) does not
  extend there, so a monitoring officer's role cites no s.5 duty, and the rules that bar
  combining statutory offices (GE003, GE004) or call a post politically restricted by
  statute (GP012) do not fire.
- Scotland: s.5(1A) of the 1989 Act (a monitoring officer may not be the head of paid
  service) applies only to principal councils in England and Wales (s.5(1B)).
- Wording that follows the parties: the FOI clause and the contract's monitoring officer and
  grievance sentences with three or four parties.
"""

from __future__ import annotations

from legal_answers import (
    FOUR,
    NHS,
    NI,
    SCOT,
    WALES,
    answers,
    clause,
    numbered,
    rules_fired,
    statutory_roles,
    text,
)

from docgen import check


def _english_joint_chief_executive(*roles: tuple[str, str]) -> dict:
    data = answers(WALES, jurisdiction="england")
    data["post"]["statutory_roles"] = [{"party": p, "role": r} for p, r in roles]
    return data


# --- England: head of paid service and chief finance officer ------------------------------

def test_a_host_council_ends_a_head_of_paid_service_designation_only_by_full_council() -> None:
    data = _english_joint_chief_executive(
        ("dyffryn", "Chief Executive and Head of Paid Service"),
        ("hafren", "Chief Executive and Head of Paid Service"),
        ("hafren", "Chief Finance Officer"))
    roles = statutory_roles(data)
    assert "A Party may end it only as clause 18.7 provides." in roles
    assert "Nothing in this Agreement requires a Party to make or keep a designation" not in roles
    ending = numbered(data)["18.7"]
    assert ending.startswith(
        "A Party that has designated or appointed the Post-holder as its head of paid service "
        "or chief finance officer shall not end that designation or appointment, other than "
        "because the Arrangement ends or the Post-holder leaves the Employer's employment, "
        "except by a resolution of its full council, after it has taken into account the "
        "advice of a panel that includes at least two independent persons appointed under "
        "section 28(7) of the Localism Act 2011")
    assert ending.endswith(
        "prescribe for the dismissal of its own head of paid service or chief finance officer. "
        "It shall give the other Party written notice of the resolution.")
    assert "Dyffryn Teifi and Bro Hafren may end your designation or appointment as their " \
        "head of paid service or chief finance officer, other than because the Arrangement ends" \
        " or you leave the Employer's employment, only by a " \
        "resolution of the full " \
        "council of the Partner Organisation concerned" in text(data, "contract")
    assert "GP051" not in rules_fired(data)


def test_a_welsh_chief_finance_officer_designation_is_guarded_under_the_welsh_regulations(
        ) -> None:
    data = answers(WALES)
    data["post"]["statutory_roles"] = [{"party": "hafren", "role": "Chief Finance Officer"}]
    roles = statutory_roles(data)
    assert ("A Party that has designated or appointed the Post-holder as its chief finance "
            "officer shall not end that designation or appointment") in roles
    assert "following the procedure that the Local Authorities (Standing Orders) (Wales) " \
        "Regulations 2006, as amended, prescribe for the dismissal of its own statutory " \
        "officers" in roles


def test_an_english_chief_executive_named_alone_is_flagged_as_head_of_paid_service() -> None:
    data = _english_joint_chief_executive(("dyffryn", "Chief Executive"),
                                          ("hafren", "Chief Executive"))
    assert "GP051" in rules_fired(data)
    agreement = text(data)
    # the drafting note says the point in legal terms, without the answer-file key
    assert "'Chief Executive' of Bro Hafren names no statutory office: a council designates " \
        "its chief executive as head of paid service under section 4 of the Local Government " \
        "and Housing Act 1989" in agreement
    assert "post.statutory_roles" not in agreement
    # a Welsh council's chief executive is itself the statutory office (s.54 of the 2021 Act)
    assert "GP051" not in rules_fired(answers(WALES))


# --- Northern Ireland: no s.5 monitoring officer --------------------------------------------

def _ni_monitoring_officer() -> dict:
    data = answers(NI)
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Monitoring Officer"},
                                       {"party": "council", "role": "Head of Paid Service"}]
    return data


def test_northern_ireland_monitoring_officer_cites_no_1989_act_duty() -> None:
    data = _ni_monitoring_officer()
    roles = statutory_roles(data)
    operative = "\n".join(line for line in roles.split("\n")
                          if not line.startswith("Note for legal review"))
    assert "section 5(7)" not in operative and "section 5(1)(b)" not in operative
    assert "Local Government and Housing Act 1989" not in operative
    assert "shall not also designate the Post-holder as its chief finance officer" not in roles
    assert ("Each Party that has made the Post-holder its monitoring officer shall provide the "
            "Post-holder with the staff, accommodation and other resources that the Post-holder "
            "reasonably needs to perform that role for it") in roles
    assert ("Note for legal review: the office of monitoring officer, with its duties and "
            "protections (section 5 of the Local Government and Housing Act 1989), does not "
            "extend to Northern Ireland") in roles
    contract = text(data, "contract")
    assert "section 5(7)" not in contract
    assert "As monitoring officer of the Council, you will have the staff, accommodation and " \
        "other resources you reasonably need for the role from it" in contract


def test_northern_ireland_does_not_apply_the_1989_act_bars_or_restriction() -> None:
    data = _ni_monitoring_officer()
    data["post"]["statutory_roles"].append({"party": "council", "role": "Chief Finance Officer"})
    data["post"]["politically_restricted"] = False
    assert not rules_fired(data) & {"GE003", "GE004", "GP012"}
    # the same roles in England are barred
    data["jurisdiction"] = "england"
    assert {"GE003", "GE004", "GP012"} <= rules_fired(data)


# --- Scotland: no bar on a monitoring officer being head of paid service --------------------

def test_scotland_monitoring_officer_is_not_barred_from_head_of_paid_service() -> None:
    data = answers(SCOT)
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Monitoring Officer"}]
    roles = statutory_roles(data)
    assert ("A Party that designates the Post-holder as its monitoring officer shall not also "
            "designate the Post-holder as its chief finance officer (the officer responsible "
            "for the administration of its financial affairs under section 95 of the Local "
            "Government (Scotland) Act 1973).") in roles
    assert "principal council" not in roles
    assert "section 5(7) of the Local Government and Housing Act 1989" in roles


def test_scotland_monitoring_officer_cannot_be_the_section_95_officer() -> None:
    """s.5(1) of the 1989 Act bars the monitoring officer from being the chief finance
    officer, which s.5(8) defines for a Scottish council as its section 95 officer. Before,
    GE003 looked for "chief finance officer" only: a council's Monitoring Officer and
    Section 95 Officer in one post passed, and the agreement listed both."""
    for role in ("Section 95 Officer", "Proper Officer (section 95)",
                 "Proper Officer for Finance"):
        data = answers(SCOT)
        data["post"]["statutory_roles"] = [{"party": "council", "role": "Monitoring Officer"},
                                           {"party": "council", "role": role}]
        [found] = [p for p in check(data).problems if p.rule == "GE003"]
        assert found.path == ("post", "statutory_roles", 1), role
        assert found.message.startswith(
            "the post-holder would be both monitoring officer and chief finance officer (its "
            "section 95 officer) of "), found.message
        assert found.severity == "error"
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Monitoring Officer"},
                                       {"party": "board", "role": "Section 95 Officer"}]
    assert "GE003" not in rules_fired(data)  # another body's officer: no bar


# --- wording that follows the parties ------------------------------------------------------

def test_foi_decision_goes_to_each_party_consulted_when_there_are_more_than_two() -> None:
    assert "It shall tell each Party it consulted of its decision before any disclosure." in \
        text(answers(FOUR))
    assert "It shall tell the other Party of its decision before any disclosure." in \
        text(answers(WALES))


def test_four_party_contract_names_the_host_concerned_and_the_councils_that_designate() -> None:
    contract = text(answers(FOUR), "contract")
    assert "The Employer will involve that Host Organisation as needed." in contract
    assert ("As monitoring officer of Hartmoor, Fenwick, Stowbridge and Cradley Vale, you "
            "nominate, under section 5(7) of the Local Government and Housing Act 1989, a "
            "member of the staff each of them provides to you as that Partner Organisation's "
            "deputy") in contract
    assert "The Employer will involve the Host Organisation as needed." in \
        text(answers(WALES), "contract")


def test_a_partner_that_does_not_designate_is_not_asked_for_a_deputy() -> None:
    """An NHS trust among four parties holds no monitoring officer role: the contract does
    not say it provides a deputy monitoring officer."""
    data = answers(FOUR)
    data["parties"][3].update(name="Cradley Vale NHS Trust", short_name="the Trust",
                              kind="nhs_body")
    data["post"]["statutory_roles"] = data["post"]["statutory_roles"][:3]
    contract = text(data, "contract")
    assert "As monitoring officer of Hartmoor, Fenwick and Stowbridge, you nominate" in contract
    assert "staff each Partner Organisation provides" not in contract


# --- Northern Ireland: its own employment statute in the notes on exit ---------------------

def test_northern_ireland_redundancy_note_cites_the_northern_ireland_order_only() -> None:
    data = answers(NI, exit__redundancy_costs="cost_shares")
    data["postholder"]["continuous_service_from"] = "2010-04-01"
    exit_clause = clause(text(data), "Termination and exit", "Notices")
    assert "the last 20 complete years of continuous employment (Article 197(3) of the " \
        "Employment Rights (Northern Ireland) Order 1996)" in exit_clause
    assert "Employment Rights Act 1996" not in exit_clause  # it does not extend to NI
    # the operative clause names the guidance that applies in Northern Ireland; so does its note
    assert "Note for legal review: whether the Regulations or that guidance apply" in exit_clause
    assert "Statement of Practice" not in exit_clause
    england = answers(FOUR)
    england["postholder"] = {"name": "A N Other", "address": "1 High Street",
                             "consulted_on": "2027-10-01",
                             "continuous_service_from": "2010-04-01"}
    assert "(section 162(3) of the Employment Rights Act 1996)" in text(england)


# --- NHS conflicts guidance by country ---------------------------------------------------------

def test_nhs_conflicts_guidance_is_the_one_for_the_health_bodys_country() -> None:
    """NHS England's national guidance on conflicts of interest does not bind a Scottish
    health board or a Welsh Local Health Board; each follows its own country's."""
    scotland = clause(text(answers(SCOT)), "Conflicts of interest", "Political restriction")
    assert "its policy on managing conflicts of interest, which follows the guidance on " \
        "conflicts of interest and standards of business conduct that applies to NHS bodies " \
        "in Scotland." in scotland
    assert "national guidance on conflicts of interest in the NHS" not in scotland
    wales = answers(NHS, jurisdiction="wales")
    assert "which follows the guidance on conflicts of interest that applies to NHS bodies in " \
        "Wales." in text(wales)
    assert "which follows the national guidance on conflicts of interest in the NHS." in \
        text(answers(NHS))


# --- pension schemes by country and employer (GP052) --------------------------------------------

def test_a_scottish_council_naming_the_english_scheme_gets_a_note_on_the_contract() -> None:
    data = answers(SCOT)
    data["postholder"]["pension_scheme"] = "Local Government Pension Scheme"
    assert "GP052" in rules_fired(data)
    contract = text(data, "contract")
    assert "The pension scheme 'Local Government Pension Scheme' is not a scheme for Scotland, " \
        "which has its own (for the Council, the Local Government Pension Scheme " \
        "(Scotland))." in contract
    assert "postholder.pension_scheme" not in contract  # the note speaks law, not keys
    assert "GP052" not in rules_fired(answers(SCOT))
    # a Northern Ireland trust's staff are in the HSC scheme, not the NHS Pension Scheme
    trust = answers(NI, employer="trust", exit__postholder_reverts_to="trust")
    trust["postholder"]["pension_scheme"] = "NHS Pension Scheme"
    assert "GP052" in rules_fired(trust)
    trust["postholder"]["pension_scheme"] = "HSC Pension Scheme"
    assert "GP052" not in rules_fired(trust)


# --- Northern Ireland: no council returning officer (GP053) -------------------------------------

def test_a_northern_ireland_returning_officer_role_is_flagged_in_legal_terms() -> None:
    data = answers(NI)
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Returning Officer"}]
    assert "GP053" in rules_fired(data)
    agreement = text(data)
    assert "'Returning Officer' of the Council is not a council office in Northern Ireland, " \
        "where the Chief Electoral Officer for Northern Ireland registers electors and is the " \
        "returning officer at elections" in agreement
    assert "post.statutory_roles" not in agreement
    data["jurisdiction"] = "england"
    data["legal_basis"] = "lga_1972_s113"
    assert "GP053" not in rules_fired(data)


# --- a secondment does not make the post-holder the host council's officer (GP054) --------------

def test_a_secondment_with_host_statutory_roles_is_flagged_on_the_background() -> None:
    data = answers(FOUR, legal_basis="secondment")
    assert "GP054" in rules_fired(data)
    agreement = text(data)
    assert "Fenwick is to make the post-holder its Monitoring Officer, a statutory office a " \
        "council gives to one of its own officers, but under a secondment the post-holder " \
        "remains an officer of Hartmoor only; an agreement under section 113 of the Local " \
        "Government Act 1972 treats the post-holder as an officer of Fenwick (section " \
        "113(2)), which a secondment does not." in agreement
    assert "legal_basis" not in agreement
    assert "GP054" not in rules_fired(answers(FOUR))  # made under s.113
