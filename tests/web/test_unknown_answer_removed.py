"""An answer file holding an answer docgen does not use (``colour: blue`` at the top, or
``bonus_pool`` under ``payment``) is no dead end: the message names the answer and where it
is, and its section's page offers "Remove this answer", which asks to confirm and then
takes it out of the draft, with JavaScript off (a plain form)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Interview  # noqa: E402


def _odd(tmp_path: Path) -> Interview:
    folder = tmp_path / "answers"
    folder.mkdir()
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert "\npayment:\n" in text
    text = text.replace("\npayment:\n", "\npayment:\n  bonus_pool: 5000\n", 1)
    (folder / "odd.yaml").write_text(text + "\ncolour: blue\n", encoding="utf-8")
    interview = Interview(folder)
    interview.open("odd.yaml")
    return interview


def _summary(html: str) -> list[tuple[str, str]]:
    doc = lxml.html.fromstring(html)
    return [(a.get("href"), a.text_content().strip()) for a in
            doc.xpath('//div[contains(@class, "govuk-error-summary")]//a')]


def _remove(interview: Interview, slug: str, key: str, **typed: str) -> str:
    """Press "Remove this answer" for ``key`` on the page ``slug`` (with ``typed`` changed
    on the page first), then "Yes, remove it"."""
    html = interview.client.get(f"{interview.base}/{slug}").text
    doc = lxml.html.fromstring(html)
    button = doc.xpath(f'//button[starts-with(@value, "drop-ask:") and '
                       f'contains(@value, "{key}")]')
    assert button, f"no Remove this answer for {key} on {slug}"
    # the button sends the page's own form (its form attribute), so what was typed is kept
    owner = button[0].get("form")
    form = doc.get_element_by_id(owner) if owner else button[0].getparent()
    data = {**dict(form.form_values()), **typed, "action": button[0].get("value")}
    asked = interview.client.post(f"{interview.base}/{slug}", data=data)
    assert asked.status_code == 200
    assert f"Remove the answer ‘{key}’?" in asked.text
    confirm = lxml.html.fromstring(asked.text).xpath('//button[@id="confirm-remove"]')[0]
    form = confirm.getparent().getparent()
    data = {**dict(form.form_values()), "action": confirm.get("value")}
    done = interview.client.post(f"{interview.base}/{slug}", data=data)
    assert done.status_code == 200
    return done.text


def test_the_message_names_the_answer_and_where_it_is(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    said = [text for _, text in _summary(interview.client.get(f"{interview.base}/check").text)]
    assert "The file has an answer docgen does not use: ‘bonus_pool’ in the section " \
        "‘Payment’. Remove it on that section's page to make the documents" in said
    assert "The file has an answer docgen does not use: ‘colour’. Remove it on the page " \
        "‘About the arrangement’ to make the documents" in said
    assert not any("not one docgen knows" in s for s in said)


def test_each_is_removed_from_its_page_after_confirming(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    page = interview.client.get(f"{interview.base}/payment").text
    said = "The file has an answer docgen does not use: ‘bonus_pool’ in the section " \
        "‘Payment’. Remove it on that section's page to make the documents"
    assert ("#remove-unknown-0", said) in _summary(page)
    assert "5000" in lxml.html.fromstring(page).get_element_by_id("unknown-0").text_content()
    after = _remove(interview, "payment", "bonus_pool")
    assert "bonus_pool" not in after
    after = _remove(interview, "about", "colour")
    assert "colour" not in after
    check = interview.client.get(f"{interview.base}/check").text
    assert not any("docgen does not use" in text for _, text in _summary(check))
    assert interview.save("odd.yaml").status_code == 200
    saved = (interview.folder / "odd.yaml").read_text(encoding="utf-8")
    assert "bonus_pool" not in saved and "colour" not in saved


def test_only_an_answer_docgen_does_not_use_can_be_removed(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    before = interview.client.get(f"{interview.base}/payment").text
    response = interview.client.post(f"{interview.base}/payment", data={
        "csrf_token": interview.token, "action": "drop:payment.salary"})
    assert response.status_code == 200
    assert "salary" in interview.client.get(f"{interview.base}/check").text.lower()
    assert lxml.html.fromstring(before).get_element_by_id("f-payment-salary").get("value") \
        == lxml.html.fromstring(interview.client.get(f"{interview.base}/payment").text
                                ).get_element_by_id("f-payment-salary").get("value")


def test_what_was_typed_on_the_page_is_kept_when_an_answer_is_removed(tmp_path: Path) -> None:
    """A salary changed on the page, then "Remove this answer" pressed (a review found the
    change lost: the button sent a form of its own, and live checks no longer save)."""
    interview = _odd(tmp_path)
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/payment").text)
    [button] = page.xpath('//button[contains(@value, "drop-ask:") and '
                          'contains(@value, "bonus_pool")]')
    assert button.get("form") == "step-form"  # a browser sends the page's fields with it
    _remove(interview, "payment", "bonus_pool", **{"payment.salary": "61000"})
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/payment").text)
    assert page.get_element_by_id("f-payment-salary").get("value") == "61000"
    assert not page.xpath('//button[contains(@value, "bonus_pool")]')


def test_removed_from_a_section_opened_from_the_task_list_back_returns_there(
        tmp_path: Path) -> None:
    """"Remove this answer" on Payment opened from the task list: the question, its Back
    and the page after keep where it was opened from, so Back returns to the task list."""
    interview = _odd(tmp_path)
    web = Browser(interview.folder)
    web.open("odd.yaml")
    payment = web.go(f"{web.base}/payment?from=tasks")
    button = payment.find('//button[starts-with(@value, "drop-ask:payment.bonus_pool")]')
    asked = web.press(payment, button[0].get("value"))
    tasks = f"{asked.path.rsplit('/', 1)[0]}/tasks"
    assert asked.links("//a[contains(@class, 'govuk-back-link')]")[0][1].endswith(
        "/payment?from=tasks"), asked.text()
    done = web.press(asked, "#confirm-remove")
    assert done.path.endswith("/payment") and "bonus_pool" not in done.text()
    assert web.back(done).path == tasks  # Back (saving the page) to the task list
