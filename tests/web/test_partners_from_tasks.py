"""The list of partners opened from the task list keeps ``?from=tasks`` on every way on
(a partner's page: its Back, Continue and "Remove this answer"; Remove's confirmation, its
"No, keep it" and "Yes, remove"; "Add another partner"), so the list's Back still returns
to the task list, as a section's page does (interview.page_address)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, Shown  # noqa: E402

BACK = "//a[contains(@class, 'govuk-back-link')]"


def _opened(tmp_path: Path) -> tuple[Browser, Shown]:
    web = Browser.opened(tmp_path, "shared-head-of-hr.yaml")
    listed = web.go(f"{web.base}/partners?from=tasks")  # as the task list links to it
    assert listed.links(BACK)[0][1].endswith("/tasks"), listed.links(BACK)
    return web, listed


def test_a_partner_changed_returns_to_the_list_opened_from_the_task_list(
        tmp_path: Path) -> None:
    web, listed = _opened(tmp_path)
    partner = web.follow(listed, "change-partner-0")
    assert partner.links(BACK)[0][1].endswith("/partners?from=tasks"), partner.links(BACK)
    after = web.press(partner)
    assert after.status == 200 and after.path.endswith("/partners"), after.text()
    assert after.url.endswith("?from=tasks") and after.links(BACK)[0][1].endswith("/tasks")
    added = web.follow(after, "add-partner")
    assert added.links(BACK)[0][1].endswith("/partners?from=tasks")


def test_removing_a_partner_returns_to_the_list_opened_from_the_task_list(
        tmp_path: Path) -> None:
    web, listed = _opened(tmp_path)
    asked = web.follow(listed, "remove-partner-0")
    assert asked.links(BACK)[0][1].endswith("/partners?from=tasks")
    kept = web.follow(asked, "cancel-remove")
    assert kept.links(BACK)[0][1].endswith("/tasks"), kept.links(BACK)
    gone = web.press(asked, "#confirm-remove")
    assert gone.status == 200 and gone.path.endswith("/partners"), gone.text()
    assert gone.links(BACK)[0][1].endswith("/tasks"), gone.links(BACK)
