"""HR officer's review (A2): with Westmere and an NHS trust typed in on the start page, the
trust's own page filled in fully and Continue pressed (which lands on the list of
partners), the task list still said "Partners: In progress" until Continue was pressed on
the list of partners too, though nothing was left to answer. Each partner's page is the
officer's own answer for that partner: once every partner's page is complete, Partners is
"Completed"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, Shown, inputs_workspace  # noqa: E402

TRUST = "Northtown Hospitals NHS Trust"
FILLED = {"parties.1.short_name": "Northtown", "parties.1.address": "1 High Street, Northtown",
          "parties.1.signatory.name": "Dr Ama Boateng",
          "parties.1.signatory.title": "Chief Executive",
          "parties.1.notices.title": "Trust Secretary",
          "parties.1.notices.email": "legal@northtown.nhs.uk"}


def _started(tmp_path: Path) -> tuple[Browser, Shown]:
    web = Browser(inputs_workspace(tmp_path))
    page = web.start("WSM-NT-01", partners=["westmere", "-other-"], employer="westmere",
                     other_name=TRUST, other_kind="nhs_body")
    assert page.path.endswith("/partners/1"), page.url
    web.base = page.path.removesuffix("/partners/1")
    return web, page


def test_partners_is_completed_once_every_partners_page_is(tmp_path: Path) -> None:
    web, page = _started(tmp_path)
    assert web.task_states()["Partners"] == "In progress"  # the trust's page is still to answer
    listed = web.press(page, fields=FILLED)
    assert listed.status == 200 and listed.path.endswith("/partners"), listed.url
    assert web.task_states()["Partners"] == "Completed"


def test_a_partners_page_left_unfinished_keeps_partners_in_progress(tmp_path: Path) -> None:
    web, page = _started(tmp_path)
    half = {k: v for k, v in FILLED.items() if "notices" not in k}
    refused = web.press(page, fields=half)
    assert refused.status == 422, refused.url
    assert web.task_states()["Partners"] == "In progress"
