"""Save: the officer types a file name without the ending ('.yaml' is added) and a name
docgen cannot use is explained in plain words (audit, item 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


@pytest.fixture
def web(tmp_path: Path) -> Interview:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    person = Interview(tmp_path)
    person.open("shared-head-of-hr.yaml")
    return person


def test_a_name_without_the_ending_is_saved_with_it(web: Interview) -> None:
    box = lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
    assert box.xpath("//input[@id='name']/@value") == ["shared-head-of-hr"]
    hint = " ".join(box.xpath("//div[@id='name-hint']")[0].text_content().split())
    assert "letters, numbers, dots, hyphens and underscores" in hint.lower()
    web.submit("about", reference="AUD-02")  # a post of its own (one reference, one post)
    response = web.save("AUD-02")
    assert response.status_code == 200 and "Saved as AUD-02.yaml" in response.text
    assert (web.folder / "AUD-02.yaml").is_file()
    web.submit("about", reference="AUD-03")
    assert web.save("AUD-03.yaml").status_code == 200  # an ending typed is kept
    assert (web.folder / "AUD-03.yaml").is_file() and not list(web.folder.glob("*.yaml.yaml"))


@pytest.mark.parametrize("typed", ["AUD 02", "../AUD-02", "£post"])
def test_a_name_that_cannot_be_used_is_explained_in_plain_words(
        web: Interview, typed: str) -> None:
    response = web.save(typed)
    assert response.status_code == 422
    page = lxml.html.fromstring(response.text)
    said = " ".join(page.xpath("//p[@id='name-error']")[0].text_content().split())
    assert "Use only letters, numbers, dots, hyphens and underscores in the file name" in said
    for word in (".yaml", "docgen", "answer-file", "'.'"):
        assert word not in said
    assert page.xpath("//input[@id='name']/@value") == [typed]  # kept as typed
