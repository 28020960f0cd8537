"""A scripted HR officer in Chromium who makes the honest mistakes, comes back after a
restart and gets the documents (split from test_browser_round2.py so that it runs beside
the accessibility checks under pytest-xdist)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docgen

from .conftest import Server, screenshot
from .helpers import round2_workspace


def test_a_scripted_hr_officer_with_honest_mistakes_and_a_restart(browser, tmp_path, shots):
    workspace = round2_workspace(tmp_path)
    out = shots / "round2"
    filled = 0

    def fill(page, selector: str, value: str) -> None:  # noqa: ANN001
        nonlocal filled
        filled += 1
        page.fill(selector, value)

    def check(page, selector: str) -> None:  # noqa: ANN001
        nonlocal filled
        filled += 1
        page.check(selector)

    def messages(page) -> list[str]:  # noqa: ANN001
        page.locator(".govuk-error-summary").wait_for()
        return [t.strip() for t in page.locator(".govuk-error-summary__list li").all_inner_texts()]

    with Server(workspace) as server:
        context = browser.new_context(base_url=server.url, viewport={"width": 1280,
                                                                     "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto("/")
        page.click("#new-post")
        fill(page, "#reference", "EWK-WSM-PEOPLE-02")
        check(page, 'input[name="partners"][value="eastwick"]')
        check(page, 'input[name="partners"][value="westmere"]')
        check(page, 'input[name="employer"][value="eastwick"]')
        check(page, 'input[name="postholder_known"][value="no"]')
        page.click("#continue")
        page.wait_for_url(re.compile(r".*/tasks$"))
        page.click("a.govuk-task-list__link:text('The post')")
        fill(page, "#f-post-title", "Shared Head of People")
        fill(page, "#f-post-purpose", "To lead the people function of both councils.")
        fill(page, "#f-post-start_date-day", "01/09/2027")  # the whole date in one box
        fill(page, "#f-post-hours_per_week", "37")
        check(page, 'input[name="post.politically_restricted"][value="no"]')
        page.click("#continue")
        page.wait_for_url(re.compile(r".*/time-split$"))  # Post-holder: already completed
        fill(page, "#f-time_split-shares-eastwick", "60")
        fill(page, "#f-time_split-shares-westmere", "50")  # a mistake
        page.click("#continue")
        assert messages(page) == ["Shares add up to 110%; they must add up to 100%"]
        screenshot(page, out / "officer-shares-mistake.png")
        page.fill("#f-time_split-shares-westmere", "40")
        page.click("#continue")
        page.wait_for_url(re.compile(r".*/payment$"))
        fill(page, "#f-payment-salary", "")  # a required field left empty
        page.click("#continue")
        assert messages(page) == ["Enter the salary, for example 52000"]
        fill(page, "#f-payment-salary", "£52,000")  # money as people write it
        page.click("#later")  # Save and come back later
        page.wait_for_url(re.compile(r".*/\?kept=.*"))
        context.close()

    with Server(workspace) as server:  # a restart: the draft is still there
        context = browser.new_context(base_url=server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto("/")
        page.click("#draft-1")
        page.goto(page.url.rsplit("/", 1)[0] + "/management")
        fill(page, "#f-management-line_managers-eastwick", "Chief Executive")
        fill(page, "#f-management-line_managers-westmere", "Director of Resources")
        page.click("#continue")
        page.goto(page.url.rsplit("/", 1)[0] + "/job")
        fill(page, "#f-job-responsibilities-shared-0", "Lead one people strategy")
        fill(page, "#f-job-person_specification-0-criterion", "Chartered MCIPD")
        page.select_option("#f-job-person_specification-0-area", "qualifications")
        filled += 1
        check(page, 'input[name="job.person_specification.0.essential"][value="yes"]')
        check(page, 'input[name="job.person_specification.0.assessed_by"]'
                    '[value="application"]')
        walked = []  # Continue walks the sections of docgen's suggestions, confirming each
        while True:
            with page.expect_navigation():
                page.click("#continue")
            if page.url.endswith("/check") or len(walked) > 5:
                break
            walked.append(page.url.rsplit("/", 1)[1])
        assert walked == ["governance", "review", "exit"], walked
        page.wait_for_url(re.compile(r".*/check$"))
        main = page.inner_text("main")
        assert "£52,000.00" in main and "1 September 2027" in main
        assert "Not answered yet" not in main
        screenshot(page, out / "officer-check.png")
        page.click("#preview-contract")
        assert "Contract of employment" in page.inner_text("h1")
        page.go_back()
        with page.expect_download() as download:
            page.click("#download")
        zipped = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
        page.fill("#name", "ewk-wsm-people-02.yaml")
        page.click("#save")
        page.locator(".govuk-notification-banner--success").wait_for()
        context.close()
    assert filled <= 25, filled
    built = docgen.render(workspace / "ewk-wsm-people-02.yaml").documents
    assert built["contract"] == zipped.read("EWK-WSM-PEOPLE-02-contract.docx")
