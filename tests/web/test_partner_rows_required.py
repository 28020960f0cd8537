"""A place of work's and a steering-group member's partner, once chosen, cannot be cleared
back to "not decided" (a chosen radio cannot be unchosen), and is not offered "Not decided
yet" (nor is a statutory role's partner: test_partner_required_in_rows.py): docgen's answer
file requires a partner in every location and every member (``Location.party``,
``Member.party``: no default). So the page
says so plainly under each row's partner (the words are question_words.yaml's): each row
must have one, and a row no longer needed is removed with its own button. In Chromium, with
JavaScript on and off: the words, read with the question; no "Not decided yet"; another
partner chosen and a row removed, saved, and the file read back."""

from __future__ import annotations

from typing import Any

import pytest
from yaml_text import load_yaml

FILE = "shared-head-of-hr.yaml"
#: (the page, the list's key, its rows' partner hint, the partners then chosen row by row,
#: the "Remove" pressed, if any): every partner must keep a member on the steering group
#: (an error, not a warning), so its members change partners and none is removed
ROWS = (
    ("post", "post.locations",
     "Each location must have a partner. If you no longer need this location, remove it",
     ("westmere",), "Remove location 2"),
    ("governance", "governance.steering_group.members",
     "Each member must have a partner. If this person is no longer a member, remove them",
     ("westmere", "eastwick"), ""),
)


def _partner_question(page: Any, key: str, row: int) -> Any:
    """The fieldset asking for row ``row``'s partner in the list ``key``."""
    return page.locator(f"fieldset:has(> .govuk-radios input[name='{key}.{row}.party'])")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize(("slug", "key", "hint", "chosen", "remove"), ROWS,
                         ids=["locations", "members"])
def test_a_rows_partner_is_said_to_be_needed_and_changed_or_the_row_removed(
        browser: Any, server: Any, javascript: bool, slug: str, key: str, hint: str,
        chosen: tuple[str, ...], remove: str) -> None:
    context = browser.new_context(base_url=server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"/open/{FILE}")
    page.wait_for_url("**/check")
    page.goto(page.url.rsplit("/", 1)[0] + f"/{slug}")

    for row in (0, 1):  # each row's partner question, as the page shows it
        question = _partner_question(page, key, row)
        assert question.count() == 1
        said = question.locator(".govuk-hint")
        assert said.count() == 1, "nothing says a partner is needed"
        assert said.inner_text() == hint
        assert said.get_attribute("id") in question.get_attribute("aria-describedby").split()
        radios = question.locator("input[type=radio]")
        assert [radios.nth(i).get_attribute("value") for i in range(radios.count())] == [
            "eastwick", "westmere"]  # the partners only: nothing to clear it with
        assert "Not decided yet" not in question.inner_text()
        assert radios.nth(row).is_checked()
        radios.nth(row).click()  # a chosen radio clicked again stays chosen
        assert radios.nth(row).is_checked()

    for row, partner in enumerate(chosen):
        _partner_question(page, key, row).locator(f"input[value={partner}]").check()
    if remove:
        page.get_by_role("button", name=remove).click()
        page.wait_for_load_state()
        assert _partner_question(page, key, len(chosen)).count() == 0
        for row, partner in enumerate(chosen):  # what was chosen before the remove is kept
            assert _partner_question(page, key, row).locator(
                f"input[value={partner}]").is_checked()
    page.click("#continue")
    page.wait_for_url("**/check")
    page.click("#save")
    page.wait_for_load_state()
    assert f"Saved as {FILE}" in page.inner_text(".govuk-notification-banner")
    context.close()

    saved: Any = load_yaml((server.folder / FILE).read_text("utf-8"))
    for part in key.split("."):
        saved = saved[part]
    assert [row["party"] for row in saved] == list(chosen), saved
