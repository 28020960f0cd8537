"""Issue 20 (legal review, December 2026), points 10 to 15: Scotland, Northern Ireland,
wording that follows the parties, drafting notes in legal terms, statutory roles in substance
and a recruit's terms; and every structure builds, verifies and opens in LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import pdf_text, to_pdf
from legal_answers import (
    FOUR,
    LEGAL,
    NHS,
    NI,
    SCOT,
    WALES,
    answers,
    clause,
    notes,
    numbered,
    rules_fired,
    statutory_roles,
    text,
)
from yaml_text import load_yaml

from docgen import build

# --- 10. Scotland: s.35 does not reach a health board; Scots execution ------------------------

def test_scotland_s35_with_a_health_board_is_flagged_and_not_recited_for_it() -> None:
    s35 = answers(SCOT, legal_basis="lgs_1966_s35")
    assert "GP047" in rules_fired(s35)
    assert "GP047" not in rules_fired(answers(SCOT))
    t = clause(text(s35), "Background", "Interpretation")
    assert ("Section 35 of the Local Government (Scotland) Act 1966 allows a local authority to "
            "place its staff at the disposal of another local authority, and does not extend "
            "to the Health Board") in t
    assert "the Employer therefore makes the Post-holder's services available by way of " \
        "secondment" in t
    assert "The Parties make this Agreement under section 35" not in t



def test_scotland_s35_with_a_health_board_is_a_secondment_in_all_three_documents() -> None:
    """The contract and job specification describe the basis clause 2.2 recites (a
    secondment, as s.35 does not reach the Health Board), and the note does not ask to confirm
    that s.35 covers every Party."""
    s35 = answers(SCOT, legal_basis="lgs_1966_s35")
    contract = text(s35, "contract")
    assert "The Partner Organisations have made the Agreement about the Arrangement as a " \
        "secondment, because section 35 of the Local Government (Scotland) Act 1966 does not " \
        "extend to the Health Board." in contract
    assert "about the Arrangement under section 35" not in contract
    spec = text(s35, "job_spec")
    assert "under an agreement between the two organisations, as a secondment from the " \
        "Council, because section 35 of the Local Government (Scotland) Act 1966 does not " \
        "extend to NHS Glenmuir." in spec
    assert "made under section 35" not in spec
    agreement = text(s35)
    assert "covers every Party" not in agreement
    assert "Note for legal review: section 35 of the Local Government (Scotland) Act 1966 does " \
        "not extend to the Health Board, so clause 2.2 makes the Post-holder's services " \
        "available to the Health Board by secondment. Confirm the power under which the " \
        "Health Board takes part" in agreement
    # the Health Board employs: s.35(1) places only a council's own employees, so the
    # contract and job spec say secondment throughout, as agreement 2.2 does
    # (tests/clauses/test_legal_basis_agrees.py)
    board = answers(SCOT, legal_basis="lgs_1966_s35", employer="board",
                    exit__postholder_reverts_to="board")
    assert "about the Arrangement as a secondment, because section 35 of the Local Government " \
        "(Scotland) Act 1966 does not extend to the Health Board." in text(board, "contract")
    assert "as a secondment from the Health Board, to which section 35 of the Local Government " \
        "(Scotland) Act 1966 does not extend." in text(board, "job_spec")
    # agreement 2.2 now seconds throughout, as s.35 places only a council's own staff
    # (tests/clauses/test_statute_reach.py)
    assert "The Health Board, which employs the Post-holder, is not a local authority, so " \
        "section 35 is not relied on" in text(board)
    # two councils alone: s.35 is recited in all three documents, and the note is unchanged
    both = answers(SCOT, legal_basis="lgs_1966_s35", parties__1__kind="local_authority")
    assert "about the Arrangement under section 35 of the Local Government (Scotland) Act " \
        "1966." in text(both, "contract")
    assert "made under section 35 of the Local Government (Scotland) Act 1966." \
        in text(both, "job_spec")
    assert "it covers every Party to the Arrangement" in text(both)

def test_scotland_execution_statement_of_practice_and_mediator() -> None:
    t = text(answers(SCOT))
    ex = clause(t, "Execution", "Post details")  # signed here: no signature page follows
    assert "SIGNATURES" not in t
    assert "self-proving under section 3 of the Requirements of Writing (Scotland) Act 1995" \
        in ex
    assert "Signed for NHS Glenmuir by Dr Iain Fraser, Chief Executive" in ex
    assert "signature ________________; in the presence of: witness's signature" in ex
    assert "shall follow the principles of the Staff Transfers in the Public Sector Statement " \
        "of Practice (January 2000, revised December 2013), as it applies to public bodies in " \
        "Scotland, and of any statement of practice or guidance on staff transfers in the " \
        "public sector that the Scottish Government issues for public bodies in Scotland, " \
        "which prevails where the two differ." in t
    assert "if the Scottish Government has issued its own statement of practice on staff " \
        "transfers in the public sector, name it in this clause" in t
    assert "Cabinet Office" not in t
    assert "nominated by Scottish Mediation" in t
    assert "Centre for Effective Dispute Resolution" not in t
    # signatures (the default) print no testing clause
    assert "\nExecution\n" not in text(answers(SCOT, execution="signatures"))
    assert "integration joint board" in t
    assert "The Post serves Glenmuir Integration Joint Board, the integration joint board " \
        "established under the Public Bodies (Joint Working) (Scotland) Act 2014" in t
    assert "Glenmuir Integration Joint Board is not a party to this Agreement and has no " \
        "right to enforce it." in t


# --- 11. Northern Ireland: s.105 as it reads, the Department's consent, an HSC Trust ---------

def test_ni_s105_recital_department_consent_and_hsc_trust() -> None:
    t = text(answers(NI))
    bg = clause(t, "Background", "Interpretation")
    assert "Under section 105(1)(b) of that Act, the Council provides the Trust with the " \
        "professional services of the Post-holder" in bg
    assert "not a transfer of the Post-holder under section 105(2)" in bg
    assert "under section 105(3), the Trust may make the arrangement only with the consent of " \
        "the Department concerned" in bg
    assert "places the services of the Post-holder at the disposal" not in bg
    assert "the Trust is a health and social care body." in bg
    assert "NHS" not in t
    assert "Host Party that is a health and social care body may issue" in t
    assert "to give each Party written notice of any pecuniary interest in a contract" in t
    c = text(answers(NI), "contract")
    assert "NHS" not in c
    assert "The Post is treated as politically restricted" in c


# --- 12. wording that follows the number of parties ------------------------------------------

def test_all_council_agreements_do_not_mention_the_nhs() -> None:
    for name in (WALES, FOUR):
        t = text(answers(name))
        assert "NHS" not in t, name


def test_two_party_documents_speak_of_one_host_and_one_other_party() -> None:
    for name in (WALES, NHS, SCOT, NI):
        c = text(answers(name), "contract")
        for wrong in ("each Host Organisation", "Each Host Organisation",
                      "the other Partner Organisations", "giving the others",
                      "No Host Organisation pays", "each other Partner Organisation"):
            assert wrong not in c, (name, wrong)
        a = text(answers(name))
        for wrong in ("the other Parties", "the others", "each Host Party", "Host Parties"):
            assert wrong not in a, (name, wrong)
        j = text(answers(name), "job_spec")
        assert "all the organisations" not in j, name
    wales_c = text(answers(WALES), "contract")
    assert "The Host Organisation signs it to acknowledge its terms" in wales_c
    assert "“Parties” means" not in wales_c and "“Party” means" not in wales_c
    assert "When you work for a Partner Organisation, you must comply with the Welsh language" \
        in wales_c
    assert "an agreement between the two organisations" in text(answers(WALES), "job_spec")
    # four parties keep the plural
    four = text(answers(FOUR), "contract")
    assert "each Host Organisation" in four


def test_day_rate_for_one_day_a_week_is_singular() -> None:
    t = text(answers(FOUR))
    assert "Fenwick: 1 day a week × 44 weeks × £575.00" in t
    assert "1 days" not in t
    assert "Hartmoor" in t


def test_steering_group_may_include_elected_members() -> None:
    t = text(answers(WALES))
    assert "provided each member is a senior officer or elected member of that Party" in t
    nhs = text(answers(NHS))
    assert "a senior officer, elected member or board member of that Party" in nhs


def test_the_employer_signs_the_contract_before_the_host_acknowledges_it() -> None:
    data = answers(NHS)
    data["parties"] = list(reversed(data["parties"]))  # the Council listed first
    c = text(data, "contract")
    signed = c.index("Signed for and on behalf of NHS Shawbury and Wrekin Integrated Care Board")
    acknowledged = c.index("Acknowledged for and on behalf of Shawbury Council")
    assert signed < acknowledged


# --- 13. drafting notes in legal terms --------------------------------------------------------

NOT_FOR_THE_OTHER_SIDE = re.compile(
    r"\bG[EP]\d{3}\b|\bTBC\b|acknowledge|answer file|\b[a-z]+_[a-z_]+\b|"
    r"\b(?:post|postholder|payment|exit|review|governance|job)\.[a-z_]+")


def test_drafting_notes_name_the_point_and_clause_not_keys_or_rule_ids() -> None:
    data = answers(NHS, postholder__consulted_on="tbc", payment__vat__treatment="exempt",
                   acknowledge=[])
    for kind in ("agreement", "contract", "job_spec"):
        for note in notes(data, kind):
            assert not NOT_FOR_THE_OTHER_SIDE.search(note), (kind, note)
    agreement = notes(data, "agreement")
    assert any(n.startswith("To be confirmed: the date the officer was consulted about being "
                            "shared") for n in agreement), agreement
    assert any(re.match(r"Clause 13: .*VAT", n) for n in agreement), agreement
    # the job specification names the post, not the person: no note about the consultation
    assert not any("consulted" in n for n in notes(data, "job_spec"))


def test_placeholder_notes_only_where_the_document_has_a_placeholder() -> None:
    recruit = answers(FOUR)
    assert any("name and address of the person appointed" in n
               for n in notes(recruit, "contract"))
    for kind in ("agreement", "job_spec"):
        assert not any("Placeholder" in n for n in notes(recruit, kind)), kind


def test_merged_dispute_steps_are_a_note_not_operative_text() -> None:
    data = answers(WALES)
    data["governance"]["disputes"] = [{"level": "Leaders of the Council", "days": 10},
                                      {"level": "Leaders of the Council", "days": 20}]
    t = clause(text(data), "Disputes", "Variation")
    assert "those steps are taken together" not in t
    assert "Note for legal review: two steps of the escalation the Parties proposed are " \
        "shown as one" in t


# --- every structure builds, and the read-back verification passes ----------------------------

def test_every_structure_builds_and_verifies(tmp_path: Path) -> None:
    report = build(sorted(LEGAL.glob("*.yaml")), tmp_path, jobs=1)
    assert report.ok, [(p.reference, p.message) for p in report.posts]
    assert len(report.posts) == 9  # round 5 added the county council and NHS trust DPH files
    for post in report.posts:
        assert len(post.outputs) >= 3, post.reference
    # they open in LibreOffice without repair, and the legal text survives the conversion
    docs = {p.name: p for post in report.posts for p in post.outputs if p.suffix == ".docx"}
    chosen = [docs["SHW-ICB-DASS-01-agreement.docx"], docs["GLN-HB-CO-01-agreement.docx"],
              docs["DTF-BHF-CE-01-contract.docx"], docs["DTF-BHF-CE-01-agreement.docx"]]
    nhs, scot, wales, wales_a = (pdf_text(p) for p in to_pdf(chosen, tmp_path / "pdf"))
    # point 12: the notices clause no longer justifies a line into gaps before a long email
    line = next(x for x in wales_a.splitlines() if "Teifi:" in x and "Monitoring" in x)
    assert not re.search(r"\S {4,}\S", line.split(")", 1)[1].strip()), line
    assert "113(1A)(b)" in nhs
    assert "Requirements of Writing (Scotland) Act 1995" in re.sub(r"\s+", " ", scot)
    assert "section 54" in wales


# --- 14. statutory roles in substance: DASS, NHS powers, electoral offices -------------------

def test_dass_is_accountable_to_the_councils_chief_executive_in_the_agreement() -> None:
    t = clause(text(answers(NHS)), "Statutory roles", "Political restriction")
    # the ICB's officer placed under s.113(1A)(b): "once appointed" (legal.doubted_hosts)
    assert ("As director of adult social services of the Council, once appointed by the "
            "Council under section 6(A1) of the Local Authority Social Services Act 1970, the "
            "Post-holder is accountable to its chief executive for its adult social services "
            "functions") in t
    assert "issued under section 7 of that Act" in t
    assert "No other Party may direct the Post-holder in the exercise of those functions." in t


def test_returning_officer_is_a_personal_office_outside_the_recharge() -> None:
    data = answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Chief Executive"},
        {"party": "hafren", "role": "Chief Executive"},
        {"party": "dyffryn", "role": "Returning Officer and Electoral Registration Officer"}])
    t = statutory_roles(data)
    assert ("The offices of Returning Officer and Electoral Registration Officer held by the "
            "Post-holder for Dyffryn Teifi are personal offices under the Representation of the "
            "People Act 1983") in t
    assert "are not part of the salary or the Cost Base, are not recharged under clause 13" in t
    assert "Dyffryn Teifi shall indemnify the Post-holder, so far as the law allows" in t


# --- 15. a recruit: fall-back post, probation, pension scheme named -------------------------

def test_recruit_gets_a_fall_back_post_probation_and_the_lgps() -> None:
    c = text(answers(FOUR), "contract")
    assert ("before any dismissal by reason of redundancy the Employer will offer you continued "
            "employment as Monitoring Officer of Hartmoor District Council") in c
    assert "Your appointment is subject to a probation period of 6 months" in c
    assert "You may join the Local Government Pension Scheme through the Employer" in c
    a = clause(text(answers(FOUR)), "Termination and exit", "Notices")
    assert "Before any dismissal by reason of redundancy, the Employer shall offer the " \
        "Post-holder continued employment as Monitoring Officer of Hartmoor" in a
    # without the keys: the council employer's scheme is still named, no probation clause
    bare = answers(FOUR)
    del bare["post"]["pension_scheme"], bare["post"]["probation_months"]
    del bare["exit"]["fallback_post"]
    c2 = text(bare, "contract")
    assert "You may join the Local Government Pension Scheme through the Employer" in c2
    assert "probation" not in c2
    assert "You have no right to continue in the Post, or to another post with the Employer, " \
        "after the Arrangement ends" in c2
    j = text(answers(FOUR), "job_spec")
    assert "as does its pension scheme (Local Government Pension Scheme)" in j


# --- exit costs: the prior-service clause cites only the clauses under which a cost is shared --

def _prior_service(data: dict[str, object]) -> tuple[str, dict[str, str]]:
    subs = numbered(data)
    return next(v for v in subs.values() if v.startswith("The Employer alone bears the part")), \
        subs


def test_prior_service_cites_only_the_clauses_where_a_cost_is_shared() -> None:
    for name in (SCOT, WALES):  # redundancy shared, pension strain borne by the Employer
        prior, subs = _prior_service(answers(name))
        red = next(k for k, v in subs.items() if "redundancy payments" in v and "shared" in v)
        pen = next(k for k, v in subs.items() if v.startswith("Any pension strain cost"))
        assert "is borne by the Employer" in subs[pen]
        assert f"any cost shared under clause {red} that reflects" in prior, name
        assert f" or {pen}" not in prior, name
    # both shared: both are cited
    prior, subs = _prior_service(answers(NHS))
    red = next(k for k, v in subs.items() if "redundancy payments" in v and "shared" in v)
    pen = next(k for k, v in subs.items() if v.startswith("Any pension strain cost"))
    assert f"any cost shared under clause {red} or {pen} that reflects" in prior
    # pension strain shared alone: only that clause is cited
    prior, subs = _prior_service(answers(WALES, exit__redundancy_costs="employer",
                                         exit__pension_strain_costs="cost_shares"))
    pen = next(k for k, v in subs.items() if v.startswith("Any pension strain cost"))
    assert f"any cost shared under clause {pen} that reflects" in prior


def test_prior_service_ratio_carries_a_note_on_the_20_year_cap() -> None:
    for name in (WALES, NHS):
        t = text(answers(name))
        note = next(line for line in t.splitlines()
                    if line.startswith("Note for legal review: a pure ratio of years"))
        assert "counts no more than the last 20 complete years of continuous employment " \
            "(section 162(3) of the Employment Rights Act 1996)" in note
        assert "the rules of the Post-holder's pension scheme (a public service scheme may " \
            "have its own cap on the service counted) and of any contractual redundancy " \
            "scheme may count or weight service in their own ways" in note
        assert "The Parties should confirm the basis" in note
    # the note follows the ratio: none where prior service is shared in full
    assert "a pure ratio of years" not in text(answers(WALES, exit__prior_service="shared"))


# --- two parties: 'both Parties' and 'the other Party', not plural wording --------------------

DPH = Path(__file__).parents[2] / "docgen" / "data" / "examples" / \
    "joint-director-public-health.yaml"


def test_two_party_documents_say_both_and_the_other_party() -> None:
    dph = load_yaml(DPH.read_text("utf-8"))
    t = text(dph)
    for wording in (
            "those shared by both Parties.",
            "working hours across both Parties,",
            "jointly by the line managers of both Parties",
            "and the other Party acknowledges that the Post-holder carries professional and "
            "managerial accountability to both Parties.",
            "No other Party contributes to those costs."):
        assert wording in t, wording
    assert "objectives shared by both Parties:" in t
    for old in ("all the Parties", "the other Parties", "other Parties acknowledge"):
        assert old not in t, old
    assert "and those shared between them, are set out in the Job Specification" \
        in text(dph, "contract")
    assert "for all of them" not in text(dph, "contract")
    spec = text(dph, "job_spec")
    assert "carries responsibilities for each of them and some shared between them, and must " \
        "be able to balance the needs of both organisations fairly." in spec
    assert "or as shared by both organisations." in spec
    assert "shared by all" not in spec
    # more than two parties keep the plural
    four = text(answers(FOUR))
    assert "those shared by all the Parties." in four
    assert "jointly by the line managers of all the Parties" in four
    assert "or as shared by all the organisations." in text(answers(FOUR), "job_spec")
