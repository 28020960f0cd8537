"""A party written out in full does not read its organisation profile, in the interview as
in docgen (``answers.organisation.profile_wanted``). The interview completed every party
whose id had a profile, and took the employer's policy from it: the Head of HR post, its
employer written out in full and its on-costs left out, showed the profile's two on-costs
on its payment page, while docgen built it with none (and the money panel, docgen's own
figures, showed none)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview, Shown  # noqa: E402

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


def _on_costs(web: Interview) -> list[str]:
    form = web.form("payment")
    return [value for key, values in form.items() for value in values
            if key.startswith("payment.on_costs.") and key.endswith(".name") and value]


def test_an_employer_written_in_full_shows_only_its_own_answers(tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    hr = (INPUTS / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    on_costs = hr[hr.index("  on_costs:\n"):hr.index("\n", hr.index("above: 5000}")) + 1]
    (tmp_path / "head-of-hr.yaml").write_text(hr.replace(on_costs, ""), encoding="utf-8")
    assert docgen.load(tmp_path / "head-of-hr.yaml").payment.on_costs == []
    web = Interview(tmp_path)
    web.open("head-of-hr.yaml")
    assert _on_costs(web) == []
    panel = Shown(web.client.get(f"{web.base}/payment")).text()
    assert "Salary£92,000.00" in panel.replace(" ", "") and "LGPS" not in panel


def test_a_party_given_by_id_still_shows_its_profiles_answers(tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    shutil.copy(INPUTS / "shared-head-of-procurement.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-procurement.yaml")
    on_costs = docgen.load(tmp_path / "shared-head-of-procurement.yaml").payment.on_costs
    assert on_costs and _on_costs(web) == [c.name for c in on_costs]
