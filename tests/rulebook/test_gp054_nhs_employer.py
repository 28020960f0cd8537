"""GP054 when an NHS body employs: a lawyer's review (7 December 2026, finding 1) found that
GP054 told an integrated care board's post-holder, made a council's director of adult social
services under section 75 of the NHS Act 2006, that "an agreement under section 113 … treats
the post-holder as an officer of the Council (section 113(2))", while the agreement it led to
said, rightly, that section 113(2) treats as the council's officer only one placed under
section 113(1), not an NHS body's officer placed under section 113(1A)(b). With an NHS
employer GP054 now gives that caveat and the sure ways out: the council employs, or one of
its own officers holds the role; section 113 only with a lawyer's confirmation that the
role's own statute allows it."""

from __future__ import annotations

from typing import Any

from legal_answers import answers

from docgen import check
from docgen.rulebook.registry import way

S75 = "section 75 of the National Health Service Act 2006"


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


def test_an_nhs_employer_is_not_promised_the_section_113_2_deeming() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    [p] = _gp054(data)
    assert "(section 113(2))" not in p.message
    assert "treats the post-holder as an officer of" not in p.message
    assert ("section 113(2), which treats an officer placed under section 113(1) as an officer "
            "of the authority it is placed with, says nothing of an NHS body's officer placed "
            "under section 113(1A)(b)") in p.message
    assert "Make the County Council the employer" in p.message
    assert "the role's own statute" in p.message
    council = next(q["id"] for q in data["parties"] if q["id"] != data["employer"])
    assert p.fix is not None and p.fix.ways[0] == way(f"employer={council}")
    assert way("legal_basis=lga_1972_s113") in p.fix.ways


def test_under_a_secondment_too() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="secondment")
    [p] = _gp054(data)
    assert "under section 113(1A)(b)" in p.message and "(section 113(2))" not in p.message


def test_a_council_employer_keeps_the_section_113_advice() -> None:
    data = answers("four-districts-monitoring-officer", legal_basis="secondment")
    said = [p.message for p in _gp054(data)]
    assert said and all("(section 113(2)), which a secondment does not" in m for m in said)
