"""A lawyer's review (B6), read back from the .docx: under ``legal_basis: secondment`` the
agreement's background clause dropped the paragraph on the powers the Parties rely on, which
the section 113 version prints. A council receiving a secondee still relies on s.111 of the
Local Government Act 1972 and its general power of competence, and an NHS body on its NHS Act
powers. The paragraph is now printed for a secondment in England and Wales with the same
jurisdiction-aware powers; in Scotland and Northern Ireland, where those Acts do not apply, a
drafting note asks legal review to name the powers instead."""

from __future__ import annotations

from legal_answers import FOUR, NI, SCOT, WALES, answers, clause, text

S111 = ("each Party that is a local authority: section 111 of the Local Government Act 1972 "
        "(powers incidental to its functions) and its general power of competence under ")
LOCALISM = "section 1 of the Localism Act 2011"
WELSH_GPC = "section 24 of the Local Government and Elections (Wales) Act 2021"
NHS_ACT = "its powers under the National Health Service Act 2006."
SECONDED = "by way of secondment on the terms of this Agreement"
NHS_TRUST = "nhs-trust-employs-dph"


def _background(t: str) -> str:
    return clause(t, "Background", "Interpretation")


def test_an_english_secondment_to_a_council_names_the_councils_and_nhs_powers() -> None:
    t = _background(text(answers(NHS_TRUST, legal_basis="secondment")))
    assert SECONDED in t
    assert "The Parties rely, so far as necessary, on the following powers:" in t
    assert S111 + LOCALISM + ";" in t
    assert NHS_ACT in t


def test_a_welsh_secondment_names_the_welsh_general_power() -> None:
    t = _background(text(answers(WALES, legal_basis="secondment")))
    assert SECONDED in t
    assert S111 + WELSH_GPC + "." in t
    assert LOCALISM not in t


def test_an_english_secondment_between_councils_alone_has_no_nhs_item() -> None:
    t = _background(text(answers(FOUR, legal_basis="secondment")))
    assert S111 + LOCALISM + "." in t
    assert "National Health Service" not in t


def test_section_113_wording_is_unchanged() -> None:
    t = _background(text(answers(NHS_TRUST)))
    assert "The Parties also rely, so far as necessary, on the following powers:" in t
    assert S111 + LOCALISM + ";" in t and NHS_ACT in t


def test_scotland_and_northern_ireland_secondments_ask_for_the_powers() -> None:
    for name, law in ((SCOT, "Scotland"), (NI, "Northern Ireland")):
        t = text(answers(name, legal_basis="secondment", legal_basis_text=None))
        background = _background(t)
        assert SECONDED in background
        assert "following powers" not in background and "Localism" not in background
        assert (f"This Agreement names none under the law of {law}; confirm the power under "
                "which each Party takes part in the Arrangement") in t
