"""An HR officer walking the interview by its Continue buttons, counting the pages seen:
from the task list, the first section not completed, then wherever each Continue leads,
until check your answers."""

from __future__ import annotations

import lxml.html

from .helpers import Interview

#: the answers a recruiting salary-share post of two profiled councils still needs after
#: the start page (as tests/web/test_start.py gives them), by section
TWO_COUNCILS: dict[str, dict[str, str]] = {
    "post": {"post.title": "Shared Head of People",
             "post.purpose": "To lead the people function of both councils.",
             "post.start_date-day": "01/09/2027", "post.hours_per_week": "37",
             "post.politically_restricted": "yes"},
    "time-split": {"time_split.shares.eastwick": "60", "time_split.shares.westmere": "40"},
    "management": {"management.line_managers.eastwick": "Chief Executive",
                   "management.line_managers.westmere": "Director of Resources"},
    "payment": {"payment.salary": "£52,000"},
    "job": {"job.responsibilities.shared.0": "Lead one people strategy",
            "job.person_specification.0.criterion": "Chartered MCIPD",
            "job.person_specification.0.area": "qualifications",
            "job.person_specification.0.essential": "yes",
            "job.person_specification.0.assessed_by": "application"},
}


def begin_two_councils(web: Interview, reference: str = "EWK-WSM-PEOPLE-01") -> str:
    """A new post of the two profiled councils, Westmere employing, recruiting, as the
    start page makes it; returns the page shown next (the task list)."""
    response = web.begin(reference, employer="westmere")
    assert response.status_code == 200, response.text[:2000]
    return response.text


def first_open_section(tasks_html: str) -> str:
    """The slug of the task list's first section that is not completed."""
    for item in lxml.html.fromstring(tasks_html).xpath(
            "//li[contains(@class, 'govuk-task-list__item')]"):
        status = " ".join(item.xpath("string(.//div[contains(@class, "
                                     "'govuk-task-list__status')])").split())
        link = item.xpath(".//a[contains(@class, 'govuk-task-list__link')]/@href")
        if status != "Completed" and link:
            return str(link[0]).rsplit("/", 1)[1].split("?", 1)[0]  # not ?from=tasks
    raise AssertionError("every section is completed")


def walk(web: Interview, answers: dict[str, dict[str, str]], tasks_html: str) -> list[str]:
    """The pages an officer sees from the task list to check your answers, answering each
    section from ``answers`` (a section not in it is continued as it stands)."""
    return ["tasks", *walk_from(web, answers, first_open_section(tasks_html))]


def walk_from(web: Interview, answers: dict[str, dict[str, str]], slug: str) -> list[str]:
    """The pages seen from section ``slug`` on, by Continue, to check your answers."""
    seen: list[str] = []
    while slug != "check":
        assert len(seen) < 40, seen
        seen.append(slug)
        values = {k.replace(".", "__"): v for k, v in answers.get(slug, {}).items()}
        response = web.submit(slug, **values)
        assert response.status_code == 200, (slug, response.text[:2000])
        slug = response.url.path.split(f"/edit/{web.base.rsplit('/', 1)[1]}/", 1)[1]
    seen.append("check")
    return seen


def begin_council_and_nhs(web: Interview) -> str:
    """A Director of Public Health of Eastwick (profiled, employing) and an NHS body with no
    profile, the post-holder named, as the start page makes it; returns the page it shows
    next (the NHS body's own partner page), whose details are then given."""
    web.new()
    response = web.client.post(f"{web.base}/begin", data={
        "csrf_token": web.token, "action": "continue", "reference": "EWK-ICB-DPH-01",
        "partners": ["eastwick", "-other-"], "employer": "eastwick",
        "other_name": "Southvale Integrated Care Board", "other_kind": "nhs_body",
        "postholder_known": "yes"})
    assert response.url.path.endswith("/partners/1"), response.url
    return response.text
