"""Start from what is known: partners from the organisation profiles, the employer, whether
the post-holder is known; the task list; copying a post; check your answers in human form."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "workspace"
    shutil.copytree(HERE / "data" / "organisations", out / "organisations")
    return out


class Person(Interview):
    """A scripted HR officer who counts every field they fill in."""

    filled = 0

    def fill(self, slug: str, **changes: str):  # noqa: ANN201
        self.filled += len(changes)
        return self.submit(slug, **changes)

    def begin(self, **answers: object):  # noqa: ANN201
        data: dict[str, object] = {"csrf_token": self.token, "action": "continue"}
        for key, value in answers.items():
            data[key] = value
            self.filled += len(value) if isinstance(value, list) else 1
        return self.client.post(f"{self.base}/begin", data=data)


def _states(html: str) -> dict[str, str]:
    doc = lxml.html.fromstring(html)
    out = {}
    for item in doc.xpath("//li[contains(@class, 'govuk-task-list__item')]"):
        name = item.xpath(".//div[contains(@class, 'govuk-task-list__name-and-hint')]")[0]
        status = item.xpath(".//div[contains(@class, 'govuk-task-list__status')]")[0]
        out[" ".join(name.text_content().split()).replace("Add the partners first", "")
            .strip()] = " ".join(status.text_content().split())
    return out


def test_a_recruiting_salary_share_post_needs_no_more_than_25_answers(folder):
    person = Person(folder)
    person.client.post("/new", data={"csrf_token": person.token, "start": ""})
    start = person.client.get("/").text
    assert "What we know" in start
    person.new()
    assert person.base.endswith(person.base.rsplit("/", 1)[1])
    begin = person.client.get(f"{person.base}/begin").text
    assert "London Borough of Eastwick" in begin and "Royal Borough of Westmere" in begin
    wrong = person.begin(reference="EWK-WSM-PEOPLE-01", partners=["eastwick"])
    assert wrong.status_code == 422 and "Select at least two partners" in wrong.text
    person.filled = 0
    tasks = person.begin(reference="EWK-WSM-PEOPLE-01", partners=["eastwick", "westmere"],
                         employer="westmere", postholder_known="no")
    assert tasks.url.path.endswith("/tasks")
    states = _states(tasks.text)
    assert states["Partners"] == "Completed"
    assert states["The post"] == "In progress"  # the places of work come from the profiles
    assert states["Post-holder"] == "Completed" and states["Payment"] == "In progress"

    person.fill("post", post__title="Shared Head of People",
                post__purpose="To lead the people function of both councils.",
                **{"post.start_date-day": "01/09/2027"},
                post__hours_per_week="37", post__politically_restricted="yes")
    person.fill("time-split", **{"time_split.shares.eastwick": "60",
                                 "time_split.shares.westmere": "40"})
    person.fill("management", **{"management.line_managers.eastwick": "Chief Executive",
                                 "management.line_managers.westmere": "Director of Resources"})
    person.fill("payment", payment__salary="£52,000")
    person.fill("job", **{"job.responsibilities.shared.0": "Lead one people strategy",
                          "job.person_specification.0.criterion": "Chartered MCIPD",
                          "job.person_specification.0.area": "qualifications",
                          "job.person_specification.0.essential": "yes",
                          "job.person_specification.0.assessed_by": "application"})
    assert person.filled <= 25, person.filled  # 20 today: 5 to start, 15 in the sections

    check = person.client.get(f"{person.base}/check").text
    assert "There is a problem" not in check, check[:3000]
    text = " ".join(lxml.html.fromstring(check).text_content().split())
    for human in ("£52,000.00", "Eastwick: 60%", "1 September 2027", "Yes",
                  "Not yet: we are recruiting", "Preview the contract of employment"):
        assert human in text, human
    assert "Not answered yet" not in text and "Contract variation" not in text
    tasks = person.client.get(f"{person.base}/tasks").text
    # every section answered: the officer's own, or docgen's suggestions still to look
    # over ("Suggested answers": Continue on the section's page keeps them; no answer more
    # to give)
    states = _states(tasks)
    suggested = {name for name, state in states.items() if state == "Suggested answers"}
    assert suggested == {"Conflicts of interest", "Governance", "Review", "Exit"}, states
    assert all(state == "Completed" for name, state in states.items()
               if name not in suggested), states
    assert f'href="/edit/{person.base.rsplit("/", 1)[1]}/check/payment"' in tasks
    section = person.client.get(f"{person.base}/check/payment").text
    assert "£52,000.00" in section and "Outside the scope of VAT" in section
    assert "Change" in section and "There is a problem" not in section

    zipped = person.client.get(f"{person.base}/download")
    assert zipped.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert "EWK-WSM-PEOPLE-01-contract.docx" in names
    assert person.save("ewk-wsm-people-01.yaml").status_code == 200
    saved = docgen.render(folder / "ewk-wsm-people-01.yaml")
    assert saved.documents["contract"] == zipfile.ZipFile(io.BytesIO(zipped.content)).read(
        "EWK-WSM-PEOPLE-01-contract.docx")  # the saved file builds the same bytes
    answers = docgen.load(folder / "ewk-wsm-people-01.yaml")
    assert answers.postholder is None and answers.employer == "westmere"
    assert [str(oc.percent) for oc in answers.payment.on_costs] == ["18.5", "15"]  # policy


def test_copy_an_existing_post_keeps_the_terms_and_asks_for_a_new_reference(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml", folder)
    web = Interview(folder)
    start = web.client.get("/").text
    assert "Copy an existing post: EWK-WSM-HR-01" in start
    copied = web.client.post("/new", data={"csrf_token": web.token,
                                           "start": "copy:shared-head-of-hr.yaml"})
    assert copied.url.path.endswith("/about")
    web.base = str(copied.url).rsplit("/", 1)[0]
    form = web.form("about")
    assert form["reference"] == ["EWK-WSM-HR-01-2"]  # one no post in the folder has
    assert web.form("payment")["payment.salary"] == ["92000"]
    assert web.submit("about", reference="EWK-WSM-HR-02").status_code == 200
    assert web.save("ewk-wsm-hr-02.yaml").status_code == 200
    assert docgen.load(folder / "ewk-wsm-hr-02.yaml").postholder is None


def test_without_profiles_the_task_list_says_what_cannot_start_yet(tmp_path):
    folder = tmp_path / "bare"
    folder.mkdir()
    web = Interview(folder)
    web.new()
    begin = web.client.get(f"{web.base}/begin").text
    assert "no organisation profiles in this folder" in begin
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Partners"] == "Not started" and states["Payment"] == "Cannot start yet"
    web.submit("about", reference="NEW-1", status="draft", jurisdiction="wales")
    assert _states(web.client.get(f"{web.base}/tasks").text)["About the arrangement"] == \
        "Completed"


def test_partners_are_added_changed_and_removed_one_at_a_time(tmp_path):
    folder = tmp_path / "bare"
    folder.mkdir()
    web = Interview(folder)
    web.new()
    assert "No partners yet" in web.client.get(f"{web.base}/partners").text
    person = {"parties.0.short_name": "Mid Sussex", "parties.0.kind": "local_authority",
              "parties.0.address": "Oaklands, Haywards Heath",
              "parties.0.signatory.name": "Kathryn Hall",
              "parties.0.signatory.title": "Chief Executive",
              "parties.0.notices.title": "Monitoring Officer",
              "parties.0.notices.email": "mo@midsussex.example.gov.uk"}
    missing = web.client.post(f"{web.base}/partners/0", data={"csrf_token": web.token,
                                                              **person})
    assert missing.status_code == 422
    assert "Enter Mid Sussex&#39;s legal name" in missing.text  # with profiles: the same words
    back = web.client.post(f"{web.base}/partners/0", data={
        "csrf_token": web.token, **person, "parties.0.name": "Mid Sussex District Council"})
    assert back.url.path.endswith("/partners") and "Mid Sussex District Council" in back.text
    second = {k.replace(".0.", ".1."): v.replace("Mid Sussex", "Horsham")
              for k, v in {**person, "parties.0.name": "Mid Sussex District Council"}.items()}
    web.client.post(f"{web.base}/partners/1", data={"csrf_token": web.token, **second})
    page = web.client.get(f"{web.base}/partners").text
    assert "Horsham District Council" in page and "Add another partner" in page
    done = web.submit("partners")
    assert done.url.path.endswith("/about")  # which law applies, not given yet, first
    employer = lxml.html.fromstring(web.client.get(f"{web.base}/employer").text)
    assert employer.xpath("//input[@name='employer']/@value") == ["mid_sussex", "horsham"]
    web.remove_partner(1)
    alone = web.submit("partners")
    assert alone.status_code == 422 and "Add at least two partners" in alone.text
    assert web.client.get(f"{web.base}/partners/5").status_code == 404
    stray = web.client.post(f"{web.base}/partners/live", data={"csrf_token": web.token})
    assert stray.status_code == 404 and "Mid Sussex" in web.client.get(
        f"{web.base}/partners").text  # a stray post never wipes the partners


@pytest.mark.parametrize(("reference", "said"), [
    ("my post / 2027 £", "Use only letters, numbers, dots, hyphens and underscores"),
    ("../../etc/x", "starting with a letter or number"),
    ("A" * 300, "must be 80 characters or fewer"),
    ("   ", "Enter a reference for this post"),
])
def test_a_reference_docgen_would_refuse_is_refused_on_the_first_page(
        folder: Path, reference: str, said: str) -> None:
    web = Person(folder)
    web.new()
    response = web.begin(reference=reference, partners=["eastwick", "westmere"],
                         employer="eastwick", postholder_known="no")
    assert response.status_code == 422 and response.url.path.endswith("/begin")
    page = lxml.html.fromstring(response.text)
    summary = page.xpath("//div[contains(@class, 'govuk-error-summary')]//a")
    assert [a.get("href") for a in summary] == ["#reference"]
    assert said in summary[0].text_content()
    assert said in page.get_element_by_id("reference-error").text_content()
    fine = web.begin(reference="EWK-WSM-NEW.01_a", partners=["eastwick", "westmere"],
                     employer="eastwick", postholder_known="no")
    assert fine.status_code == 200 and fine.url.path.endswith("/tasks")


def _counts(web: Interview) -> tuple[list[str], list[str]]:
    def said(html: str) -> list[str]:
        return re.findall(r"\d+ of \d+ sections completed", " ".join(
            lxml.html.fromstring(html).text_content().split()))
    return (said(web.client.get(f"{web.base}/tasks").text),
            said(web.client.get("/").text))


def test_the_start_page_counts_completed_sections_as_the_task_list_does(
        folder: Path) -> None:
    """A section left with an error (shares adding up to 90%, a half-answered post) is
    not completed on the start page either."""
    web = Person(folder)
    web.new()
    web.begin(reference="EWK-WSM-COUNT-01", partners=["eastwick", "westmere"],
              employer="eastwick", postholder_known="no")
    tasks, start = _counts(web)
    assert len(tasks) == 1 and start == tasks, (tasks, start)
    web.submit("time-split", **{"time_split.unit": "percent",
                                "time_split.shares.eastwick": "60",
                                "time_split.shares.westmere": "30"})
    web.submit("post", action="later")
    tasks, start = _counts(web)
    assert start == tasks, (tasks, start)
