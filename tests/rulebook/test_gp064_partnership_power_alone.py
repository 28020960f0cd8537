"""GP064, and GP059 under ``legal_basis: other`` (a lawyer's review, 6 December 2026, finding
2): section 75 of the National Health Service Act 2006 (section 33 of the National Health
Service (Wales) Act 2006 in Wales) provides for partnership arrangements and pooled funds, not
for placing staff, so naming it as the only power leaves the post-holder placed under
nothing. The warning suggests s.113 of the Local Government Act 1972 (s.113(1A)(b) for an
NHS body's officer placed at a council's disposal), the pooled fund staying under its own
partnership agreement. GP059 now compares the VAT rationale with the power named in words:
a rationale citing s.113 beside an agreement relying on s.75 says two things."""

from __future__ import annotations

from typing import Any

from legal_answers import answers

from docgen import check
from docgen.rulebook.registry import way

S75 = "section 75 of the National Health Service Act 2006"
S33 = "section 33 of the National Health Service (Wales) Act 2006"


def _found(data: dict[str, Any], rule: str) -> list[Any]:
    return [p for p in check(data).problems if p.rule == rule]


def test_section_75_alone_is_warned_about_and_section_113_suggested() -> None:
    [p] = _found(answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75),
                 "GP064")
    assert p.message.startswith(f"{S75} provides for partnership arrangements")
    assert "it does not place staff" in p.message
    assert "Section 113(1A)(b) of the Local Government Act 1972 places an NHS body's officer " \
        "at a local authority's disposal" in p.message
    assert p.message.endswith("keeping the pooled fund under its own section 75 agreement, "
                              "and have it confirmed by a lawyer")
    assert p.fix is not None
    assert p.fix.ways == (way("legal_basis=lga_1972_s113"), way("legal_basis=secondment"))


def test_section_33_alone_in_wales_is_warned_about() -> None:
    data = answers("nhs-trust-employs-dph", jurisdiction="wales", legal_basis="other",
                   legal_basis_text=S33)
    [p] = _found(data, "GP064")
    assert "its own section 33 agreement" in p.message


def test_where_section_113_does_not_reach_a_secondment_or_another_power_is_asked_for() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    data["parties"][0]["kind"] = "other_public_body"  # s.113 places no one with it
    [p] = _found(data, "GP064")
    assert p.fix is not None
    assert p.fix.ways == (way("legal_basis=secondment"), way("legal_basis_text"))


def test_section_75_beside_the_power_that_places_the_post_holder_is_quiet() -> None:
    for text in (f"section 113(1A)(b) of the Local Government Act 1972, the pooled fund under "
                 f"{S75}", f"a secondment, the recharge paid from the pooled fund under {S75}"):
        assert not _found(answers("nhs-trust-employs-dph", legal_basis="other",
                                  legal_basis_text=text), "GP064"), text
    assert not _found(answers("nhs-trust-employs-dph"), "GP064")
    # s.75 in Scotland is a power of another country: GP059's, not this
    data = answers("nhs-trust-employs-dph", jurisdiction="scotland", legal_basis="other",
                   legal_basis_text=S75)
    assert not _found(data, "GP064") and _found(data, "GP059")


def test_a_vat_rationale_citing_section_113_beside_section_75_in_words_is_warned_about() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    [p] = _found(data, "GP059")  # the Trust's rationale: placed under s.113(1A)(b)
    assert p.path == ("payment", "vat", "rationale")
    assert p.message.startswith("the VAT rationale cites section 113 of the Local Government "
                                f"Act 1972, but the post is placed under {S75}")
    data = answers("nhs-trust-employs-dph", legal_basis="other",
                   legal_basis_text="section 113(1A)(b) of the Local Government Act 1972")
    assert not _found(data, "GP059")  # the words and the rationale cite the same power


def test_a_vat_rationale_citing_a_pooled_fund_the_words_do_not_name_may_be_acknowledged() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other",
                   legal_basis_text="section 113(1A)(b) of the Local Government Act 1972",
                   payment__vat__rationale=f"Paid from the pooled fund under {S75}.")
    [p] = _found(data, "GP059")
    assert "this agreement makes no pooled fund" in p.message
    assert "or acknowledge GP059" in p.message
    data["legal_basis_text"] += f", the pooled fund under {S75}"
    assert not _found(data, "GP059")
