"""HR officer's review (A4): internal words on the pages. The task list of a post shared
with bodies of another kind than the employer said "These sections hold Westmere's standing
answers", docgen's own term; and each organisation-not-listed page offered "Change the
short code" → "Short code: Made from the partner's name; it links this partner's
answers…" just below "Short name", easily taken for the same thing. Now the task list says
where the answers came from in plain words (the employer's organisation details: the
notice never says "profile" or "policy", test_policy_fits_partners.py), and the short
code waits behind a summary that says what it is for, its hint telling it apart from the
short name."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, inputs_workspace  # noqa: E402

TRUST = "Northtown Hospitals NHS Trust"
ICB = "NHS Vale Integrated Care Board"


def _four(tmp_path: Path) -> Browser:
    """A post of Westmere (employing), Eastwick and two NHS bodies typed in."""
    web = Browser(inputs_workspace(tmp_path))
    page = web.start("WSM-4-01", partners=["eastwick", "westmere", "-other-"],
                     employer="westmere", other_name=TRUST, other_kind="nhs_body",
                     other_name_2=ICB, other_kind_2="nhs_body")
    assert "/partners/" in page.path, page.url
    web.base = page.path.rsplit("/partners", 1)[0]
    return web


def test_the_task_list_says_where_the_answers_came_from_plainly(tmp_path: Path) -> None:
    web = _four(tmp_path)
    tasks = web.go(f"{web.base}/tasks")
    said = tasks.text()
    assert "standing answer" not in said.lower(), said
    banner = tasks.text("//div[@id='check-again']")
    assert "These sections hold answers from Westmere's organisation details, which " \
        "were written for posts between local authorities." in banner, banner


def test_the_short_code_is_told_apart_from_the_short_name(tmp_path: Path) -> None:
    web = _four(tmp_path)
    page = web.go(f"{web.base}/partners/2")
    summary = page.text("//details[@id='change-short-code']/summary")
    assert summary == "Change the abbreviation that links this partner's answers (rarely needed)"
    assert page.by_id("change-short-code").get("open") is None  # closed: rarely needed
    hint = page.text("//div[@id='f-parties-2-id-hint']")
    assert hint.startswith("Not the short name, and never shown in the documents."), hint
    assert "Made from the partner's name" not in page.text()
