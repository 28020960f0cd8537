"""An end date before the start date is said together with the post's other mistakes, by
``docgen.check``, ``docgen check`` and the interview alike. It was said only once the rest
of the post validated: an HR officer put right "Enter the hours a week" and only then
learned that the end date was wrong too (the date-order check ran only over a ``post:``
without a shape error; ``answers/between_keys.py`` now reads the dates that validate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import docgen
from docgen.cli import cli

from .conftest import EXAMPLES
from .helpers import Interview, Shown

HR = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")
#: the end date three months before the start date
EARLY_END = HR.replace("  start_date: 2027-04-01\n",
                       "  start_date: 2027-04-01\n  end_date: 2027-01-01\n", 1)
#: each with the early end date, and another mistake in the post, or in the file before it
OTHER_MISTAKES = {
    "hours not a number": ("  hours_per_week: 37\n", "  hours_per_week: lots\n",
                           "post.hours_per_week"),
    "no job title": ("  title: Shared Head of Human Resources\n", "", "post.title"),
    "reference with a space": ("reference: EWK-WSM-HR-01\n", "reference: EWK WSM\n",
                               "reference"),
}
END_KEY = "post.end_date"
END_WORDS = "the end date (1 January 2027) is not after the start date (1 April 2027)"


def _post(other: str) -> str:
    old, new, _ = OTHER_MISTAKES[other]
    assert EARLY_END != HR and old in EARLY_END
    return EARLY_END.replace(old, new, 1)


@pytest.mark.parametrize("other", OTHER_MISTAKES)
def test_the_api_and_the_command_say_both_at_once(tmp_path: Path, other: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "post.yaml").write_text(_post(other), "utf-8")
    report = docgen.check(tmp_path / "post.yaml")
    by_key = {p.key: p.message for p in report.errors}
    assert set(by_key) == {OTHER_MISTAKES[other][2], END_KEY}, by_key
    assert by_key[END_KEY].startswith(END_WORDS)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--json", "post.yaml"])
    assert result.exit_code == 1, result.output
    [record] = json.loads(result.output)
    assert {p["key"] for p in record["problems"] if p["severity"] == "error"} == set(by_key)


def test_an_end_date_alone_is_still_said_once(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text(EARLY_END, "utf-8")
    assert [p.key for p in docgen.check(tmp_path / "post.yaml").errors] == [END_KEY]


def test_the_interview_says_both_on_the_post_and_on_check_your_answers(
        tmp_path: Path) -> None:
    """The same answers opened in the interview: the post's page and check your answers each
    list both problems, each linked to its own box."""
    (tmp_path / "post.yaml").write_text(_post("hours not a number"), "utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    for where in ("check", "post"):
        shown = Shown(web.client.get(f"{web.base}/{where}"))
        links = [href.rsplit("#", 1)[1] for _, href in shown.errors()]
        said = dict(zip(links, (text for text, _ in shown.errors()), strict=True))
        assert sorted(said) == ["f-post-end_date-day", "f-post-hours_per_week"], said
        assert "Enter the hours a week as a number" in said["f-post-hours_per_week"]
        assert "The end date (1 January 2027) is not after the start date (1 April 2027)" \
            in said["f-post-end_date-day"]
    answered = Shown(web.submit("post"))  # Continue with both still wrong: both said again
    assert sorted(href for _, href in answered.errors()) == [
        "#f-post-end_date-day", "#f-post-hours_per_week"], answered.errors()


def test_a_section_with_a_mistake_keeps_the_defaults_of_the_keys_it_leaves_out() -> None:
    """``post:`` with hours written "lots" and no end date (an open-ended post): the pay
    range written the wrong way round is still said; the check that reads the end date
    first read it as missing and stopped (a reviewer's find)."""
    data = yaml.safe_load((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    assert "end_date" not in data["post"]
    data["post"]["pay_range"] = [96000, 88000]
    data["post"]["hours_per_week"] = "lots"
    keys = {p.key for p in docgen.check(data).errors}
    assert {"post.hours_per_week", "post.pay_range"} <= keys, keys
