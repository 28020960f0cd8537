"""A shape error does not hide the checks between keys over the rest of the file: one run of
``docgen check`` lists a date written 01/04/2027 and time shares adding up to 90%. The checks
run only over the top-level keys that validated, so they never report a mistake that is not
there."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import docgen
from docgen.answers.validation import validate
from docgen.answers.yamlfile import load_answer_file
from docgen.errors import AnswerFileError

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
SPLIT = HR.replace("{eastwick: 60, westmere: 40}", "{eastwick: 60, westmere: 30}", 1)
EXAMPLES = [p for p in sorted((ROOT / "inputs").glob("*.yaml"))
            if "extends:" not in p.read_text(encoding="utf-8")
            and "\nparties: [" not in p.read_text(encoding="utf-8")]


def _errors(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    return [(p.key, p.message) for p in docgen.check(post).errors]


def test_a_date_error_and_a_split_error_are_listed_together(tmp_path: Path) -> None:
    assert SPLIT != HR and "start_date: 2027-04-01" in SPLIT
    text = SPLIT.replace("start_date: 2027-04-01", "start_date: 01/04/2027", 1)
    assert _errors(tmp_path, text) == [
        ("post.start_date", "write dates as 2027-04-01 (year-month-day) (found '01/04/2027')"),
        ("time_split.shares", "shares add up to 90%; they must add up to 100%")]


def test_the_checks_over_other_keys_still_stop_at_a_key_with_a_mistake(tmp_path: Path) -> None:
    """A split in days is measured against post.days_per_week: with that key wrong, the sum
    is not checked (its target is not known), and no error is guessed. With another key of
    post: wrong, days_per_week left out is its default (5), as in a valid file: the sum is
    checked against it, as it will be once the date is put right."""
    assert "\n  days_per_week:" not in HR
    text = HR.replace("unit: percent", "unit: days_per_week", 1).replace(
        "{eastwick: 60, westmere: 40}", "{eastwick: 3, westmere: 1}", 1)
    wrong_days = text.replace("start_date: 2027-04-01",
                              "start_date: 2027-04-01\n  days_per_week: five", 1)
    assert [key for key, _ in _errors(tmp_path, wrong_days)] == ["post.days_per_week"]
    wrong_date = text.replace("start_date: 2027-04-01", "start_date: 01/04/2027", 1)
    assert [key for key, _ in _errors(tmp_path, wrong_date)] == ["post.start_date",
                                                                 "time_split.shares"]
    fixed = [key for key, _ in _errors(tmp_path, text)]
    assert fixed == ["time_split.shares"]  # the same error once the date is right


def test_a_mistake_in_the_parties_leaves_the_checks_between_keys_for_later(
        tmp_path: Path) -> None:
    text = SPLIT.replace("kind: local_authority", "kind: council", 1)
    assert [key for key, _ in _errors(tmp_path, text)] == ["parties[0].kind"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("wrong", [["x"], {"zz": 1}], ids=["list", "mapping"])
def test_a_mistake_in_one_key_gives_no_error_under_any_other(example: Path, wrong: Any) -> None:
    """Each top-level key of each example written as a value of the wrong kind: every error
    is under that key, none from a check between keys run on a partial file."""
    data = load_answer_file(example).data
    for key in data:
        located = load_answer_file(example)
        located.data = copy.deepcopy(data)
        located.data[key] = wrong
        with pytest.raises(AnswerFileError) as raised:
            validate(located)
        assert [p.path for p in raised.value.problems if p.path[:1] != (key,)] == [], key


def test_a_key_with_a_mistake_is_not_read_as_its_default(tmp_path: Path) -> None:
    """legal_basis: other needs legal_basis_text: written wrongly, it is not read as left
    out (its default), which would add 'say which power applies'."""
    text = HR.replace("legal_basis: lga_1972_s113\n", "legal_basis: other\n"
                      "legal_basis_text: [section 75]\n", 1)
    assert [key for key, _ in _errors(tmp_path, text)] == ["legal_basis_text"]
