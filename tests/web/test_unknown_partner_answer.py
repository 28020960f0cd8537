"""An answer docgen does not use under a partner (``colour: blue`` under Eastwick) can be
removed on the partner's page, as on a section's page: "Remove this answer", a page asking
to confirm, then it is gone from the draft (plain forms, no JavaScript). Check your
answers links such an answer (and one on a section) to its page's list of answers docgen
does not use, not to the page's first question."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

EASTWICK = "    notices: {title: Director of Law and Governance, email: " \
    "legal@eastwick.example.gov.uk}\n"


def _odd(tmp_path: Path) -> Interview:
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert EASTWICK in text and "\npayment:\n" in text
    text = text.replace(EASTWICK, EASTWICK + "    colour: blue\n", 1)
    text = text.replace("\npayment:\n", "\npayment:\n  bonus_pool: 5000\n", 1)
    (tmp_path / "odd.yaml").write_text(text, encoding="utf-8")
    interview = Interview(tmp_path)
    interview.open("odd.yaml")
    return interview


def _links(html: str) -> dict[str, str]:
    return {a.text_content().strip(): a.get("href") for a in lxml.html.fromstring(html).xpath(
        '//div[contains(@class, "govuk-error-summary")]//a')}


def test_an_unknown_answer_under_a_partner_is_removed_on_its_page(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    url = f"{interview.base}/partners/0"
    html = interview.client.get(url).text
    doc = lxml.html.fromstring(html)
    assert doc.xpath('//div[@id="unknown-answers"]'), "no list of answers docgen does not use"
    button = doc.xpath('//button[@value="drop-ask:parties.0.colour"]')
    assert button and "Remove this answer" in button[0].text_content()
    # the button sends the partner's own form (what was typed on the page is kept)
    form = doc.get_element_by_id(button[0].get("form"))
    assert form.tag == "form" and form.get("id") == "step-form"
    assert form.get("action") == "/edit/" + interview.base.rsplit("/", 1)[1] + "/partners/0"
    asked = interview.client.post(url, data={**dict(form.form_values()),
                                             "action": button[0].get("value")})
    assert asked.status_code == 200 and "Remove the answer ‘colour’?" in asked.text
    confirm = lxml.html.fromstring(asked.text).xpath('//button[@id="confirm-remove"]')[0]
    sent = confirm.getparent().getparent()
    done = interview.client.post(url, data={**dict(sent.form_values()),
                                            "action": confirm.get("value")})
    assert done.status_code == 200 and done.url.path.endswith("/partners/0")
    assert "colour" not in done.text and 'id="unknown-answers"' not in done.text
    assert interview.form("payment")  # the other answers are untouched
    assert interview.save("odd.yaml").status_code == 200
    saved = (tmp_path / "odd.yaml").read_text(encoding="utf-8")
    assert "colour" not in saved and "bonus_pool" in saved
    assert "legal@eastwick.example.gov.uk" in saved
    assert not any(p.path[-1] == "colour" for p in docgen.check(tmp_path / "odd.yaml").errors)


def test_a_removal_for_a_partner_no_longer_there_is_refused(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    url = f"{interview.base}/partners/0"
    refused = interview.client.post(url, data={
        "csrf_token": interview.token, "which": "westmere", "action": "drop:parties.0.colour"})
    assert refused.status_code == 409
    assert 'id="unknown-answers"' in interview.client.get(url).text  # still there


def test_check_your_answers_links_an_unknown_answer_to_its_pages_list(tmp_path: Path) -> None:
    interview = _odd(tmp_path)
    links = _links(interview.client.get(f"{interview.base}/check").text)
    colour = [href for said, href in links.items() if "‘colour’" in said]
    bonus = [href for said, href in links.items() if "‘bonus_pool’" in said]
    draft = interview.base.rsplit("/", 1)[1]
    assert colour == [f"/edit/{draft}/partners/0#unknown-answers"]
    assert bonus == [f"/edit/{draft}/payment#unknown-answers"]
    target = interview.client.get(colour[0].split("#")[0]).text
    assert 'id="unknown-answers"' in target
