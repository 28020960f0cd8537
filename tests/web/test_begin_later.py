""""Save and come back later" on "Start a new post" kept only the reference: the partners
ticked, the employer and the post-holder choice were lost, and the reopened draft showed a
task list with "Partners Not started" and no way back to the profiles (HR walkthrough,
item 1). The page's choices are now kept with the draft (on disk, so a restart keeps them
too); the draft reopens on that page with them chosen, where Continue applies them exactly
as it would have; and while a draft has no partners its task list links back there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

CHOICES = {"reference": "LATER-01", "partners": ["eastwick", "westmere"],
           "employer": "westmere", "postholder_known": "no"}


def _later(web: Interview, **choices: Any) -> Any:
    web.new()
    return web.client.post(f"{web.base}/begin", data={
        "csrf_token": web.token, "action": "later", **choices}, follow_redirects=False)


def _form(html: str) -> dict[str, list[str]]:
    form = next(f for f in lxml.html.fromstring(html).forms
                if f.get("action", "").endswith("/begin"))
    values: dict[str, list[str]] = {}
    for key, value in form.form_values():
        values.setdefault(key, []).append(value)
    return values


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def test_later_keeps_the_choices_and_reopens_on_the_start_page(tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    response = _later(web, **CHOICES)
    assert response.status_code == 303
    draft_id = web.base.rsplit("/", 1)[1]
    begin = f"/edit/{draft_id}/begin"
    start = web.client.get(response.headers["location"]).text
    page = lxml.html.fromstring(start)
    assert page.xpath("//a[@id='carry-on']/@href") == [begin]
    assert page.xpath("//a[@id='draft-1']/@href") == [begin]
    assert "LATER-01 Not saved yet · partners not chosen yet" in _text(start)

    again = Interview(folder)  # a restart: the draft and its choices come from disk
    shown = _form(again.client.get(begin).text)
    assert shown["reference"] == ["LATER-01"]
    assert shown["partners"] == ["eastwick", "westmere"]
    assert shown["employer"] == ["westmere"] and shown["postholder_known"] == ["no"]

    tasks = again.client.get(f"/edit/{draft_id}/tasks").text
    assert lxml.html.fromstring(tasks).xpath("//a[@id='choose-partners']/@href") == [begin]
    assert "The partners have not been chosen yet." in _text(tasks)

    done = again.client.post(begin, data={**shown, "action": "continue"})
    assert done.url.path == f"/edit/{draft_id}/tasks"
    assert "choose-partners" not in done.text
    kept = again.client.app.app.state.store.get(draft_id)

    direct, _ = profiled_interview(tmp_path / "direct")  # Continue at once, same choices
    direct.begin("LATER-01", employer="westmere")
    now = direct.client.app.app.state.store.get(direct.base.rsplit("/", 1)[1])
    assert kept.text == now.text and kept.visited == now.visited
    assert kept.begun == {}
    home = again.client.get("/").text
    assert lxml.html.fromstring(home).xpath("//a[@id='draft-1']/@href") == [
        f"/edit/{draft_id}/tasks"]


def test_later_keeps_partners_chosen_without_a_reference(tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    response = _later(web, partners=["eastwick", "-other-"], other_name="Northtown "
                      "Hospitals NHS Foundation Trust", other_kind="nhs_body")
    assert response.headers["location"].startswith("/?kept=")
    shown = _form(Interview(folder).client.get(f"{web.base}/begin").text)
    assert shown["partners"] == ["eastwick", "-other-"]
    assert shown["other_name"] == ["Northtown Hospitals NHS Foundation Trust"]
    assert shown["other_kind"] == ["nhs_body"] and shown["reference"] == [""]


def test_later_with_nothing_chosen_keeps_no_draft(tmp_path: Path) -> None:
    web, folder = profiled_interview(tmp_path)
    assert _later(web).headers["location"] == "/"
    assert not list((folder / ".docgen-drafts").glob("*.json"))
