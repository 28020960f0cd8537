"""The start page sent again after Back, with another employer or other partners, was
taken as done and the change silently ignored (each answer was written only if not there
yet; audit, item 3). It now says the post has already been started, saves nothing, and
links to where the partners and the employer are changed. Sent again unchanged, it goes
on as before."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _start(tmp_path: Path) -> tuple[Interview, str]:
    web, _ = profiled_interview(tmp_path)
    response = web.begin("AGAIN-01")
    assert response.url.path.endswith("/tasks")
    return web, web.base.split("testserver")[-1]


def _send(web: Interview, **changes: object) -> object:
    fields = {"csrf_token": web.token, "action": "continue", "reference": "AGAIN-01",
              "partners": ["eastwick", "westmere"], "employer": "eastwick",
              "postholder_known": "no", **changes}
    return web.client.post(f"{web.base}/begin", data=fields, follow_redirects=False)


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _employer(web: Interview) -> str:
    page = lxml.html.fromstring(web.client.get(f"{web.base}/employer").text)
    checked = page.xpath("//input[@name='employer'][@checked]")[0]
    return " ".join(page.xpath(f"//label[@for='{checked.get('id')}']")[0].text_content()
                    .split())


def _partners(web: Interview) -> list[str]:
    page = lxml.html.fromstring(web.client.get(f"{web.base}/partners").text)
    return [" ".join(n.text_content().split()) for n in page.xpath("//dl//dt")]


@pytest.mark.parametrize("changes", [
    {"employer": "westmere"},
    {"partners": ["eastwick", "westmere", "-other-"], "other_name": "Northtown Hospitals "
     "NHS Foundation Trust", "other_kind": "nhs_body"},
    {"partners": ["eastwick", "-other-"], "other_name": "Northtown Hospitals NHS Trust",
     "other_kind": "nhs_body", "employer": "-other-"}])
def test_the_start_page_sent_again_with_changes_says_the_post_was_started(
        tmp_path: Path, changes: dict[str, object]) -> None:
    web, path = _start(tmp_path)
    employer, partners = _employer(web), _partners(web)
    response = _send(web, **changes)
    assert response.status_code == 409  # type: ignore[attr-defined]
    text = _text(response.text)  # type: ignore[attr-defined]
    assert "This post has already been started, so nothing on this page was saved" in text
    links = {a.get("id"): a.get("href") for a in lxml.html.fromstring(
        response.text).xpath("//div[@id='already-started']//a")}  # type: ignore[attr-defined]
    assert links["started-partners"] == f"{path}/partners"
    assert links["started-employer"] == f"{path}/employer"
    assert _employer(web) == employer and _partners(web) == partners  # unchanged


def test_the_start_page_sent_again_unchanged_goes_on(tmp_path: Path) -> None:
    web, path = _start(tmp_path)
    response = _send(web, reference="AGAIN-02")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == f"{path}/tasks"  # type: ignore[attr-defined]
    shown = web.client.get(f"{web.base}/begin").text  # and Back to it says so first
    assert "This post has already been started." in _text(shown)
    assert "AGAIN-02" in web.client.get(f"{web.base}/check").text


def test_an_organisation_not_listed_sent_again_unchanged_goes_on(tmp_path: Path) -> None:
    web, _ = _start(tmp_path)
    trust = {"partners": ["eastwick", "-other-"], "other_name": "Northtown NHS Trust",
             "other_kind": "nhs_body", "employer": "-other-"}
    web.new()
    assert _send(web, **trust).status_code == 303  # type: ignore[attr-defined]
    again = _send(web, **{**trust, "other_name": " Northtown  NHS Trust"})
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert _partners(web)[1:] == ["Northtown NHS Trust"]  # one trust, not two
