"""The live check stands the scaffold in only for the answers that are wrong elsewhere: a
time split in hours is checked against the post's own hours even while another page has a
wrong answer (before, the whole post section was swapped for the scaffold's 37 hours)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

pytest.importorskip("ruamel.yaml")

from docgen.web.checking import live  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402


def _post(westmere_hours: int, end_date: object = None) -> dict:
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data["post"]["hours_per_week"] = 30
    if end_date is not None:
        data["post"]["end_date"] = end_date
    data["time_split"] = {"unit": "hours_per_week",
                          "shares": {"eastwick": 20, "westmere": westmere_hours}}
    return data


def _said(data: dict) -> list[tuple[tuple, str]]:
    return [(p.path, p.message) for p in live(data, owns=("time_split",)).errors]


def test_a_right_split_stays_right_while_another_page_is_wrong() -> None:
    assert _said(_post(10)) == []
    said = _said(_post(10, end_date="not a date"))
    assert [path for path, _ in said] == [("post", "end_date")]


def test_a_wrong_split_is_measured_against_the_posts_own_hours() -> None:
    said = dict(_said(_post(15, end_date="not a date")))
    assert "post.hours_per_week (30)" in said[("time_split", "shares")]
    assert "35 hours" in said[("time_split", "shares")]
