"""Issue 14 (legal review, round 2), the agreement half: legal basis, payment, governance,
statutory references, missing topics, Wales and presentation. Each test builds the
documents in memory and reads them back as a reviewing lawyer would."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import EXAMPLES_DIR, pdf_text, to_pdf
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx_read import body_texts
from yaml_text import load_yaml

from docgen import check, render
from docgen.ooxml.wordml import bookmark_name

NAMES = {"dph": "joint-director-public-health", "hr": "shared-head-of-hr",
         "legal": "shared-legal-services-three-councils"}


def example(name: str, **changes: Any) -> dict[str, Any]:
    """An example answer file with dotted keys changed (``payment__during_absence``)."""
    data = copy.deepcopy(_example(name))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return data


@cache
def _example(name: str) -> dict[str, Any]:
    return load_yaml((EXAMPLES_DIR / f"{NAMES[name]}.yaml").read_text("utf-8"))


def built(data: dict[str, Any], kind: str = "agreement") -> bytes:
    return render(data, documents=[kind]).documents[kind]


def paras(data: dict[str, Any], kind: str = "agreement") -> list[Paragraph]:
    document = docx.Document(io.BytesIO(built(data, kind)))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def text(data: dict[str, Any], kind: str = "agreement") -> str:
    return "\n".join(body_texts(built(data, kind)))  # the text of paras(), by docx_read


def xml(data: dict[str, Any], kind: str = "agreement") -> str:
    with zipfile.ZipFile(io.BytesIO(built(data, kind))) as z:
        return "\n".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))


# --- 3. the s.113 recital -----------------------------------------------------------------

def test_s113_recital_deems_the_officer_an_officer_of_each_council() -> None:
    t = text(example("legal"))
    assert ("placed at the disposal of Brookfield and Coldharbour, this Agreement is made "
            "under section 113(1) of that Act") in t
    assert ("Under section 113(2), the Post-holder is then treated as an officer of each of "
            "them for the purposes of any enactment relating to the discharge of its functions")\
        in t
    # the monitoring-officer designations depend on it
    assert "allows each of Brookfield and Coldharbour to designate or appoint" in t
    assert "section 111 of the Local Government Act 1972" in t
    assert "section 1 of the Localism Act 2011 (in England)" in t


def test_nhs_case_cites_113_1a_and_integrated_care_board() -> None:
    t = text(example("dph"))
    # issue 20 point 1: a council placing its officer with an NHS body is s.113(1A)(a)
    assert "placed at the disposal of the ICB, this Agreement is made under section " \
        "113(1A)(a) of that Act" in t
    assert "including an integrated care board" in t
    assert "the ICB: its powers under the National Health Service Act 2006." in t  # ICB: England
    assert "National Health Service (Wales) Act" not in t
    assert "the provision in that section for agreements" not in t
    # the ICB is not a local authority: no s.113(2) deeming is claimed for it
    assert "section 113(2)" not in t


# --- 4. payment mechanics -----------------------------------------------------------------

def test_time_fee_has_timesheets_and_annual_reconciliation() -> None:
    t = text(example("legal"))
    assert "The instalments are paid on account." in t
    assert "shall keep a record of the time worked for each Party" in t
    assert "shall reconcile the instalments paid by each Host Party with the fee for the time "\
           "actually recorded" in t
    assert "statement of the actual Cost Base" not in t  # that is the salary-share true-up


def test_salary_share_has_annual_true_up_and_right_to_evidence() -> None:
    t = text(example("hr"))
    assert "a statement of the actual Cost Base for that year" in t
    assert "reasonable evidence of the actual Cost Base, such as payroll and pension "\
           "contribution records" in t
    assert "The instalments are paid on account." not in t


@pytest.mark.parametrize("name", sorted(NAMES))
@pytest.mark.parametrize("absence", ["continues", "pauses", None])
def test_payment_during_absence_and_vacancy(name: str, absence: str | None) -> None:
    data = example(name) if absence is None else example(name, payment__during_absence=absence)
    t = text(data)
    continues = "payments under this clause continue while the Post-holder is absent"
    pauses = "payments under this clause stop from the end of the fourth week"
    if absence == "pauses":
        assert pauses in t and continues not in t
    else:  # the default is to continue
        assert continues in t and pauses not in t
    assert "suspension by the Employer" in t
    assert "No payment is due from a Host Party for any period in which the Post is vacant" in t


def test_fee_above_cost_is_flagged_and_explained_once_acknowledged() -> None:
    data = example("legal")
    warnings = {p["rule"]: p["message"] for p in check(data).to_dict()["warnings"]}
    assert "£469.77" in warnings["GP031"] and "£520.00 a day" in warnings["GP031"]
    assert "The fee rate is more than the Cost Base per day worked" not in text(data)
    reason = "The rate includes a share of the legal team's overheads, agreed 3 March 2027."
    data["acknowledge"] = [{"rule": "GP031", "reason": reason}]
    t = text(data)
    assert ("The fee rate is more than the Cost Base per day worked, which is £469.77 at the "
            "Commencement Date.") in t
    assert reason in t


def test_an_acknowledgement_kept_once_the_fee_is_below_cost_prints_no_margin() -> None:
    """A GP031 acknowledgement kept from when the rate was above cost, the rate now below it
    (£400 a day against a Cost Base of £469.77 a day): the agreement must not say the rate
    is more than cost (a false statement of fact in a document the parties sign), and check
    says the acknowledgement no longer applies (the clause is the same in a final post)."""
    reason = "The rate includes a share of the legal team's overheads, agreed 3 March 2027."
    data = example("legal", payment__fee__rate=400)
    data["acknowledge"] = [{"rule": "GP031", "reason": reason}]
    warnings = {p["rule"]: p["message"] for p in check(data).to_dict()["warnings"]}
    assert "GP031" not in warnings
    assert any("GP031" in m and "no longer applies" in m for m in warnings.values())
    t = text(data)
    assert "fee of £400.00 a day" in t
    assert "The fee rate is more than the Cost Base" not in t
    assert reason not in t


def test_joint_controllers_only_of_the_data_they_decide_together() -> None:
    """Joint controllers (Article 26 UK GDPR) of what the parties decide together, not of
    all the personal data the post-holder handles: as written before, each council could be
    read as joint controller of the other's service data (a lawyer's review, 7 December)."""
    t = text(example("hr", confidentiality__data_protection="joint_controllers"))
    assert ("The Parties are joint controllers of the personal data whose purposes and means "
            "of processing they determine jointly for the Arrangement") in t
    assert ("Each Party remains the sole controller of the other personal data that the "
            "Post-holder processes for its own purposes") in t
    assert "joint controllers of the personal data processed by the Post-holder" not in t
    assert ("security measures. Before the Commencement Date the Parties shall agree and "
            "record, in a transparent arrangement") in t  # not "they": the sentence before


def test_recruitment_costs_follow_the_mechanism() -> None:
    for name in ("dph", "legal"):  # fixed fee, time fee
        t = text(example(name))
        assert "in the proportions in which it bears the Cost Base" not in t
        assert ("The costs of recruiting to the Post, including advertising and any recruitment "
                "agency, are shared between the Parties in proportion to their shares of the "
                "Post-holder's time") in t
    assert "are shared between the Parties in the same percentages as the Cost Base" in \
        text(example("hr"))


def test_chief_officer_premium_tied_to_pay_policy_statement() -> None:
    assert "pay policy statement under sections 38 to 41 of the Localism Act 2011" in \
        text(example("hr"))
    assert "pay policy statement" not in text(example("legal"))  # no premium


# --- 8. governance wiring -----------------------------------------------------------------

def test_conflicts_decided_by_the_employer_get_an_independent_route() -> None:
    t = text(example("legal"))
    assert ("If Ashby Vale is itself one of the Parties whose interests conflict in the matter, "
            "the conflict is decided instead by the Steering Group.") in t
    assert "jointly appoint an independent person" in t
    assert "is decided instead by the Steering Group" not in text(example("hr"))


def test_same_person_at_two_steps_is_flagged_and_the_steps_merged() -> None:
    data = example("dph")
    problems = [p for p in check(data).to_dict()["warnings"] if p["rule"] == "GP033"]
    assert problems and problems[0]["message"].startswith(
        "the Chief Executive of the Council would act at step 1 and again at step 2")
    t = text(data)
    assert "step 1: Line managers and Chief Executives together, within 45 Working Days." in t
    assert "step 2:" not in t
    # no mediation step, so no mediator
    assert "mediator" not in t
    assert "Each Party bears its own costs of the procedure under this clause." in t


def test_mediator_costs_only_with_a_mediation_step_and_days_are_working_days() -> None:
    t = text(example("legal"))
    assert "step 3: Independent mediation, within 45 Working Days." in t
    assert "The costs of the mediator are shared equally" in t
    assert "“Working Day” means a day other than a Saturday, a Sunday or a public or bank "\
           "holiday" in t
    assert re.search(r"pay each invoice within \d+ calendar days of receiving it", t)
    assert "within 28 calendar days of becoming aware of it" in text(example("hr"))


@pytest.mark.parametrize("name", sorted(NAMES))
def test_every_period_of_days_says_which_days(name: str) -> None:
    """A deadline counted in days says calendar days or Working Days: "within 30 days of the
    Employer's invoice" (the withdrawing party's share of exit costs) left it open. (Days
    of the working week, "over 5 days", are not deadlines.)"""
    for kind in ("agreement", "contract", "job_spec"):
        t = text(example(name), kind)
        bare = re.findall(r"[^.]{0,40}\b(?:within \d+ days|\d+ days (?:of|after|before|from))\b",
                          t)
        assert not bare, f"{kind}: {bare}"
        if name == "legal" and kind == "agreement":
            assert re.search(r"pay its share within \d+ calendar days of the Employer's "
                             "invoice", t)


# --- 9. statutory references --------------------------------------------------------------

def test_tupe_cited_in_full_with_regulation_3_5() -> None:
    t = text(example("hr"))
    assert ("Transfer of Undertakings (Protection of Employment) Regulations 2006, because "
            "under regulation 3(5) of those Regulations") in t


def test_statutory_officer_discipline_england_and_the_cross_reference() -> None:
    data = example("legal", jurisdiction="england")
    t = text(data)
    assert ("subject to the Local Authorities (Standing Orders) (England) Regulations 2001, as "
            "amended in 2015") in t
    assert "must be approved by a meeting of the full council" in t
    assert "at least two independent persons appointed under section 28(7) of the Localism "\
           "Act 2011" in t
    # the cross-reference points at the paragraph on the Employer's disciplinary procedures
    raw = xml(data)
    target = bookmark_name("agreement.management.discipline")
    assert f"REF {target}" in raw
    for p in paras(data):
        if target in p._p.xml and "bookmarkStart" in p._p.xml:
            assert p.text.startswith("Discipline, grievance and capability matters are dealt "
                                     "with under the Employer's procedures")
            break
    else:
        pytest.fail("no bookmark on the discipline paragraph")


def test_scotland_cites_section_68_not_117() -> None:
    data = example("hr", jurisdiction="scotland", legal_basis="lgs_1966_s35")
    for kind in ("agreement", "contract"):
        t = text(data, kind)
        assert "section 68 of the Local Government (Scotland) Act 1973" in t, kind
        assert "section 117" not in t, kind


# --- Wales --------------------------------------------------------------------------------

def test_wales_is_its_own_jurisdiction() -> None:
    data = example("legal", jurisdiction="wales")
    t = text(data)
    assert "Local Authorities (Standing Orders) (Wales) Regulations 2006" in t
    assert "(England) Regulations 2001" not in t
    assert "Welsh Language (Wales) Measure 2011" in t
    assert "section 24 of the Local Government and Elections (Wales) Act 2021" in t
    assert "Localism Act 2011" not in t.split("Costs and payment")[0]
    assert "governed by the law of England and Wales" in t
    assert "public or bank holiday in Wales" in t
    assert "Welsh Language (Wales) Measure 2011" in text(data, "contract")
    # no person-specification criterion is on Welsh language skills: the job specification
    # does not point to one, and GP058 asks for it
    # (tests/clauses/test_wales_democratic_services_and_language.py)
    assert "The organisations will assess the level of Welsh language skills the post needs " \
        "and record it in the person specification" in text(data, "job_spec")
    assert not [p for p in check(data).to_dict()["warnings"] if p["rule"] == "GP034"]


def test_england_and_wales_stays_valid_and_has_no_welsh_language_clause() -> None:
    t = text(example("legal"))
    assert "Welsh Language" not in t
    assert "(England) Regulations 2001" in t and "(Wales) Regulations 2006" in t


def test_wales_dph_has_no_secretary_of_state_clause() -> None:
    t = text(example("dph", jurisdiction="wales"))
    assert "jointly with the Secretary of State" not in t
    assert "Local Health Board" in t
    assert "jointly with the Secretary of State" in text(example("dph", jurisdiction="england"))


# --- 10. drafting -------------------------------------------------------------------------

def test_host_party_singular_for_one_host() -> None:
    t = text(example("hr"))
    assert "“Host Party” means Westmere, being the Party other than the Employer" in t
    assert "In total the Host Party pays" in t
    assert "at the disposal of the Host Party for the purposes of its functions" in t
    c = text(example("hr"), "contract")
    # issue 20 point 12: one host is "the Host Organisation", not "each"
    assert "The Host Organisation does not pay you directly. It pays its share" in c
    t3 = text(example("legal"))
    assert "In total the Host Parties pay" in t3
    assert "“Host Party” means any one of the Host Parties" in t3


def test_pension_scheme_sentence_agrees() -> None:
    """The post-holder's own scheme is theirs, not the employer's: the Director of Public
    Health, employed by the Council, stays in the NHS Pension Scheme (as the contract says)."""
    t = text(example("dph"), "job_spec")
    assert ("The post-holder is employed by the Council, whose terms and conditions and pay "
            "arrangements apply. The post-holder remains a member of the NHS Pension Scheme "
            "through the Council.") in t
    assert "its pension scheme (NHS Pension Scheme)" not in t
    assert "You remain a member of the NHS Pension Scheme through the Employer" in text(
        example("dph"), "contract")
    # without a scheme named, the employer's own applies, unnamed
    data = example("dph")
    del data["postholder"]["pension_scheme"]
    assert "pay arrangements apply, as does its pension scheme." in text(data, "job_spec")


def test_rule_messages_join_names_with_agreeing_verbs() -> None:
    data = example("legal")
    data["governance"]["objectives"] = {"ashby": ["Run the service"]}
    messages = [p["message"] for p in check(data).to_dict()["warnings"] if p["rule"] == "GP002"]
    assert messages and messages[0].startswith("Brookfield and Coldharbour have no objectives")


# --- missing topics -----------------------------------------------------------------------

def test_new_topics_are_covered() -> None:
    t = text(example("hr"))
    for phrase in ("Health, safety and wellbeing", "Health and Safety at Work etc. Act 1974",
                   "shall carry out and record a risk assessment of the Arrangement",
                   "Direct reports, backfill and job evaluation", "regrading of the "
                   "Post-holder's direct reports", "recognised trade unions",
                   "keep its own elected members", "material breach",
                   "abolished, merged with or replaced by another body",
                   "statutory designation or appointment of the Post-holder that the "
                   "Arrangement depends on"):
        assert phrase in t, phrase
    assert "Caldicott" not in t
    d = text(example("dph"))
    assert "common law duty of confidentiality" in d
    assert "Caldicott principles" in d and "section 251 of the National Health Service Act" in d


# --- presentation -------------------------------------------------------------------------

def test_drafting_notes_say_the_point_in_legal_terms() -> None:
    """Issue 20 point 13: no rule id, key path or answer-file instruction in a document."""
    data = example("hr")
    notes = [p for p in paras(data) if p.style.style_id == "DGNote"]
    vat = next(p for p in notes if "VAT" in p.text)
    assert re.match(r"Clause \d+: The recharge is treated as outside the scope of VAT", vat.text)
    for n in notes:
        assert not re.search(r"\bG[EP]\d{3}\b|acknowledge|payment\.vat|answer file", n.text), n.text


def test_vat_note_only_in_the_agreement() -> None:
    data = example("hr")
    assert "Confirm the treatment with your VAT adviser" in xml(data, "agreement")
    for kind in ("contract", "job_spec"):
        assert "VAT" not in xml(data, kind), kind


def test_job_spec_puts_responsibilities_and_person_spec_before_version() -> None:
    lines = [p.text for p in paras(example("hr"), "job_spec")]
    key = lines.index("Key responsibilities")
    person = lines.index("Person specification")
    version = lines.index("Version")
    special = lines.index("Special conditions")
    assert key < person < special < version


def test_agreement_has_a_contents_page_listing_every_clause() -> None:
    data = example("legal")
    ps = paras(data)
    headings = [p.text for p in ps if p.style.style_id == "DGClause1"]
    contents = [p.text for p in ps if p.style.style_id == "DGContents"]
    assert contents == [f"{i}.\t{h}" for i, h in enumerate(headings, 1)] + [
        "Schedule 1\tPost details", "Schedule 2\tTime split and management",
        "Schedule 3\tCost calculation and payment", "Schedule 4\tObjectives"]
    assert len(headings) >= 25
    # the schedules the contents list are the ones the agreement prints
    schedules = [p.text.strip() for p in ps if p.style.style_id == "DGSchedule"]
    assert schedules == ["Post details", "Time split and management",
                         "Cost calculation and payment", "Objectives"]
    raw = xml(data)
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-1" \\h \\z \\u </w:instrText>', raw)
    with zipfile.ZipFile(io.BytesIO(built(data, "contract"))) as z:
        assert "DGContents" not in z.read("word/document.xml").decode()


def test_contents_page_reads_right_in_the_pdf(tmp_path: Path) -> None:
    """LibreOffice does not refresh a TOC when it converts; ours is filled in already."""
    data = example("hr")
    headings = [p.text for p in paras(data) if p.style.style_id == "DGClause1"]
    src = tmp_path / "hr-agreement.docx"
    src.write_bytes(built(data))
    page = pdf_text(to_pdf([src], tmp_path / "pdf")[0])
    contents = page.split("Contents", 1)[1].split("THIS AGREEMENT", 1)[0]
    listed = re.findall(r"^\s*(\d+)\.\s+(\S.*?)\s*$", contents, re.M)
    assert [(int(n), t) for n, t in listed] == list(enumerate(headings, 1))


def test_each_host_and_other_parties_follow_the_count() -> None:
    """Two parties: "the Host Party", "the other Party"; three: "each Host Party", "the other
    Parties" (drafting point 10: singular and plural by count)."""
    two, three = text(example("hr")), text(example("legal"))
    assert "each Host Party" not in two and "Each Host Party" not in two
    assert "The Host Party shall pay each invoice within" in two
    assert "by giving the other Party not less than" in two
    assert "Each Host Party shall pay each invoice within" in three
    assert "by giving the other Parties not less than" in three
