"""GP054 under ``legal_basis: other``: a lawyer's review (6 December 2026, finding 1) found
that a power named in words let a council make someone who is not its officer its statutory
officer with no warning. A director of public health "is to be an officer of the local
authority" (s.73A(2) of the National Health Service Act 2006); a council designates "one of
their officers" as monitoring officer (s.5(1) of the Local Government and Housing Act 1989).
Section 75 of the NHS Act 2006, s.1 of the Localism Act 2011 and s.111 of the Local
Government Act 1972 make no one the host's officer; s.113(2) of the 1972 Act does, so words
citing s.113 are quiet, as is the employer's own office."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from legal_answers import answers
from yaml_text import load_yaml

from docgen import check
from docgen.rulebook.registry import way

S75 = "section 75 of the National Health Service Act 2006"
EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"
LOCALISM = "section 1 of the Localism Act 2011 and section 111 of the Local Government Act 1972"


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


def test_a_trust_employee_made_the_councils_dph_under_section_75_is_warned_about() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    [p] = _gp054(data)
    assert p.message.startswith(
        "the County Council is to make the post-holder its Director of Public Health, a "
        "statutory office a local authority gives to one of its own officers, but under "
        "section 75 of the National Health Service Act 2006 the post-holder remains an officer "
        "of the Trust only.")
    # an NHS employer: s.113(2) does not reach s.113(1A)(b) (test_gp054_nhs_employer.py), so
    # s.113 is offered with a lawyer's confirmation, after the council employing
    assert p.fix is not None and way("legal_basis=lga_1972_s113") in p.fix.ways


def test_a_monitoring_officer_under_the_general_power_is_warned_about() -> None:
    data = answers("four-districts-monitoring-officer", legal_basis="other",
                   legal_basis_text=LOCALISM)
    [p] = _gp054(data)
    assert p.message.startswith("Fenwick is to make the post-holder its Monitoring Officer")
    assert f"under {LOCALISM} the post-holder remains an officer of Hartmoor only" in p.message


def test_words_citing_section_113_or_the_employers_own_office_are_quiet() -> None:
    assert not _gp054(answers("four-districts-monitoring-officer", legal_basis="other",
                              legal_basis_text="section 113 of the Local Government Act 1972"))
    # an NHS employer's officer placed under s.113(1A)(b), which s.113(2) does not reach, is
    # warned about (a lawyer, 7 December 2026: test_gp054_nhs_placed_under_s113.py)
    [p] = _gp054(answers("nhs-trust-employs-dph", legal_basis="other",
                         legal_basis_text="section 113(1A)(b) of the Local Government Act 1972"))
    assert "it is doubtful that the County Council can give the office" in p.message
    data = answers("four-districts-monitoring-officer", legal_basis="other",
                   legal_basis_text=LOCALISM)
    data["post"]["statutory_roles"] = [r for r in data["post"]["statutory_roles"]
                                       if r["party"] == "hartmoor"]  # the employer's own
    assert not _gp054(data)


def test_the_named_bases_are_as_before() -> None:
    assert not _gp054(answers("four-districts-monitoring-officer"))  # s.113(1), s.113(2)
    # s.113(1A)(b): doubtful, as the agreement's note says (test_gp054_nhs_placed_under_s113)
    assert _gp054(answers("nhs-trust-employs-dph"))
    assert _gp054(answers("nhs-trust-employs-dph", legal_basis="secondment"))


def _scottish_hr(text: str) -> dict[str, Any]:
    data = load_yaml(EXAMPLE.read_text("utf-8"))
    data.update(jurisdiction="scotland", legal_basis="other", legal_basis_text=text)
    data["post"]["statutory_roles"] = [{"party": "westmere", "role": "Chief Social Work Officer"}]
    return data


def test_in_scotland_a_power_in_words_is_said_as_a_secondment_is() -> None:
    text = "the Public Bodies (Joint Working) (Scotland) Act 2014"
    [p] = _gp054(_scottish_hr(text))
    assert f"but under {text} the post-holder remains an officer of Eastwick only" in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("post.statutory_roles.0=-"), way("employer=westmere"))
    # words citing s.35 of the 1966 Act: the same advice as legal_basis: lgs_1966_s35
    [p] = _gp054(_scottish_hr("section 35 of the Local Government (Scotland) Act 1966"))
    assert "Take legal advice" in p.message


def test_quiet_in_northern_ireland() -> None:
    data = _scottish_hr("section 1 of the Localism Act 2011")
    data["jurisdiction"] = "northern_ireland"
    assert not _gp054(data)
