"""Issue 14, the individual's side: new-appointment contract, trial break, exit costs,
reversion and the contract's defined terms — each read back from the Word documents.

Dates and shares are computed here from the YAML, independently of docgen's facts.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from conftest import EXAMPLES_DIR
from docx_read import full_text, paragraphs, raw_xml
from yaml_text import load_yaml

import docgen
from docgen import build

NAMES = {"dph": "joint-director-public-health", "hr": "shared-head-of-hr",
         "tri": "shared-legal-services-three-councils"}
FILES = {"agreement": "agreement", "contract": "contract", "job_spec": "job-spec"}
PLACEHOLDER_STYLE = "DGPlaceholder"


def example(name: str) -> dict[str, Any]:
    return copy.deepcopy(load_yaml((EXAMPLES_DIR / f"{NAMES[name]}.yaml").read_text()))


def rendered(data: dict[str, Any], tmp_path: Path, tag: str = "") -> dict[str, Path]:
    """Render in memory (verified by docgen), write the .docx files, return their paths."""
    result = docgen.render(data)
    out = tmp_path / (data["reference"] + tag)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, data_bytes in result.documents.items():
        paths[kind] = out / f"{FILES[kind]}.docx"
        paths[kind].write_bytes(data_bytes)
    paths["_manifest"] = result.manifest  # type: ignore[assignment]
    return paths


def clause_number(paths: dict, kind: str, clause_id: str) -> str:
    entry = paths["_manifest"][kind]
    return next(c["number"] for c in entry["clauses"] if c["id"] == clause_id)


def numbered(path: Path) -> list[str]:
    """Numbered paragraphs as a reader sees them, "20.1 Any Party may …".

    Word numbers clauses through the paragraph styles, so the numbers are worked out
    here from the styles (level 1 headings and level 2 sub-clauses).
    """
    out: list[str] = []
    heading = sub = 0
    for p in paragraphs(path):
        style = p.style.name if p.style is not None else ""
        text = re.sub(r"\s+", " ", p.text).strip()
        if style == "DG Clause 1":
            heading, sub = heading + 1, 0
            out.append(f"{heading}. {text}")
        elif style == "DG Clause 2":
            sub += 1
            out.append(f"{heading}.{sub} {text}")
    return out


def clause_text(path: Path, heading: str) -> str:
    """The text of one level-1 clause, from its heading to the next heading."""
    out, inside = [], False
    for p in paragraphs(path):
        style = p.style.name if p.style is not None else ""
        if style.startswith("DG Clause 1"):
            inside = p.text.strip() == heading
            continue
        if inside:
            out.append(p.text)
    assert out, f"no clause headed {heading!r} in {path.name}"
    return re.sub(r"\s+", " ", "\n".join(out))


def placeholders(path: Path) -> list[str]:
    return re.findall(rf'w:val="{PLACEHOLDER_STYLE}"/>.*?<w:t[^>]*>([^<]*)</w:t>',
                      raw_xml(path))


def last_day(start: dt.date, months: int) -> dt.date:
    """The last day of ``months`` months counted from ``start`` (an independent sum)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    same = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return same - dt.timedelta(days=1) if same.day == start.day else same


def long_date(d: dt.date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


# --- 1. recruiting: a new-appointment contract --------------------------------------------

@pytest.fixture(scope="module")
def tri(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return rendered(example("tri"), tmp_path_factory.mktemp("tri"))


def test_recruiting_contract_is_a_new_appointment_not_a_variation(tri: dict) -> None:
    contract = tri["contract"]
    text = full_text(contract)
    assert "CONTRACT OF EMPLOYMENT" in text and "CONTRACT VARIATION" not in text
    assert "THIS CONTRACT is dated" in text
    assert "I accept the terms of this contract." in text
    assert "Contract of employment for a shared post" in text  # the footer
    for wrong in ("Variation", "variation", "pension arrangements remain",
                  "as in force immediately before", "full time for the Employer",
                  "[date consulted]", "remains your employer"):
        assert wrong not in text, wrong
    core = docx.Document(str(contract)).core_properties.title
    assert core.startswith("Contract of employment for a shared post: Head of Shared Legal")
    assert "“Contract” means this contract of employment between you and the Employer, " \
           "including its schedules, your letter of appointment and the Standard Terms;" in text
    assert "“Standard Terms” means the Employer's terms and conditions" in text
    # exit for a new hire: redeployment, then redundancy; no right to an unfunded post
    ending = clause_text(contract, "Review and ending of the Arrangement")
    assert "You have no right to continue in the Post, or to another post with the Employer" \
        in ending
    assert ending.index("redeploy you") < ending.index("by reason of redundancy")
    # only the person's name and address are left to fill in
    assert set(placeholders(contract)) == {"[name of post-holder]", "[address of post-holder]"}


def test_recruiting_agreement_has_no_consultation_placeholder(tri: dict) -> None:
    agreement = tri["agreement"]
    text = full_text(agreement)
    assert placeholders(agreement) == []
    background = clause_text(agreement, "Background")
    assert "[date consulted]" not in background and "recorded here" not in background
    assert "consult the person selected about it before the appointment is confirmed" \
        in background
    assert "“Post-holder” means the person whom the Employer appoints to the Post" in text
    rows = [[c.text for c in row.cells] for t in docx.Document(str(agreement)).tables
            for row in t.rows]
    assert ["Post-holder", "To be appointed"] in rows
    exit_text = clause_text(agreement, "Termination and exit")
    assert "full time" not in exit_text
    assert "seek to redeploy the Post-holder" in exit_text
    n = clause_number(tri, "agreement", "agreement.employment")
    assert any(p.startswith(f"{n}.") and "offer the person appointed a contract of "
               "employment that reflects the Arrangement" in p for p in numbered(agreement))


def test_recruiting_job_spec_prints_the_post_not_a_placeholder(tri: dict) -> None:
    spec = tri["job_spec"]
    text = full_text(spec)
    assert placeholders(spec) == []
    assert "[name of post-holder]" not in text and "Post-holder" not in text
    assert "Head of Shared Legal Services and Monitoring Officer" in text
    assert "does not form part of the post-holder's contract of employment" in text


def test_recruiting_job_spec_can_be_final(tmp_path: Path) -> None:
    data = example("tri")
    data.update(status="final", documents=["job_spec"],
                acknowledge=[{"rule": r, "reason": "Agreed by the three councils, May 2027."}
                             for r in ("GP014", "GP015")])
    assert "GP029" not in {p.rule for p in docgen.check(data).problems}
    src = tmp_path / "tri-final.yaml"
    src.write_text(yaml.safe_dump(data, sort_keys=False))
    report = build([src], tmp_path / "out")
    post = report.posts[0]
    assert report.ok and post.status == "built", [str(p) for p in post.problems]
    spec = tmp_path / "out" / "TRI-LEGAL-01" / "TRI-LEGAL-01-job-spec.docx"
    assert placeholders(spec) == [] and "DRAFT" not in full_text(spec)
    # the contract cannot be final until the person is named
    data["documents"] = ["job_spec", "contract"]
    assert "GP029" in {p.rule for p in docgen.check(data).problems}


# --- 2. the trial break -------------------------------------------------------------------

def test_dph_trial_break_earliest_exit_is_printed(tmp_path: Path) -> None:
    data = example("dph")
    start, trial = data["post"]["start_date"], data["review"]["trial_months"]
    trial_end = last_day(start, trial)
    earliest = last_day(start, trial + 3)  # default notice to leave at the end of the trial
    assert (trial_end, earliest) == (dt.date(2027, 10, 31), dt.date(2028, 1, 31))
    docs = rendered(data, tmp_path)
    n_term = clause_number(docs, "agreement", "agreement.term")
    n_exit = clause_number(docs, "agreement", "agreement.exit")
    paras = numbered(docs["agreement"])
    term = clause_text(docs["agreement"], "Commencement, term and review")
    assert f"written notice no later than {long_date(trial_end)}, the last day of the Trial " \
           "Period" in term
    assert f"takes effect 3 months after the end of the Trial Period, on {long_date(earliest)}" \
        f", and clause {n_exit}.1 does not apply to it" in term
    for option in ("continues unchanged;", "continues with changes, which take effect only",
                   "ends."):
        assert option in term, option
    assert f"{n_exit}.1" in " ".join(paras)  # the 12-month notice clause it displaces
    assert "not less than 12 months' written notice" in clause_text(docs["agreement"],
                                                                     "Termination and exit")
    contract = clause_text(docs["contract"], "Review and ending of the Arrangement")
    assert "If a Partner Organisation decides not to continue, it may give notice by that " \
           f"date, and the Arrangement then ends on {long_date(earliest)}" in contract
    assert n_term == "4"


def test_trial_notice_key_changes_the_break_date(tmp_path: Path) -> None:
    data = example("dph")
    data["review"]["trial_notice_months"] = 1
    docs = rendered(data, tmp_path)
    earliest = last_day(data["post"]["start_date"], data["review"]["trial_months"] + 1)
    term = clause_text(docs["agreement"], "Commencement, term and review")
    assert f"1 month after the end of the Trial Period, on {long_date(earliest)}" in term
    assert long_date(earliest) == "30 November 2027"
    data["review"]["trial_notice_months"] = 12
    assert "GP043" in {p.rule for p in docgen.check(data).problems}


# --- 3. exit costs with three parties -----------------------------------------------------

def _shares(data: dict) -> dict[str, Decimal]:
    """Each council's share of the cost base for the three-council time fee, by hand."""
    pay, days = data["payment"], data["time_split"]["shares"]
    cost = Decimal(pay["salary"]) * (1 + sum(Decimal(str(o["percent"]))
                                              for o in pay["on_costs"]) / 100)
    fee = {p: Decimal(str(days[p])) * pay["fee"]["weeks_per_year"] * pay["fee"]["rate"]
           for p in days if p != data["employer"]}
    annual = dict(fee, **{data["employer"]: cost - sum(fee.values())})
    return {p: (annual[p] / cost * 100).quantize(Decimal("0.01"), ROUND_HALF_UP) for p in days}


def test_withdrawing_party_bears_its_share_of_later_exit_costs(tri: dict) -> None:
    data = example("tri")
    shares = _shares(data)
    assert shares == {"ashby": Decimal("33.58"), "brookfield": Decimal("33.21"),
                      "coldharbour": Decimal("33.21")}
    n = clause_number(tri, "agreement", "agreement.exit")
    exit_paras = [p for p in numbered(tri["agreement"]) if p.startswith(f"{n}.")]
    exit_text = clause_text(tri["agreement"], "Termination and exit")
    # issue 20 point 5: exit costs follow the time split (2, 1.5 and 1.5 days), not the fees
    assert "in proportion to their shares of the Post-holder's time under clause" in exit_text
    assert "those proportions are Ashby Vale 40%, Brookfield 30% and Coldharbour 30%." \
        in exit_text
    withdrawing = next(p for p in exit_paras if "A Party that withdraws while the Arrangement "
                       "continues" in p)
    redundancy = next(p for p in exit_paras if "dismissed by reason of redundancy wholly or "
                      "mainly" in p)
    pension = next(p for p in exit_paras if p.split(" ", 1)[1].startswith("Any pension strain"))
    r_no, p_no = redundancy.split(" ", 1)[0], pension.split(" ", 1)[0]
    # pension strain is borne by the Employer here, so only the redundancy clause is cited
    assert "is borne by the Employer" in pension
    assert f"any cost shared under clause {r_no} that arises" in withdrawing
    assert f" or {p_no}" not in withdrawing
    assert "within 12 months after its own Exit Date" in withdrawing
    assert "Its share is its proportion under this clause immediately before its own Exit " \
        "Date" in withdrawing
    assert "because the Post is reduced after a Party withdraws" in redundancy
    assert "the dismissal takes effect within 12 months after the relevant Exit Date" \
        in redundancy
    # the post shrinking after a withdrawal is dealt with, for the person and the money
    assert any("do not take up its share of the Post-holder's time" in p for p in exit_paras)
    contract = clause_text(tri["contract"], "Review and ending of the Arrangement")
    assert "If one Partner Organisation other than the Employer leaves and the others " \
        "continue" in contract
    trial_exit = last_day(data["post"]["start_date"], data["review"]["trial_months"] + 3)
    assert f"its withdrawal then takes effect on {long_date(trial_exit)}" in contract
    assert long_date(trial_exit) == "30 June 2028"


def test_withdrawal_period_and_prior_service_are_answer_file_choices(tmp_path: Path) -> None:
    data = example("tri")
    data["exit"]["withdrawal_costs_months"] = 6
    data["exit"]["prior_service"] = "shared"
    exit_text = clause_text(rendered(data, tmp_path)["agreement"], "Termination and exit")
    assert "within 6 months after its own Exit Date" in exit_text
    assert "is shared in full, including the part that reflects the Post-holder's continuous " \
           "employment before the Commencement Date" in exit_text
    data["exit"]["withdrawal_costs_months"] = 0
    assert "GP044" in {p.rule for p in docgen.check(data).problems}


def test_prior_service_rule_and_default_for_a_named_post_holder(tmp_path: Path) -> None:
    data = example("tri")
    data["postholder"] = {"name": "Jo Patel", "address": "3 Mill Row, Ashby Vale AV2 1MR",
                          "consulted_on": dt.date(2027, 5, 1),
                          "continuous_service_from": dt.date(2015, 9, 1)}
    data["exit"].update(reversion_post="Head of Legal Services, Ashby Vale",
                        reversion_grade="Band M3")
    found = [p for p in docgen.check(data).problems if p.rule == "GP041"]
    assert len(found) == 1 and "1 September 2015" in found[0].message
    exit_text = clause_text(rendered(data, tmp_path)["agreement"], "Termination and exit")
    assert "The Employer alone bears the part of any cost shared under clause" in exit_text
    assert "complete years of continuous employment before the Commencement Date" in exit_text
    data["exit"]["prior_service"] = "employer"
    assert "GP041" not in {p.rule for p in docgen.check(data).problems}


# --- 4. reversion -------------------------------------------------------------------------

def test_reversion_names_post_grade_and_pay_protection(tmp_path: Path) -> None:
    data = example("hr")
    data["exit"].update(reversion_post="Head of Human Resources, London Borough of Eastwick",
                        reversion_grade="Chief Officer Grade 4", pay_protection_months=12)
    docs = rendered(data, tmp_path)
    agreement = clause_text(docs["agreement"], "Termination and exit")
    contract = clause_text(docs["contract"], "Review and ending of the Arrangement")
    for text in (agreement, contract):
        assert "full time for the Employer in the post of Head of Human Resources, London " \
               "Borough of Eastwick, graded Chief Officer Grade 4" in text
        assert "protect the difference for 12 months" in text
        assert "not counting the premium" in text
    assert placeholders(docs["agreement"]) == placeholders(docs["contract"]) == []
    assert not {"GP042", "GP029"} & {p.rule for p in docgen.check(data).problems}
    data["exit"]["pay_protection_months"] = 0
    docs = rendered(data, tmp_path, "-0")
    assert "No pay protection applies" in clause_text(docs["agreement"], "Termination and exit")


def test_reversion_placeholders_when_not_named(tmp_path: Path) -> None:
    docs = rendered(example("dph"), tmp_path)
    for kind, heading in (("agreement", "Termination and exit"),
                          ("contract", "Review and ending of the Arrangement")):
        assert {"[post returned to]", "[grade of post returned to]"} <= set(
            placeholders(docs[kind])), kind
        assert "as the Employer's pay protection policy provides" in clause_text(
            docs[kind], heading)
    rules = {p.rule for p in docgen.check(example("dph")).problems}
    assert "GP042" in rules


def test_one_host_is_never_called_the_host_parties(tmp_path: Path) -> None:
    """The HR example has one host (Westmere): the agreement says "Host Party" throughout,
    the reversion included, named or recruiting; two hosts keep "Host Parties"."""
    data = example("hr")
    recruiting = example("hr")
    del recruiting["postholder"]
    for tag, answers in (("named", data), ("recruiting", recruiting)):
        docs = rendered(answers, tmp_path, tag)
        text = full_text(docs["agreement"])
        assert "Host Parties" not in text, tag
        assert "ceases to work for the Host Party" in clause_text(
            docs["agreement"], "Termination and exit"), tag
        assert re.search(r"“Host Party” means Westmere, being the Party other than the "
                         r"Employer", text), tag
    tri_exit = clause_text(rendered(example("tri"), tmp_path, "-tri")["agreement"],
                           "Termination and exit")
    assert "ceases to work for the Host Parties." in tri_exit


# --- 5. the contract's defined terms ------------------------------------------------------

def test_contract_defines_partner_organisations_and_the_person_only(tmp_path: Path) -> None:
    docs = rendered(example("hr"), tmp_path)
    text = full_text(docs["contract"])
    assert "“Partner Organisations” means Eastwick and Westmere, the parties to the Agreement, " \
           "including the Employer;" in text
    assert "“Host Organisation” means Westmere, the Partner Organisation other than the " \
           "Employer" in text
    assert "“Post-holder” means Morgan Ellis, the employee who is a party to this Variation;" \
        in text
    assert "any person who later holds" not in text
    assert "“Parties”" not in text and "“Party”" not in text and "Host Part" not in text
    assert not re.search(r"\b(?:the|each|any|other|a) Part(?:y|ies)\b", text)
    # the job specification is not contractual, and the agreement agrees
    post = clause_text(docs["contract"], "Your post")
    assert "The Job Specification does not form part of this Variation or of your terms of " \
           "employment" in post
    assert "forms part of this Variation" not in text
    assert "“Variation” means this variation to the Contract, including its schedules;" in text
    n_var = clause_number(docs, "agreement", "agreement.variation")
    agreement_post = clause_text(docs["agreement"], "The Post and the Post-holder")
    assert "It does not form part of the Contract" in agreement_post
    assert f"recorded by the Steering Group under clause {n_var}.2" in agreement_post
    steering = next(p for p in numbered(docs["agreement"]) if p.startswith(f"{n_var}.2 "))
    assert "the Job Specification" in steering and "consulted" in steering
