"""A copy of a post and a worked example propose a reference no post in the folder has
(the copied one's with "-2"), and their pages show no problems before the officer sends
them: "Copy an existing post" opened About on "Enter a reference", and a worked example
already in the folder opened it on "Another post in the folder already has this
reference". A file the officer opened shows its problems at once, as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"


def _summary(html: str) -> list[str]:
    return [" ".join(li.text_content().split()) for li in lxml.html.fromstring(html).xpath(
        "//div[contains(@class, 'govuk-error-summary')]//li")]


def _copy(web: Interview, name: str) -> str:
    copied = web.client.post("/new", data={"csrf_token": web.token, "start": f"copy:{name}"})
    assert copied.status_code == 200 and copied.url.path.endswith("/about")
    web.base = str(copied.url).rsplit("/", 1)[0]
    return copied.text


def test_a_copy_proposes_the_next_free_reference(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / HR, tmp_path)
    web = Interview(tmp_path)
    about = _copy(web, HR)
    assert _summary(about) == []
    assert "Enter a reference" not in about and "already has this reference" not in about
    assert web.form("about")["reference"] == ["EWK-WSM-HR-01-2"]
    assert web.submit("about").status_code == 200
    assert web.save("copy.yaml").status_code == 200
    assert docgen.load(tmp_path / "copy.yaml").reference == "EWK-WSM-HR-01-2"


def test_a_worked_example_in_the_folder_already_gets_the_next_free_reference(
        tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / HR, tmp_path)
    web = Interview(tmp_path)
    web.new(HR)
    about = web.client.get(f"{web.base}/about").text
    assert _summary(about) == [] and "already has this reference" not in about
    assert web.form("about")["reference"] == ["EWK-WSM-HR-01-2"]
    assert web.submit("about").status_code == 200


def test_a_copys_problems_wait_for_its_page_to_be_sent(tmp_path: Path) -> None:
    text = (EXAMPLES / HR).read_text(encoding="utf-8")
    assert "  hours_per_week: 37\n" in text
    (tmp_path / HR).write_text(text.replace("  hours_per_week: 37\n",
                                            "  hours_per_week: 99\n"), encoding="utf-8")
    web = Interview(tmp_path)
    web.open(HR)  # a file the officer opened: its problems at once
    opened = _summary(web.client.get(f"{web.base}/post").text)
    assert opened and any("hours" in m.lower() for m in opened)
    _copy(web, HR)
    assert _summary(web.client.get(f"{web.base}/post").text) == []
    sent = web.submit("post")
    assert sent.status_code == 422 and _summary(sent.text) == opened
