"""The interview in a real browser (Debian's Chromium through Playwright), as an HR officer
would use it: a new post typed from the brief, saved, built and read back."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_read import full_text as docx_text

import docgen

from .conftest import screenshot

BRIEF = ("Mid Sussex District Council and Horsham District Council share a Head of Legal "
         "Services (monitoring officer for both); Horsham employs; 50/50; salary £78,000, "
         "on-costs 28%; Priya Shah starts 1 April 2027; Horsham invoices Mid Sussex quarterly "
         "in arrears; 6 months' notice; she reverts to Horsham full time")


def fill(page, field_id: str, value: str) -> None:
    page.fill(f"#f-{field_id}", value)


def choose(page, name: str, value: str) -> None:
    page.check(f'input[name="{name}"][value="{value}"]')


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


@pytest.mark.parametrize("step", ["time-split"])
def test_a_wrong_split_shows_the_error_summary_and_the_inline_error(page, shots, step):
    page.goto("/open/shared-head-of-hr.yaml")
    page.goto(page.url.replace("/check", f"/{step}"))
    fill(page, "time_split-shares-eastwick", "60")
    fill(page, "time_split-shares-westmere", "30")
    page.click("#continue")
    summary = page.locator(".govuk-error-summary")
    assert "Shares add up to 90%; they must add up to 100%" in summary.inner_text()
    inline = page.locator("#f-time_split-shares-error")
    assert inline.is_visible() and "add up to 90%" in inline.inner_text()
    screenshot(page, shots / "wrong-split.png")
    summary.locator("a").first.click()  # the summary links to the question's first box
    # (GOV.UK Frontend's error summary focuses it; the old link, #f-time_split-shares,
    # named no element, so nothing was focused)
    assert page.evaluate("document.activeElement.id") == "f-time_split-shares-eastwick"


def test_an_example_opened_changed_and_saved_keeps_its_comments(page, server, shots):
    page.goto("/")
    page.click("text=EWK-WSM-HR-01")
    page.click("a[href$='/payment?then=check']")  # "Change" beside the salary
    fill(page, "payment-salary", "94000")
    screenshot(page, shots / "example-payment.png")
    page.click("#continue")
    assert page.url.endswith("/check")  # straight back to check your answers
    assert "£94,000.00" in page.inner_text("main")
    page.click("#save")
    assert "Saved as shared-head-of-hr.yaml" in page.inner_text(".govuk-notification-banner")
    text = (server.folder / "shared-head-of-hr.yaml").read_text()
    assert text.splitlines()[1].startswith("# A Head of HR shared by two London boroughs")
    assert "  salary: 94000\n" in text
    assert "    signatory: {name: Priya Shah, title: Chief Executive}\n" in text  # flow style
    assert "pay_range: [88000, 96000]" in text


def test_live_checks_and_money_update_when_a_field_is_left(page, shots):
    page.goto("/open/shared-head-of-hr.yaml")
    base = page.url.rsplit("/", 1)[0]
    page.goto(base + "/time-split")
    fill(page, "time_split-shares-westmere", "30")
    page.locator("#f-time_split-shares-westmere").blur()
    inline = page.locator("#f-time_split-shares-error")
    inline.wait_for(state="visible")
    assert "Shares add up to 90%" in inline.inner_text()  # no submit: the script checked
    fill(page, "time_split-shares-westmere", "40")
    page.locator("#f-time_split-shares-westmere").blur()
    inline.wait_for(state="hidden")
    page.goto(base + "/payment")
    assert "£132,844.32" in page.inner_text("#money")
    fill(page, "payment-salary", "100000")
    page.locator("#f-payment-salary").blur()
    page.locator("#money", has_text="£100,000.00").wait_for()
    screenshot(page, shots / "live-money.png")
    assert "pay range" in page.inner_text("#warnings")  # salary outside the pay range


def test_keyboard_only_tab_to_fields_and_enter_submits(page, shots):
    page.goto("/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    for _ in range(30):  # Tab through the start page to the New post button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "new-post":
            break
    else:
        raise AssertionError("the New post button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/begin")  # start from what is known
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "reference":
            break
    else:
        raise AssertionError("the first question cannot be reached with Tab")
    page.keyboard.type("KEY-1")
    page.keyboard.press("Tab")  # to "Do you know who will hold the post?"
    page.keyboard.press("Space")
    page.focus("#reference")
    page.keyboard.press("Enter")  # Enter in a text field submits the page (Continue)
    page.wait_for_url("**/about")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-reference":
            break
    else:
        raise AssertionError("the first question cannot be reached with Tab")
    page.keyboard.press("Tab")  # to the status radios; arrows choose
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.name") == "jurisdiction"
    page.focus("#f-reference")
    screenshot(page, shots / "keyboard-about.png")
    page.keyboard.press("Enter")  # Enter in a text field submits the step (Continue)
    page.wait_for_url("**/basis")
    assert page.locator(".govuk-error-summary").count() == 0


def test_everything_works_with_javascript_off(browser, server, shots):
    context = browser.new_context(java_script_enabled=False, base_url=server.url)
    page = context.new_page()
    try:
        page.goto("/open/shared-head-of-hr.yaml")
        base = page.url.rsplit("/", 1)[0]
        page.goto(base + "/payment")
        rate = page.locator("#f-payment-fee-rate")
        assert rate.is_visible()  # conditional questions are simply shown
        choose(page, "payment.mechanism", "time_fee")
        rate.fill("450")
        choose(page, "payment.fee.per", "day")
        fill(page, "payment-fee-weeks_per_year", "44")
        page.click('button[value="add-row:payment.on_costs"]')  # a row, by a real submit
        assert page.locator("#f-payment-on_costs-2-name").input_value() == ""
        screenshot(page, shots / "no-js-payment.png")
        page.click("#continue")
        assert page.url.endswith("/check")  # every section completed: no section to walk
        page.goto(base + "/check")
        assert "A fee for time worked" in page.inner_text("main")
        page.click("#save")
        text = (server.folder / "shared-head-of-hr.yaml").read_text()
        assert "  fee:\n    rate: 450\n    per: day\n    weeks_per_year: 44\n" in text
    finally:
        context.close()
