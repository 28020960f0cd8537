"""GP055 under England and Wales' law: a director of public health listed for an NHS body
docgen knows is in England (an integrated care board, an NHS foundation trust, NHS England:
``facts/nhs_bodies.py``) is warned about, as under England's law, since in England the
director of public health is a council's office (s.73A of the National Health Service Act
2006). Before, nothing was said under ``england_and_wales`` (``facts/roles.py`` leaves that
row awaiting a lawyer). In Wales a Local Health Board employs its director of public health,
so a Welsh health board, or an NHS body whose country is open, is not warned about."""

from __future__ import annotations

import copy
from typing import Any

from docx_read import top_paragraphs

from docgen import check, render

from .test_rules import example


def _dph_for(name: str) -> dict[str, Any]:
    """The DPH example (England and Wales' law), the role listed for its NHS party renamed."""
    data = copy.deepcopy(example("dph"))
    assert data["jurisdiction"] == "england_and_wales"
    data["parties"][1]["name"] = name
    data["post"]["statutory_roles"] = [{"party": "icb", "role": "Director of Public Health"}]
    return data


def _gp055(data: dict[str, Any]) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP055"]


def test_a_dph_listed_for_an_english_nhs_body_is_warned_about() -> None:
    for name in ("NHS Northbridge and Vale Integrated Care Board",
                 "Northbridge Hospitals NHS Foundation Trust"):
        [said] = _gp055(_dph_for(name))
        assert said.startswith("'Director of Public Health' is listed for the ICB"), said
        assert "the director of public health is an office of a local authority (section 73A " \
            "of the National Health Service Act 2006)" in said, said
        assert "with none of that office's statutory wording" in said, said


def test_a_welsh_or_open_nhs_body_is_not() -> None:
    for name in ("Aneurin Bevan University Health Board",  # in Wales an LHB employs its DPH
                 "Public Health Wales NHS Trust",
                 "Northbridge Community Health NHS Trust"):  # its country is open
        assert not _gp055(_dph_for(name)), name


def test_the_dph_given_to_the_council_is_not() -> None:
    data = _dph_for("NHS Northbridge and Vale Integrated Care Board")
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Director of Public Health"}]
    assert not _gp055(data)


def test_the_documents_print_none_of_the_offices_wording_as_the_warning_says() -> None:
    data = _dph_for("NHS Northbridge and Vale Integrated Care Board")
    out = []
    for blob in render(data, documents=["agreement", "contract"]).documents.values():
        out += [t for style_id, _, t in top_paragraphs(blob) if style_id != "DGNote"
                and not t.startswith("Note for legal review:")]
    text = "\n".join(out)
    assert "Director of Public Health" in text  # listed as the ICB's role
    assert "section 73A" not in text


def test_under_englands_law_a_welsh_health_board_is_left_to_gp067() -> None:
    """Under England's law alone a DPH listed for a Local Health Board drew GP055's s.73A
    advice (give the role to the council), though in Wales a Local Health Board employs its
    own director of public health: GP055 says nothing, and GP067 warns that a Welsh body is
    under England's law. An English NHS body under England's law is still warned about."""
    data = _dph_for("Aneurin Bevan University Health Board")
    data["jurisdiction"] = "england"
    assert not _gp055(data)
    assert [p.rule for p in check(data).problems if p.rule == "GP067"] == ["GP067"]
    data = _dph_for("NHS Northbridge and Vale Integrated Care Board")
    data["jurisdiction"] = "england"
    [said] = _gp055(data)
    assert "section 73A of the National Health Service Act 2006" in said, said
