"""What an HR officer's walkthrough found on the pages' words and links, each as a page shows
it to a browser without JavaScript:

- a required answer of a partner typed in had no "Not known yet" box (only once "tbc" was
  typed); left blank, the error did not say which partner;
- the partner page asked for an internal "Short code" beside the real questions;
- the statutory role's deputy had a garbled hint; "Which law applies?" had none, though
  "England and Wales" is then warned about for a statutory role;
- per-partner boxes were labelled with the full legal name; the employer page said "Select
  one of the partners" on arrival and "Select the employer" after Continue;
- a fixed fee's sums were "(optional)" and the salary share's cost shares were asked of it;
- answers the documents show as a gap were "(optional)", though Final is refused for them;
- Back on a section opened from the task list went to the section before it.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from yaml_text import load_yaml  # noqa: E402

from docgen.web.messages import error  # noqa: E402
from docgen.web.pages import templates  # noqa: E402

from .helpers import Browser, Shown, inputs_workspace, round2_workspace  # noqa: E402

TRUST = "Northtown Hospitals NHS Trust"
FILLED = {"parties.2.short_name": "Northtown", "parties.2.address": "1 High Street, Northtown",
          "parties.2.signatory.title": "Chief Executive",
          "parties.2.notices.title": "Trust Secretary",
          "parties.2.notices.email": "legal@northtown.nhs.uk"}


def _browser(tmp_path: Path) -> Browser:
    return Browser(inputs_workspace(tmp_path))


def _trust_page(web: Browser) -> Shown:
    page = web.start("NT-01", partners=["eastwick", "westmere", "-other-"],
                     other_name=TRUST, other_kind="nhs_body")
    assert page.path.endswith("/partners/2"), page.url
    return page


def _label(page: Shown, id_: str) -> str:
    return page.label(page.by_id(id_))


def _legend(page: Shown, group: str) -> str:
    return page.text(f"//div[@id='{group}-group']//legend")


def test_a_partners_signatory_may_be_not_known_yet_and_left_blank_is_refused_by_name(
        tmp_path: Path) -> None:
    web = _browser(tmp_path)
    page = _trust_page(web)
    box = page.by_id("f-parties-2-signatory-name-tbc")  # offered before anything is typed
    assert box.get("type") == "checkbox" and box.get("checked") is None
    assert _label(page, "f-parties-2-signatory-name-tbc").startswith("Not known yet")
    for names in ("name", "short_name", "id"):  # what names the partner: never a gap
        assert not page.find(f"//input[@name='parties.2.{names}-tbc']"), names

    refused = web.press(page, fields=FILLED)
    assert refused.status == 422 and refused.path.endswith("/partners/2"), refused.url
    assert refused.errors() == [["Enter the name of the person who signs for Northtown",
                                 "#f-parties-2-signatory-name"]]
    listed = web.press(web.go(refused.url.rsplit("/", 1)[0]))
    assert [text for text, _ in listed.errors()] == [
        "Enter the name of the person who signs for Northtown"]

    kept = web.press(refused, fields={"parties.2.signatory.name-tbc": "tbc"})
    assert kept.status == 200 and kept.path.endswith("/partners"), kept.url
    again = web.go(kept.url + "/2")
    assert again.checked("parties.2.signatory.name-tbc") == ["tbc"]
    assert again.value("parties.2.signatory.name") == ""  # never the word "tbc"


def test_the_short_code_waits_behind_change_the_short_code(tmp_path: Path) -> None:
    page = _trust_page(_browser(tmp_path))
    details = page.by_id("change-short-code")
    assert details.tag == "details" and details.get("open") is None
    assert page.text("//details[@id='change-short-code']/summary") == \
        "Change the abbreviation that links this partner's answers (rarely needed)"
    assert page.find("//details[@id='change-short-code']//input[@name='parties.2.id']")
    outside = page.text("//form[@id='step-form']/*[not(self::details)]")
    assert "Abbreviation" not in outside and "Lower-case letters, for example" not in outside
    hint = page.text("//div[@id='f-parties-2-id-hint']")
    assert hint.startswith("Not the short name, and never shown in the documents") and \
        "underscores" in hint, hint  # told apart from the short name just above


def test_plain_hints_for_the_deputy_and_the_law(tmp_path: Path) -> None:
    web = _browser(tmp_path)
    tasks = web.start("HINTS-01")
    post = web.go("post", tasks)
    deputy = post.text("//div[@id='f-post-statutory_roles-0-deputy-hint']")
    assert "on whose staff," not in deputy and deputy.startswith("The post whose holder"), \
        deputy
    about = web.go("about", tasks)
    said = about.text("//div[@id='f-jurisdiction-hint']")
    assert "England or Wales" in said and "statutory role" in said, said


def test_per_partner_boxes_use_short_names_and_the_employer_says_one_thing(
        tmp_path: Path) -> None:
    web = _browser(tmp_path)
    tasks = web.start("NAMES-01")
    split = web.go("time-split", tasks)
    assert _label(split, "f-time_split-shares-eastwick") == "Eastwick"
    assert _label(split, "f-time_split-shares-westmere") == "Westmere"
    blank = error("required", ("employer",), "party", code="missing")
    assert error("not one of the parties", ("employer",), "party",
                 code="not_a_party") == blank == "Select which partner employs the post-holder"


def test_a_fixed_fee_asks_each_partners_sum_and_not_the_cost_shares(tmp_path: Path) -> None:
    web = _browser(tmp_path)
    tasks = web.start("FEE-01")
    page = web.go("payment", tasks)
    assert _legend(page, "f-payment-fee-amounts") == \
        "What each partner pays the employer a year"  # not "(optional)": it is the fee
    salary_share = page.by_id("conditional-f-payment-mechanism")
    assert salary_share.xpath(".//*[@id='f-payment-cost_shares-group']")  # asked only there
    fixed = web.press(page, fields={"payment.mechanism": "fixed_fee", "payment.salary": "52000",
                                    "payment.fee.amounts.westmere": "30000",
                                    "payment.cost_shares.eastwick": "60",
                                    "payment.cost_shares.westmere": "40"})
    assert fixed.status == 200, fixed.errors()
    web.base = fixed.url.rsplit("/", 1)[0]
    assert web.save("fee.yaml").status_code == 200
    payment = load_yaml((web.folder / "fee.yaml").read_text("utf-8"))["payment"]
    assert payment["fee"] == {"amounts": {"westmere": 30000}}
    assert "cost_shares" not in payment  # no use with a fixed fee


def test_answers_shown_as_a_gap_are_needed_before_the_post_is_final(tmp_path: Path) -> None:
    web = Browser(round2_workspace(tmp_path))
    web.open("shared-head-of-hr.yaml")
    postholder = web.go(f"{web.base}/postholder")
    assert _label(postholder, "f-postholder-address") == \
        "Home address (needed before the post is final)"
    assert "(optional)" in _legend(postholder, "f-postholder-continuous_service_from")
    exit_ = web.go(f"{web.base}/exit")
    assert _label(exit_, "f-exit-reversion_post") == \
        "Which post do they return to? (needed before the post is final)"
    assert _label(exit_, "f-exit-reversion_grade") == \
        "Grade of that post (needed before the post is final)"


def test_back_from_a_section_opened_from_the_task_list_goes_to_the_task_list(
        tmp_path: Path) -> None:
    web = _browser(tmp_path)
    tasks = web.start("BACK-01")
    link = next(href for text, href in tasks.links(
        "//a[contains(@class, 'govuk-task-list__link')]") if text == "Payment")
    payment = web.go(link, tasks)
    assert web.back(payment).path == tasks.path  # Back saves the page, then goes there
    refused = web.press(payment, **{"payment.salary": "lots"})  # shown again with errors
    assert refused.status == 422
    assert web.back(refused).path == tasks.path
    plain = web.go("time-split", tasks)  # not from the task list: the section before
    assert web.back(plain).path != tasks.path


def test_an_error_summary_links_to_another_pages_box_by_its_address() -> None:
    """The list of partners can link an error to the box on the partner's own page (its
    address given whole), and every other page's errors to a box on it (an anchor)."""
    html = templates.env.get_template("macros.html").make_module({}).error_summary([
        ("Enter the name of the person who signs for Northtown",
         "/edit/abc/partners/2#f-parties-2-signatory-name"), ("Enter the salary", "f-salary")])
    hrefs = lxml.html.fromstring(str(html)).xpath("//a/@href")
    assert hrefs == ["/edit/abc/partners/2#f-parties-2-signatory-name", "#f-salary"]


def _section_from_tasks(web: Browser, tasks: Shown, title: str) -> Shown:
    link = next(href for text, href in tasks.links(
        "//a[contains(@class, 'govuk-task-list__link')]") if text == title)
    return web.go(link, tasks)


def test_back_stays_on_the_task_list_after_add_another_and_its_errors(tmp_path: Path) -> None:
    """Opened from the task list, a section's Back returns there after "Add another" (the
    page comes back at the new box), after "Remove" and after errors on the page so
    returned, not to the section before."""
    web = _browser(tmp_path)
    tasks = web.start("BACK-02")
    post = _section_from_tasks(web, tasks, "The post")
    added = web.press(post, "add-row:post.locations")
    assert added.path.endswith("/post") and added.status == 200
    assert web.back(added).path == tasks.path  # Back saves the page, then goes there
    refused = web.press(added, **{"post.title": ""})  # Continue with the title left out
    assert refused.status == 422, refused.url
    assert web.back(refused).path == tasks.path
    removed = web.press(refused, "remove:post.locations:1")
    assert web.back(removed).path == tasks.path
    job = _section_from_tasks(web, web.go(tasks.path), "Job")
    more = web.press(job, "add-text:job.relationships.internal")
    assert web.back(more).path == tasks.path


def test_asked_to_remove_the_post_holders_details_keeps_the_task_list_for_back(
        tmp_path: Path) -> None:
    """"Not yet: we are recruiting" with a name typed asks first; that page's Back and its
    answer keep the section opened from the task list, so Back there returns to it."""
    web = _browser(tmp_path)
    tasks = web.start("BACK-03")
    section = web.go(f"{tasks.path.removesuffix('/tasks')}/postholder?from=tasks")  # as
    # its task list link says it (that link goes to its answers once it has them)
    asked = web.press(section, postholder_known="no", **{"postholder.name": "Sam Okoro"})
    assert asked.links("//a[contains(@class, 'govuk-back-link')]")[0][1].endswith(
        "/postholder?from=tasks"), asked.text()
    kept = web.go(asked.by_id("cancel-discard").get("href"), asked)  # "No, keep them"
    assert web.back(kept).path == tasks.path
