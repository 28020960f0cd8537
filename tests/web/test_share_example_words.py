"""A partner's share of the time is asked for with an example in the unit the time is
divided in, chosen as the words are made: the example of each unit is data
(``share_examples`` in docgen/web/problem_words.yaml), never a "for example 60" swapped
for "2.5" in words already made (``unit_example.by_unit`` did that after each message)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.errors import DocgenError, Problem  # noqa: E402
from docgen.web import unit_example  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

SAYS = "Time split: Enter each partner's share of the time as a number, for example {}"
SHIPPED = Path(unit_example.__file__).with_name("problem_words.yaml")


def _split(unit: str) -> tuple[dict[str, Any], Problem]:
    data = yaml.safe_load((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["time_split"] = {**data["time_split"], "unit": unit,
                          "shares": {"eastwick": "1.5 days", "westmere": 3.5}}
    found = [p for p in docgen.check(data).errors
             if p.path == ("time_split", "shares", "eastwick")]
    assert found, docgen.check(data).errors
    return data, found[0]


def _said(data: dict[str, Any], problem: Problem) -> str:
    return problem_text(problem.message, problem.path, party_names(data), problem.severity,
                        code=problem.code, rule=problem.rule, fix=problem.fix, answers=data)


@pytest.mark.parametrize(("unit", "example"), [
    ("days_per_week", "2.5"), ("hours_per_week", "18.5"), ("percent", "60")])
def test_the_words_are_made_with_the_units_example(unit: str, example: str) -> None:
    """Said once, by the function that words the problem: nothing rewrites it after."""
    assert _said(*_split(unit)) == SAYS.format(example)


def test_each_units_example_is_the_wording_files(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """An editor changes the example in the file, no Python: the page says the new one."""
    edited = tmp_path / "problem_words.yaml"
    edited.write_text(SHIPPED.read_text("utf-8").replace("days_per_week: '2.5'",
                                                         "days_per_week: '1.5'"), "utf-8")
    monkeypatch.setattr(unit_example, "EXAMPLES", edited)
    assert _said(*_split("days_per_week")) == SAYS.format("1.5")
    assert _said(*_split("percent")) == SAYS.format("60")  # the question's own example


def test_a_unit_left_out_of_the_file_is_named(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    edited = tmp_path / "problem_words.yaml"
    edited.write_text(SHIPPED.read_text("utf-8").replace("  hours_per_week: '18.5'\n", ""),
                      "utf-8")
    monkeypatch.setattr(unit_example, "EXAMPLES", edited)
    with pytest.raises(DocgenError, match=r"problem_words\.yaml: share_examples\."
                                          r"hours_per_week"):
        _said(*_split("hours_per_week"))
