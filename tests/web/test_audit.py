"""Found walking the interview as an HR officer (a joint Head of HR for two boroughs, a
council and NHS Director of Public Health): dead ends and pages that said nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_start import _states  # noqa: E402
from .test_wording import visible_text  # noqa: E402
from .walk import begin_two_councils  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
ORGANISATIONS = Path(__file__).resolve().parent / "data" / "organisations"


def _summary(html: str) -> list[str]:
    return [" ".join(li.text_content().split()) for li in lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//li")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.split("\nacknowledge:")[0] + "\n"  # its warnings left open to accept
    (tmp_path / "unnamed.yaml").write_text(text.replace("name: Morgan Ellis", "name: tbc"),
                                           encoding="utf-8")
    return tmp_path


def test_a_value_not_known_yet_cannot_be_accepted_into_a_post_that_cannot_be_made(folder):
    """"The post-holder's name is not known yet" offered "Accept this warning with a
    reason"; accepting it wrote a rule id docgen refuses, and check your answers then said
    "This is not known yet, but the documents need it; fill it in", linked to the
    reference, with no page that could take it back: the documents could not be made."""
    web = Interview(folder)
    web.open("unnamed.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert "The post-holder's name is not known yet" in visible_text(check)
    rules = lxml.html.fromstring(check).xpath(
        "//form[contains(@action, '/acknowledge')]//input[@name='rule']/@value")
    assert rules and "TBC" not in rules, rules  # real rules can still be accepted
    after = web.client.post(f"{web.base}/acknowledge", data={
        "csrf_token": web.token, "rule": "TBC", "reason": "Named at appointment",
        "back": "check"})
    assert after.status_code == 200 and _summary(after.text) == []
    assert "Download the documents" in after.text
    web.save("unnamed.yaml")
    assert docgen.check(folder / "unnamed.yaml").errors == []


def test_another_power_left_unnamed_shows_on_check_your_answers_and_the_task_list(tmp_path):
    """With "another power" chosen and the power not named, check your answers showed no
    problem and no documents, and the task list had Legal basis completed: nothing said
    what to do."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (tmp_path / "other.yaml").write_text(
        text.replace("legal_basis: lga_1972_s113", "legal_basis: other"), encoding="utf-8")
    web = Interview(tmp_path)
    web.open("other.yaml")
    said = _summary(web.client.get(f"{web.base}/check").text)
    assert said == ["Legal basis: Name the power the arrangement is made under"], said
    assert _states(web.client.get(f"{web.base}/tasks").text)["Legal basis"] == "In progress"


def _bare(tmp_path: Path) -> Interview:
    """A new post in a folder without organisation profiles, past the start page."""
    web = Interview(tmp_path)
    web.new()
    web.client.post(f"{web.base}/begin", data={
        "csrf_token": web.token, "action": "continue", "reference": "EWK-WSM-HR-09",
        "postholder_known": "no"})
    return web


def test_a_page_left_empty_says_what_each_of_its_questions_needs(tmp_path):
    """Continue on an empty page of a new post said "‘post’ is required here but missing
    (The job being shared); add it, e.g. title Shared Head of HR%": the section was
    missing, so the message named no question; each question it needs now says so."""
    web = _bare(tmp_path)
    said = _summary(web.submit("post").text)
    assert said[:4] == ["Enter the job title", "Enter why the post exists",
                        "Enter the start date", "Enter the hours a week, for example 37"]
    assert "Select yes if the post is politically restricted" in said
    payment = _summary(web.submit("payment").text)
    assert "Enter the salary, for example 52000" in payment
    assert not [s for s in said + payment if "required" in s or "‘" in s or "%" in s]
    assert "Enter the months of notice, for example 6" in _summary(web.submit("exit").text)
    assert _summary(web.submit("employer").text) == [
        "Select which partner employs the post-holder"]  # said once


def test_pages_whose_answers_are_all_optional_can_be_left_blank(tmp_path):
    """Every answer on the Review page is optional, but a post must have the section: left
    blank, the page could not be left ("‘review’ is required here but missing … trial
    months 12%"), whatever was typed nowhere; the same for the job's relationships."""
    web = _bare(tmp_path)
    review = web.submit("review")
    assert review.status_code == 200, _summary(review.text)
    job = web.submit("job", **{"job.person_specification.0.criterion": "Chartered MCIPD",
                               "job.person_specification.0.area": "qualifications",
                               "job.person_specification.0.essential": "yes",
                               "job.person_specification.0.assessed_by": "application"})
    assert job.status_code == 200, _summary(job.text)
    web.save("bare.yaml")
    saved = (tmp_path / "bare.yaml").read_text(encoding="utf-8")
    assert "review: {}" in saved and "relationships: {}" in saved


@pytest.mark.parametrize(("mechanism", "anchor", "then"), [
    ("fixed_fee", "#f-payment-fee-amounts-westmere", []),
    ("time_fee", "#f-payment-fee-rate", ["#f-payment-fee-per", "#f-payment-fee-weeks_per_year"])])
def test_a_fee_not_given_is_said_beside_the_fee_not_the_choice_of_how_partners_pay(
        tmp_path, mechanism, anchor, then):
    """"Enter what each partner other than the employer pays a year" stood beside "How
    do the partners pay?" and its link went there, away from the boxes to fill in."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (tmp_path / "fee.yaml").write_text(text, encoding="utf-8")
    web = Interview(tmp_path)
    web.open("fee.yaml")
    response = web.submit("payment", payment__mechanism=mechanism)
    links = lxml.html.fromstring(response.text).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//a/@href")
    assert links == [anchor, *then], links  # a time fee's parts each at its own box
    groups = lxml.html.fromstring(response.text).xpath(
        f"//*[@id='{anchor[1:]}']/ancestor::div[contains(@class, 'govuk-form-group')]")
    assert any("govuk-form-group--error" in g.get("class", "") for g in groups), anchor
    mechanism_group = lxml.html.fromstring(response.text).xpath(
        "//*[@id='f-payment-mechanism']/ancestor::div[contains(@class, 'govuk-form-group')]")
    assert not any("--error" in g.get("class", "") for g in mechanism_group[-1:])


def test_a_legal_basis_of_another_law_is_not_completed_and_continue_goes_there(tmp_path):
    """Choosing Scotland for which law applies, after the start page had chosen section
    113, left Legal basis "Completed" (the mismatch is only a warning) while its page had
    no power selected, and Continue went on to The post, past it. Now it is to check again,
    said on the task list Continue leads to (its page shows section 113 chosen, with
    docgen's warning: tests/web/test_basis_elsewhere.py)."""
    shutil.copytree(ORGANISATIONS, tmp_path / "organisations")
    web = Interview(tmp_path)
    begin_two_councils(web)
    response = web.submit("about", jurisdiction="scotland")
    assert response.status_code == 200 and response.url.path.endswith("/tasks")
    assert "The law of Scotland now applies, but the legal basis chosen, Section 113 of the " \
        "Local Government Act 1972 (England and Wales), is a power in England and Wales" \
        in " ".join(lxml.html.fromstring(response.text).text_content().split())
    assert _states(web.client.get(f"{web.base}/tasks").text)["Legal basis"] == "Check again"
    response = web.submit("basis", legal_basis="lgs_1966_s35")
    assert response.status_code == 200 and not response.url.path.endswith("/basis")
    assert _states(web.client.get(f"{web.base}/tasks").text)["Legal basis"] == "Completed"


def test_a_page_not_answered_yet_does_not_warn_that_its_answers_are_not_known(tmp_path):
    """Opening Post-holder for a named officer, before typing anything, showed three
    warnings ("The post-holder's name is not known yet", their address, when they were
    consulted): the officer had not had the chance to give them. Left blank on Continue,
    they are warned about as before."""
    shutil.copytree(ORGANISATIONS, tmp_path / "organisations")
    web = Interview(tmp_path)
    web.begin("EWK-WSM-HR-10", postholder_known="yes")
    first = visible_text(web.client.get(f"{web.base}/postholder").text)
    assert "not known yet" not in first
    web.submit("postholder", **{"postholder.name": "Morgan Ellis"})
    again = visible_text(web.client.get(f"{web.base}/postholder").text)
    assert "The post-holder's home address is not known yet" in again
    assert "name is not known yet" not in again


@pytest.mark.parametrize("rule", ["TBC", "GP999"])
def test_an_acceptance_docgen_cannot_use_can_be_removed_on_check_your_answers(tmp_path, rule):
    """A file accepting a warning docgen does not have (typed by hand, or a value not
    known yet accepted in an older version) showed an error linked to the post's reference
    ("This is not known yet, but the documents need it; fill it in"): no page could remove
    it, so the documents could never be made."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text += f"  - rule: {rule}\n    reason: Accepted by mistake\n"
    (tmp_path / "stale.yaml").write_text(text, encoding="utf-8")
    web = Interview(tmp_path)
    web.open("stale.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert _summary(check) == ["A warning accepted for this post is not one docgen checks: "
                               "remove it under \u2018Accepted warnings to put right\u2019"]
    links = lxml.html.fromstring(check).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//a/@href")
    assert links[0].endswith("/check#stale-acceptances")
    assert "Accepted by mistake" in visible_text(check)
    form = lxml.html.fromstring(check).xpath(
        "//div[@id='stale-acceptances']//form")[0]
    after = web.client.post(f"{web.base}/acknowledge", data=dict(form.form_values()))
    assert _summary(after.text) == [] and "Download the documents" in after.text
    web.save("stale.yaml")
    saved = (tmp_path / "stale.yaml").read_text(encoding="utf-8")
    assert "Accepted by mistake" not in saved and "rule: GP014" in saved  # the real one kept


def test_a_fixed_fee_is_asked_only_of_the_partners_that_pay_it(tmp_path):
    """"What each partner pays the employer a year" had a box for the employer too; an
    amount typed there was refused ("the Council is the employer … it cannot invoice
    itself a fee"), a wasted answer and an error for the officer to undo."""
    shutil.copy(EXAMPLES / "joint-director-public-health.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("joint-director-public-health.yaml")
    boxes = [k for k in web.form("payment") if k.startswith("payment.fee.amounts.")]
    assert boxes == ["payment.fee.amounts.icb"], boxes  # the Council employs
    response = web.submit("payment", **{"payment.fee.amounts.icb": "53000"})
    assert response.status_code == 200, _summary(response.text)
    web.save("joint-director-public-health.yaml")
    assert docgen.load(tmp_path / "joint-director-public-health.yaml").payment.fee.amounts \
        == {"icb": 53000}


def _labels(html: str) -> set[str]:
    return {" ".join(label.text_content().split()).removesuffix(" (optional)")
            .removesuffix(" (needed before the post is final)")
            for label in lxml.html.fromstring(html).xpath(
                "//form[@id='step-form']//*[self::label or self::legend]")}


RECRUIT = {"Probation period, in months", "Pension scheme of the new contract",
           "Post offered before any redundancy"}
NAMED = {"Which post do they return to?", "Grade of that post",
         "Months of pay protection if that post pays less"}
THREE = {"If the employer's withdrawal ends the arrangement, who pays the exit costs?",
         "For how many months does a partner that leaves still share exit costs?"}


def test_questions_that_cannot_apply_to_this_post_are_not_asked(tmp_path):
    """A named Head of HR shared by two boroughs was asked a recruit's probation, pension
    scheme and fall-back post ("Only for a post being recruited to"; given, they have no
    effect, rule GP049) and two questions "Only for three or more partners"; a recruit was
    asked which post they return to."""
    for name in ("shared-head-of-hr.yaml", "shared-legal-services-three-councils.yaml"):
        shutil.copy(EXAMPLES.parents[2] / "inputs" / name, tmp_path)
    shutil.copytree(EXAMPLES.parents[2] / "inputs" / "organisations",
                    tmp_path / "organisations")
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    named = _labels(web.client.get(f"{web.base}/post").text) | _labels(
        web.client.get(f"{web.base}/exit").text)
    assert not named & (RECRUIT | THREE) and named >= NAMED
    web.open("shared-legal-services-three-councils.yaml")
    assert _labels(web.client.get(f"{web.base}/exit").text) >= THREE
    begin_two_councils(web)  # recruiting
    recruit = _labels(web.client.get(f"{web.base}/post").text) | _labels(
        web.client.get(f"{web.base}/exit").text)
    assert recruit >= RECRUIT and not recruit & (NAMED | THREE)


def test_a_recruits_term_given_for_a_named_post_holder_is_still_shown_to_remove(tmp_path):
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.replace("  hours_per_week: 37\n", "  hours_per_week: 37\n  probation_months: 6\n")
    assert "probation_months: 6" in text
    (tmp_path / "probation.yaml").write_text(text, encoding="utf-8")
    web = Interview(tmp_path)
    web.open("probation.yaml")
    post = web.client.get(f"{web.base}/post").text
    assert "Probation period, in months" in _labels(post)
    assert "have no effect" in visible_text(post)  # rule GP049's warning, beside it


def test_a_new_post_cannot_take_the_reference_of_a_post_in_the_folder(tmp_path):
    """A new post given the reference of a post already in the folder was saved beside it
    under another file name; `docgen build` then built one of the two and failed the other
    ("reference already taken"), which the officer learned only then."""
    shutil.copytree(ORGANISATIONS, tmp_path / "organisations")
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.new()
    data = {"csrf_token": web.token, "action": "continue", "reference": "ewk-wsm-hr-01",
            "partners": ["eastwick", "westmere"], "employer": "eastwick",
            "postholder_known": "no"}
    refused = web.client.post(f"{web.base}/begin", data=data)
    assert refused.status_code == 422
    assert _summary(refused.text) == [
        "ewk-wsm-hr-01 is already the reference of the post in shared-head-of-hr.yaml; give "
        "this post its own, for example with the next number"]
    taken = web.client.post(f"{web.base}/begin", data={**data, "reference": "EWK-WSM-HR-02"})
    assert taken.status_code == 200 and taken.url.path.endswith("/tasks")


def test_a_copy_given_the_reference_of_the_post_it_copies_is_told_so(tmp_path):
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    copied = web.client.post("/new", data={"csrf_token": web.token,
                                           "start": "copy:shared-head-of-hr.yaml"})
    web.base = str(copied.url).rsplit("/", 1)[0]
    said = "Another post in the folder already has this reference; give this post its " \
        "own, for example with the next number, or, if this is a new version of that post, " \
        "replace that post when you save it on Check your answers"
    response = web.submit("about", reference="EWK-WSM-HR-01")
    assert response.status_code == 422 and _summary(response.text) == [said]
    assert f"About the arrangement: {said}" in _summary(
        web.client.get(f"{web.base}/check").text)
    assert web.submit("about", reference="EWK-WSM-HR-02").status_code == 200
    web.open("shared-head-of-hr.yaml")  # the post itself is not told its own reference
    assert _summary(web.client.get(f"{web.base}/check").text) == []
