"""Two tabs (or windows) of one section: the page sent second was shown before the first
changed the answers, so it is refused, nothing of it saved, and shown again with the
answers saved now and a message saying why; without JavaScript."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402

SAID = "This page was changed in another tab or window since you opened it."


def _send(web: Interview, slug: str, values: dict[str, list[str]], **changes: str):  # noqa: ANN202
    sent = {**values, **{k.replace("__", "."): [v] for k, v in changes.items()},
            "action": ["continue"]}
    return web.client.post(f"{web.base}/{slug}", data=sent)


def _value(html: str, name: str) -> str:
    found = lxml.html.fromstring(html).xpath(f'//input[@name="{name}"]/@value')
    return str(found[0]) if found else ""


def test_the_second_tab_does_not_undo_the_first(folder: Path) -> None:
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    tab_a, tab_b = web.form("post"), web.form("post")
    first = _send(web, "post", tab_a, post__title="Director of People")
    assert first.status_code == 200 and not first.url.path.endswith("/post"), first.text
    second = _send(web, "post", tab_b, post__hours_per_week="30")
    assert second.status_code == 409
    assert SAID in " ".join(lxml.html.fromstring(second.text).text_content().split())
    assert "nothing you sent from this page was saved" in second.text
    assert _value(second.text, "post.title") == "Director of People"  # the answers now
    now = web.form("post")
    assert now["post.title"] == ["Director of People"]
    assert now["post.hours_per_week"] != ["30"]  # not saved: said, not half-done
    again = _send(web, "post", lxml_form(second.text), post__hours_per_week="30")
    assert again.status_code == 200, again.text  # sent again from the page shown: saved
    assert web.form("post")["post.hours_per_week"] == ["30"]
    assert web.form("post")["post.title"] == ["Director of People"]


def lxml_form(html: str) -> dict[str, list[str]]:
    form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "step-form")
    values: dict[str, list[str]] = {}
    for key, value in form.form_values():
        values.setdefault(key, []).append(value)
    return values


def test_time_split_in_two_tabs(folder: Path) -> None:
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    tab_a, tab_b = web.form("time-split"), web.form("time-split")
    shares = sorted(k for k in tab_a if k.startswith("time_split.shares."))
    assert len(shares) == 2
    first = _send(web, "time-split", tab_a, **{shares[0]: "70", shares[1]: "30"})
    assert first.status_code == 200, first.text
    second = _send(web, "time-split", tab_b, time_split__flexibility="Agreed each quarter")
    assert second.status_code == 409 and SAID in second.text
    assert web.form("time-split")[shares[0]] == ["70"]
    assert web.form("time-split").get("time_split.flexibility", [""]) != ["Agreed each quarter"]


def test_save_and_return_from_an_old_page_saves_nothing(folder: Path) -> None:
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    tab_a, tab_b = web.form("post"), web.form("post")
    assert _send(web, "post", tab_a, post__title="Director of People").status_code == 200
    tab_b["action"] = ["tasks"]
    sent = web.client.post(f"{web.base}/post", data={**tab_b, "post.grade": ["X9"]})
    assert sent.status_code == 409 and SAID in sent.text
    assert web.form("post")["post.title"] == ["Director of People"]


def test_one_tab_sending_twice_is_not_refused(folder: Path) -> None:
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    assert web.submit("post", post__title="Director of People").status_code == 200
    assert web.submit("post", post__grade="HR1").status_code == 200  # the page shown again
    assert web.form("post")["post.title"] == ["Director of People"]
    assert web.form("post")["post.grade"] == ["HR1"]


def test_a_page_is_not_kept_for_the_browsers_back_button(folder: Path) -> None:
    """Back after Continue shows the page as saved, with its fingerprint now (a copy kept
    by the browser from before Continue would be refused as changed elsewhere)."""
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    assert web.client.get(f"{web.base}/post").headers["cache-control"] == "no-store"
