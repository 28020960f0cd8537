"""The interview in a real browser (Debian's Chromium through Playwright), as an HR officer
would use it: a new post typed from the brief, saved, built and read back. (Split from
test_browser_interview.py, which holds the shorter journeys.)"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx_read import full_text as docx_text

import docgen

from .conftest import screenshot
from .helpers import choose, fill

BRIEF = ("Mid Sussex District Council and Horsham District Council share a Head of Legal "
         "Services (monitoring officer for both); Horsham employs; 50/50; salary £78,000, "
         "on-costs 28%; Priya Shah starts 1 April 2027; Horsham invoices Mid Sussex quarterly "
         "in arrears; 6 months' notice; she reverts to Horsham full time")


def date(page, field_id: str, day: int, month: int, year: int) -> None:
    for part, v in (("day", day), ("month", month), ("year", year)):
        page.fill(f"#f-{field_id}-{part}", str(v))


def step_done(page, shots: Path, name: str) -> None:
    """Screenshot the step as filled in, then Continue; the next page must have no error."""
    screenshot(page, shots / f"new-post-{name}.png")
    page.click("#continue")
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 0, f"{name}: {summary.first.inner_text()}"


def party(page, i: int, name: str, short: str, pid: str, address: str, signatory: str,
          email: str) -> None:
    fill(page, f"parties-{i}-name", name)
    fill(page, f"parties-{i}-short_name", short)
    page.click("#change-short-code summary")  # the short code waits behind a details
    fill(page, f"parties-{i}-id", pid)
    choose(page, f"parties.{i}.kind", "local_authority")
    fill(page, f"parties-{i}-address", address)
    fill(page, f"parties-{i}-signatory-name", signatory)
    fill(page, f"parties-{i}-signatory-title", "Chief Executive")
    fill(page, f"parties-{i}-notices-title", "Monitoring Officer")
    fill(page, f"parties-{i}-notices-email", email)


def type_new_post(page, shots: Path) -> None:
    """The brief, step by step (the answers a person would give)."""
    page.goto("/")
    page.click("#new-post")
    page.fill("#reference", "MSDC-HDC-LEGAL-01")  # "start from what is known"
    choose(page, "postholder_known", "yes")
    page.click("#continue")  # no organisation profiles here: on to the first section
    page.wait_for_url(re.compile(r".*/about$"))
    fill(page, "reference", "MSDC-HDC-LEGAL-01")
    choose(page, "status", "draft")
    choose(page, "jurisdiction", "england_and_wales")
    step_done(page, shots, "01-about")
    choose(page, "legal_basis", "lga_1972_s113")
    step_done(page, shots, "02-basis")
    page.click("#add-partner")  # partners one at a time
    party(page, 0, "Mid Sussex District Council", "Mid Sussex", "mid_sussex",
          "Oaklands, Oaklands Road, Haywards Heath RH16 1SS", "Kathryn Hall",
          "monitoring.officer@midsussex.example.gov.uk")
    step_done(page, shots, "03-partner-1")
    page.click("#add-partner")
    party(page, 1, "Horsham District Council", "Horsham", "horsham",
          "Parkside, Chart Way, Horsham RH12 1RL", "Jane Eaton",
          "monitoring.officer@horsham.example.gov.uk")
    step_done(page, shots, "03-partner-2")
    step_done(page, shots, "03-partners")
    choose(page, "employer", "horsham")
    step_done(page, shots, "04-employer")
    fill(page, "post-title", "Head of Legal Services")
    fill(page, "post-purpose", "To lead the legal services of both councils and to act as "
         "monitoring officer for each.")
    date(page, "post-start_date", 1, 4, 2027)
    fill(page, "post-hours_per_week", "37")
    choose(page, "post.locations.0.party", "horsham")
    fill(page, "post-locations-0-site", "Parkside, Horsham")
    choose(page, "post.politically_restricted", "yes")
    choose(page, "post.statutory_roles.0.party", "mid_sussex")
    fill(page, "post-statutory_roles-0-role", "Monitoring Officer")
    page.click('button[value="add-row:post.statutory_roles"]')
    choose(page, "post.statutory_roles.1.party", "horsham")
    fill(page, "post-statutory_roles-1-role", "Monitoring Officer")
    step_done(page, shots, "05-post")
    choose(page, "postholder_known", "yes")
    fill(page, "postholder-name", "Priya Shah")
    fill(page, "postholder-address", "12 Denne Road, Horsham RH12 1JF")
    date(page, "postholder-consulted_on", 15, 1, 2027)
    step_done(page, shots, "06-postholder")
    choose(page, "time_split.unit", "percent")
    fill(page, "time_split-shares-mid_sussex", "50")
    fill(page, "time_split-shares-horsham", "50")
    step_done(page, shots, "07-time-split")
    choose(page, "payment.mechanism", "salary_share")
    fill(page, "payment-salary", "£78,000")
    fill(page, "payment-on_costs-0-name", "Employer pension and National Insurance")
    fill(page, "payment-on_costs-0-percent", "28")
    choose(page, "payment.invoicing.frequency", "quarterly")
    choose(page, "payment.invoicing.timing", "arrears")
    fill(page, "payment-invoicing-payment_days", "30")
    choose(page, "payment.vat.treatment", "outside_scope")
    fill(page, "payment-vat-rationale", "Officer placed at the disposal of another local "
         "authority under s.113 of the Local Government Act 1972.")
    choose(page, "payment.expenses", "each_party_own_business")
    page.locator("#f-payment-expenses").blur()
    step_done(page, shots, "08-payment")
    fill(page, "confidentiality-protected_information-0", "legal advice given to one council")
    fill(page, "confidentiality-duration_after_end", "indefinite")
    choose(page, "confidentiality.data_protection", "separate_controllers")
    fill(page, "confidentiality-foi_consultation_days", "5")
    step_done(page, shots, "09-confidentiality")
    fill(page, "conflicts_of_interest-declare_within_days", "28")
    choose(page, "conflicts_of_interest.registers", "all_parties")
    fill(page, "conflicts_of_interest-excluded_matters-0",
         "advising either council in a dispute with the other")
    choose(page, "conflicts_of_interest.decided_by", "steering_group")
    step_done(page, shots, "10-conflicts")
    fill(page, "management-line_managers-mid_sussex", "Chief Executive")
    fill(page, "management-line_managers-horsham", "Chief Executive")
    choose(page, "management.hr_lead", "horsham")
    choose(page, "management.appraisal", "joint")
    step_done(page, shots, "11-management")
    fill(page, "governance-steering_group-name", "Joint Legal Services Board")
    choose(page, "governance.steering_group.members.0.party", "mid_sussex")
    fill(page, "governance-steering_group-members-0-role", "Chief Executive")
    page.click('button[value="add-row:governance.steering_group.members"]')
    choose(page, "governance.steering_group.members.1.party", "horsham")
    fill(page, "governance-steering_group-members-1-role", "Chief Executive")
    choose(page, "governance.steering_group.meets", "quarterly")
    fill(page, "governance-objectives-shared-0", "A single legal service for both councils")
    fill(page, "governance-objectives-mid_sussex-0", "Review the Mid Sussex constitution")
    fill(page, "governance-objectives-horsham-0", "Cut external legal spend at Horsham")
    fill(page, "governance-disputes-0-level", "Chief Executives")
    fill(page, "governance-disputes-0-days", "20")
    step_done(page, shots, "12-governance")
    fill(page, "review-trial_months", "12")
    fill(page, "review-reviews_after_months", "6, 12")
    fill(page, "review-then_every_months", "24")
    step_done(page, shots, "13-review")
    fill(page, "exit-notice_months", "6")
    choose(page, "exit.postholder_reverts_to", "horsham")
    choose(page, "exit.redundancy_costs", "cost_shares")
    choose(page, "exit.pension_strain_costs", "employer")
    step_done(page, shots, "14-exit")
    fill(page, "job-responsibilities-shared-0", "Lead a single legal service for both councils")
    fill(page, "job-responsibilities-mid_sussex-0", "Act as Mid Sussex's monitoring officer")
    fill(page, "job-responsibilities-horsham-0", "Act as Horsham's monitoring officer")
    fill(page, "job-relationships-internal-0", "Chief Executives of both councils")
    fill(page, "job-person_specification-0-criterion", "Qualified solicitor or barrister")
    page.select_option("#f-job-person_specification-0-area", "qualifications")
    choose(page, "job.person_specification.0.essential", "yes")
    page.check('input[name="job.person_specification.0.assessed_by"][value="application"]')
    step_done(page, shots, "15-job")


def test_new_post_from_the_brief_is_saved_built_and_read_back(page, server, shots, tmp_path):
    assert "Horsham" in BRIEF
    type_new_post(page, shots)
    assert page.url.endswith("/check")
    assert page.locator(".govuk-error-summary").count() == 0
    money = page.locator("#money").inner_text()
    assert "£99,840.00" in money and "£49,920.00" in money and "£12,480.00" in money
    screenshot(page, shots / "new-post-16-check-your-answers.png")
    page.fill("#name", "msdc-hdc-legal.yaml")
    page.click("#save")
    assert "Saved as msdc-hdc-legal.yaml" in page.inner_text(".govuk-notification-banner")
    saved = server.folder / "msdc-hdc-legal.yaml"

    out = tmp_path / "out"
    report = docgen.build([saved], out)
    assert [p.status for p in report.posts] == ["built"], [p.message for p in report.posts]
    folder = out / "MSDC-HDC-LEGAL-01"
    agreement = docx_text(folder / "MSDC-HDC-LEGAL-01-agreement.docx")
    contract = docx_text(folder / "MSDC-HDC-LEGAL-01-contract.docx")
    job_spec = docx_text(folder / "MSDC-HDC-LEGAL-01-job-spec.docx")
    for text in (agreement, contract, job_spec):
        assert "Mid Sussex District Council" in text and "Horsham District Council" in text
        assert "Head of Legal Services" in text
    assert "Priya Shah" in contract
    assert "£99,840.00" in agreement and "£49,920.00" in agreement
    assert "£12,480.00" in agreement
    assert re.search(r"six months|6 months", agreement)
    assert "1 April 2027" in contract

    # what the browser built is what `docgen build` builds from the saved file
    rendered = docgen.render(saved)
    for kind, name in (("agreement", "agreement"), ("contract", "contract"),
                       ("job_spec", "job-spec")):
        assert rendered.documents[kind] == (folder / f"MSDC-HDC-LEGAL-01-{name}.docx").read_bytes()
    with page.expect_download() as download:
        page.click("#download")
    with zipfile.ZipFile(download.value.path()) as zf:
        assert sorted(zf.namelist()) == sorted(f"MSDC-HDC-LEGAL-01-{n}.docx" for n in
                                               ("agreement", "contract", "job-spec"))
        assert zf.read("MSDC-HDC-LEGAL-01-contract.docx") == rendered.documents["contract"]
