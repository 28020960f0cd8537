""""Final" refused lists, once and the same each time, every answer still to give and every
warning still open, each linked to its question (from docgen's problems, never its counts
in English): a recruit's post is refused for the appointee's name and address alone (not
also for the warning naming that gap) and may be made final without its contract; a
partner's signatory not known yet is said in plain words on check your answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.web.final_now import FINAL_NOW  # noqa: E402

from .conftest import add_profiles  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402
from .walk import TWO_COUNCILS  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
#: the NHS trust's director of public health, with three answers not known yet: the
#: Trust's signatory, the post-holder's home address and the date they were consulted
DPH = (ROOT / "tests" / "data" / "legal" / "nhs-trust-employs-dph.yaml").read_text(
    encoding="utf-8").replace("name: Dr Owen Pryce", "name: tbc").replace(
    "address: 22 Cathedral Close, Haldon HX1 2AB", "address: tbc").replace(
    "consulted_on: 2027-04-05", "consulted_on: tbc")


def _refused(web: Browser) -> Shown:
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422 and refused.path.endswith("/about"), refused.text()
    return refused


def _before_final(page: Shown) -> list[list[str]]:
    return page.links("//div[@id='before-final']//a")


def _recruit(folder: Path) -> Browser:
    """A new post of the two profiled councils, the post-holder not known yet, every
    section answered, docgen's suggestions checked (Continue on each section holding
    them: "Final" waits for them, test_hr_review_a_final_suggested.py) and every warning
    accepted."""
    web = Browser(add_profiles(folder))
    tasks = web.begin("EWK-WSM-PEOPLE-01")
    assert tasks.status_code == 200, tasks.text[:2000]
    for slug, answers in TWO_COUNCILS.items():
        sent = web.submit(slug, **{k.replace(".", "__"): v for k, v in answers.items()})
        assert sent.status_code == 200, (slug, sent.text[:2000])
    listed = web.go(f"{web.base}/tasks")
    suggested = [li.xpath(".//a")[0].get("href") for li in listed.find(
        "//li[contains(@class,'govuk-task-list__item')]"
        "[.//strong[.='Suggested answers']]")]
    assert suggested, "no section of docgen's suggestions to check"
    for href in suggested:
        web.press(web.go(href, listed))
    web.accept_every_warning()
    return web


def test_a_recruit_is_refused_for_the_appointee_alone(folder: Path) -> None:
    web = _recruit(folder)
    refused = _refused(web)
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert "It cannot be final yet: 1 answer is still to be given." in said, said
    assert "warning" not in said.split("Or make")[0], said  # the gap's own warning: not
    # counted again (it names the same gap, the only warning open)
    assert "Or make the agreement and job specification final now, and the contract " \
        "once the appointee is known." in said, said
    link = f"{refused.path[:-6]}/postholder#f-postholder-name"  # as its page's errors link
    assert _before_final(refused) == [["Give the name and address of the person appointed, "
                                       "once known", link]]
    assert web.go(link).find("//input[@id='f-postholder-name']")  # a box of that id
    assert refused.checked("status") == ["draft"]


def test_a_recruit_may_be_final_without_the_contract(folder: Path) -> None:
    web = _recruit(folder)
    _refused(web)
    sent = web.submit("about", action=FINAL_NOW)  # the refusal's button (step.html)
    assert sent.status_code == 200 and not sent.url.path.endswith("/about"), sent.text
    assert web.form("about")["status"] == ["final"]
    check = web.go(f"{web.base}/check")
    assert check.errors() == [], check.errors()
    assert web.client.get(f"{web.base}/preview/agreement").status_code == 200
    assert web.client.get(f"{web.base}/preview/contract").status_code == 404  # made later
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["documents"] == ["agreement", "job_spec"]
    named = web.submit("postholder", postholder_known="yes", postholder__name="Sam Okoro")
    assert "documents" not in draft.doc  # the appointee known: the contract is made again
    # ... and, its address and consultation still to give, the post is a draft again (kept
    # final, every document was refused), the next page saying why
    assert draft.doc["status"] == "draft"
    assert web.form("about")["status"] == ["draft"]
    assert "This post is a draft again" in named.text, named.text[:3000]
    assert web.client.get(f"{web.base}/preview/agreement").status_code == 200
    assert web.client.get(f"{web.base}/preview/contract").status_code == 200


def test_a_stale_final_now_keeps_the_contract_of_a_named_appointee(folder: Path) -> None:
    """"Final now" sent from About's refusal shown before the appointee was named (in
    another tab) is refused: the named post-holder's contract is not dropped."""
    web = _recruit(folder)
    shown = _refused(web)  # the button, on a page kept open
    web.submit("postholder", postholder_known="yes", postholder__name="Sam Okoro",
               postholder__address="1 High St", **{"postholder__consulted_on-day": "1",
                                                   "postholder__consulted_on-month": "2",
                                                   "postholder__consulted_on-year": "2027"})
    web.submit("exit", exit__reversion_post="Head of HR", exit__reversion_grade="G9")
    web.accept_every_warning()
    sent = web.press(shown, "#final-now")
    assert sent.status == 422 and sent.path.endswith("/about"), sent.text()
    assert "the person appointed has been named since this page was shown" in \
        sent.text("//div[contains(@class, 'govuk-error-summary')]")
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and "documents" not in draft.doc
    assert draft.doc["status"] == "draft"
    assert web.client.get(f"{web.base}/preview/contract").status_code == 200


def test_the_final_button_refuses_more_than_the_contract(folder: Path) -> None:
    """With another answer still to give, "final now" keeps nothing: still a draft of all
    three documents, and the refusal lists what the agreement and job specification need."""
    web = _recruit(folder)
    web.submit("post", post__title="tbc")
    sent = web.submit("about", action=FINAL_NOW)
    assert sent.status_code == 422, sent.text[:2000]
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and "documents" not in draft.doc
    assert draft.doc["status"] == "draft"
    assert [text for text, _ in _before_final(Shown(sent))] == ["Give the job title"]


def _dph(tmp_path: Path) -> Browser:
    folder = tmp_path / "answers"
    folder.mkdir()
    return Browser.on(folder, "dph.yaml", DPH)


def test_every_answer_not_known_and_every_open_warning_is_listed(tmp_path: Path) -> None:
    web = _dph(tmp_path)
    base = web.base.split("testserver", 1)[1]
    wanted = [
        ["Give the name of the person who signs for the Trust",
         f"{base}/partners/1#f-parties-1-signatory-name"],
        ["Give the post-holder's home address", f"{base}/postholder#f-postholder-address"],
        ["Give the date they were consulted",
         f"{base}/postholder#f-postholder-consulted_on-day"],
        # GP054 (a council's director of public health held by an NHS employee placed at
        # its disposal under s.113(1A)(b): s.113(2) deems only s.113(1) officers its own)
        ["Accept or put right the warning about the power the arrangement is made under "
         "(Legal basis)", f"{base}/basis#f-legal_basis"],
        ["Accept or put right the warning about the percentage for ‘Employer National "
         "Insurance’ (Payment)", f"{base}/payment#f-payment-on_costs-1-percent"],
        # GP065 (an NHS employer's grade on council terms), GP066 (the NHS Pension Scheme's
        # full employer rate, part of it paid centrally)
        ["Accept or put right the warning about the pay grade (The post)",
         f"{base}/post#f-post-grade"],
        ["Accept or put right the warning about the percentage for ‘Employer pension "
         "contribution (NHS Pension Scheme)’ (Payment)",
         f"{base}/payment#f-payment-on_costs-0-percent"]]
    refused = _refused(web)
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert "3 answers are still to be given and 4 warnings are not accepted or put right" \
        in said, said
    assert _before_final(refused) == wanted
    check = web.go(f"{web.base}/check")  # named and linked as check your answers does
    assert check.links("//a[contains(., 'who signs for')]") == [[
        "Partners: The name of the person who signs for the Trust is not known yet; the "
        "documents show a highlighted gap until it is given", wanted[0][1]]]
    assert _before_final(_refused(web)) == wanted  # the same list again
    web.accept_every_warning()  # the warning accepted: the three answers remain
    assert _before_final(_refused(web)) == wanted[:3]
    form = {k: v for k, v in web.form("postholder").items() if k != "postholder.address-tbc"}
    web.client.post(f"{web.base}/postholder", data={
        **form, "postholder.address": "22 Cathedral Close, Haldon HX1 2AB",
        "action": "continue"})  # "not known yet" unticked, the address typed
    assert _before_final(_refused(web)) == [wanted[0], wanted[2]]


def test_the_gaps_are_docgen_problems_at_their_questions() -> None:
    """What the web lists is docgen's data: each gap a final post shows is an error at the
    question that fills it (code gap_final), beside FINAL's count."""
    data: dict[str, Any] = load_yaml((ROOT / "docgen" / "data" / "examples"
                                      / "shared-head-of-hr.yaml").read_text("utf-8"))
    data = {k: v for k, v in data.items() if k != "postholder"} | {"status": "final"}
    gaps = [p for p in docgen.check(data).errors if p.code == "gap_final"]
    assert [p.path for p in gaps] == [("postholder",)]
    assert not [p for p in docgen.check({**data, "documents": ["agreement", "job_spec"]})
                .errors if p.code == "gap_final"]


def test_a_signatory_not_known_yet_is_said_in_plain_words(tmp_path: Path) -> None:
    web = _dph(tmp_path)
    said = web.go(f"{web.base}/check").text()
    assert "tbc" not in said.lower(), said
    assert "signed by the Chief Executive (name not known yet)" in said, said



def test_the_refusal_offers_the_button_to_make_the_rest_final(folder: Path) -> None:
    """The refusal's "Make the agreement and job specification final now" is a button on
    About (inside "Before the post can be final", sending About's form): pressed, the post
    is final with the agreement and job specification only, and saved so."""
    web = _recruit(folder)
    refused = _refused(web)
    button = refused.by_id("final-now")
    assert button.get("form") == "step-form" and " ".join(button.text_content().split()) \
        == "Make the agreement and job specification final now"
    assert refused.find("//div[@id='before-final']//button[@id='final-now']")
    done = web.press(refused, "#final-now")
    assert done.status == 200 and not done.path.endswith("/about"), done.text()
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["documents"] == ["agreement", "job_spec"]
    assert draft.doc["status"] == "final"
    assert web.save("recruit").status_code < 400
    saved = load_yaml((folder / "recruit.yaml").read_text("utf-8"))
    assert saved["documents"] == ["agreement", "job_spec"] and saved["status"] == "final"
