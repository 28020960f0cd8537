"""Problems shown away from their question (check your answers, Save, a preview that
cannot be made) read as the section pages say them: "The post: Enter the start date",
never a setting name, the model's description or a YAML example; dots stay dots."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

pytest.importorskip("ruamel.yaml")
import yaml  # noqa: E402

from docgen import check  # noqa: E402
from docgen.web.messages import plain  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MODEL_WORDS = re.compile(r"required here|add it|e\.?g\b|[‘’]|[a-z]_[a-z]|\{|<answers>|\[\d")


@pytest.fixture
def served(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    return tmp_path / "inputs"


def _summary(html: str) -> list[str]:
    page = lxml.html.fromstring(html)
    return [" ".join(li.text_content().split()) for li in
            page.xpath("//div[contains(@class, 'govuk-error-summary')]//li")]


def test_a_new_posts_missing_answers_read_as_the_section_pages_say_them(served: Path) -> None:
    web = Interview(served)
    web.begin("AUD-06")
    for where, response in (("check", web.client.get(f"{web.base}/check")),
                            ("save", web.save("aud-06.yaml"))):
        said = _summary(response.text)
        assert "The post: Enter the start date" in said, (where, said)
        assert "Time split: Enter each partner's share of the time" in said, (where, said)
        assert "Payment: Enter the salary, for example 52000" in said, (where, said)
        assert not [s for s in said if MODEL_WORDS.search(s)], (where, said)
        assert_plain(response.text, where)
    preview = web.client.get(f"{web.base}/preview/agreement")
    assert preview.status_code == 422
    problems = [" ".join(li.text_content().split()) for li in
                lxml.html.fromstring(preview.text).xpath("//li[ancestor::ul[contains("
                                                         "@class, 'govuk-error-message')]]")]
    assert "The post: Enter the start date" in problems, problems
    assert not [s for s in problems if MODEL_WORDS.search(s)], problems
    assert_plain(preview.text, "preview")


def test_a_place_of_work_without_its_partner_reads_plainly(served: Path) -> None:
    post = served / "shared-head-of-procurement.yaml"
    data = load_yaml(post.read_text(encoding="utf-8"))
    del data["post"]["locations"][1]["party"]
    data["reference"] = "EWK-WSM-PROC-02"  # its own: the copied post's is taken
    (served / "no-party.yaml").write_text(yaml.safe_dump(data, sort_keys=False),
                                          encoding="utf-8")
    web = Interview(served)
    web.open("no-party.yaml")
    said = _summary(web.client.get(f"{web.base}/check").text)
    assert said == ["The post: Select the partner for location 2"], said
    preview = visible_text(web.client.get(f"{web.base}/preview/agreement").text)
    assert "The post: Select the partner for location 2" in preview
    assert not MODEL_WORDS.search(preview) and "places of work" not in preview, preview


def test_dots_stay_in_plain_words() -> None:
    names = {"eastwick": "London Borough of Eastwick"}
    assert plain("is not an email address; write it as name@example.gov.uk") == \
        "Is not an email address; write it as name@example.gov.uk"
    assert plain("e.g. under s.2 of the Act") == "E.g. under s.2 of the Act"
    assert plain("write legal@eastwick.example.gov.uk for 'eastwick'.", names) == \
        "Write legal@eastwick.example.gov.uk for London Borough of Eastwick."
    # a bare word is docgen's own, never taken for an id (test_common_word_party_ids.py)
    assert plain("write legal@eastwick.example.gov.uk for eastwick.", names) == \
        "Write legal@eastwick.example.gov.uk for eastwick."
    assert "start" in plain("post.start_date is late") and "_" not in plain(
        "post.start_date is late")  # a key is still put into words


def test_a_hash_left_out_of_a_file_opened_in_the_browser_reads_plainly() -> None:
    """A file opened from the computer may have lost text after a `#` (answers.glued_comments):
    the browser says so without YAML, a key or an example to type into a file."""
    text = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.replace("  title: Shared Head of Human Resources\n",
                        "  title: Shared Head of Human Resources #2\n")
    [warning] = [p for p in check(text).warnings if p.rule == "INPUT"]
    assert warning.code == "glued_comment"  # the browser words it by its code
    said = plain(warning.message, code=warning.code)
    assert said == ("Part of this answer in the file, from a # sign on, was left out: check "
                    "the answer and type the missing words again")
    assert "YAML" not in said and "title:" not in said
