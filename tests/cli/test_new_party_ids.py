"""``docgen new`` gives a body written out an id unlike every organisation profile's, so
NHS Highland is never given the id of the profile ``highland`` (The Highland Council)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest

from docgen.cli.new import ask_answers


def _answers(monkeypatch: pytest.MonkeyPatch, partners: str) -> dict[str, Any]:
    def prompt(text: str, default: Any = None, **_: Any) -> Any:
        return partners if text.startswith("Partner bodies") else default
    monkeypatch.setattr(click, "prompt", prompt)
    return ask_answers({"reference": "HIGH-01"},
                       {"highland": Path("organisations/highland.yaml")})


@pytest.mark.parametrize("partners", ["NHS Highland; highland", "highland; NHS Highland"])
def test_a_body_written_out_does_not_take_a_profiles_id(
        monkeypatch: pytest.MonkeyPatch, partners: str) -> None:
    fresh = _answers(monkeypatch, partners)
    ids = [p if isinstance(p, str) else p["id"] for p in fresh["parties"]]
    assert sorted(ids) == ["highland", "nhs_highland"]
    assert "highland" in fresh["parties"]  # the profile, by id
    nhs = next(p for p in fresh["parties"] if not isinstance(p, str))
    assert nhs["name"] == "NHS Highland"
