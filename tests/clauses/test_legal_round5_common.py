"""Legal audit, round 5: the contract of an NHS-employed post-holder holding a council's
statutory role (the ICB's Director of Adult Social Services, an NHS trust's Director of Public
Health), the pension scheme named by its administering body, and a lawyer's read of the two
common structures (two London boroughs sharing a Head of HR under s.113; a county council and
an NHS trust sharing a Director of Public Health). Each test builds the documents in memory
and reads them back as a reviewing lawyer would."""

from __future__ import annotations

from pathlib import Path

from legal_answers import NHS, NI, answers, clause, numbered, rules_fired, text
from yaml_text import load_yaml

from docgen import check

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
COUNTY, TRUST = "county-council-nhs-trust-dph", "nhs-trust-employs-dph"


def example(name: str) -> dict:
    return load_yaml((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def conduct(data: dict) -> str:
    return clause(text(data, "contract"), "Disciplinary, grievance and capability matters",
                  "Leave and sickness")


# --- 1. an NHS employer: the council's standing orders do not govern the employment -------

def test_icb_employed_dass_contract_keeps_the_employment_under_the_icbs_procedures() -> None:
    t = conduct(answers(NHS))
    assert "You are employed by the Employer, not by the Council." in t
    assert ("The standing orders and procedures of the Council for the discipline and "
            "dismissal of council employees do not apply to your employment") in t
    # a DASS is not an officer the Standing Orders Regulations protect: they are not named
    assert "Standing Orders" not in t and "monitoring officer" not in t
    assert "the Employer's procedures apply subject to it" not in t


def test_icb_contract_cross_references_point_at_statutory_roles_and_ending() -> None:
    n = numbered(answers(NHS), "contract")
    said = next(v for v in n.values()
                if v.startswith("A designation or appointment made by the Council may be "
                                "ended only by the council that made it"))
    roles = next(k for k, v in n.items() if v.startswith("You are to be designated or appointed"))
    ending = next(k for k, v in n.items() if v.startswith("The Arrangement starts with the "
                                                          "Trial Period"))
    assert f"as clause {roles.split('.')[0]} says" in said
    assert f"dealt with under clause {ending.split('.')[0]}." in said


def test_nhs_trust_employed_dph_contract_names_the_councils_s73a_step_not_its_orders() -> None:
    t = conduct(answers(TRUST))
    assert "You are employed by the Employer, not by the County Council." in t
    assert "Standing Orders" not in t
    assert ("Before ending your appointment as its director of public health, the County "
            "Council must consult the Secretary of State, as section 73A of the National "
            "Health Service Act 2006 requires.") in t
    # the trust does not dismiss on the council's behalf
    assert "the Employer will do so before any dismissal" not in t


def test_nhs_employed_council_monitoring_officer_names_the_regulations_as_not_governing() -> None:
    data = answers(NHS, post__statutory_roles=[{"party": "council",
                                                "role": "Monitoring Officer"}])
    t = conduct(data)
    assert ("The standing orders and procedures of the Council for the discipline and "
            "dismissal of council employees, including those made under the Local Authorities "
            "(Standing Orders) (England) Regulations 2001, do not apply to your employment") in t


def test_council_employed_dph_contract_drops_the_standing_orders_list_and_adds_s73a() -> None:
    for data in (answers(COUNTY), example("joint-director-public-health")):
        t = conduct(data)
        assert ("Where a statutory procedure applies to discipline or dismissal because of one "
                "of your statutory roles, the Employer's procedures apply subject to it.") in t
        assert "monitoring officer" not in t and "Standing Orders" not in t
        assert "must consult the Secretary of State, as section 73A of the National Health " \
            "Service Act 2006 requires, and the Employer will do so before any dismissal " \
            "that would end that appointment." in t


def test_council_employed_monitoring_officer_still_names_the_regulations() -> None:
    data = answers(COUNTY, post__statutory_roles=[{"party": "county",
                                                   "role": "Monitoring Officer"}])
    t = conduct(data)
    assert "(for a monitoring officer, chief finance officer or head of paid service, the " \
        "Local Authorities (Standing Orders) (England) Regulations 2001, as amended in " \
        "2015), the Employer's procedures apply subject to it." in t
    assert "section 73A" not in t


# --- 2. Northern Ireland: the scheme, not NILGOSC, the committee that administers it -------

def test_ni_contract_and_job_spec_name_the_lgps_ni_not_a_member_of_the_nilgosc() -> None:
    data = answers(NI)
    contract, spec = text(data, "contract"), text(data, "job_spec")
    assert "You remain a member of the Local Government Pension Scheme (Northern Ireland) " \
        "through the Employer" in contract
    assert "remains a member of the Local Government Pension Scheme (Northern Ireland)" in spec
    assert "NILGOSC" not in contract and "NILGOSC" not in spec
    assert "GP052" not in rules_fired(data)


def test_gp052_warns_when_the_scheme_is_named_by_the_body_that_administers_it() -> None:
    for named, proper in (("NILGOSC", "Local Government Pension Scheme (Northern Ireland)"),
                          ("the NILGOSC", "Local Government Pension Scheme (Northern Ireland)"),
                          ("HSC Pension Service", "HSC Pension Scheme")):
        data = answers(NI, postholder__pension_scheme=named)
        if named == "HSC Pension Service":
            data["employer"] = "trust"
            data["exit"]["postholder_reverts_to"] = "trust"
        [p] = [p for p in check(data).problems if p.rule == "GP052"]
        assert f"'a member of the {named}'" in p.message
        assert f"for example '{proper}'" in p.message
        assert "postholder.pension_scheme" in p.message
    # the scheme's own name, with or without its administrator, is not flagged
    for fine in ("Local Government Pension Scheme (Northern Ireland)",
                 "Local Government Pension Scheme (Northern Ireland) administered by NILGOSC"):
        assert "GP052" not in rules_fired(answers(NI, postholder__pension_scheme=fine))
    data = answers(NHS, postholder__pension_scheme="NHS Pensions")
    [p] = [p for p in check(data).problems if p.rule == "GP052"]
    assert "NHS Business Services Authority" in p.message


# --- 3. the Director of Public Health: statute and guidance told apart ----------------------

def test_dph_agreement_cites_s73a_and_marks_the_appointments_committee_as_guidance() -> None:
    for data in (answers(COUNTY), answers(TRUST), example("joint-director-public-health")):
        t = clause(text(data), "Statutory roles", "Political restriction")
        assert ("jointly with the Secretary of State under section 73A of the National Health "
                "Service Act 2006, and, under the national guidance on those appointments, "
                "following an advisory appointments committee") in t
        assert ("shall consult the Secretary of State before ending that appointment, as that "
                "section requires, including before any dismissal that would end it") in t
        assert "accountability to both Parties." in t and "accountability in" not in t


def test_nhs_employed_dph_note_names_s73a_2_officer_requirement() -> None:
    t = clause(text(answers(TRUST)), "Background", "Interpretation")
    assert ("all the more for a director of public health, whom section 73A(2) of the "
            "National Health Service Act 2006 requires to be an officer of the local "
            "authority.") in t
    assert "73A(2)" not in clause(text(answers(NHS)), "Background", "Interpretation")


# --- 4. defined terms and precedence across the three documents -----------------------------

def test_agreement_says_it_prevails_over_the_job_specification() -> None:
    for data in (example("shared-head-of-hr"), answers(COUNTY)):
        t = clause(text(data), "Interpretation", "Commencement, term and review")
        assert "If the Job Specification conflicts with this Agreement, this Agreement " \
            "prevails." in t
        # the job specification says the agreement refers to it (it is no schedule of it)
        assert "it is referred to in the agreement between them" in text(data, "job_spec")


def test_variation_does_not_call_the_new_terms_this_contract() -> None:
    """In a variation, "Contract" is the contract as it stood before: the contractual
    political restriction and s.117 duty are terms of the employment, not of 'this
    contract'."""
    c = text(answers(TRUST), "contract")
    assert "this contract" not in c and "your contract with the Employer" not in c
    assert "As a term of your employment, you must observe the restrictions" in c
    assert "This is a term of your employment with the Employer." in c


def test_two_party_job_spec_says_the_other_organisation() -> None:
    spec = text(answers(COUNTY), "job_spec")
    assert "each designated or appointed by the organisation concerned, not by the other " \
        "organisation (a director of public health" in spec


def test_contract_does_not_promise_the_full_notice_the_agreement_can_shorten() -> None:
    """The agreement lets a Party end the Arrangement on three months' notice after a
    material breach, or on a change of circumstances; the contract told the post-holder only
    of the full notice period and of ending by agreement."""
    data = example("shared-head-of-hr")
    agreement = text(data)
    assert "by further written notice of not less than three months" in agreement
    ending = clause(text(data, "contract"), "Review and ending of the Arrangement",
                    "Other terms")
    assert ("any Partner Organisation may leave the Arrangement by giving the other Partner "
            "Organisation 6 months' "
            "notice, and the Partner Organisations may end it earlier by agreement. Under the "
            "Agreement it may also end on shorter notice after a material breach by a Partner "
            "Organisation, or after a change in the law or in a Partner Organisation's "
            "functions that affects it.") in ending


def test_gp052_flags_the_nhs_scheme_for_a_council_employee_outside_public_health() -> None:
    hr = example("shared-head-of-hr")
    hr["postholder"]["pension_scheme"] = "NHS Pension Scheme"
    [p] = [p for p in check(hr).problems if p.rule == "GP052"]
    assert "is an NHS scheme, but Eastwick is a council, whose staff are in the Local " \
        "Government Pension Scheme" in p.message
    assert "postholder.pension_scheme" in p.message
    # a council's Director of Public Health may stay in the NHS Pension Scheme
    assert "GP052" not in rules_fired(example("joint-director-public-health"))
    assert "GP052" not in rules_fired(answers(COUNTY, postholder__pension_scheme="NHS "
                                              "Pension Scheme"))


def test_two_party_management_matrix_and_job_spec_say_the_other_line_manager() -> None:
    for kind in ("agreement", "contract"):
        t = text(example("shared-head-of-hr"), kind)
        assert "the other line manager on priorities" in t
        assert "the other line managers" not in t
    spec = text(answers(COUNTY, management__appraisal="hr_lead"), "job_spec")
    assert "with written input from the other line manager." in spec
    three = text(example("shared-legal-services-three-councils"), "agreement")
    assert "the other line managers on priorities" in three


def test_nhs_employer_agreement_does_not_put_its_procedures_under_the_councils_orders() -> None:
    data = answers(NHS, post__statutory_roles=[{"party": "council",
                                                "role": "Monitoring Officer"}])
    n = numbered(data)
    said = next(v for v in n.values() if v.startswith("Those Regulations govern how a local "
                                                      "authority disciplines"))
    discipline = next(k for k, v in n.items() if v.startswith("Discipline, grievance and "
                                                              "capability matters are dealt"))
    ending = next(k for k, v in n.items() if v.startswith("A Party that has designated or "
                                                          "appointed the Post-holder"))
    assert ("They do not govern the procedures of the Employer, which is not a local "
            f"authority, and only the Employer's procedures under clause {discipline} apply "
            "to the Post-holder's employment.") in said
    assert "the Employer shall consult the Party concerned and take its views into " \
        "account" in said
    assert f"may end a designation or appointment only under clause {ending};" in said
    t = clause(text(data), "Statutory roles", "Political restriction")
    assert "The Employer shall apply its procedures under clause" not in t
    assert "Note for legal review: the protection that the Regulations give a council's " \
        "statutory officers against dismissal does not bind an employer" in t
    # a council employer still applies its procedures subject to the Regulations
    council = answers(COUNTY, post__statutory_roles=[{"party": "county",
                                                      "role": "Monitoring Officer"}])
    assert "subject to those requirements and, where the Post-holder holds the role for the " \
        "Employer, shall take the steps those procedures require" in text(council)


def test_a_host_hr_lead_does_not_receive_its_own_concerns_in_place_of_the_employer() -> None:
    """GP003 warns when a host leads HR matters; if that is acknowledged, the host was told
    to raise a concern about the post-holder 'with Westmere', i.e. with itself."""
    data = example("shared-head-of-hr")
    data["management"]["hr_lead"] = "westmere"
    c = conduct(data)
    assert "If the Host Organisation has a concern about your conduct or performance, it " \
        "will raise it with the Employer and will not take formal action of its own." in c
    a = clause(text(data), "Management of the Post-holder", "Direct reports, backfill and "
               "job evaluation")
    assert "in its work shall tell Westmere and the Employer promptly" in a
    assert "raise it with Eastwick" in conduct(example("shared-head-of-hr"))


# --- 5. a council office listed for a body that cannot hold it (GP055) ----------------------

def test_gp055_flags_a_council_office_listed_for_the_nhs_trust() -> None:
    for role in ("Director of Public Health", "Monitoring Officer",
                 "Director of Adult Social Services", "Section 151 Officer"):
        data = answers(COUNTY, post__statutory_roles=[{"party": "trust", "role": role}])
        [p] = [p for p in check(data).problems if p.rule == "GP055"]
        assert f"'{role}' is listed for the Trust (NHS body)" in p.message
        assert "is an office of a local authority" in p.message
        assert p.path == ("post", "statutory_roles", 0, "party")
    # an NHS body's own chief finance officer, and the council's offices, are not flagged
    for party, role in (("trust", "Chief Finance Officer"), ("county", "Director of Public "
                                                                      "Health")):
        data = answers(COUNTY, post__statutory_roles=[{"party": party, "role": role}])
        assert "GP055" not in rules_fired(data)
    # a Scottish health board appoints its own director of public health
    assert "GP055" not in rules_fired(answers(
        "scotland-council-health-board",
        post__statutory_roles=[{"party": "board", "role": "Director of Public Health"}]))


# --- 6. a confidentiality period that ends: not for personal data or patient information ----

def test_a_finite_confidentiality_period_keeps_personal_and_patient_data_confidential() -> None:
    data = answers(COUNTY, confidentiality__duration_after_end=2)
    a = clause(text(data), "Confidentiality", "Data protection")
    assert ("The obligations in this clause continue for 2 years after the Arrangement ends, "
            "except that personal data, and information about patients or service users, "
            "remain confidential for as long as they are held, as the law requires.") in a
    c = clause(text(data, "contract"), "Confidentiality", "Data protection")
    assert ("These duties continue for 2 years after the Arrangement ends (personal data, and "
            "information about patients or service users, remain confidential for as long as "
            "they are held, as the law requires), and do not prevent") in c
    # without a period there is nothing to except
    assert "remain confidential for as long as" not in text(answers(COUNTY))
